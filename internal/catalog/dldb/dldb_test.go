package dldb

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/catalog"
)

const dataDir = "../../../../shared/data/services"

// open returns a real export file, skipping the test when the shared data
// are not checked out next to the repository.
func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(dataDir, name))
	if os.IsNotExist(err) {
		t.Skipf("real DLDB data not found at %s (../shared/data/services next to the repository)", dataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func parseMunich(t *testing.T) *catalog.Bundle {
	t.Helper()
	b, err := Parse(Input{Source: "dldb:muenchen",
		Services:  open(t, "muenchen_dldb_services_de_2026-06.json"),
		Locations: open(t, "muenchen_dldb_locations_de_2026-06.json")})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseMunich(t *testing.T) {
	b := parseMunich(t)
	if len(b.Services) != 287 || len(b.Offices) != 109 {
		t.Fatalf("got %d services and %d offices, want 287 and 109", len(b.Services), len(b.Offices))
	}
	if b.Format != catalog.BundleFormat || b.Source != "dldb:muenchen" {
		t.Errorf("format %q source %q", b.Format, b.Source)
	}
	offices := map[string]bool{}
	for _, o := range b.Offices {
		offices[o.Key] = true
	}
	for _, s := range b.Services {
		if err := s.Content.Validate(); err != nil {
			t.Errorf("service %s %q does not validate: %v", s.Key, s.Name, err)
		}
		for _, k := range s.Offices {
			if !offices[k] {
				t.Errorf("service %s names office %s that the bundle lacks", s.Key, k)
			}
		}
		if strings.ContainsAny(s.Description+s.FeesText, "<>\u200b") && !strings.Contains(s.Description+s.FeesText, "<3") {
			t.Errorf("service %s keeps markup: %q", s.Key, s.Description)
		}
	}
	s := findService(t, b, "1063423")
	if s.Name != "Gewerbe-Anmeldung" || !slices.Equal(s.LeiKa, []string{"99050012104000"}) {
		t.Errorf("Gewerbe-Anmeldung: name %q leika %v", s.Name, s.LeiKa)
	}
	if !slices.Contains(s.Keywords, "Gewerbeschein verloren") || len(s.Keywords) != 12 {
		t.Errorf("keywords %q", s.Keywords)
	}
	if diff := cmp.Diff([]catalog.Fee{{Cents: 5000, MaxCents: 6000, Note: "abhängig von der Rechtsform"}}, s.Fees); diff != "" {
		t.Errorf("fees (-want +got):\n%s", diff)
	}
	for _, want := range []string{"Sie haben eine gewerbliche Niederlassung", "\n\n- Anmeldung starten\n- Mit BayernID anmelden\n  Wenn Sie", "Beratungs- und Informationsangebot."} {
		if !strings.Contains(s.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, s.Description)
		}
	}
	if !strings.HasPrefix(s.Summary, "Sie haben eine gewerbliche Niederlassung") {
		t.Errorf("summary %q", s.Summary)
	}
	want := catalog.Content{Authority: "Stadtverwaltung München", Duration: 20,
		AppointmentURL: "https://stadt.muenchen.de/en/buergerservice/terminvereinbarung.html/#/services/1063423"}
	if s.Authority != want.Authority || s.Duration != want.Duration || s.AppointmentURL != want.AppointmentURL || s.OnlineURL != "" || s.OZGLevel != 0 {
		t.Errorf("got authority %q duration %d appointment %q online %q ozg %d", s.Authority, s.Duration, s.AppointmentURL, s.OnlineURL, s.OZGLevel)
	}
	if !slices.Equal(s.Offices, []string{"10546"}) {
		t.Errorf("offices %v", s.Offices)
	}
	o := b.Offices[0]
	lat, lon := 48.122797372557905, 11.548818308682014
	wantOffice := catalog.BundleOffice{Key: "10546", Name: "Gewerbeamt (KVR-III/21)", Authority: "Kreisverwaltungsreferat",
		Address: catalog.Address{Street: "Implerstraße", HouseNo: "11", PostalCode: "81371", City: "München"},
		Lat:     &lat, Lon: &lon, Phone: "089 233-45141", Email: "gewerbemeldung.kvr@muenchen.de"}
	if diff := cmp.Diff(wantOffice, o); diff != "" {
		t.Errorf("office (-want +got):\n%s", diff)
	}
}

// TestParseMunichLinks checks forms, information links and online
// applications against services whose pages were read by hand.
func TestParseMunichLinks(t *testing.T) {
	b := parseMunich(t)
	var online, forms, infos, fees int
	for _, s := range b.Services {
		if s.OnlineURL != "" {
			online++
		}
		if len(s.Fees) > 0 {
			fees++
		}
		for _, l := range s.Links {
			if l.Kind == catalog.LinkForm {
				forms++
			} else {
				infos++
			}
		}
	}
	t.Logf("%d services with an online application, %d with structured fees; %d forms, %d information links", online, fees, forms, infos)
	if online == 0 || online > 40 {
		t.Errorf("%d services with an online application: the rule is too loose or broken", online)
	}
	for _, s := range b.Services {
		if s.OnlineURL != "" && (strings.Contains(s.OnlineURL, "termin") || strings.HasSuffix(s.OnlineURL, ".pdf")) {
			t.Errorf("%s: online application %q is a booking or a document", s.Name, s.OnlineURL)
		}
		for _, l := range s.Links {
			if l.Title == "Datenschutzgrundverordnung" && l.Kind != catalog.LinkInfo {
				t.Errorf("%s: %q is a %s, want info", s.Name, l.Title, l.Kind)
			}
			if strings.HasPrefix(l.Title, "Antrag") && strings.HasSuffix(l.URL, ".pdf") && l.Kind != catalog.LinkForm {
				t.Errorf("%s: PDF %q is %s, want form", s.Name, l.Title, l.Kind)
			}
			if strings.HasPrefix(l.Title, "Information zum") && l.Kind != catalog.LinkInfo {
				t.Errorf("%s: %q is %s, want info", s.Name, l.Title, l.Kind)
			}
		}
	}
}

func TestParseBerlin(t *testing.T) {
	b, err := Parse(Input{Source: "dldb:berlin",
		Services: open(t, "berlin_dldb_services_names_de_2018.json"),
		Topics:   open(t, "berlin_dldb_topics_de_2018.json")})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Services) < 650 || len(b.Offices) != 0 {
		t.Errorf("got %d services and %d offices, want 650+ and none", len(b.Services), len(b.Offices))
	}
	s := findService(t, b, "120335")
	want := catalog.BundleService{Key: "120335", Status: catalog.StatusPublished, Content: catalog.Content{
		Name:           "Abmeldung einer Wohnung",
		Links:          []catalog.Link{{Kind: catalog.LinkInfo, Title: "Weitere Informationen", URL: "https://service.berlin.de/dienstleistung/120335/"}},
		LifeSituations: []string{"meldewesen-ordnung"},
	}}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("service (-want +got):\n%s", diff)
	}
	if len(b.LifeSituations) < 15 || len(b.LifeSituations) > 20 {
		t.Errorf("%d life situations, want the 15-20 root topics services name", len(b.LifeSituations))
	}
	for _, s := range b.Services {
		if err := s.Content.Validate(); err != nil {
			t.Errorf("service %s does not validate: %v", s.Key, err)
		}
	}
}

