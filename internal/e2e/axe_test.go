package e2e

import (
	"maps"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/browsertest"
	"rathaus/internal/demo"
)

// shellPages are the pages anyone can open.
var shellPages = []string{
	"/", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache",
	"/login", "/register", "/register/sent", "/password/forgot", "/password/reset?token=x",
	"/kennzahlen", "/hilfe-vor-ort", "/melden", "/meldungen",
}

// accountPages are the pages of a logged-in user.
var accountPages = []string{"/account", "/account/security", "/account/tokens", "/account/delete"}

// TestAxe runs axe-core on every page of the shell, the account area and
// the admin area, in German (in demo mode, with its banner) and in
// English (without it), including the states a form shows after a
// mistake: zero violations everywhere.
func TestAxe(t *testing.T) {
	for _, c := range []struct {
		lang string
		demo bool
	}{{"de", true}, {"en", false}} {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel()
			a := start(t, filepath.Join(t.TempDir(), "axe.db"), c.demo)
			b := browsertest.New(t, browsertest.WithLanguage(c.lang))
			b.BaseURL = a.URL
			s := &sweep{b: b, lang: c.lang}
			s.anonymous(t)
			s.account(t)
			s.secondFactor(t)
			s.admin(t)
		})
	}
}

// sweep checks pages of one language with one browser.
type sweep struct {
	b    *browsertest.Browser
	lang string
}

// check opens a page with open, in a subtest named name, and runs
// axe-core on it; it also checks that the status is in the class of want
// (2xx or 4xx), that the page is in the sweep's language and has one h1.
func (s *sweep) check(t *testing.T, name string, open func(b *browsertest.Browser) int, want int) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		b := s.b.For(t)
		if got := open(b); got/100 != want/100 {
			t.Errorf("status = %d, want %dxx", got, want/100)
		}
		if got := htmlLang(b); got != s.lang {
			t.Errorf("html lang = %q, want %q", got, s.lang)
		}
		if n := b.Count("h1"); n != 1 {
			t.Errorf("page has %d h1, want 1", n)
		}
		b.Axe()
	})
}

// page checks a page opened by its address.
func (s *sweep) page(t *testing.T, path string, want int) {
	t.Helper()
	s.check(t, path, func(b *browsertest.Browser) int { return b.Navigate(path) }, want)
}

// mistake submits the form on path empty and checks the page with its
// error summary.
func (s *sweep) mistake(t *testing.T, path, form string) {
	t.Helper()
	s.check(t, path+" with errors", func(b *browsertest.Browser) int {
		b.Navigate(path)
		status := submit(b, form)
		if !b.Exists("#error-summary") {
			t.Errorf("no error summary after submitting %s empty", form)
		}
		return status
	}, http.StatusBadRequest)
}

func (s *sweep) anonymous(t *testing.T) {
	for _, p := range shellPages {
		s.page(t, p, http.StatusOK)
	}
	s.page(t, "/gibt-es-nicht", http.StatusNotFound)
	s.page(t, "/verify?token=x", http.StatusBadRequest)
	s.mistake(t, "/barrierefreiheit", "main form[action='/barrierefreiheit']")
	s.mistake(t, "/login", "main form[action='/login']")
	s.mistake(t, "/register", "main form[action='/register']")
	s.mistake(t, "/password/forgot", "main form[action='/password/forgot']")
	s.check(t, "/password/forgot sent", func(b *browsertest.Browser) int {
		b.Navigate("/password/forgot") // the mail it sends shows up in the admin's outbox
		b.Fill("#field-email", "buergerin"+demo.Domain)
		return submit(b, "main form[action='/password/forgot']")
	}, http.StatusOK)
}

// account logs in as the demo citizen and checks the account pages,
// including a new token, the second-factor setup and forms with errors.
func (s *sweep) account(t *testing.T) {
	s.logIn(t, "buergerin"+demo.Domain)
	for _, p := range accountPages {
		s.page(t, p, http.StatusOK)
	}
	s.check(t, "/account/tokens after creating one", func(b *browsertest.Browser) int {
		b.Navigate("/account/tokens")
		b.Fill("#field-name", "axe "+s.lang)
		status := submit(b, "main form[action='/account/tokens']")
		if !b.Exists("#new-token") {
			t.Errorf("the new token is not shown")
		}
		return status
	}, http.StatusOK)
	s.check(t, "second factor setup", func(b *browsertest.Browser) int {
		b.Navigate("/account/security")
		return submit(b, "main form[action='/account/totp']")
	}, http.StatusOK)
	s.mistake(t, "/account/security", "main form[action='/account/password']")
	s.mistake(t, "/account/delete", "main form[action='/account/delete']")
	logout(t, s.b.For(t))
}

