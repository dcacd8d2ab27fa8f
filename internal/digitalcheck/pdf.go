package digitalcheck

import (
	"fmt"
	"strconv"
	"strings"

	"rathaus/internal/pdf"
)

// Translator renders the report's texts in a language (i18n.Catalog is
// one).
type Translator interface {
	T(lang, key string, args ...any) string
}

// PDF renders the report for the process owner in lang.
func (r Report) PDF(t Translator, lang, title string) ([]byte, error) {
	return r.Document(t, lang, title).Bytes()
}

// Document is the report as a PDF document: a summary (score, savings),
// a table of the steps, every finding with its explanation, remedy and
// legal reference, the principles touched and the assumptions.
func (r Report) Document(t Translator, lang, title string) pdf.Document {
	tag := "de-DE"
	if lang == "en" {
		tag = "en-GB"
	}
	d := pdf.Document{Title: title, Subject: t.T(lang, "digitalcheck.pdf.subject"), Lang: tag,
		Header: t.T(lang, "digitalcheck.pdf.header"), Footer: t.T(lang, "digitalcheck.pdf.footer"), Compress: true}
	w := writer{t: t, lang: lang}
	d.Blocks = append(d.Blocks, pdf.Heading{Level: 1, Text: title},
		pdf.Paragraph{Text: t.T(lang, "digitalcheck.pdf.intro")})
	d.Blocks = append(d.Blocks, w.summary(r)...)
	d.Blocks = append(d.Blocks, w.stepTable(r)...)
	d.Blocks = append(d.Blocks, w.findings(r)...)
	d.Blocks = append(d.Blocks, w.principles(r)...)
	d.Blocks = append(d.Blocks, w.assumptions(r)...)
	return d
}

type writer struct {
	t    Translator
	lang string
}

func (w writer) tr(key string, args ...any) string { return w.t.T(w.lang, key, args...) }

func (w writer) summary(r Report) []pdf.Block {
	n := len(r.Findings())
	rows := []pdf.Row{
		{Label: w.tr("digitalcheck.pdf.score"), Value: w.tr("digitalcheck.pdf.score_value", r.Score)},
		{Label: w.tr("digitalcheck.pdf.steps"), Value: strconv.Itoa(len(r.Steps))},
		{Label: w.tr("digitalcheck.pdf.findings"), Value: strconv.Itoa(n)},
		{Label: w.tr("digitalcheck.pdf.cases_per_year"), Value: w.number(r.CasesPerYear, 0)},
		{Label: w.tr("digitalcheck.pdf.saving_per_case"), Value: w.duration(r.SavingPerCaseS)},
		{Label: w.tr("digitalcheck.pdf.saving_per_year"), Value: w.quantity("hour", r.SavingPerYearS/3600, 0)},
	}
	return []pdf.Block{pdf.Heading{Level: 2, Text: w.tr("digitalcheck.pdf.summary")}, pdf.KeyValue{Rows: rows}}
}

func (w writer) stepTable(r Report) []pdf.Block {
	tab := pdf.Table{Widths: []float64{2.8, 2.2, 1.6, 2.6, 1.2, 1.6, 1.6}, Header: []string{
		w.tr("digitalcheck.pdf.col.step"), w.tr("digitalcheck.pdf.col.legal_basis"), w.tr("digitalcheck.pdf.col.form"),
		w.tr("digitalcheck.pdf.col.findings"), w.tr("digitalcheck.pdf.col.score"), w.tr("digitalcheck.pdf.col.wait"),
		w.tr("digitalcheck.pdf.col.saving")}}
	for _, s := range r.Steps {
		names := make([]string, len(s.Findings))
		for i, f := range s.Findings {
			names[i] = w.tr("digitalcheck.obstacle." + string(f.Obstacle))
		}
		wait, saving := w.duration(s.Measured.WaitMedianS), w.duration(s.SavingPerCaseS)
		if !s.HasData {
			wait, saving = w.tr("digitalcheck.pdf.no_data"), "–"
		}
		tab.Rows = append(tab.Rows, []string{s.Step.Name, dash(s.Step.LegalBasis), w.tr("digitalcheck.form." + s.Step.Form.String()),
			dash(strings.Join(names, ", ")), strconv.Itoa(s.Score), wait, saving})
	}
	return []pdf.Block{pdf.Heading{Level: 2, Text: w.tr("digitalcheck.pdf.steps_heading")}, tab}
}

