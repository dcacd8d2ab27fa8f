package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestSurveyPagesInBrowser opens the survey pages in headless Chromium,
// in both languages, with axe-core: the builder (list, a new survey with
// errors, a draft with its questions, a matrix question), the public
// list, answering with errors and then validly, the confirmation, the
// results with charts and tables, and the embed page.
func TestSurveyPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newSurveyEnv(t)
	staff := e.login(e.staff)
	draft := e.build(t, staff, "account")
	open := e.build(t, staff, "anonymous")
	wantStatus(t, e.postForm(open+"/oeffnen", nil, staff), http.StatusSeeOther)
	pub := "/umfragen/" + strings.TrimPrefix(open, "/admin/umfragen/")
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		csLogin(t, b, e.staff.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range []string{"/admin/umfragen", draft, draft + "/fragen/q5", draft + "/fragen/neu?typ=scale", draft + "/vorschau", open, "/umfragen"} {
			if st := b.Navigate(path); st != http.StatusOK {
				t.Errorf("%s %s: status %d", lang, path, st)
			}
			b.Axe()
		}
		b.Navigate(pub + "/einbetten")
		b.Axe()
		b.NoConsoleErrors() // the refusals below answer 422, which the console reports

		b.Navigate("/admin/umfragen/neu")
		b.ClickAndWait("main form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-title_de']") {
			t.Errorf("%s: new survey without a title: no error summary", lang)
		}
		b.Axe()

		b.Navigate(pub)
		b.Axe()
		b.ClickAndWait("main form[action='" + pub + "'] button[type=submit]")
		if b.Count("#error-summary a") != 2 {
			t.Errorf("%s: answering nothing: %d errors, want 2", lang, b.Count("#error-summary a"))
		}
		b.Axe()
		b.Screenshot("survey-answer-error-" + lang)
		b.Click("#error-summary a[href='#field-q-q1']")
		b.Check("#field-q-q1")
		b.Check("#field-q-q3-4")
		b.Check("#field-q-q5")
		b.Fill("#field-q-q4", "Mehr Termine am Samstag")
		b.ClickAndWait("main form[action='" + pub + "'] button[type=submit]")
		if !strings.HasSuffix(b.URL(), pub+"/danke") {
			t.Fatalf("%s: after answering at %s", lang, b.URL())
		}
		b.Axe()
		b.Navigate(pub)
		if b.Exists("main form[action='" + pub + "']") {
			t.Errorf("%s: the form is offered again after answering", lang)
		}

		b.Navigate(pub + "/ergebnisse")
		if !b.Exists("section svg[role=img]") || b.Count("section table") != 4 {
			t.Errorf("%s: results without charts or tables", lang)
		}
		b.Axe()
		b.Screenshot("survey-results-" + lang)
	}
}
