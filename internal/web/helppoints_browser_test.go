package web

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestHelpPointsInBrowser runs axe-core over the help points in both
// languages: the public listing, the admin list and form (with its error
// summary), and the assisted application from the service choice to the
// reference, with the error summary of a missing consent on the way.
func TestHelpPointsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newHPEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	login := func(b *browsertest.Browser, email, lang string) {
		b.Navigate("/login")
		b.Fill("#field-email", email)
		b.Fill("#field-password", "ein-langes-passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/")
	}
	want := map[string]struct{ title, assist, done string }{
		"de": {"Hilfe vor Ort", "Antrag mit Bürgerin/Bürger stellen", "Antrag eingereicht"},
		"en": {"Help in person", "Apply together with a citizen", "Application submitted"},
	}
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/")
		b.ClickAndWait("footer a[href='/hilfe-vor-ort']")
		if got := b.Text("main h1"); got != want[lang].title {
			t.Errorf("%s: heading %q, want %q", lang, got, want[lang].title)
		}
		if !strings.Contains(b.Text("main"), "Lobeda-West") {
			t.Errorf("%s: the ProbierMobil's stops are missing", lang)
		}
		b.Axe()

		// The admin's pages.
		a := browsertest.New(t, browsertest.WithLanguage(lang))
		a.BaseURL = srv.URL
		login(a, "platform@example.org", lang)
		a.Navigate("/admin")
		a.ClickAndWait("main nav a[href='/admin/hilfepunkte']")
		a.Axe()
		a.ClickAndWait("main a[href='/admin/hilfepunkte/neu']")
		a.Fill("#field-lat", "abc")
		a.ClickAndWait("main form button[type=submit]")
		if !a.Exists("#error-summary a[href='#field-name']") || !a.Exists("#error-summary a[href='#field-lat']") {
			t.Errorf("%s: the admin form's errors are not summarised", lang)
		}
		a.Axe()
		a.Navigate("/admin/hilfepunkte/" + strconv.FormatInt(e.bus.ID, 10))
		a.Axe()

		// The assisted application.
		h := browsertest.New(t, browsertest.WithLanguage(lang))
		h.BaseURL = srv.URL
		login(h, "hilfe@example.org", lang)
		h.Navigate("/hilfe-vor-ort")
		h.ClickAndWait("a#assist-link")
		if got := h.Text("main h1"); got != want[lang].assist {
			t.Errorf("%s: heading %q, want %q", lang, got, want[lang].assist)
		}
		h.Axe()
		h.Check("#service-" + strconv.FormatInt(e.svc["trauung"], 10))
		h.ClickAndWait("main form[method=get] button[type=submit]")
		h.Axe()
		h.Fill("#field-name", "Otto Hilfe "+lang)
		h.SetValue("#field-datum", "2027-05-14")
		h.ClickAndWait("main form[method=post] button[type=submit]")
		if !h.Exists("#error-summary a[href='#field-consent']") || !h.Exists("#error-summary a[href='#field-helppoint']") {
			t.Errorf("%s: a missing consent or help point has no error", lang)
		}
		h.Axe()
		h.Check("#helppoint-" + strconv.FormatInt(e.shop.ID, 10))
		h.Check("#consent-yes")
		h.Fill("#field-applicant_email", "otto-"+lang+"@example.org")
		h.ClickAndWait("main form[method=post] button[type=submit]")
		if h.Exists("#error-summary") {
			t.Fatalf("%s: the application was refused: %s", lang, h.Text("#error-summary"))
		}
		if got := h.Text("main h1"); got != want[lang].done || !strings.Contains(h.Text("#assist-reference"), "JENA-") {
			t.Errorf("%s: after submitting, heading %q, reference %q", lang, got, h.Text("#assist-reference"))
		}
		h.Axe()
		h.Screenshot("helppoints-assisted-" + lang)
	}
}
