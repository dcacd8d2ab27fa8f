package web

import (
	"context"
	"net/http/httptest"
	"testing"

	"rathaus/internal/browsertest"
	"rathaus/internal/org"
)

// TestReportsStaffInBrowser opens the office pages of defect reports in
// headless Chromium, in both languages, with axe-core: the queue (also
// filtered), a report with its photo and forms, the error state of a
// status change without the required forwarding, and the categories.
func TestReportsStaffInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newRSEnv(t)
	_, err := e.srv.opts.Orgs.Grant(context.Background(), nil, e.worker.ID, org.RoleOrgAdmin, e.unit.ID)
	mustDo(t, err)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	page := rsPath(e.light.Reference)

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		csLogin(t, b, e.worker.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range []string{"/amt/meldungen", "/amt/meldungen?status=alle&sortierung=oldest&suche=Anger", page,
			"/amt/meldekategorien", "/amt/meldekategorien/neu", "/amt/meldekategorien/gebiete"} {
			b.Navigate(path)
			b.Axe()
		}
		b.Navigate(page)
		b.Click("#status-not_responsible")
		b.ClickAndWait("form[action='" + page + "/status'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-forwarded_to']") {
			t.Errorf("%s: not responsible without forwarding: no error summary", lang)
		}
		b.Axe()
		b.Screenshot("reports-staff-error-" + lang)
	}
}
