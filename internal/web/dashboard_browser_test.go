package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestDashboardInBrowser walks the dashboards in headless Chromium in
// both languages with axe-core on every state: the public page, a
// filter with a bad month (error summary), one service, and the staff
// page of a case worker.
func TestDashboardInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newDashboardEnv(t)
	e.staff("sb@example.org")
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/")
		b.ClickAndWait("footer a[href='/kennzahlen']")
		if n := b.Count("main figure svg[role=img]"); n != 7 {
			t.Errorf("%s: %d charts, want 7 (with the defect reports)", lang, n)
		}
		if !b.Exists("#chart-channels-table caption") || !b.Exists("#suppression-note") {
			t.Fatalf("%s: no data table or suppression note", lang)
		}
		b.Axe()
		b.Screenshot("dashboard-public-" + lang)

		b.Fill("#field-von", "2026-13")
		b.ClickAndWait("main form[action='/kennzahlen'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-von']") || b.Exists("#overview-table") {
			t.Fatalf("%s: a bad month shows no error summary", lang)
		}
		b.Axe()

		b.SetValue("#field-leistung", "1")
		b.Fill("#field-von", "2026-10")
		b.ClickAndWait("main form[action='/kennzahlen'] button[type=submit]")
		if b.Exists("#error-summary") || !strings.Contains(b.Text("#dashboard-scope"), "Wohnsitz anmelden") {
			t.Fatalf("%s: the service filter: %s", lang, b.Text("main"))
		}
		b.Axe()
		b.Screenshot("dashboard-service-" + lang)

		citizenLogin(t, b, "sb@example.org")
		b.ClickAndWait("nav a[href='/amt/kennzahlen']")
		if b.Exists("#suppression-note") || !b.Exists("#staff-note") {
			t.Errorf("%s: the staff page suppresses", lang)
		}
		b.Axe()
		b.Screenshot("dashboard-staff-" + lang)
		b.ClickAndWait("nav form[action='/logout'] button")
	}
}