func (w writer) findings(r Report) []pdf.Block {
	out := []pdf.Block{pdf.Heading{Level: 2, Text: w.tr("digitalcheck.pdf.findings_heading")}}
	if len(r.Findings()) == 0 {
		return append(out, pdf.Paragraph{Text: w.tr("digitalcheck.pdf.no_findings")})
	}
	for _, s := range r.Steps {
		if len(s.Findings) == 0 {
			continue
		}
		out = append(out, pdf.Heading{Level: 3, Text: s.Step.Name})
		if s.Step.Note != "" {
			out = append(out, pdf.Paragraph{Text: w.tr("digitalcheck.pdf.note", s.Step.Note)})
		}
		for _, f := range s.Findings {
			out = append(out, pdf.KeyValue{Rows: w.findingRows(f)})
		}
	}
	return out
}

func (w writer) findingRows(f Finding) []pdf.Row {
	saving := w.duration(f.SavingPerCaseS)
	args := make([]any, len(f.AssumptionArgs))
	for i, a := range f.AssumptionArgs {
		args[i] = w.duration(a)
	}
	return []pdf.Row{
		{Label: w.tr("digitalcheck.pdf.obstacle"), Value: w.tr("digitalcheck.obstacle."+string(f.Obstacle)) + " (" + w.tr(f.Severity.Key()) + ")"},
		{Label: w.tr("digitalcheck.pdf.principle"), Value: w.principle(f.Principle)},
		{Label: w.tr("digitalcheck.pdf.why"), Value: w.tr(f.Explanation)},
		{Label: w.tr("digitalcheck.pdf.remedy"), Value: w.tr(f.Remedy)},
		{Label: w.tr("digitalcheck.pdf.law"), Value: dash(f.RemedyLaw)},
		{Label: w.tr("digitalcheck.pdf.saving"), Value: saving + " – " + w.tr(f.Assumption, args...)},
	}
}

func (w writer) principle(p int) string {
	return w.tr("digitalcheck.pdf.principle_value", p, w.tr(fmt.Sprintf("digitalcheck.principle.%d", p)))
}

func (w writer) principles(r Report) []pdf.Block {
	var count [6]int
	for _, f := range r.Findings() {
		count[f.Principle]++
	}
	tab := pdf.Table{Widths: []float64{5, 1}, Header: []string{w.tr("digitalcheck.pdf.principle"), w.tr("digitalcheck.pdf.findings")}}
	for p := 1; p <= 5; p++ {
		tab.Rows = append(tab.Rows, []string{w.principle(p), strconv.Itoa(count[p])})
	}
	return []pdf.Block{pdf.Heading{Level: 2, Text: w.tr("digitalcheck.pdf.principles_heading")},
		pdf.Paragraph{Text: w.tr("digitalcheck.pdf.principles_intro")}, tab}
}

func (w writer) assumptions(r Report) []pdf.Block {
	o := r.Options
	return []pdf.Block{pdf.Heading{Level: 2, Text: w.tr("digitalcheck.pdf.assumptions_heading")},
		pdf.Paragraph{Text: w.tr("digitalcheck.pdf.assume_score")},
		pdf.Paragraph{Text: w.tr("digitalcheck.pdf.assume_measured")},
		pdf.Paragraph{Text: w.tr("digitalcheck.pdf.assume_figures", w.duration(o.VisitS), w.duration(o.PostS),
			w.duration(o.TransferS), w.duration(o.HandoverS), w.duration(o.ReentryS))},
		pdf.Paragraph{Text: w.tr("digitalcheck.pdf.assume_cap")},
		pdf.Paragraph{Text: w.tr("digitalcheck.pdf.assume_land_law")},
	}
}

// duration writes seconds in the largest fitting unit: "45 Minuten",
// "1,5 Stunden", "1 Tag".
func (w writer) duration(s float64) string {
	unit, v := "minute", s/60
	switch {
	case s >= 86400:
		unit, v = "day", s/86400
	case s >= 3600:
		unit, v = "hour", s/3600
	}
	decimals := 1
	if unit == "minute" {
		decimals = 0
	}
	return w.quantity(unit, v, decimals)
}

// quantity writes v of unit ("day", "hour", "minute"), singular for 1.
func (w writer) quantity(unit string, v float64, decimals int) string {
	n := w.number(v, decimals)
	if n != "1" {
		unit += "s"
	}
	return w.tr("digitalcheck.unit."+unit, n)
}

// number writes v with at most decimals places, without a trailing ",0",
// with a decimal comma and thousands dots in German.
func (w writer) number(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	s = strings.TrimSuffix(s, ".0")
	whole, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if w.lang != "en" {
		sep, dec = ".", ","
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 && c != '-' && whole[i-1] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// Duration writes seconds as the report does, in the largest fitting unit
// ("45 Minuten", "1,5 Stunden", "1 Tag"), for pages that show the check.
func Duration(t Translator, lang string, seconds float64) string {
	return writer{t: t, lang: lang}.duration(seconds)
}

// Number writes v as the report does: at most decimals places, decimal
// comma and thousands dots in German.
func Number(lang string, v float64, decimals int) string {
	return writer{lang: lang}.number(v, decimals)
}
