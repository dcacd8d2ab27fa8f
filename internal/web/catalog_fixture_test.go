package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/net/html"

	"rathaus/internal/catalog"
	"rathaus/internal/hours"
)

// A small catalogue for the service finder's tests: two offices, two life
// situations, six services, one of them archived after the import.

// berlin is the city's zone, for fixed instants in tests.
var berlin = cityLocation()

// cityTime is a wall-clock time in the city.
func cityTime(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, berlin)
}

// withCatalog gives the server a service catalogue on its database.
func withCatalog(o *Options) {
	now := o.Now
	o.Services = &catalog.Catalog{Store: o.Audit.(catalog.Store), Audit: o.Audit, Now: func() time.Time { return now() }}
}

// withNow fixes the server's clock.
func withNow(t time.Time) func(*Options) {
	return func(o *Options) { o.Now = func() time.Time { return t } }
}

// catalogEnv is a server with the test catalogue, its clock at now.
type catalogEnv struct {
	*testEnv
	ids map[string]int64 // service and office keys -> ids
}

func newCatalogEnv(t testing.TB, now time.Time, change ...func(*Options)) *catalogEnv {
	t.Helper()
	e := newEnv(t, append([]func(*Options){withNow(now), withCatalog}, change...)...)
	ctx := context.Background()
	if _, err := e.srv.opts.Services.Import(ctx, testBundle()); err != nil {
		t.Fatalf("import: %v", err)
	}
	ce := &catalogEnv{testEnv: e, ids: map[string]int64{}}
	services, err := e.db.FindServices(ctx, catalog.ServiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range services {
		ce.ids[s.ExternalID] = s.ID
	}
	offices, err := e.db.FindOffices(ctx, catalog.OfficeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range offices {
		ce.ids[o.ExternalID] = o.ID
	}
	if err := e.db.SetServiceStatus(ctx, ce.ids["archiviert"], catalog.StatusArchived, now); err != nil {
		t.Fatal(err)
	}
	return ce
}

func floatPtr[T any](v T) *T { return &v }

func weekdays(spans ...hours.Interval) [7][]hours.Interval {
	var w [7][]hours.Interval
	for d := time.Monday; d <= time.Friday; d++ {
		w[d] = spans
	}
	return w
}

func testBundle() *catalog.Bundle {
	return &catalog.Bundle{
		Format: catalog.BundleFormat,
		Source: "test",
		LifeSituations: []catalog.BundleLifeSituation{
			{Slug: "umzug", Name: "Umzug", Description: "Sie ziehen nach Jena oder innerhalb der Stadt um.", Position: 1},
			{Slug: "familie", Name: "Familie und Kinder", Position: 2},
		},
		Offices: []catalog.BundleOffice{
			{
				Key: "buergerbuero", Name: "Bürgerbüro Jena",
				Address: catalog.Address{Street: "Am Anger", HouseNo: "15", PostalCode: "07743", City: "Jena", Hint: "Eingang Löbdergraben"},
				Lat:     floatPtr(50.92714), Lon: floatPtr(11.58627), Phone: "+49 3641 49-2000", Email: "buergerbuero@jena.example",
				Hours: hours.Hours{
					Weekly:     weekdays(hours.Interval{From: 8 * 60, To: 18 * 60}),
					Exceptions: []hours.Exception{{Date: hours.Date{Year: 2026, Month: time.December, Day: 24}, Closed: true, Note: "Heiligabend"}},
					Holidays:   "TH",
				},
				Accessibility: catalog.Accessibility{StepFree: true, Lift: true, Note: "Klingel am Seiteneingang"},
			},
			{
				Key: "kfz", Name: "Kfz-Zulassungsstelle",
				Address: catalog.Address{Street: "Lobdaburgstraße", HouseNo: "2", PostalCode: "07747", City: "Jena"},
				Hours:   hours.Hours{Weekly: weekdays(hours.Interval{From: 8 * 60, To: 12 * 60}, hours.Interval{From: 13 * 60, To: 15 * 60}), Holidays: "TH"},
			},
		},
		Services: []catalog.BundleService{
			{Key: "perso", Offices: []string{"buergerbuero"}, Content: catalog.Content{
				LeiKa: []string{"99102013001000"}, Name: "Personalausweis beantragen",
				Summary:       "Einen neuen Personalausweis beantragen, wenn der alte abläuft oder verloren ist.",
				Description:   "Der Personalausweis weist Sie als deutsche Staatsangehörige aus.\n\nEr gilt zehn Jahre, bis zum Alter von 24 Jahren sechs Jahre.",
				Prerequisites: []string{"Sie sind Deutsche oder Deutscher.", "Sie wohnen in Jena."},
				Documents:     []string{"Biometrisches Passfoto", "Bisheriger Ausweis"},
				Fees:          []catalog.Fee{{Label: "ab 24 Jahren", Cents: 3700}, {Label: "unter 24 Jahren", Cents: 2280}},
				Deadlines:     "Beantragen Sie den neuen Ausweis rechtzeitig vor Ablauf.", ProcessingTime: "etwa drei bis vier Wochen",
				LegalBases:     []catalog.LegalBasis{{Citation: "§ 9 Personalausweisgesetz (PAuswG)", URL: "https://www.gesetze-im-internet.de/pauswg/__9.html"}},
				Links:          []catalog.Link{{Kind: catalog.LinkForm, Title: "Vollmacht zur Abholung", URL: "https://jena.example/vollmacht.pdf"}},
				Keywords:       []string{"Perso", "Ausweis", "Perso weg"},
				TargetGroups:   []string{catalog.TargetPeople},
				OZGLevel:       2,
				AppointmentURL: "https://termine.jena.example/ausweis",
				EasyLanguage:   "Sie brauchen einen neuen Ausweis.\n\nKommen Sie ins Bürgerbüro.",
				Duration:       15,
			}},
			{Key: "anmeldung", Offices: []string{"buergerbuero"}, Content: catalog.Content{
				LeiKa: []string{"99115001001000"}, Name: "Wohnsitz anmelden",
				Summary:        "Nach einem Umzug melden Sie Ihre neue Wohnung innerhalb von zwei Wochen an.",
				Documents:      []string{"Wohnungsgeberbestätigung", "Personalausweis oder Reisepass"},
				Fees:           []catalog.Fee{{Label: "Anmeldung", Cents: 0}},
				Keywords:       []string{"umgezogen", "Ummeldung", "neue Wohnung"},
				LifeSituations: []string{"umzug"}, TargetGroups: []string{catalog.TargetPeople},
				OZGLevel: 3, OnlineURL: "https://online.jena.example/anmeldung",
			}},
			{Key: "hund", Content: catalog.Content{
				LeiKa: []string{"99101003001000"}, Name: "Hund anmelden",
				Summary:  "Hunde müssen zur Hundesteuer angemeldet werden.",
				Fees:     []catalog.Fee{{Label: "Hundesteuer im Jahr", Cents: 9000, MaxCents: 60000}},
				Keywords: []string{"Hundesteuer", "Hundemarke"}, LifeSituations: []string{"familie"}, TargetGroups: []string{catalog.TargetPeople},
				OZGLevel: 4, OnlineURL: "https://online.jena.example/hund",
			}},
			{Key: "parken", Offices: []string{"kfz"}, Content: catalog.Content{
				Name: "Anwohnerparkausweis beantragen", Summary: "Mit dem Ausweis parken Sie in Ihrem Wohngebiet.",
				Fees: []catalog.Fee{{Label: "für ein Jahr", Cents: 3050}}, LifeSituations: []string{"umzug"}, TargetGroups: []string{catalog.TargetPeople},
			}},
			{Key: "fahrzeug", Offices: []string{"kfz"}, Content: catalog.Content{
				Name: "Änderung der Fahrzeugdaten", Summary: "Änderungen an Ihrem Fahrzeug in die Papiere eintragen lassen.",
				TargetGroups: []string{catalog.TargetPeople, catalog.TargetCompanies},
			}},
			{Key: "gewerbe", Content: catalog.Content{
				Name: "Gewerbe anmelden", Summary: "Wer ein Gewerbe beginnt, meldet es beim Gewerbeamt an.",
				Keywords: []string{"Selbstständigkeit", "Firma gründen"}, TargetGroups: []string{catalog.TargetCompanies},
			}},
			{Key: "archiviert", Content: catalog.Content{Name: "Geheimer Ausweis", Summary: "Gibt es nicht mehr.", Keywords: []string{"Ausweis"}}},
		},
	}
}

// newRequest is a GET or POST in the given language.
func newRequest(method, path, lang string) *http.Request {
	r := httptest.NewRequest(method, path, nil)
	if lang != "" {
		r.Header.Set("Accept-Language", lang)
	}
	return r
}

// attrOf is an attribute's value, "" when absent.
func attrOf(n *html.Node, name string) string {
	v, _ := attr(n, name)
	return v
}

// texts are the texts of every match of sel.
func texts(n *html.Node, sel string) []string {
	var out []string
	for _, m := range queryAll(n, sel) {
		out = append(out, text(m))
	}
	return out
}
