package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
	"rathaus/internal/reportroute"
)

// trainSuggester gives the fixture's service the real suggester, trained
// on the categories and a few labelled reports per category.
func (e *reportsEnv) trainSuggester(t testing.TB) {
	t.Helper()
	texts := map[string][]string{
		"schlagloch": {"Tiefes Schlagloch in der Fahrbahn", "Loch in der Straße, Asphalt aufgebrochen",
			"Schlagloch vor der Einfahrt, Asphalt kaputt", "Straßenbelag hat ein großes Loch"},
		"strassenbeleuchtung": {"Laterne leuchtet nicht", "Straßenlaterne seit Tagen dunkel",
			"Die Laterne flackert nachts", "Lampe der Straßenbeleuchtung ist aus"},
		"muell": {"Sperrmüll illegal abgeladen", "Müllsäcke im Gebüsch abgeladen",
			"Wilder Müll am Waldrand, Sperrmüll", "Alte Reifen und Müll abgeladen"},
	}
	for code, ts := range texts {
		for _, text := range ts {
			e.submit(t, code, 50.94, 11.60, text)
		}
	}
	city := e.cats["muell"].OrgID
	sg := &reportroute.Suggester{Store: e.reports.Store, Orgs: func(context.Context) ([]int64, error) { return []int64{city}, nil }}
	if _, err := sg.Train(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.reports.Suggester = sg
}

// TestReportSuggestion: a citizen who does not know the category
// describes the problem first and is shown the suggested category
// preselected, with the others and "don't know" on offer; filing ends
// up in the suggested category and its unit. A citizen whose choice the
// text contradicts is offered the switch once. Bad input changes nothing.
func TestReportSuggestion(t *testing.T) {
	e := newReportsEnv(t)
	e.trainSuggester(t)
	b := e.browser(t, nil)
	before := e.count(t)
	step1 := url.Values{"category": {"unknown"}, "lat": {"50,92795"}, "long": {"11,58923"}, "address": {""}}

	// Step 1 with "don't know": step 2 asks for the description only.
	res := b.post("/melden/ort", step1)
	if res.StatusCode != http.StatusOK || len(queryAll(res.doc, "#field-description")) != 1 || len(queryAll(res.doc, "#field-photos")) != 0 {
		t.Fatalf("step 2 without category: %d\n%.3000s", res.StatusCode, res.body)
	}
	if !strings.Contains(res.body, "Noch offen") {
		t.Error("step 2 does not say the category is open")
	}

	with := func(extra ...string) url.Values {
		v := url.Values{}
		for k, vs := range step1 {
			v[k] = slices.Clone(vs)
		}
		for i := 0; i+1 < len(extra); i += 2 {
			v.Set(extra[i], extra[i+1])
		}
		return v
	}
	// No description: an error, nothing stored.
	res = b.postFiles("/melden", with("description", ""))
	if res.StatusCode != http.StatusBadRequest || !slices.Equal(errorLinks(res), []string{"#field-description"}) {
		t.Fatalf("no description: %d, links %q", res.StatusCode, errorLinks(res))
	}

	// The description: the suggestion shows, preselected.
	text := "Die Straßenlaterne vor dem Haus ist dunkel"
	res = b.postFiles("/melden", with("description", text))
	light := strconv.FormatInt(e.cats["strassenbeleuchtung"].ID, 10)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Wir vermuten: Straßenbeleuchtung defekt – stimmt das?") {
		t.Fatalf("no suggestion shown: %d\n%.3000s", res.StatusCode, res.body)
	}
	for sel, want := range map[string]int{`input[name=category][value="` + light + `"][checked]`: 1,
		`input[type=radio][name=category]`: 4, `#field-category-unknown`: 1, "#field-photos": 1, `input[name=checked][value="1"]`: 1} {
		if n := len(queryAll(res.doc, sel)); n != want {
			t.Errorf("suggestion form: %d × %s, want %d", n, sel, want)
		}
	}
	if e.count(t) != before {
		t.Fatal("showing the suggestion stored a report")
	}

	// Keeping "don't know" files it under the confident suggestion.
	loc := follow(t, b.postFiles("/melden", with("description", text, "checked", "1", "email", "erika@example.org")))
	rep := e.report(t, strings.TrimPrefix(loc, "/melden/fertig/"))
	if rep.CategoryID != e.cats["strassenbeleuchtung"].ID || rep.Suggested.Code != "strassenbeleuchtung" {
		t.Errorf("filed under %d (suggested %+v), want street light", rep.CategoryID, rep.Suggested)
	}

	// Taking the suggested pothole ends up in the pothole's unit.
	pothole := strconv.FormatInt(e.cats["schlagloch"].ID, 10)
	loc = follow(t, b.postFiles("/melden", with("description", "Tiefes Schlagloch in der Fahrbahn", "checked", "1", "category", pothole)))
	rep = e.report(t, strings.TrimPrefix(loc, "/melden/fertig/"))
	if rep.CategoryID != e.cats["schlagloch"].ID || rep.UnitID == nil || *rep.UnitID != e.unit.ID {
		t.Errorf("pothole filed under %d, unit %v", rep.CategoryID, rep.UnitID)
	}

	// A text that suggests nothing confidently, kept "don't know": asked
	// to choose, nothing stored.
	before = e.count(t)
	res = b.postFiles("/melden", with("description", "xyz qwv", "checked", "1"))
	if res.StatusCode != http.StatusBadRequest || !slices.Equal(errorLinks(res), []string{"#field-category"}) ||
		len(queryAll(res.doc, `#field-category-unknown[checked]`)) != 1 {
		t.Fatalf("unsure without category: %d, links %q\n%.3000s", res.StatusCode, errorLinks(res), res.body)
	}
	if e.count(t) != before {
		t.Fatal("a report without category was stored")
	}

	// The wrong category chosen: a hint with the choice kept, then filed as chosen.
	wrong := with("category", strconv.FormatInt(e.cats["muell"].ID, 10), "description", "Tiefes Schlagloch in der Fahrbahn, Asphalt aufgebrochen")
	res = b.postFiles("/melden", wrong)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.body, "Ihre Beschreibung passt eher zu „Schlagloch“") ||
		len(queryAll(res.doc, `input[name=category][value="`+strconv.FormatInt(e.cats["muell"].ID, 10)+`"][checked]`)) != 1 {
		t.Fatalf("no hint for the wrong category: %d\n%.3000s", res.StatusCode, res.body)
	}
	wrong.Set("checked", "1")
	loc = follow(t, b.postFiles("/melden", wrong))
	if rep = e.report(t, strings.TrimPrefix(loc, "/melden/fertig/")); rep.CategoryID != e.cats["muell"].ID {
		t.Errorf("the kept choice became %d", rep.CategoryID)
	}
}