// TestParseQuirks feeds the irregularities real exports have.
func TestParseQuirks(t *testing.T) {
	services := `{"data": {
	  "7": {"id": 7, "name": " Hund  anmelden ", "description": null, "leika": "99108004001000, 123",
	        "meta": [], "fees": false, "authorities": null, "locations": [{"location": 42}, {"location": 42}, {"location": 99}],
	        "forms": [{"name": "Online-Antrag", "link": "https://formulare.example/hund", "description": false}],
	        "links": [{"name": "", "link": "https://info.example/hunde", "description": "x"}, {"name": "kaputt", "link": "javascript:void(0)"}],
	        "appointment": {"link": "https://termin.example/#/services/{serviceId}"}, "duration": "15",
	        "relation": false},
	  "8": {"id": "8", "name": "", "description": "<p>ohne Namen</p>"},
	  "9": {"id": "9", "name": "Versteckt", "public": false}
	}}`
	locations := `[{"id": 42, "name": "Bürgerbüro", "organization": null, "address": [], "geo": {"lat": "0", "lon": "0"},
	  "contact": {"email": "kein Mail", "phone": null, "webinfo": "https://buergerbuero.example"},
	  "services": [{"service": 7, "onlineprocessing": {"link": "https://termin.example/#/services/7"}}]}]`
	b, err := Parse(Input{Source: "test", Services: strings.NewReader(services), Locations: strings.NewReader(locations)})
	if err != nil {
		t.Fatal(err)
	}
	want := &catalog.Bundle{Format: catalog.BundleFormat, Source: "test",
		Offices: []catalog.BundleOffice{{Key: "42", Name: "Bürgerbüro", Website: "https://buergerbuero.example"}},
		Services: []catalog.BundleService{{Key: "7", Status: catalog.StatusPublished, Offices: []string{"42"}, Content: catalog.Content{
			Name:  "Hund anmelden",
			LeiKa: []string{"99108004001000"},
			Links: []catalog.Link{
				{Kind: catalog.LinkForm, Title: "Online-Antrag", URL: "https://formulare.example/hund"},
				{Kind: catalog.LinkInfo, Title: "info.example", URL: "https://info.example/hunde"},
			},
			OnlineURL:      "https://formulare.example/hund",
			AppointmentURL: "https://termin.example/#/services/7",
			Duration:       15,
		}}, {Key: "9", Status: catalog.StatusPublished, Content: catalog.Content{Name: "Versteckt"}}},
	}
	if diff := cmp.Diff(want, b); diff != "" {
		t.Errorf("bundle (-want +got):\n%s", diff)
	}
}

func TestParseRejectsBrokenJSON(t *testing.T) {
	if _, err := Parse(Input{Services: strings.NewReader(`{"data": [`)}); err == nil {
		t.Error("broken JSON parsed")
	}
	if _, err := Parse(Input{}); err == nil {
		t.Error("parsed without a services file")
	}
}

func findService(t *testing.T, b *catalog.Bundle, key string) catalog.BundleService {
	t.Helper()
	for _, s := range b.Services {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no service %s", key)
	return catalog.BundleService{}
}
