package web

import (
	"net/http/httptest"
	"testing"

	"rathaus/internal/browsertest"
)

// TestShellInBrowser opens every shell page in headless Chromium, in both
// languages, and runs axe-core: zero violations, no console errors on them (a CSP
// violation is one). It also submits the feedback form empty, so the error
// state is checked too.
func TestShellInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newEnv(t)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		for _, path := range shellPages {
			b.Navigate(path)
			b.Axe()
		}
		b.Navigate("/")
		b.Screenshot("shell-home-" + lang)
		b.NoConsoleErrors() // error statuses below are console errors too

		b.Navigate("/gibt-es-nicht")
		b.Axe()
		b.Navigate("/barrierefreiheit")
		b.ClickAndWait("form.app-form button[type=submit]")
		if !b.Exists("#error-summary") {
			t.Fatalf("%s: no error summary after an empty submit", lang)
		}
		if got := Eval[string](b, "document.activeElement.id"); got != "error-summary" {
			t.Errorf("%s: focus on %q, want the error summary", lang, got)
		}
		b.Axe()
		b.Screenshot("shell-feedback-error-" + lang)
	}
}

// Eval is browsertest.Eval, re-exported for brevity.
func Eval[T any](b *browsertest.Browser, expr string) T { return browsertest.Eval[T](b, expr) }
