package web

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// TestAssistantInBrowser walks "Frag die Stadt" in headless Chromium in
// both languages with axe-core on every state: the intro, an empty
// question (error), the first answer (a plain form post) with its
// footnotes and sources, a follow-up (sent by static/assistant.js through
// the API and appended without a reload), an empty follow-up (the script
// falls back to the form post, which shows the error), a rating, and the
// handover with an error first. The no-JavaScript path of every form is covered by the
// handler tests (assistant_page_test.go).
func TestAssistantInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newAssistantEnv(t, true)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	questions := map[string][2]string{
		"de": {"Was kostet ein neuer Personalausweis?", "Welche Unterlagen brauche ich dafür?"},
		"en": {"How much is a new Personalausweis?", "Welche Unterlagen brauche ich dafür?"},
	}
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/")
		b.ClickAndWait("main a[href='/frag-die-stadt']")
		b.Axe()
		b.ClickAndWait("form.app-assistant-ask button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-question']") {
			t.Fatalf("%s: no error for an empty question", lang)
		}
		b.Axe()

		b.Fill("#field-question", questions[lang][0])
		b.ClickAndWait("form.app-assistant-ask button[type=submit]")
		if !strings.Contains(b.URL(), "/frag-die-stadt/") || !strings.HasSuffix(b.URL(), "#antwort-1") {
			t.Fatalf("%s: after asking at %s", lang, b.URL())
		}
		assistantTurnShown(t, b, lang, 1)
		b.Axe()
		b.Screenshot("assistant-answer-" + lang)

		b.Fill("#field-question", questions[lang][1])
		page := b.URL()
		b.Click("form.app-assistant-ask button[type=submit]")
		if got := b.Text("#antwort-2"); got == "" {
			t.Fatalf("%s: the follow-up's answer did not appear", lang)
		}
		if strings.Contains(b.URL(), "#antwort-2") || b.URL() != page {
			t.Errorf("%s: the follow-up reloaded the page (%s)", lang, b.URL())
		}
		assistantTurnShown(t, b, lang, 2)
		if got := Eval[string](b, "document.getElementById('assistant-status').textContent"); got == "" {
			t.Errorf("%s: the new answer is not announced", lang)
		}
		if v := Eval[string](b, "document.getElementById('field-question').value"); v != "" {
			t.Errorf("%s: the question field still holds %q", lang, v)
		}
		b.Axe()
		// An empty follow-up: the API refuses it, and the script falls
		// back to the plain form post, which shows the error.
		b.ClickAndWait("form.app-assistant-ask button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-question']") || b.Count("article.app-assistant-turn") != 2 {
			t.Errorf("%s: an empty follow-up shows no error (at %s)", lang, b.URL())
		}
		b.Axe()

		b.ClickAndWait("#antwort-1-turn button[value=ja]")
		if !b.Exists("#antwort-1-turn .app-assistant-thanks") || !b.Exists("#antwort-2-turn form.app-assistant-rating") {
			t.Errorf("%s: no thanks after rating the first answer", lang)
		}
		b.Axe()

		b.Fill("#field-email", "erika@example.org")
		b.ClickAndWait("form.app-assistant-handover button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-consent']") {
			t.Fatalf("%s: no error without consent", lang)
		}
		b.Axe()
		b.Check("#field-consent")
		b.ClickAndWait("form.app-assistant-handover button[type=submit]")
		if !strings.Contains(b.Text("#mensch ~ .kern-alert--success"), "BS-2026-") {
			t.Errorf("%s: no reference after the handover", lang)
		}
		b.Axe()
		b.Screenshot("assistant-handover-" + lang)
		for _, msg := range b.ConsoleErrors() { // the two error pages (400) are expected
			if !strings.Contains(msg, "status of 400") {
				t.Errorf("%s: console error %s", lang, msg)
			}
		}
	}
	if n := len(e.inbox.handovers()); n != 2 {
		t.Errorf("%d handovers, want one per language", n)
	}
}

// assistantTurnShown checks that turn n is on the page with footnotes
// leading to quoted sources, and that its heading has the focus.
func assistantTurnShown(t *testing.T, b *browsertest.Browser, lang string, n int) {
	t.Helper()
	turn := "#antwort-" + strconv.Itoa(n) + "-turn"
	if b.Count(turn+" .app-assistant-answer sup a") == 0 || b.Count(turn+" .app-assistant-sources blockquote[cite]") == 0 {
		t.Errorf("%s: answer %d has no footnotes or quoted sources", lang, n)
	}
	if got := Eval[string](b, "document.activeElement.id"); got != "antwort-"+strconv.Itoa(n) {
		t.Errorf("%s: focus on %q, want answer %d's heading", lang, got, n)
	}
}
