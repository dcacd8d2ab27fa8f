package web

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/browsertest"
)

// TestPlainLanguageInBrowser checks the plain-language tool in headless
// Chromium in both languages with axe-core on every state: the page
// /amt/sprache with a report (without JavaScript's help), and the live
// report under the description field of the catalogue editor while the
// editor types.
func TestPlainLanguageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newEditEnv(t, false)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	want := map[string]struct{ verdict, live string }{
		"de": {"Der Text könnte verständlicher sein", "Amtsdeutsch „Antragstellung“"},
		"en": {"The text could be clearer", "Officialese “Antragstellung”"},
	}
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/login")
		b.Fill("#field-email", "eins@example.org")
		b.Fill("#field-password", "ein langes passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/")

		b.Navigate("/amt/sprache")
		b.Axe()
		b.ClickAndWait("main form[action='/amt/sprache'] button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-text']") {
			t.Errorf("%s: an empty text has no error", lang)
		}
		b.Axe()
		b.Fill("#field-text", plainSample)
		b.ClickAndWait("main form[action='/amt/sprache'] button[type=submit]")
		if got := b.Text("#ergebnis .kern-alert .kern-title"); got != want[lang].verdict {
			t.Errorf("%s: verdict %q, want %q", lang, got, want[lang].verdict)
		}
		if n := b.Count("#ergebnis .app-mail mark"); n < 2 {
			t.Errorf("%s: %d marks in the text, want the officialese and the passive", lang, n)
		}
		b.Axe()
		b.Screenshot("plainlang-page-" + lang)

		b.Navigate(e.editPath())
		b.Fill("#field-description", plainSample)
		// The field's old text was checked on load; wait for the new one.
		waitText(t, b, "#field-description-plainlang ul", want[lang].live)
		if live := b.Text("#field-description-plainlang [aria-live=polite]"); !strings.Contains(live, want[lang].verdict) {
			t.Errorf("%s: live region says %q, want %q and the scores", lang, live, want[lang].verdict)
		}
		b.Axe()
		b.Screenshot("plainlang-editor-" + lang)
	}
}

// waitText waits up to five seconds for the element's text to contain
// want.
func waitText(t *testing.T, b *browsertest.Browser, sel, want string) {
	t.Helper()
	got := ""
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got = browsertest.Eval[string](b, `(document.querySelector(`+strconv.Quote(sel)+`) || {}).textContent || ""`); strings.Contains(got, want) {
			return
		}
	}
	t.Fatalf("%s says %q after 5 s, want %q", sel, got, want)
}
