package web

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestInquiryInBrowser walks messages to the city in headless Chromium in
// both languages with axe-core on every page state: the citizens' form
// with an error, the confirmation with the reference, the office's triage
// queue, a message with its suggestion, assigning it with a correction
// of the routing, and a reply (with an error first).
func TestInquiryInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newInquiryEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	office := strconv.FormatInt(e.ids["buergerservice"], 10)

	messages := map[string]string{"de": inquiryLamp, "en": "Hello, I have a question about the noise at night."}
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/lang?to=" + lang + "&back=/anliegen")
		b.Axe()
		b.Fill("#field-email", "erika@")
		b.ClickAndWait("main form[action='/anliegen'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-body']") || !b.Exists("#error-summary a[href='#field-email']") {
			t.Fatalf("%s: no errors for the empty message and the bad address: %s", lang, b.URL())
		}
		b.Axe()
		b.Fill("#field-body", messages[lang])
		b.Fill("#field-email", "erika@example.org")
		b.ClickAndWait("main form[action='/anliegen'] button[type=submit]")
		ref := b.Text("#inquiry-reference")
		if !strings.HasPrefix(ref, "A-2026-") || !b.Exists("#inquiry-triage") {
			t.Fatalf("%s: confirmation without reference or triage note: %q at %s", lang, ref, b.URL())
		}
		b.Axe()
		b.Screenshot("inquiry-confirmation-" + lang)

		b = browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		citizenLogin(t, b, e.office.Email)
		b.Navigate("/lang?to=" + lang + "&back=/amt/anliegen")
		if !b.Exists("#inquiry-queue") {
			t.Fatalf("%s: triage queue is empty: %s", lang, b.URL())
		}
		b.Axe()
		b.ClickAndWait("#inquiry-queue tbody tr:last-child a")
		if !b.Exists("#inquiry-suggestion") || !b.Exists("textarea#field-reply[data-plainlang]") {
			t.Fatalf("%s: message page without suggestion or reply field: %s", lang, b.URL())
		}
		b.Axe()
		b.SetValue("#field-org", office)
		b.SetValue("#field-category", "abfall")
		b.ClickAndWait("#assign-form button[type=submit]")
		if !strings.Contains(b.Text("#inquiry-queue-name"), "Bürgerservice") {
			t.Errorf("%s: after assigning, the queue is %q", lang, b.Text("#inquiry-queue-name"))
		}
		b.Axe() // with the flash about the correction
		b.ClickAndWait("#reply-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-reply']") {
			t.Errorf("%s: an empty reply has no error", lang)
		}
		b.Axe()
		b.Fill("#field-reply", "Danke für Ihren Hinweis. Wir geben ihn an den Kommunalservice weiter.")
		b.ClickAndWait("#reply-form button[type=submit]")
		if b.Count("#inquiry-replies li") != 1 {
			t.Errorf("%s: the reply is not shown: %s", lang, b.URL())
		}
		b.Axe()
		b.Screenshot("inquiry-staff-" + lang)
	}
	if n, _, _ := e.db.CorrectionsState(t.Context()); n != 2 {
		t.Errorf("%d corrections, want one per language", n)
	}
}
