package dldb

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
)

func TestParseFees(t *testing.T) {
	for _, tc := range []struct {
		html string
		want []catalog.Fee
	}{
		{"<p>50 bis 60 Euro (abhängig von der Rechtsform)<br><br></p>", []catalog.Fee{{Cents: 5000, MaxCents: 6000, Note: "abhängig von der Rechtsform"}}},
		{"<p>37,00 Euro</p>", []catalog.Fee{{Cents: 3700}}},
		{"10,50 Euro", []catalog.Fee{{Cents: 1050}}},
		{"<p>\n100 bis 147 Euro</p>", []catalog.Fee{{Cents: 10000, MaxCents: 14700}}},
		{"<p>600 - 1000 Euro</p>", []catalog.Fee{{Cents: 60000, MaxCents: 100000}}},
		{"<p>1.250,5 €</p>", []catalog.Fee{{Cents: 125050}}},
		{"<p>Ersatzführerschein: 42,60 Euro</p>", []catalog.Fee{{Label: "Ersatzführerschein", Cents: 4260}}},
		{"<ul>\n <li>Unter 24 Jahren: 37,50 Euro</li>\n <li>Über 24 Jahren: 70 Euro</li></ul>",
			[]catalog.Fee{{Label: "Unter 24 Jahren", Cents: 3750}, {Label: "Über 24 Jahren", Cents: 7000}}},
		{"<ul><li>100 Euro</li><li>50 Euro (Minderjährige)</li></ul>", []catalog.Fee{{Cents: 10000}, {Cents: 5000, Note: "Minderjährige"}}},
		{"<p>12 Monate gültig: 30 Euro<br>24 Monate gültig: 60 Euro</p>", []catalog.Fee{{Label: "12 Monate gültig", Cents: 3000}, {Label: "24 Monate gültig", Cents: 6000}}},
		{"<p>\nGebührenfrei</p>", []catalog.Fee{{Note: "Gebührenfrei"}}},
		{"Es fallen keine Gebühren an.", []catalog.Fee{{Note: "Es fallen keine Gebühren an"}}},
		{"<p>Verlustanzeige: gebührenfrei</p>\n<p>Bescheinigung über den Aufenthaltstitel: 18 Euro</p>",
			[]catalog.Fee{{Label: "Verlustanzeige"}, {Label: "Bescheinigung über den Aufenthaltstitel", Cents: 1800}}},
		// Not simple enough: the text alone describes these.
		{"<p>ab 13,10 Euro zuzüglich Kennzeichenschilder</p>", nil},
		{"<p>ab 12,80 Euro</p>", nil},
		{"<p>Eheschließung: etwa 300 Euro</p>", nil},
		{"<p>40 bis 300 Euro, in der Regel 150 Euro</p>", nil},
		{"<p>13 Euro</p>\n<p>Wenn Sie den Antrag postalisch stellen, überweisen Sie vorab.</p>", nil},
		{"<p>60 bis 50 Euro</p>", nil},
		{"<p>Siehe Übersicht \"Kostenersatz\"</p>", nil},
		{"", nil},
	} {
		t.Run(tc.html, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, ParseFees(PlainText(tc.html))); diff != "" {
				t.Errorf("ParseFees (-want +got):\n%s", diff)
			}
		})
	}
}
