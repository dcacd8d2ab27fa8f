package e2e

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"rathaus/internal/browsertest"
	"rathaus/internal/mail/smtptest"
)

// TestAccountFlow walks a new citizen through registration, the
// verification mail (delivered over SMTP by the job runner), logout, a
// mistyped password and a login, on every database engine; once with
// JavaScript and once without, since every page must work without it.
func TestAccountFlow(t *testing.T) {
	eachEngine(t, func(t *testing.T, dbURL string) {
		a := start(t, dbURL, false)
		t.Run("javascript", func(t *testing.T) { accountFlow(t, a, true) })
		t.Run("no-javascript", func(t *testing.T) { accountFlow(t, a, false) })
	})
}

func accountFlow(t *testing.T, a *app, js bool) {
	b := browsertest.New(t)
	b.BaseURL = a.URL
	if !js {
		disableScripts(t, b)
	}
	email := "ada." + strings.ReplaceAll(strings.ToLower(t.Name()), "/", ".") + "@example.org"
	const password = "correct horse battery staple"

	b.Navigate("/register")
	b.Fill("#field-display_name", "Ada Lovelace")
	b.Fill("#field-email", email)
	b.Fill("#field-password", password)
	b.Fill("#field-password_confirm", password)
	if got := submit(b, "main form[action='/register']"); got != http.StatusOK {
		t.Fatalf("status after registering = %d, want %d", got, http.StatusOK)
	}
	if got, want := b.Text("h1"), tr("de", "register_sent.title"); got != want {
		t.Errorf("h1 after registering = %q, want %q", got, want)
	}

	link := verificationLink(t, a.SMTP.WaitFor(t, smtptest.To(email), 15*time.Second))
	b.Navigate(link) // opening the link uses nothing up: a person confirms
	if js {
		b.Axe() // axe-core needs scripts
	}
	submit(b, "main form[action='/verify']")
	wantAccountPage(t, b, a, email)
	if got, want := b.Text(".app-flash"), tr("de", "flash.verified"); got != want {
		t.Errorf("message after verifying = %q, want %q", got, want)
	}
	if js {
		b.Screenshot("account")
	}

	logout(t, b)
	b.Navigate("/account")
	if got := path(b, a.URL); !strings.HasPrefix(got, "/login") {
		t.Errorf("after logout /account leads to %s, want the login page", got)
	}

	wrongPassword(t, b, email, js)

	if got := login(b, email, password); got != http.StatusOK {
		t.Fatalf("status after login = %d, want %d", got, http.StatusOK)
	}
	wantAccountPage(t, b, a, email)
	noScriptErrors(t, b)
}

// wrongPassword logs in with a wrong password: the page says so in an
// error summary, which has the focus (with JavaScript) and whose links
// lead to fields on the page.
func wrongPassword(t *testing.T, b *browsertest.Browser, email string, js bool) {
	t.Helper()
	if got := login(b, email, "not my password"); got < 400 || got >= 500 {
		t.Errorf("status after a wrong password = %d, want 4xx", got)
	}
	if got, want := b.Text("#error-summary"), tr("de", "error.login.failed"); !strings.Contains(got, want) {
		t.Errorf("error summary = %q, want it to say %q", got, want)
	}
	if got := b.Attr("#error-summary", "role"); got != "alert" {
		t.Errorf("error summary role = %q, want alert", got)
	}
	// The focus moves by script, so without JavaScript it must stay put:
	// that also proves the scripts are really off.
	if got := focused(b); js && got != "error-summary" {
		t.Errorf("focus after a wrong password on %q, want the error summary", got)
	} else if !js && got == "error-summary" {
		t.Errorf("focus moved to the error summary with JavaScript disabled")
	}
	for _, href := range eval[[]string](b, `Array.from(document.querySelectorAll("#error-summary a"), a => a.getAttribute("href"))`) {
		if !b.Exists(href) {
			t.Errorf("error summary links to %s, which is not on the page", href)
		}
	}
	if got := b.Attr("#field-email", "value"); got != email {
		t.Errorf("email field after a wrong password = %q, want it kept: %q", got, email)
	}
}

// wantAccountPage checks that the browser shows the account page of email.
func wantAccountPage(t *testing.T, b *browsertest.Browser, a *app, email string) {
	t.Helper()
	if got := path(b, a.URL); got != "/account" {
		t.Errorf("page = %s, want /account", got)
	}
	if got, want := b.Text("h1"), tr("de", "account.title"); got != want {
		t.Errorf("h1 = %q, want %q", got, want)
	}
	if got := b.Texts("main dd"); !slices.Contains(got, email) {
		t.Errorf("account page shows %q, want the address %s", got, email)
	}
	if !b.Exists("nav form[action='/logout'] button") {
		t.Errorf("no logout button in the navigation")
	}
}

// verificationLink returns the confirmation link of a verification mail.
func verificationLink(t *testing.T, m smtptest.Message) string {
	t.Helper()
	for _, u := range m.URLs() {
		if strings.Contains(u, "/verify?token=") {
			return u
		}
	}
	t.Fatalf("mail %q has no verification link; links: %q\n%s", m.Subject, m.URLs(), m.Text)
	return ""
}

// disableScripts turns off JavaScript in the pages of b, as a person who
// browses without it would.
func disableScripts(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Second)
	defer cancel()
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	if err != nil {
		t.Fatalf("disable JavaScript: %v", err)
	}
}

// noScriptErrors fails on errors the pages reported other than the
// expected ones: a page answered with an error status (such as the login
// page after a wrong password) shows up as a failed load.
func noScriptErrors(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	for _, e := range b.ConsoleErrors() {
		if strings.Contains(e, "the server responded with a status of 4") {
			continue
		}
		t.Errorf("browser reported: %s", e)
	}
}