// secondFactor turns on TOTP for the demo company account and checks
// the setup page (with a wrong code), the security page with the second
// factor on, and the code step of the next login (with a wrong code).
func (s *sweep) secondFactor(t *testing.T) {
	s.logIn(t, "firma"+demo.Domain)
	s.check(t, "second factor setup with errors", func(b *browsertest.Browser) int {
		b.Navigate("/account/security")
		submit(b, "main form[action='/account/totp']")
		b.Fill("#field-code", "000000")
		return submit(b, "main form[action='/account/totp/confirm']")
	}, http.StatusBadRequest)
	s.check(t, "/account/security with second factor", func(b *browsertest.Browser) int {
		code, err := account.TOTPCode(b.Text("#totp-secret"), account.TOTPStep(time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		b.Fill("#field-code", code)
		return submit(b, "main form[action='/account/totp/confirm']")
	}, http.StatusOK)
	logout(t, s.b.For(t))
	s.check(t, "/login/code", func(b *browsertest.Browser) int {
		login(b, "firma"+demo.Domain, demo.Password)
		if got := path(b, b.BaseURL); !strings.HasPrefix(got, "/login/code") {
			t.Errorf("login with a second factor leads to %s, want /login/code", got)
		}
		b.Navigate("/lang?to=" + s.lang + "&back=/login/code")
		return http.StatusOK
	}, http.StatusOK)
	s.mistake(t, "/login/code", "main form[action='/login/code']")
}

// logIn logs in with a demo account and switches to the sweep's language,
// since login restores the account's own (German).
func (s *sweep) logIn(t *testing.T, email string) {
	t.Helper()
	b := s.b.For(t)
	if got := login(b, email, demo.Password); got != http.StatusOK {
		t.Fatalf("login as %s: status %d", email, got)
	}
	b.Navigate("/lang?to=" + s.lang + "&back=/account")
}

// admin logs in as the demo platform admin and checks every admin page
// reachable by links from /admin: one page per address pattern, so one
// user's page stands for all.
func (s *sweep) admin(t *testing.T) {
	s.logIn(t, "admin"+demo.Domain)
	b := s.b.For(t)
	if b.Navigate("/admin") == http.StatusNotFound {
		t.Log("no /admin yet: admin pages not checked")
		return
	}
	seen := map[string]bool{}
	queue := []string{"/admin"}
	for len(queue) > 0 && len(seen) < 30 {
		p := queue[0]
		queue = queue[1:]
		if seen[pattern(p)] {
			continue
		}
		seen[pattern(p)] = true
		s.page(t, p, http.StatusOK)
		for _, l := range adminLinks(s.b.For(t)) {
			if !seen[pattern(l)] {
				queue = append(queue, l)
			}
		}
	}
	s.check(t, "/admin/users search", func(b *browsertest.Browser) int {
		b.Navigate("/admin/users")
		b.Fill("#field-q", "buergerin")
		return submit(b, "main form[action='/admin/users']")
	}, http.StatusOK)
	t.Logf("checked %d admin pages: %s", len(seen), strings.Join(slices.Sorted(maps.Keys(seen)), " "))
}

// adminLinks are the admin addresses the current page links to.
func adminLinks(b *browsertest.Browser) []string {
	return browsertest.Eval[[]string](b, `Array.from(document.querySelectorAll("a[href^='/admin']:not([download])"), a => a.getAttribute("href").split("#")[0])`)
}

var number = regexp.MustCompile(`\d+`)

// pattern drops the query of an address and replaces its numbers, so
// /admin/users/3 and /admin/users/4?email=x count as one page.
func pattern(p string) string {
	p, _, _ = strings.Cut(p, "?")
	return number.ReplaceAllString(p, "{n}")
}
