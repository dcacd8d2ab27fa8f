package dldb

import (
	"regexp"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
)

// Fee lines that ParseFees understands, whole lines only:
//
//	37,00 Euro
//	50 bis 60 Euro (abhängig von der Rechtsform)
//	Unter 24 Jahren: 37,50 Euro
//	Verlustanzeige: gebührenfrei
var (
	amount  = `(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d{1,6}(?:,\d{1,2})?)`
	feeLine = regexp.MustCompile(`^(?:([^:]{1,120}):\s*)?` + amount +
		`(?:\s*(?:bis|-|–)\s*` + amount + `)?\s*(?:Euro|EUR|€)` +
		`(?:\s*\(([^()]{1,200})\))?\.?$`)
	freeLine = regexp.MustCompile(`(?i)^(?:([^:]{1,120}):\s*)?` +
		`(gebührenfrei|kostenlos|kostenfrei|keine gebühr(?:en)?|es fallen keine gebühren an)\.?$`)
)

// ParseFees reads structured fees from a fee text in plain text (see
// PlainText). It is deliberately conservative: every non-empty line must
// be a simple amount, a range or "free", optionally after a label and
// followed by a note in brackets; otherwise it returns nil and the text
// alone describes the fees. "ab 13,10 Euro", "etwa 300 Euro" and lines
// that explain rather than state a fee are such cases. A free line without
// a label becomes a fee of 0 whose note is the line's word.
func ParseFees(text string) []catalog.Fee {
	var fees []catalog.Fee
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if line == "" {
			continue
		}
		f, ok := parseFeeLine(line)
		if !ok {
			return nil
		}
		fees = append(fees, f)
	}
	return fees
}

func parseFeeLine(line string) (catalog.Fee, bool) {
	if m := freeLine.FindStringSubmatch(line); m != nil {
		if m[1] == "" {
			return catalog.Fee{Note: m[2]}, true
		}
		return catalog.Fee{Label: strings.TrimSpace(m[1])}, true
	}
	m := feeLine.FindStringSubmatch(line)
	if m == nil {
		return catalog.Fee{}, false
	}
	f := catalog.Fee{Label: strings.TrimSpace(m[1]), Cents: cents(m[2]), Note: strings.TrimSpace(m[4])}
	if m[3] != "" {
		f.MaxCents = cents(m[3])
		if f.MaxCents <= f.Cents {
			return catalog.Fee{}, false
		}
	}
	return f, true
}

// cents reads a German amount: "1.000,5" is 100050.
func cents(s string) int64 {
	s = strings.ReplaceAll(s, ".", "")
	euros, frac, _ := strings.Cut(s, ",")
	e, _ := strconv.ParseInt(euros, 10, 64)
	frac = (frac + "00")[:2]
	c, _ := strconv.ParseInt(frac, 10, 64)
	return e*100 + c
}
