package e2e

import (
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// eval is browsertest.Eval, shortened.
func eval[T any](b *browsertest.Browser, expr string) T { return browsertest.Eval[T](b, expr) }

// htmlLang is the lang attribute of the page, the language a screen reader
// reads it in.
func htmlLang(b *browsertest.Browser) string {
	return b.Attr("html", "lang")
}

// focused describes the element that has keyboard focus: its id, else its
// tag and class.
func focused(b *browsertest.Browser) string {
	return eval[string](b, `(e => e.id || (e.tagName.toLowerCase() + "." + e.className))(document.activeElement)`)
}

// submit clicks the submit button of the form matching sel and returns
// the status of the page it leads to.
func submit(b *browsertest.Browser, form string) int {
	return b.ClickAndWait(form + " button[type=submit]")
}

// path is the path and query of the current page.
func path(b *browsertest.Browser, base string) string {
	return strings.TrimPrefix(b.URL(), base)
}

// login fills the login form and submits it.
func login(b *browsertest.Browser, email, password string) int {
	b.Navigate("/login")
	b.Fill("#field-email", email)
	b.Fill("#field-password", password)
	return submit(b, "main form[action='/login']")
}

// logout clicks the logout button in the navigation.
func logout(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	b.ClickAndWait("nav form[action='/logout'] button")
	if !b.Exists("nav a[href='/login']") {
		t.Errorf("after logout the navigation offers no login link")
	}
}
