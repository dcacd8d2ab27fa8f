package web

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"rathaus/internal/browsertest"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// TestParticipationStaffPagesInBrowser opens the staff pages of
// participation in headless Chromium, in both languages, with axe-core:
// the overview, the answer lists, an idea with the answer form (also
// with an error and after someone else's answer), the moderation queue
// with a report (also with an error) and the space settings (new with
// errors, and a process being edited).
func TestParticipationStaffPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newParticipationEnv(t)
	ctx := context.Background()
	radweg := e.ideas["radweg"]
	cm, err := e.part.Comment(ctx, org.Actor{UserID: e.max.ID}, radweg, nil, "Meine Nummer ist 0170 1234567, ruft an.", "de")
	mustDo(t, err)
	mustDo(t, e.part.Report(ctx, e.erika.ID, participation.TargetComment, cm.ID, "personal_data", "Telefonnummer"))
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	ideaPath := psIdeaPath(radweg)
	queue := psSpacePath("ideen", "moderation")

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		csLogin(t, b, e.moderator.Email)
		b.Navigate("/lang?to=" + lang + "&back=/")
		if !b.Exists("nav a[href='/amt/beteiligung']") {
			t.Errorf("%s: no navigation link for the moderator", lang)
		}
		for _, path := range []string{"/amt/beteiligung", "/amt/beteiligung/ideen/antworten", "/amt/beteiligung/ideen/antworten?ansicht=alle",
			ideaPath, psIdeaPath(e.ideas["baeume"]), queue, "/amt/beteiligung/neu", psSpacePath("naechste-leistung", "bearbeiten")} {
			b.Navigate(path)
			b.Axe()
		}
		b.NoConsoleErrors() // the refusals below answer 400 and 409, which the console reports

		// "Not possible" without the reason.
		b.Navigate(ideaPath)
		b.SetValue("#field-status", participation.StatusRejected)
		b.Fill("#field-answer", " ")
		psSubmit(b, "#answer-form button[type=submit]", "#error-summary")
		if !b.Exists("#error-summary a[href='#field-answer']") || !b.Exists("#field-answer-error") {
			t.Errorf("%s: 'not possible' without a reason: no error at the answer", lang)
		}
		b.Axe()
		b.Screenshot("participation-staff-idea-error-" + lang)

		// Someone else answers while the page is open.
		b.Navigate(ideaPath)
		i, err := e.part.Store.FindIdea(ctx, radweg)
		mustDo(t, err)
		_, err = e.part.Answer(ctx, org.Actor{UserID: e.answerer.ID}, radweg, i.Version, participation.StatusReview, "Wir prüfen das.", "de")
		mustDo(t, err)
		b.Fill("#field-answer", "Wir planen das für 2027.")
		psSubmit(b, "#answer-form button[type=submit]", "#conflict")
		if !b.Exists("#conflict a[href='" + ideaPath + "']") {
			t.Errorf("%s: no conflict message with a reload link", lang)
		}
		b.Axe()
		b.Screenshot("participation-staff-idea-conflict-" + lang)

		// Hiding the reported comment without a reason.
		b.Navigate(queue)
		psSubmit(b, "#reports article button[value=hidden]", "#error-summary")
		if !b.Exists("#error-summary") || !b.Exists("#reports .kern-error") {
			t.Errorf("%s: hiding without a reason: no error at the item", lang)
		}
		b.Axe()
		b.Screenshot("participation-staff-queue-error-" + lang)

		// A new space with nothing filled in.
		b.Navigate("/amt/beteiligung/neu")
		psSubmit(b, "main form button[type=submit]", "#error-summary")
		if !b.Exists("#error-summary a[href='#field-slug']") || !b.Exists("#field-title-error") {
			t.Errorf("%s: an empty space form: no errors at the fields", lang)
		}
		b.Axe()
		b.Screenshot("participation-staff-space-error-" + lang)

		b.Navigate("/amt/beteiligung")
		b.Screenshot("participation-staff-overview-" + lang)
	}
}

// psSubmit submits the form of the button sel with that button, as a
// click would, and waits until the next page shows want. (A click right
// after typing sometimes misses the button while KERN's smooth scrolling
// still moves the page.)
func psSubmit(b *browsertest.Browser, sel, want string) {
	Eval[bool](b, `(() => { const b = document.querySelector(`+strconv.Quote(sel)+`); b.form.requestSubmit(b); return true })()`)
	b.Text(want)
}
