package web

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
)

func TestParseEuroInput(t *testing.T) {
	for in, want := range map[string]int64{
		"37": 3700, "37,00": 3700, "37,5": 3750, "37.00": 3700, "1.234,56": 123456, "1.234": 123400,
		"37,00 €": 3700, "€ 8,20": 820, "0": 0, ",50": 50, "12 EUR": 1200,
	} {
		if got, ok := parseEuroInput(in); !ok || got != want {
			t.Errorf("parseEuroInput(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "zwölf", "-5", "3,456", "1e3", "12,3a"} {
		if got, ok := parseEuroInput(in); ok {
			t.Errorf("parseEuroInput(%q) = %d, want an error", in, got)
		}
	}
	if got := euroInput(123405); got != "1234,05" {
		t.Errorf("euroInput = %q", got)
	}
}

// TestContentFormRoundTrip: what the form shows saves back unchanged,
// spare empty rows included.
func TestContentFormRoundTrip(t *testing.T) {
	org := int64(7)
	c := catalog.Content{
		LeiKa: []string{"99102013104000", "99102013104001"}, Name: "Personalausweis", Summary: "Kurz.",
		Description: "Absatz eins.\n\nAbsatz zwei.", Prerequisites: []string{"Wohnsitz in Jena"},
		Documents: []string{"Foto", "Alter Ausweis"},
		Fees:      []catalog.Fee{{Label: "Regulär", Cents: 3700}, {Label: "Spanne", Cents: 1000, MaxCents: 2550, Note: "je nach Aufwand"}},
		FeesText:  "Gebührenfrei für Bedürftige.", Deadlines: "Sofort", ProcessingTime: "3 Wochen",
		LegalBases: []catalog.LegalBasis{{Citation: "§ 9 PAuswG", URL: "https://www.gesetze-im-internet.de/pauswg/__9.html"}},
		OrgID:      &org, Authority: "Bürgerservice", OfficeIDs: []int64{3, 1},
		Links:    []catalog.Link{{Kind: catalog.LinkForm, Title: "Antrag", URL: "https://jena.de/a.pdf"}},
		Keywords: []string{"Perso"}, LifeSituations: []string{"umzug"}, TargetGroups: []string{catalog.TargetPeople},
		OZGLevel: 3, OnlineURL: "https://jena.de/online", AppointmentURL: "https://jena.de/termin",
		EasyLanguage: "Sie brauchen einen Ausweis.", Duration: 15,
	}
	v := contentValues(c)
	for _, group := range []string{"fees", "legal_bases", "links"} { // the empty rows the form adds
		for i := formRowCount(v, group); i < formRowCount(v, group)+extraFormRows; i++ {
			v.Set(formRowKey(group, i)+"url", "")
		}
	}
	v.Set(formRowKey("links", 5)+"kind", catalog.LinkInfo) // a select has a value even in an empty row
	got, bad := contentFromForm(v)
	if len(bad) > 0 {
		t.Fatalf("form errors: %v", bad)
	}
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestContentFromFormProblems(t *testing.T) {
	_, bad := contentFromForm(url.Values{"name": {"X"}, "fees.0.label": {"A"}, "fees.0.amount": {"viel"},
		"fees.1.max": {"x"}, "fees.1.amount": {"1"}, "duration_minutes": {"eine Stunde"}, "org_id": {"abc"}})
	var fields []string
	for _, f := range bad {
		fields = append(fields, f.Field)
	}
	want := []string{"duration_minutes", "org_id", "fees.0.amount", "fees.1.max"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("fields with problems (-want +got):\n%s", diff)
	}
}
