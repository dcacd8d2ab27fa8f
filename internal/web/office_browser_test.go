package web

import (
	"context"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"rathaus/internal/browsertest"
)

// TestOfficePagesInBrowser opens the staff pages and the waiting-room
// display in headless Chromium, in both languages, with axe-core: zero
// violations, also with a ticket handed out and with a form's errors; no
// console errors (a CSP violation is one).
func TestOfficePagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newDeskEnv(t)
	e.calledScene(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	day := e.dayPath("buergerbuero")

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		deskLogin(t, b, "owner@jena.example")
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range []string{"/amt/termine", day, day + "?tag=2026-12-01", day + "/statistik", day + "/einstellungen", e.displayPath()} {
			b.Navigate(path)
			b.Axe()
		}

		b.Navigate(day)
		b.Click("#walkin-" + itoaID(e.ids["perso"]))
		b.ClickAndWait("form[action$=ohne-termin] button[type=submit]")
		if got := b.Text(".app-ticket .app-ticket__label"); !ticketLabel.MatchString(got) {
			t.Errorf("%s: walk-in ticket: got %q, want W and a number", lang, got)
		}
		if !Eval[bool](b, `!document.querySelector("[data-print]").hidden`) {
			t.Errorf("%s: the print button stays hidden with JavaScript", lang)
		}
		b.Axe()
		b.Screenshot("office-day-" + lang)
		b.NoConsoleErrors() // the refusals below answer 400, which the console reports

		b.ClickAndWait("form[action$=ohne-termin] button[type=submit]")
		if got := Eval[string](b, "document.activeElement.id"); got != "error-summary" {
			t.Errorf("%s: walk-in without service: focus on %q, want the error summary", lang, got)
		}
		b.Axe()
		b.Navigate(day + "/einstellungen")
		b.Fill("#field-walk_in_counters", "9")
		b.ClickAndWait("form.app-setup button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-walk_in_counters']") {
			t.Errorf("%s: settings: no error for the walk-in counters", lang)
		}
		b.Axe()
	}
}

var ticketLabel = regexp.MustCompile(`^W \d{3}$`)

// TestDisplayUpdatesWithoutReload calls a visitor while the display is
// open: the number shows up within seconds, without a reload, in the
// live region.
func TestDisplayUpdatesWithoutReload(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newDeskEnv(t)
	e.calledScene(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	b := browsertest.New(t)
	b.BaseURL = srv.URL
	b.Navigate(e.displayPath())
	if got := b.Text(".app-display__waiting"); got != "Es warten: 1" {
		t.Fatalf("waiting: got %q", got)
	}
	Eval[bool](b, "window.notReloaded = true")

	e.clock.Set(onDeskDay(8, 0))
	if _, err := e.appt.CallNext(context.Background(), e.clerkActor, e.ids["buergerbuero"], 7); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(8 * time.Second)
	var calls []string
	for time.Now().Before(deadline) {
		calls = b.Texts("[aria-live=polite] li")
		if len(calls) > 0 && strings.Contains(calls[0], "W 003") {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if len(calls) == 0 || !strings.Contains(calls[0], "W 003") || !strings.Contains(calls[0], "Schalter 7") {
		t.Fatalf("display after the call: got %q, want W 003 at counter 7 first", calls)
	}
	if !Eval[bool](b, "window.notReloaded === true") {
		t.Error("the display reloaded instead of updating in place")
	}
	if got := b.Text(".app-display__waiting"); got != "Es warten: 0" {
		t.Errorf("waiting after the call: got %q, want 0", got)
	}
	b.Axe()
	b.Screenshot("office-display")
	b.NoConsoleErrors()
}

// deskLogin logs a deskEnv account in through the login form.
func deskLogin(t *testing.T, b *browsertest.Browser, email string) {
	t.Helper()
	b.Navigate("/login")
	b.Fill("#field-email", email)
	b.Fill("#field-password", deskPassword)
	b.ClickAndWait("main form[action='/login'] button[type=submit]")
	if b.Exists("main form[action='/login']") {
		t.Fatalf("login as %s failed", email)
	}
}
