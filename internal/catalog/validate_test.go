package catalog_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

func TestContentValidate(t *testing.T) {
	ok := catalog.Content{
		Name:           "Gewerbe-Anmeldung",
		LeiKa:          []string{"99050012104000"},
		OZGLevel:       3,
		TargetGroups:   []string{catalog.TargetCompanies},
		OnlineURL:      "https://service.example/gewerbe",
		AppointmentURL: "http://termin.example/",
		Fees:           []catalog.Fee{{Cents: 5000, MaxCents: 6000}, {Label: "Zweitschrift", Cents: 0}},
		Links:          []catalog.Link{{Kind: catalog.LinkForm, Title: "Formular", URL: "https://x.example/f.pdf"}},
		LegalBases:     []catalog.LegalBasis{{Citation: "§ 14 GewO"}},
		Duration:       20,
	}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid content: %v", err)
	}
	for _, tc := range []struct {
		name   string
		edit   func(c *catalog.Content)
		fields []string
	}{
		{"empty name", func(c *catalog.Content) { c.Name = "  " }, []string{"name"}},
		{"long name", func(c *catalog.Content) { c.Name = strings.Repeat("ä", 201) }, []string{"name"}},
		{"short leika", func(c *catalog.Content) { c.LeiKa = []string{"9905001210400"} }, []string{"leika"}},
		{"letters in leika", func(c *catalog.Content) { c.LeiKa = []string{"9905001210400X"} }, []string{"leika"}},
		{"ozg 5", func(c *catalog.Content) { c.OZGLevel = 5 }, []string{"ozg_level"}},
		{"ozg -1", func(c *catalog.Content) { c.OZGLevel = -1 }, []string{"ozg_level"}},
		{"unknown target group", func(c *catalog.Content) { c.TargetGroups = []string{"aliens"} }, []string{"target_groups"}},
		{"ftp online url", func(c *catalog.Content) { c.OnlineURL = "ftp://x.example/" }, []string{"online_url"}},
		{"protocol-relative appointment url", func(c *catalog.Content) { c.AppointmentURL = "//evil.example/termin" }, []string{"appointment_url"}},
		{"negative fee", func(c *catalog.Content) { c.Fees = []catalog.Fee{{Cents: -1}} }, []string{"fees"}},
		{"range upside down", func(c *catalog.Content) { c.Fees = []catalog.Fee{{Cents: 500, MaxCents: 100}} }, []string{"fees"}},
		{"link without title", func(c *catalog.Content) { c.Links = []catalog.Link{{Kind: catalog.LinkInfo, URL: "https://x.example"}} }, []string{"links"}},
		{"link of unknown kind", func(c *catalog.Content) {
			c.Links = []catalog.Link{{Kind: "video", Title: "x", URL: "https://x.example"}}
		}, []string{"links"}},
		{"legal basis javascript url", func(c *catalog.Content) {
			c.LegalBases = []catalog.LegalBasis{{Citation: "§ 1", URL: "javascript:alert(1)"}}
		}, []string{"legal_bases"}},
		{"negative duration", func(c *catalog.Content) { c.Duration = -5 }, []string{"duration_minutes"}},
		{"two problems", func(c *catalog.Content) { c.Name = ""; c.OZGLevel = 9 }, []string{"name", "ozg_level"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			err := c.Validate()
			if !fault.Is(err, fault.Invalid) {
				t.Fatalf("got %v, want an invalid fault", err)
			}
			var fields []string
			for _, f := range fault.As(err).Fields {
				fields = append(fields, f.Field)
				if f.Key != "error.catalog."+f.Field {
					t.Errorf("field %s has key %q, want error.catalog.%s", f.Field, f.Key, f.Field)
				}
			}
			if diff := cmp.Diff(tc.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}
