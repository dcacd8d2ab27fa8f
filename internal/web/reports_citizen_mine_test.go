package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
	"rathaus/internal/mail"
	"rathaus/internal/report"
)

// TestMyReports: a citizen who reports while logged in finds the report
// under "Meine Meldungen" with its status, gets the status mail at the
// account's address without typing it, and sees the city's answer there;
// another account sees none of it, and the page needs a login.
func TestMyReports(t *testing.T) {
	e := newReportsEnv(t)
	erika := e.user("erika-meldet@example.org", false)
	b := e.browser(t, e.login(erika))
	res := b.get("/account/meldungen")
	wantStatus(t, res, http.StatusOK)
	if query(res.doc, "#my-reports-none") == nil || query(res.doc, "nav a[href='/account/meldungen'][aria-current=page]") == nil {
		t.Errorf("empty list without its notice or navigation:\n%s", texts(res.doc, "main"))
	}
	step := reportStep1(e.cats["schlagloch"].ID, "50.92795", "11.58923")
	wantStatus(t, b.post("/melden/ort", step), http.StatusOK)
	step.Set("description", "Loch in der Fahrbahn vor Haus 4.")
	ref := strings.TrimPrefix(follow(t, b.postFiles("/melden", step)), "/melden/fertig/")
	rep := e.report(t, ref)
	if rep.Contact.AccountID == nil || *rep.Contact.AccountID != erika.ID || rep.Contact.Email != erika.Email {
		t.Fatalf("stored contact %+v", rep.Contact)
	}

	res = b.get("/account/meldungen")
	wantCells(t, "my report", rowCells(t, res.doc, "my-reports", ref), "Schlagloch", "*", "eingegangen", "")

	worker := e.login(e.worker)
	wantStatus(t, e.postForm("/amt/meldungen/"+ref+"/status", url.Values{"version": {"1"}, "status": {"in_progress"},
		"status_note": {"Die Kolonne kommt am Montag."}}, worker), http.StatusSeeOther)
	ms, err := e.db.FindMessages(context.Background(), mail.Filter{To: erika.Email})
	mustDo(t, err)
	if len(ms) == 0 || !strings.Contains(ms[0].Text, "Die Kolonne kommt am Montag.") {
		t.Errorf("no status mail to the account's address: %+v", ms)
	}
	res = b.get("/account/meldungen")
	wantCells(t, "after the answer", rowCells(t, res.doc, "my-reports", ref), "*", "*", "in Bearbeitung", "Die Kolonne kommt am Montag.")

	// The account's data export carries the report with its contact data.
	export := b.get("/account/export")
	wantStatus(t, export, http.StatusOK)
	if !strings.Contains(export.body, `"defect_reports"`) || !strings.Contains(export.body, ref) ||
		!strings.Contains(export.body, "Loch in der Fahrbahn vor Haus 4.") {
		t.Errorf("the export lacks the report:\n%s", export.body)
	}

	other := e.browser(t, e.login(e.user("jemand@example.org", false)))
	if res := other.get("/account/meldungen"); strings.Contains(res.body, ref) {
		t.Error("another account sees the report")
	}
	if res := e.get("/account/meldungen"); res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusFound {
		t.Errorf("anonymous: %d, want a redirect to the login", res.StatusCode)
	}
}

// TestMyReportsInBrowser runs axe-core over "Meine Meldungen" with a
// report, in German and English.
func TestMyReportsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newReportsEnv(t)
	u := e.user("erika-axe@example.org", false)
	lat, long := 50.93, 11.59
	rep := &report.Report{OrgID: e.cats["muell"].OrgID, CategoryID: e.cats["muell"].ID, Description: "Sperrmüll an der Ecke.",
		Location: report.Location{Lat: &lat, Long: &long}, Contact: report.Contact{AccountID: &u.ID, Email: u.Email}}
	mustDo(t, e.reports.Submit(context.Background(), rep))
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		csLogin(t, b, u.Email)
		b.Navigate("/lang?to=" + lang + "&back=/account")
		b.ClickAndWait("nav a[href='/account/meldungen']")
		if !b.Exists("#my-reports a[href='/meldungen/" + rep.Reference + "']") {
			t.Fatalf("%s: the report is not listed: %s", lang, b.Text("main"))
		}
		b.Axe()
	}
}
