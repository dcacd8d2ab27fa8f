package digitalcheck

import (
	"fmt"
	"strings"
	"testing"

	"rathaus/internal/i18n"
	"rathaus/internal/pdf/pdftest"
)

// catalog is the real translation catalog; a missing key fails the test.
type catalog struct {
	t *testing.T
	c *i18n.Catalog
}

func (c catalog) T(lang, key string, args ...any) string {
	if !c.c.Has(key) {
		c.t.Errorf("translation key %q is missing", key)
	}
	return c.c.T(lang, key, args...)
}

func translator(t *testing.T) catalog {
	t.Helper()
	c, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return catalog{t, c}
}

// pdfText returns the text a PDF shows on one line.
func pdfText(t *testing.T, b []byte) string { return pdftest.Text(t, b) }

func sampleReport() Report {
	steps := []Step{
		{ID: "a", Name: "Antrag entgegennehmen", Annotation: Annotation{LegalBasis: "§ 64 ThürBO", Form: FormWritten,
			HandwrittenSignature: true, PaperOriginals: true, Payment: PaymentCashOnly, Automated: false, Note: "Nur dienstags"}},
		{ID: "b", Name: "Meldedaten prüfen", Annotation: Annotation{LegalBasis: "§ 1 ThürMeldeG", OnceOnly: "Meldeadresse"}},
		{ID: "c", Name: "Bescheid erlassen", Annotation: Annotation{LegalBasis: "§ 71 ThürBO", Discretion: true}},
		{ID: "d", Name: "Gebühr buchen", Annotation: Annotation{LegalBasis: "§ 2 ThürVwKostG", Payment: PaymentOnline, Automated: true}},
	}
	m := map[string]Measured{
		"Antrag entgegennehmen": {Cases: 900, CasesPerYear: 1200, WaitMedianS: 0},
		"Meldedaten prüfen":     {Cases: 900, CasesPerYear: 1200, WaitMedianS: 4 * day, WaitMeanS: 5 * day},
		"Bescheid erlassen":     {Cases: 880, CasesPerYear: 1173, WaitMedianS: 12 * day},
	}
	return Check(steps, m)
}

func TestReportPDFInBothLanguages(t *testing.T) {
	tr := translator(t)
	r := sampleReport()
	for lang, want := range map[string][]string{
		"de": {"Bauantrag", "Digitalreife", "Befunde und Abhilfen", "Schriftform", "§ 3a VwVfG", "§ 5 Abs. 2 EGovG",
			"Digitale Angebote für alle nutzbar gestalten", "Automatisierung basiert auf eindeutigen Regelungen",
			"Notiz: Nur dienstags", "4 Tage", "Seite 1 von"},
		"en": {"Bauantrag", "Digital readiness", "Findings and remedies", "Written form", "§ 3a VwVfG",
			"Make digital services usable for everyone", "Page 1 of"},
	} {
		d := r.Document(tr, lang, "Bauantrag")
		if u := d.Unsupported(); len(u) > 0 {
			t.Errorf("%s: characters the PDF cannot show: %q", lang, u)
		}
		b, err := r.PDF(tr, lang, "Bauantrag")
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, b)
		for _, s := range r.Steps {
			want = append(want, s.Step.Name)
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the report lacks %q; it reads:\n%s", lang, w, text)
			}
		}
	}
}

func TestNumbersAndDurations(t *testing.T) {
	de, en := writer{translator(t), "de"}, writer{translator(t), "en"}
	for _, c := range []struct {
		got, want string
	}{
		{de.number(1234567.25, 1), "1.234.567,2"},
		{en.number(1234567.25, 1), "1,234,567.2"},
		{de.number(2, 1), "2"},
		{de.number(-1500, 0), "-1.500"},
		{de.duration(90 * 60), "1,5 Stunden"},
		{en.duration(2 * day), "2 days"},
		{de.duration(day), "1 Tag"},
		{en.duration(60), "1 minute"},
		{de.duration(600), "10 Minuten"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestEveryObstacleHasItsTexts(t *testing.T) {
	c := translator(t).c
	keys := []string{"digitalcheck.assumption.no_data"}
	for _, r := range rules {
		f := r.finding(Step{}, Measured{Cases: 1}, DefaultOptions())
		keys = append(keys, "digitalcheck.obstacle."+string(r.obstacle), f.Explanation, f.Remedy, f.Assumption, f.Severity.Key(),
			fmt.Sprintf("digitalcheck.principle.%d", f.Principle))
	}
	for _, n := range formNames {
		keys = append(keys, "digitalcheck.form."+n)
	}
	for _, k := range keys {
		if !c.Has(k) {
			t.Errorf("key %q is missing", k)
		}
	}
}
