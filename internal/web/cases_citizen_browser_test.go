package web

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"rathaus/internal/browsertest"
	"rathaus/internal/cases"
	"rathaus/internal/form"
	"rathaus/internal/org"
)

// TestApplyPagesInBrowser opens every page of the citizen's application
// in headless Chromium, in both languages, with axe-core: the start page,
// question pages (with errors, with an uploaded file), check your
// answers, the confirmation with the GiroCode, my applications, the
// status page with an open request and messages, and the withdrawal. An
// anonymous dog registration is walked by keyboard-free clicks only, as
// it works without JavaScript.
func TestApplyPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newCasesEnv(t)
	ctx := context.Background()
	c := e.submitParking(t)
	worker := org.Actor{UserID: e.worker.ID}
	if _, err := e.cases.StaffMessage(ctx, worker, cases.Reply{CaseID: c.ID, Body: "Bitte senden Sie die Rückseite.", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.cases.Transition(ctx, worker, cases.Step{CaseID: c.ID, Version: c.Version, Action: "ask",
		Note: "Die Rückseite des Fahrzeugscheins fehlt.", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	uid := e.citizen.ID
	draft, err := e.cases.SaveDraft(ctx, cases.Citizen{UserID: &uid}, 0, e.svc["parken"], 1,
		form.Answers{"registration": {Files: []form.FileRef{e.upload(t, "schein.pdf", testPDF)}}}, "documents")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	parken := "/antrag/" + sid(e, "parken")
	hund := "/antrag/" + sid(e, "hund")
	caseURL := myCaseURL(c.ID)
	withDraft := "?entwurf=" + strconv.FormatInt(draft.Draft.ID, 10)

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL

		// Anonymous: the dog registration from start to confirmation.
		b.Navigate(hund)
		b.Axe()
		b.NoConsoleErrors() // the error states below answer 400, which the console reports
		b.ClickAndWait("a[href='" + hund + "/owner']")
		b.ClickAndWait("form.app-form button[value=weiter]")
		if got := Eval[string](b, "document.activeElement.id"); got != "error-summary" {
			t.Errorf("%s: focus on %q after errors, want the error summary", lang, got)
		}
		b.Axe()
		b.Fill("#field-name", "Max Muster")
		b.SetValue("#field-birth_date", "1980-05-01")
		b.Fill("#field-address\\.street", "Markt")
		b.Fill("#field-address\\.house_number", "1")
		b.Fill("#field-address\\.postal_code", "07743")
		b.Fill("#field-address\\.city", "Jena")
		b.ClickAndWait("form.app-form button[value=weiter]")
		b.Axe()
		b.Fill("#field-dogs", "1")
		b.Fill("#field-dog_name", "Bello")
		b.SetValue("#field-since", "2026-01-01")
		b.Click("input[name=listed][value=no]")
		b.ClickAndWait("form.app-form button[value=weiter]")
		b.Fill("#field-email", "max-"+lang+"@example.org")
		b.ClickAndWait("form.app-form button[value=weiter]")
		if !b.Exists("input[name=schluessel]") {
			t.Fatalf("%s: not on the check page: %s", lang, b.URL())
		}
		b.Axe()
		b.ClickAndWait("form.app-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-erklaerung']") {
			t.Errorf("%s: no error for the missing declaration", lang)
		}
		b.Axe()
		b.Click("#field-erklaerung")
		b.ClickAndWait("form.app-form button[type=submit]")
		if !b.Exists("#aktenzeichen") || !b.Exists("#status-link") {
			t.Fatalf("%s: no confirmation with reference and status link: %s", lang, b.URL())
		}
		b.Axe()
		b.Screenshot("cases-received-anonymous-" + lang)

		// With an account, in a browser of its own.
		b = browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, e.citizen.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range []string{parken, parken + "/vehicle", parken + "/documents" + withDraft, "/antraege",
			caseURL, caseURL + "/eingegangen", caseURL + "/zurueckziehen"} {
			if status := b.Navigate(path); status != 200 {
				t.Errorf("%s %s: status %d", lang, path, status)
			}
			b.Axe()
		}
		b.Navigate(caseURL)
		if !b.Exists("#rueckfrage") {
			t.Errorf("%s: the open request is not highlighted", lang)
		}
		b.Screenshot("cases-status-" + lang)
		b.ClickAndWait("form[action$='/nachrichten'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-nachricht']") {
			t.Errorf("%s: an empty message has no error", lang)
		}
		b.Axe()
	}
}

// citizenLogin logs a user of the fixture in through the login form.
func citizenLogin(t *testing.T, b *browsertest.Browser, email string) {
	t.Helper()
	b.Navigate("/login")
	b.Fill("#field-email", email)
	b.Fill("#field-password", "ein-langes-passwort")
	b.ClickAndWait("main form[action='/login'] button[type=submit]")
	if b.Exists("main form[action='/login']") {
		t.Fatalf("login as %s failed", email)
	}
}
