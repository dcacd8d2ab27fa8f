package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// thursday is an ordinary working day at 10:00 in Jena.
var thursday = cityTime(2026, time.December, 3, 10, 0)

// resultNames are the service names a search page lists, in order.
func resultNames(res *response) []string {
	var names []string
	for _, a := range queryAll(res.doc, "main .app-result h3 a") {
		names = append(names, text(a))
	}
	return names
}

func TestSearchUnderstandsEverydayWords(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	for _, c := range []struct{ name, q, want string }{
		{"colloquial", "Perso weg", "Personalausweis beantragen"},
		{"synonym", "umgezogen", "Wohnsitz anmelden"},
		{"without umlauts", "Aenderung Fahrzeugdaten", "Änderung der Fahrzeugdaten"},
		{"typo", "Personalausweiss", "Personalausweis beantragen"},
		{"compound part", "Parkausweis", "Anwohnerparkausweis beantragen"},
		{"lower case", "hundesteuer", "Hund anmelden"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := e.get("/leistungen?q=" + url.QueryEscape(c.q))
			wantStatus(t, res, http.StatusOK)
			names := resultNames(res)
			if len(names) == 0 || names[0] != c.want {
				t.Errorf("q=%q: got %q, want %q first", c.q, names, c.want)
			}
			if n := len(queryAll(res.doc, "main [role=status]")); n < 1 {
				t.Errorf("no result count with role=status")
			}
		})
	}
}

func TestSearchNeverShowsArchivedServices(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get("/leistungen?q=Geheimer+Ausweis")
	for _, n := range resultNames(res) {
		if n == "Geheimer Ausweis" {
			t.Errorf("archived service listed: %q", resultNames(res))
		}
	}
}

func TestSearchFilters(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"online=1", []string{"Hund anmelden", "Wohnsitz anmelden"}},
		{"lebenslage=umzug", []string{"Anwohnerparkausweis beantragen", "Wohnsitz anmelden"}},
		{"zielgruppe=companies", []string{"Änderung der Fahrzeugdaten", "Gewerbe anmelden"}},
		{"lebenslage=umzug&online=1", []string{"Wohnsitz anmelden"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			res := e.get("/leistungen?" + c.query)
			wantStatus(t, res, http.StatusOK)
			if diff := cmp.Diff(c.want, resultNames(res)); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
			if query(res.doc, "details.app-filters[open]") == nil {
				t.Error("filters are set but their section is closed")
			}
		})
	}
	res := e.get("/leistungen?lebenslage=umzug")
	if sel := query(res.doc, "#search-lebenslage option[selected]"); sel == nil || text(sel) != "Umzug" {
		t.Errorf("life situation select does not keep the choice")
	}
}

func TestSearchFormWithoutQueryOffersBrowsing(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	res := e.get("/leistungen")
	wantStatus(t, res, http.StatusOK)
	if len(queryAll(res.doc, "main h1")) != 1 {
		t.Error("want exactly one h1")
	}
	in := query(res.doc, "form[role=search] input#search-q")
	if in == nil {
		t.Fatal("no search input")
	}
	if typ, _ := attr(in, "type"); typ != "search" {
		t.Errorf("search input type = %q", typ)
	}
	if query(res.doc, "label[for=search-q]") == nil {
		t.Error("search input has no label")
	}
	for _, href := range []string{"/lebenslagen", "/leistungen/a-z", "/standorte"} {
		if query(res.doc, "main a[href='"+href+"']") == nil {
			t.Errorf("no link to %s", href)
		}
	}
	if query(res.doc, "form[action='/leistungen/nicht-gefunden']") != nil {
		t.Error("the miss form shows before anyone searched")
	}
	var scripts []string
	for _, sc := range queryAll(res.doc, "script") {
		scripts = append(scripts, attrOf(sc, "src"))
	}
	if !slices.ContainsFunc(scripts, func(src string) bool { return strings.HasPrefix(src, "/static/suggest.") }) {
		t.Errorf("suggest.js is not included: scripts %q", scripts)
	}
}

