package web

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"rathaus/internal/browsertest"
	"rathaus/internal/cases"
	"rathaus/internal/org"
)

// TestCaseStaffPagesInBrowser opens the staff pages of online
// applications in headless Chromium, in both languages, with axe-core:
// the queue (filtered), a case with messages, notes and a request, its
// error state and the conflict after someone else's change, the
// recording of a paper case with errors, and the bank statement report.
func TestCaseStaffPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newCasesEnv(t)
	ctx := context.Background()
	worker := org.Actor{UserID: e.worker.ID}
	c := e.submitParking(t)
	e.submitParking(t)
	if _, err := e.cases.StaffMessage(ctx, worker, cases.Reply{CaseID: c.ID, Body: "Bitte senden Sie die Rückseite.", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	mustDo(t, e.cases.AddNote(ctx, worker, c.ID, "Rückruf am Montag."))
	statement := filepath.Join(t.TempDir(), "auszug.xml")
	mustDo(t, os.WriteFile(statement, csCAMT(csEntry{c.Reference, 1000}), 0o600))
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	casePath := csPath(c.ID)
	record := "/amt/antraege/erfassen?leistung=" + strconv.FormatInt(e.svc["parken"], 10)

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		csLogin(t, b, e.worker.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range []string{"/amt/antraege", "/amt/antraege?zuweisung=niemand&offen=1", casePath,
			"/amt/antraege/erfassen", record, "/amt/zahlungen"} {
			b.Navigate(path)
			b.Axe()
		}
		b.NoConsoleErrors() // the refusals below answer 400 and 409, which the console reports

		b.Navigate(casePath)
		// Past the browser's own check of the required field, the server's.
		Eval[bool](b, `document.querySelector("#field-note_ask").removeAttribute("required") === undefined`)
		b.ClickAndWait("form:has(#field-note_ask) button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-note_ask']") {
			t.Errorf("%s: asking back without a question: no error summary", lang)
		}
		b.Axe()
		b.Screenshot("cases-staff-case-error-" + lang)

		// Someone else changes the case while the page is open.
		b.Navigate(casePath)
		cur, err := e.cases.Store.FindCase(ctx, c.ID)
		mustDo(t, err)
		me := e.worker.ID
		_, err = e.cases.Update(ctx, worker, cases.Edit{CaseID: c.ID, Version: cur.Version, Assignee: &me, Deadline: cur.Deadline})
		mustDo(t, err)
		b.ClickAndWait("form[action='" + casePath + "/bearbeitung'] button[type=submit]")
		if !b.Exists("#conflict a[href='" + casePath + "']") {
			t.Errorf("%s: no conflict message with a reload link", lang)
		}
		b.Axe()

		b.Navigate(record)
		b.ClickAndWait("form[action='/amt/antraege/erfassen'] button[type=submit]")
		if !b.Exists("#error-summary") {
			t.Errorf("%s: recording an empty form: no error summary", lang)
		}
		b.Axe()
		b.Screenshot("cases-staff-record-error-" + lang)

		b.Navigate("/amt/zahlungen")
		b.Upload("#field-statement", statement)
		b.ClickAndWait("form[action='/amt/zahlungen'] button[type=submit]")
		if b.Count("table tbody tr") != 1 {
			t.Errorf("%s: the import report has %d rows, want 1", lang, b.Count("table tbody tr"))
		}
		b.Axe()

		b.Navigate("/amt/antraege")
		b.Screenshot("cases-staff-queue-" + lang)
	}
}

// csLogin logs a user of the fixture in through the login form.
func csLogin(t *testing.T, b *browsertest.Browser, email string) {
	t.Helper()
	b.Navigate("/login")
	b.Fill("#field-email", email)
	b.Fill("#field-password", "ein-langes-passwort")
	b.ClickAndWait("main form[action='/login'] button[type=submit]")
	if b.Exists("main form[action='/login']") {
		t.Fatalf("login as %s failed", email)
	}
}
