package web

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/browsertest"
	"rathaus/internal/org"
)

// TestParticipationCitizenPagesInBrowser opens the citizen pages of
// participation in headless Chromium, in both languages, with axe-core:
// the spaces, a space with filters, an idea as the public (with the
// reply link's page) and logged in (support, reply form, a comment with
// an error), proposing with errors and the similar-ideas step, the
// public name, a report with an error, voting in the process, and the
// results before and after the vote.
func TestParticipationCitizenPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newParticipationEnv(t)
	ctx := context.Background()
	radweg := e.ideas["radweg"]
	c, err := e.part.Comment(ctx, org.Actor{UserID: e.max.ID}, radweg, nil, "Da fahre ich jeden Tag, eine Spur wäre gut.", "de")
	mustDo(t, err)
	_, err = e.part.Comment(ctx, org.Actor{UserID: e.answerer.ID}, radweg, &c.ID, "Wir prüfen das im Frühjahr.", "de")
	mustDo(t, err)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	radwegPath := pcIdeaPath(radweg)
	baeume := pcIdeaPath(e.ideas["baeume"])
	reply := radwegPath + "?antwort=" + strconv.FormatInt(c.ID, 10) + "#antworten"

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range []string{"/mitmachen", "/mitmachen/ideen", "/mitmachen/ideen?kategorie=Verkehr&sortierung=supports",
			radwegPath, reply, baeume, "/mitmachen/naechste-leistung", "/mitmachen/ideen/ergebnisse",
			"/mitmachen/naechste-leistung/ergebnisse"} {
			if status := b.Navigate(path); status != 200 {
				t.Errorf("%s %s: status %d", lang, path, status)
			}
			b.Axe()
		}
		b.Navigate(radwegPath)
		if !b.Exists("#login-hint a") {
			t.Errorf("%s: no login link for the public", lang)
		}
		b.Screenshot("participation-idea-anonymous-" + lang)

		// Logged in, as a citizen of this language.
		u := e.user("buerger-"+lang+"@example.org", false)
		b = browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, u.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		b.NoConsoleErrors() // the errors below answer 400, which the console reports

		// Proposing asks for a public name first.
		b.Navigate("/mitmachen/ideen/neu")
		if !b.Exists("#field-pseudonym") {
			t.Fatalf("%s: no name form before proposing: %s", lang, b.URL())
		}
		b.Axe()
		b.Fill("#field-pseudonym", "x")
		b.ClickAndWait("main form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-pseudonym']") {
			t.Errorf("%s: no linked error for a bad name", lang)
		}
		b.Axe()
		b.Fill("#field-pseudonym", "Nachbar "+lang)
		b.ClickAndWait("main form button[type=submit]")
		if !b.Exists("#field-title") {
			t.Fatalf("%s: not back on the proposal form: %s", lang, b.URL())
		}
		b.Axe()
		b.Fill("#field-title", "Kurz")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if got := Eval[string](b, "document.activeElement.id"); got != "error-summary" {
			t.Errorf("%s: focus on %q after errors, want the error summary", lang, got)
		}
		b.Axe()
		b.Screenshot("participation-propose-errors-" + lang)
		b.Fill("#field-title", "Radweg am Löbdergraben markieren")
		// With JavaScript, similar ideas appear while the title is typed.
		if !pcWaitFor(b, `!document.getElementById("live-similar").hidden && document.querySelector("#live-similar a[href='/ideen/`+strconv.FormatInt(e.ideas["radweg"], 10)+`']") !== null`) {
			t.Errorf("%s: no live suggestion of the existing Radweg idea while typing", lang)
		}
		b.Axe()
		b.Fill("#field-body", "Der Radweg am Löbdergraben braucht eine durchgehende Markierung.")
		b.Fill("#field-place", "Löbdergraben")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#similar") {
			t.Fatalf("%s: no similar-ideas step: %s", lang, b.URL())
		}
		b.Axe()
		b.Screenshot("participation-similar-" + lang)
		b.ClickAndWait("#publish-anyway")
		if !b.Exists("#support-form") && !b.Exists("#unterstuetzen") {
			t.Errorf("%s: not on the new idea: %s", lang, b.URL())
		}
		b.Axe()

		// Support, reply, a comment with an error.
		b.Navigate(baeume)
		b.ClickAndWait("#support-form button[type=submit]")
		if !b.Exists("#support-form input[name=an][value='0']") {
			t.Errorf("%s: no withdraw button after supporting", lang)
		}
		b.Axe()
		b.Screenshot("participation-idea-" + lang)
		b.Navigate(reply)
		if !b.Exists("#antworten textarea") {
			t.Errorf("%s: no reply form", lang)
		}
		b.Axe()
		b.ClickAndWait("form[aria-labelledby=kommentieren] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-kommentar']") {
			t.Errorf("%s: an empty comment has no linked error", lang)
		}
		b.Axe()

		// Report with an error.
		b.Navigate(radwegPath + "/melden")
		b.Axe()
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-reason-offensive']") {
			t.Errorf("%s: report without a reason has no linked error", lang)
		}
		b.Axe()

		// Voting in the process.
		b.Navigate("/mitmachen/naechste-leistung")
		b.ClickAndWait("form[action='" + pcIdeaURL(e, "wohngeld") + "/stimme'] button[type=submit]")
		if !b.Exists("form[action='" + pcIdeaURL(e, "wohngeld") + "/stimme'] input[name=an][value='0']") {
			t.Errorf("%s: the vote is not shown", lang)
		}
		b.Axe()
		if b.Exists("nav a[href='/amt/beteiligung']") {
			t.Errorf("%s: a citizen sees the staff link", lang)
		}
		b.Screenshot("participation-process-" + lang)
		b.Navigate("/konto/name")
		b.Axe()
	}

	// The results after the vote, in both languages.
	e.clock.t = testNow.Add(20 * 24 * time.Hour)
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/")
		b.Navigate("/mitmachen/naechste-leistung/ergebnisse")
		if !b.Exists("#vote-table") {
			t.Errorf("%s: no vote table after the vote", lang)
		}
		b.Axe()
		b.Screenshot("participation-results-" + lang)
		b.Navigate("/mitmachen/naechste-leistung")
		b.Axe()
	}
}

// pcWaitFor polls a script expression for up to three seconds.
func pcWaitFor(b *browsertest.Browser, expr string) bool {
	for range 30 {
		if Eval[bool](b, expr) {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}
