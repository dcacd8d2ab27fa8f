package web

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"rathaus/internal/browsertest"
	fb "rathaus/internal/feedback"
)

// TestFeedbackInBrowser walks the feedback in headless Chromium in both
// languages with axe-core on every page: "Was this page helpful?" on a
// service page, the follow-up page with the comment (with an error
// first), the satisfaction question on an application's confirmation
// and its own page (with an error first), and the results for a service
// owner. Nothing needs JavaScript.
func TestFeedbackInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newCasesEnv(t, withFeedbackService)
	e.srv.opts.Services.Orgs = e.srv.opts.Orgs
	c := e.submitParking(t)
	owner := e.user("olga@example.org", false)
	if _, err := e.srv.opts.Orgs.Grant(context.Background(), nil, owner.ID, "service_owner", e.unit.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.srv.opts.Feedback.AnswerPage(context.Background(), fb.PageAnswer{ServiceID: e.svc["hund"], Client: "192.0.2.9"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	services := map[string]int64{"de": e.svc["parken"], "en": e.svc["hund"]}

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate(serviceURL(services[lang]))
		b.Axe()
		b.ClickAndWait("form[action='/feedback/seite'] button[value=ja]")
		if !b.Exists("textarea#field-comment") {
			t.Fatalf("%s: no comment form after the answer: %s", lang, b.URL())
		}
		b.Axe()
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-comment']") {
			t.Errorf("%s: an empty comment has no error", lang)
		}
		b.Axe()
		b.Fill("#field-comment", "Bitte die Gebühren weiter oben nennen.")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if b.URL() != srv.URL+serviceURL(services[lang]) {
			t.Errorf("%s: after the comment at %s", lang, b.URL())
		}
		b.Axe() // with the thank-you message
		b.Screenshot("feedback-helpful-" + lang)

		b = browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, e.citizen.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		b.Navigate(myCaseURL(c.ID) + "/eingegangen")
		b.Axe()
		b.ClickAndWait("form[action^='/feedback/zufriedenheit/'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-rating']") {
			t.Errorf("%s: no error without a rating: %s", lang, b.URL())
		}
		b.Axe()
		b.Click("#field-rating-4")
		b.Fill("#field-comment", "Ging schnell.")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#field-rating-4:checked") {
			t.Errorf("%s: the answer page does not show the answer", lang)
		}
		b.Axe()
		b.Screenshot("feedback-satisfaction-" + lang)

		b = browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, owner.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		if status := b.Navigate("/amt/zufriedenheit?zeitraum=0"); status != 200 {
			t.Fatalf("%s: results status %d", lang, status)
		}
		if n := b.Count("main section[aria-labelledby^='svc-']"); n != 2 {
			t.Errorf("%s: results of %d services, want the two with feedback", lang, n)
		}
		if n := b.Count("main section table"); n != 1 {
			t.Errorf("%s: %d distribution tables, want the one of the service with satisfaction answers", lang, n)
		}
		b.Axe()
		b.Screenshot("feedback-results-" + lang)
		b.Navigate("/amt/zufriedenheit?zeitraum=30&leistung=" + strconv.FormatInt(e.svc["hund"], 10))
		b.Axe()
	}
}
