package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestCampaignFunnelInBrowser shows a campaign's report with a scan, a
// started and a submitted application in headless Chromium, in German
// and English, with axe-core over the page.
func TestCampaignFunnelInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e, c := newFunnelEnv(t)
	base := "/antrag/" + sid(e, "hund")
	visitor := e.browser(t, nil)
	follow(t, visitor.get("/q/"+c.Code))
	applyDog(t, visitor, base, base+"/owner?kampagne="+c.Code, false)
	e.user("werbung@example.org", true)

	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	want := map[string][]string{
		"de": {"Vom Aufruf zum Antrag", "Begonnene Anträge", "Gesamt", "100,0"},
		"en": {"From visit to application", "Applications started", "Total", "100.0%"},
	}
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/login")
		b.Fill("#field-email", "werbung@example.org")
		b.Fill("#field-password", "ein-langes-passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/")
		b.Navigate(promoCampaignPath(c.Code))
		main := b.Text("main")
		for _, w := range want[lang] {
			if !strings.Contains(main, w) {
				t.Errorf("%s: report lacks %q:\n%s", lang, w, main)
			}
		}
		if got := b.Text("#kampagne-tage tfoot td"); got != "1" {
			t.Errorf("%s: total scans %q, want 1", lang, got)
		}
		b.Axe()
		b.Screenshot("promo-funnel-" + lang)
	}
}
