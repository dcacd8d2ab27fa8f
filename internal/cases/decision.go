package cases

import (
	"regexp"
	"strings"
	"time"

	"rathaus/internal/form"
	"rathaus/internal/pdf"
)

// Outcomes of a decision, as in State.Outcome and the keys of
// form.Settings.Decisions.
const (
	OutcomeApproved = "approved"
	OutcomeRejected = "rejected"
)

// Decision is the decision document ("Bescheid") on case c with the given
// outcome, dated at, in lang. The body comes from tmpl (the form's
// template for the outcome, see form.Settings.Decisions) or, when tmpl
// has no text, from the city's general template for the outcome, which
// includes a plain-language notice of the right to object
// ("Rechtsbehelfsbelehrung").
//
// The body's paragraphs are separated by blank lines. The placeholders
// {name}, {reference}, {service}, {submitted}, {date}, {reason} and
// {city} are replaced by the applicant's name, the reference, the
// service name, the day of submission, the day of the decision, the
// reason given and the city; any other text in braces is left as it is,
// and replaced values are never read as placeholders themselves.
func Decision(t Translator, lang, city string, c *Case, serviceName string, outcome, reason string, tmpl form.Text, at time.Time) pdf.Document {
	title := t.T(lang, decisionKey("cases.decision.title.", outcome))
	d := docBase(t, lang, city, title, c.Reference, at)
	d.Blocks = append(d.Blocks, pdf.Heading{Level: 1, Text: title})
	if c.Name != "" {
		d.Blocks = append(d.Blocks, pdf.Paragraph{Text: c.Name})
	}
	d.Blocks = append(d.Blocks,
		pdf.KeyValue{Rows: []pdf.Row{
			{Label: t.T(lang, "cases.receipt.reference"), Value: c.Reference},
			{Label: t.T(lang, "cases.receipt.service"), Value: serviceName},
			{Label: t.T(lang, "cases.decision.submitted"), Value: docDate(lang, c.SubmittedAt)},
			{Label: t.T(lang, "cases.decision.date"), Value: docDate(lang, at)},
		}},
		pdf.Spacer{Height: 4},
	)
	body := strings.TrimSpace(tmpl.Get(lang))
	if body == "" {
		body = t.T(lang, decisionKey("cases.decision.template.", outcome))
	}
	values := map[string]string{
		"name": c.Name, "reference": c.Reference, "service": serviceName,
		"submitted": docDate(lang, c.SubmittedAt), "date": docDate(lang, at),
		"reason": strings.TrimSpace(reason), "city": city,
	}
	for _, p := range decisionParagraphs(FillPlaceholders(body, values)) {
		d.Blocks = append(d.Blocks, pdf.Paragraph{Text: p})
	}
	return d
}

// decisionKey is prefix plus the outcome, "other" for an outcome without
// texts of its own.
func decisionKey(prefix, outcome string) string {
	if outcome != OutcomeApproved && outcome != OutcomeRejected {
		outcome = "other"
	}
	return prefix + outcome
}

var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

// FillPlaceholders replaces each {key} in s whose key is in values, in one
// pass: a value containing braces is not read again, and placeholders
// without a value stay as they are.
func FillPlaceholders(s string, values map[string]string) string {
	return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := values[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

var blankLineRE = regexp.MustCompile(`\n[ \t]*\n`)

// decisionParagraphs splits text at blank lines, dropping empty parts.
func decisionParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range blankLineRE.Split(text, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