// TestReportSuggestionInBrowser walks "don't know" → description → the
// suggestion in headless Chromium with axe-core, in German and English.
func TestReportSuggestionInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newReportsEnv(t)
	e.trainSuggester(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	light := strconv.FormatInt(e.cats["strassenbeleuchtung"].ID, 10)
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/melden")
		b.Check("#field-category-unknown")
		b.Fill("#field-location", "50.92795")
		b.Fill("#field-long", "11.58923")
		b.ClickAndWait("main form[action='/melden/ort'] button[type=submit]")
		if b.Exists("#field-photos") || !b.Exists("#field-description") {
			t.Fatalf("%s: step 2 does not ask for the description first: %s", lang, b.Text("main"))
		}
		b.Axe()
		b.ClickAndWait("main form[action='/melden'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-description']") {
			t.Fatalf("%s: no error without description", lang)
		}
		b.Axe()
		b.Fill("#field-description", "Die Straßenlaterne vor dem Haus ist dunkel")
		b.ClickAndWait("main form[action='/melden'] button[type=submit]")
		if !b.Exists("input[name=category][value='" + light + "']:checked") {
			t.Fatalf("%s: the suggestion is not preselected: %s", lang, b.Text("main"))
		}
		b.Axe()
		b.ClickAndWait("main form[action='/melden'] button[type=submit]")
		if !strings.Contains(b.URL(), "/melden/fertig/M-2026-") {
			t.Fatalf("%s: not confirmed, at %s: %s", lang, b.URL(), b.Text("main"))
		}
	}
}
