package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestPromotionInBrowser walks an editor through /amt/werbung in headless
// Chromium in both languages, with axe-core on every page state: the list
// of online services, a service's page with the error summary and after
// creating a campaign, and the campaign's report after a scan.
func TestPromotionInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newPromoEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	want := map[string]struct{ title, poster string }{
		"de": {"Werbung für Online-Leistungen", "Plakat A4 (PDF)"},
		"en": {"Promotion of online services", "A4 poster (PDF)"},
	}
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/login")
		b.Fill("#field-email", "eins@example.org")
		b.Fill("#field-password", "ein langes passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/")

		b.Navigate("/")
		b.ClickAndWait("nav a[href='/amt/werbung']")
		if got := b.Text("main h1"); got != want[lang].title {
			t.Errorf("%s: heading %q, want %q", lang, got, want[lang].title)
		}
		b.Axe()
		b.ClickAndWait("main table a")
		b.Axe()
		form := "main form[action='" + promoServicePath(e.online.ID) + "'] button[type=submit]"
		b.ClickAndWait(form)
		if !b.Exists("#error-summary a[href='#field-name']") {
			t.Errorf("%s: a campaign without a name has no error", lang)
		}
		b.Axe()
		b.Fill("#field-name", "Plakate Lobeda "+lang)
		b.Check("#field-medium-flyer")
		b.ClickAndWait(form)
		if got := b.Text("main h1"); !strings.Contains(got, "Plakate Lobeda "+lang) {
			t.Errorf("%s: after creating, heading %q", lang, got)
		}
		if !b.Exists("main a[href$='/a4']") || !strings.Contains(b.Text("main"), want[lang].poster) {
			t.Errorf("%s: the campaign page offers no A4 poster", lang)
		}
		b.Axe()
		// A scan, as a phone would make it, then the report.
		path := strings.TrimPrefix(b.URL(), srv.URL)
		code := path[strings.LastIndex(path, "/")+1:]
		res := e.get("/q/" + code)
		wantStatus(t, res, 303)
		b.Navigate(path)
		if got := b.Text("#kampagne-tage tbody td"); got != "1" {
			t.Errorf("%s: report shows %q scans, want 1", lang, got)
		}
		b.Axe()
		b.Screenshot("promo-campaign-" + lang)
	}
}
