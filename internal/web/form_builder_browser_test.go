package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"rathaus/internal/browsertest"
)

// TestFormBuilderInBrowser opens the form builder's pages in headless
// Chromium, in both languages, with axe-core: zero violations, also with
// a save's errors and a preview's errors shown; no console errors.
func TestFormBuilderInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newFormEnv(t)
	e.buildDogForm()
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	base := e.formPath()
	pages := []string{"/admin/forms", base, base + "/pages/ihr_hund", base + "/questions/rasse",
		base + "/questions/wo_lebt_der_hund", base + "/questions/impfpass", base + "/questions/anzahl_der_hunde",
		base + "/preview", base + "/preview?page=ihr_hund", base + "/preview?page=ihr_hund&lang=en",
		base + "/publish", base + "/pages/ihr_hund/delete", base + "/versions"}

	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		b.Navigate("/login")
		b.Fill("#field-email", "eins@example.org")
		b.Fill("#field-password", "ein langes passwort")
		b.ClickAndWait("main form[action='/login'] button[type=submit]")
		b.Navigate("/lang?to=" + lang + "&back=/")
		for _, path := range pages {
			if got := b.Navigate(path); got != http.StatusOK {
				t.Fatalf("%s: %s: status %d", lang, path, got)
			}
			b.Axe()
		}
		b.Navigate(base)
		b.Screenshot("form-builder-edit-" + lang)
		b.Navigate(base + "/preview?page=ihr_hund")
		b.Screenshot("form-builder-preview-" + lang)
		b.NoConsoleErrors() // the refusals below answer 400, which the console reports

		// A broken rule: the error summary takes the focus.
		b.Navigate(base + "/questions/anzahl_der_hunde")
		b.Fill("#field-min", "10")
		b.Fill("#field-max", "2")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-limits']") {
			t.Errorf("%s: no error for the limits", lang)
		}
		if got := Eval[string](b, "document.activeElement.id"); got != "error-summary" {
			t.Errorf("%s: focus on %q, want the error summary", lang, got)
		}
		b.Axe()
		b.Screenshot("form-builder-question-error-" + lang)

		// Changing the type shows its rules at once (form_builder.js).
		b.Navigate(base + "/questions/anzahl_der_hunde")
		if Eval[bool](b, `!document.querySelector("[data-rules='choice checkboxes']").hidden`) {
			t.Errorf("%s: the options of a choice show on a number question", lang)
		}
		shown := Eval[bool](b, `(function () {
			var s = document.getElementById("field-type");
			s.value = "choice";
			s.dispatchEvent(new Event("change"));
			return !document.querySelector("[data-rules='choice checkboxes']").hidden &&
				document.querySelector("[data-rules='number']").hidden;
		})()`)
		if !shown {
			t.Errorf("%s: choosing a choice question does not show its options", lang)
		}
		b.Axe()

		// The preview checks answers against the rules.
		b.Navigate(base + "/preview?page=ihr_hund")
		b.Fill("#field-anzahl_der_hunde", "zwei")
		b.ClickAndWait("main form.app-form button[type=submit]")
		if !b.Exists("#error-summary a[href='#field-anzahl_der_hunde']") {
			t.Errorf("%s: preview: no error for the number", lang)
		}
		b.Axe()
	}
	// Published: the read-only view.
	e.post(base+"/publish", nil, e.editor, http.StatusSeeOther)
	b := browsertest.New(t)
	b.BaseURL = srv.URL
	b.Navigate("/login")
	b.Fill("#field-email", "eins@example.org")
	b.Fill("#field-password", "ein langes passwort")
	b.ClickAndWait("main form[action='/login'] button[type=submit]")
	for _, path := range []string{base, base + "/versions/1", base + "/versions"} {
		b.Navigate(path)
		b.Axe()
	}
}