func TestSearchPagination(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	// Six published services fit on one page: no pager.
	res := e.get("/leistungen?zielgruppe=people")
	if query(res.doc, "nav.app-pager") != nil {
		t.Error("pager on a single page of results")
	}
	f := searchForm{Text: "ausweis", Online: true, Page: 2}
	if got, want := f.url(3), "/leistungen?online=1&q=ausweis&seite=3"; got != want {
		t.Errorf("url = %q, want %q", got, want)
	}
	if got := readSearch(url.Values{"seite": {"-4"}, "org": {"x"}, "zielgruppe": {"aliens"}}); got != (searchForm{Page: 1}) {
		t.Errorf("bad parameters read as %+v", got)
	}
}

func TestSearchWithoutResultsOffersHelpAndRecordsTheMiss(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	ctx := context.Background()
	res := e.get("/leistungen?q=Xylophonunterricht")
	wantStatus(t, res, http.StatusOK)
	if len(resultNames(res)) != 0 {
		t.Fatalf("unexpected results %q", resultNames(res))
	}
	if got := text(query(res.doc, "#result-count")); got != "Keine Leistung gefunden." {
		t.Errorf("count = %q", got)
	}
	form := query(res.doc, "form[action='/leistungen/nicht-gefunden']")
	if form == nil {
		t.Fatal("no miss form")
	}
	if v, _ := attr(query(form, "#field-q"), "value"); v != "Xylophonunterricht" {
		t.Errorf("miss form query = %q, want the search", v)
	}
	if !strings.Contains(text(query(res.doc, "main")), "115") {
		t.Error("no pointer to the 115 number")
	}

	// Invalid input records nothing and shows the error summary.
	bad := e.postForm("/leistungen/nicht-gefunden", url.Values{"q": {"x"}, "message": {strings.Repeat("a", 1001)}})
	wantStatus(t, bad, http.StatusBadRequest)
	if query(bad.doc, "#error-summary a[href='#field-message']") == nil {
		t.Errorf("no error summary linking to the message field")
	}
	if got := text(query(bad.doc, "#field-message")); len(got) != 1001 {
		t.Errorf("message not kept: %d characters", len(got))
	}
	empty := e.postForm("/leistungen/nicht-gefunden", url.Values{"q": {""}, "message": {"  "}})
	wantStatus(t, empty, http.StatusBadRequest)
	if misses, _ := e.db.FindSearchMisses(ctx, 10); len(misses) != 0 {
		t.Fatalf("invalid posts recorded %d misses", len(misses))
	}

	ok := e.postForm("/leistungen/nicht-gefunden", url.Values{"q": {"Xylophonunterricht"}, "message": {"Musikschule für Kinder"}})
	wantStatus(t, ok, http.StatusSeeOther)
	if loc := ok.Header.Get("Location"); loc != "/leistungen?q=Xylophonunterricht" {
		t.Errorf("redirect to %q", loc)
	}
	misses, err := e.db.FindSearchMisses(ctx, 10)
	if err != nil || len(misses) != 1 {
		t.Fatalf("misses = %v, %v; want one", misses, err)
	}
	if misses[0].Query != "Xylophonunterricht" || misses[0].Message != "Musikschule für Kinder" {
		t.Errorf("miss = %+v", misses[0])
	}
	back := e.get(ok.Header.Get("Location"), cookie(ok, flashCookie))
	if got := text(query(back.doc, ".app-flash")); !strings.HasPrefix(got, "Danke") {
		t.Errorf("flash after the miss form = %q", got)
	}
}

func TestSearchEnglishPage(t *testing.T) {
	e := newCatalogEnv(t, thursday)
	r := newRequest("GET", "/leistungen?q=hund", "en")
	res := e.do(r)
	wantStatus(t, res, http.StatusOK)
	if got := text(query(res.doc, "#result-count")); got != "1 service found" {
		t.Errorf("English count = %q", got)
	}
	if a := query(res.doc, ".app-result h3 a"); a == nil || attrOf(a, "lang") != "de" {
		t.Error("German service names on an English page are not marked lang=de")
	}
}
