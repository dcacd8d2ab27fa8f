package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/hours"
)

func TestOfficeOpenNow(t *testing.T) {
	for _, c := range []struct {
		name   string
		now    time.Time
		lang   string
		want   string
		reason string
	}{
		{"Thursday morning", thursday, "de", "Jetzt geöffnet bis 18:00 Uhr", ""},
		{"Thursday evening", cityTime(2026, time.December, 3, 18, 0), "de", "Jetzt geschlossen, öffnet morgen um 08:00 Uhr", ""},
		{"early morning", cityTime(2026, time.December, 3, 7, 15), "de", "Jetzt geschlossen, öffnet heute um 08:00 Uhr", ""},
		{"Sunday", cityTime(2026, time.December, 6, 11, 0), "de", "Jetzt geschlossen, öffnet morgen um 08:00 Uhr", ""},
		{"Saturday", cityTime(2026, time.December, 5, 11, 0), "de", "Jetzt geschlossen, öffnet Mo, 7.12. um 08:00 Uhr", ""},
		{"Christmas Day", cityTime(2026, time.December, 25, 10, 0), "de", "Jetzt geschlossen, öffnet Mo, 28.12. um 08:00 Uhr", "1. Weihnachtsfeiertag"},
		{"Christmas Eve", cityTime(2026, time.December, 24, 10, 0), "en", "Closed now, opens Mon 28 Dec at 08:00", "Heiligabend"},
		{"English open", thursday, "en", "Open now until 18:00", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newCatalogEnv(t, c.now)
			res := e.do(newRequest("GET", fmt.Sprintf("/standorte/%d", e.ids["buergerbuero"]), c.lang))
			wantStatus(t, res, http.StatusOK)
			got := text(query(res.doc, "#open-now"))
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("open now = %q, want %q", got, c.want)
			}
			if c.reason != "" && !strings.Contains(got, c.reason) {
				t.Errorf("open now = %q, want the reason %q", got, c.reason)
			}
		})
	}
}

func TestOfficePage(t *testing.T) {
	e := newCatalogEnv(t, cityTime(2026, time.December, 21, 9, 0)) // Monday before Christmas
	res := e.get(fmt.Sprintf("/standorte/%d", e.ids["buergerbuero"]))
	wantStatus(t, res, http.StatusOK)
	doc := res.doc
	if got := texts(doc, "main h1"); !slices.Equal(got, []string{"Bürgerbüro Jena"}) {
		t.Errorf("h1 = %q", got)
	}
	main := text(query(doc, "main"))
	for _, want := range []string{"Am Anger 15", "07743 Jena", "Eingang Löbdergraben", "50,92714° N, 11,58627° O"} {
		if !strings.Contains(main, want) {
			t.Errorf("office page lacks %q", want)
		}
	}
	if query(doc, "main a[href='geo:50.927140,11.586270']") == nil {
		t.Error("no geo: link")
	}
	if query(doc, "main a[href*='openstreetmap']") != nil || query(doc, "main a[href*='google']") != nil {
		t.Error("the office page links a third-party map")
	}
	if query(doc, "main a[href='tel:+493641492000']") == nil {
		t.Error("no tel: link")
	}
	week := texts(doc, "#hours-week tbody tr")
	want := []string{"Montag (heute) 08:00–18:00 Uhr", "Dienstag 08:00–18:00 Uhr", "Mittwoch 08:00–18:00 Uhr", "Donnerstag 08:00–18:00 Uhr",
		"Freitag 08:00–18:00 Uhr", "Samstag geschlossen", "Sonntag geschlossen"}
	if !slices.Equal(week, want) {
		t.Errorf("week =\n%q\nwant\n%q", week, want)
	}
	next := texts(doc, "#hours-next tbody tr")
	wantNext := []string{"Mo, 21.12. (heute) 08:00–18:00 Uhr", "Di, 22.12. 08:00–18:00 Uhr", "Mi, 23.12. 08:00–18:00 Uhr",
		"Do, 24.12. geschlossen Heiligabend", "Fr, 25.12. geschlossen 1. Weihnachtsfeiertag",
		"Sa, 26.12. geschlossen 2. Weihnachtsfeiertag", "So, 27.12. geschlossen"}
	if !slices.Equal(next, wantNext) {
		t.Errorf("next days =\n%q\nwant\n%q", next, wantNext)
	}
	access := texts(doc, "main .app-access li")
	if !slices.Contains(access, "Stufenloser Zugang: ja") || !slices.Contains(access, "Rollstuhlgerechtes WC: nein") {
		t.Errorf("accessibility = %q", access)
	}
	if !strings.Contains(main, "Klingel am Seiteneingang") {
		t.Error("accessibility note missing")
	}
	if got := texts(doc, "main .app-columns a"); !slices.Equal(got, []string{"Personalausweis beantragen", "Wohnsitz anmelden"}) {
		t.Errorf("services = %q", got)
	}
}

func TestOfficesList(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get("/standorte")
	wantStatus(t, res, http.StatusOK)
	if got := texts(res.doc, "main .app-office h2 a"); !slices.Equal(got, []string{"Bürgerbüro Jena", "Kfz-Zulassungsstelle"}) {
		t.Errorf("offices = %q", got)
	}
	if got := texts(res.doc, "main .app-office .app-open"); len(got) != 2 || got[1] != "Jetzt geöffnet bis 12:00 Uhr" {
		t.Errorf("open now = %q", got)
	}
	if res := e.get("/standorte/999"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown office: status %d", res.StatusCode)
	}
}

func TestOpenStateWithoutHours(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	f := e.srv.catalogFmt("de")
	if got := f.openState(hours.Hours{}, hours.Status{}); got.Known || got.Text != "Für diesen Standort sind keine Öffnungszeiten bekannt." {
		t.Errorf("no hours: %+v", got)
	}
}

func TestTelURI(t *testing.T) {
	for in, want := range map[string]string{"+49 3641 49-2000": "tel:+493641492000", "115": "tel:115", "(03641) 49-0": "tel:03641490", "12": "", "": "", "+1": ""} {
		if got := telURI(in); got != want {
			t.Errorf("telURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOfficeAccessibilityUnknown: an office nobody described (as every
// imported one) must not claim "no lift"; it says nothing is known.
func TestOfficeAccessibilityUnknown(t *testing.T) {
	e := newCatalogEnv(t, cityTime(2026, time.December, 3, 10, 0))
	res := e.get("/standorte/" + strconv.FormatInt(e.ids["kfz"], 10))
	wantStatus(t, res, 200)
	if !strings.Contains(res.body, "keine Angaben") || strings.Contains(res.body, "Aufzug: nein") {
		t.Error("an office without accessibility data should say nothing is known, not list every feature as missing")
	}
	res = e.get("/standorte/" + strconv.FormatInt(e.ids["buergerbuero"], 10))
	if !strings.Contains(res.body, "Aufzug: ja") {
		t.Error("a described office lost its accessibility list")
	}
}
