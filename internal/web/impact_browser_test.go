package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestImpactInBrowser walks the effect pages in headless Chromium in
// both languages with axe-core on every page state: the public summary
// with one online application, the methodology, and the admin form with
// an error (shares that do not add up) and then a successful save.
func TestImpactInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newCasesEnv(t, withImpactService)
	e.submitParking(t)
	e.user("wirkung@example.org", true)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/wirkung")
		if !b.Exists("main table caption") {
			t.Fatalf("%s: /wirkung has no data table", lang)
		}
		b.Axe()
		b.Screenshot("impact-summary-" + lang)
		b.ClickAndWait("main a[href='/wirkung/methodik']")
		if !strings.Contains(b.Text("main"), "Umweltbundesamt") {
			t.Errorf("%s: the methodology names no source", lang)
		}
		b.Axe()
		b.Screenshot("impact-method-" + lang)

		citizenLogin(t, b, "wirkung@example.org")
		b.Navigate("/admin/wirkung")
		b.Fill("#field-share-car", "55")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-share-walk']") {
			t.Fatalf("%s: shares adding up to 115 %% show no error", lang)
		}
		b.Axe()
		b.Fill("#field-share-car", "40")
		b.Fill("#field-distance_km", "4,5")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if b.Exists("#error-summary") {
			t.Fatalf("%s: the corrected form was refused: %s", lang, b.Text("#error-summary"))
		}
		b.Axe() // with the saved message
		b.Screenshot("impact-admin-" + lang)
	}
}
