package e2e

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rathaus/internal/browsertest"
	"rathaus/internal/demo"
)

// TestCatalogAdminAxe runs axe-core on the catalogue editing pages of a
// service owner and a second reviewer under four-eyes, in German and
// English: the list (also filtered), the edit form (also with errors),
// the new-service form, a pending revision as its author and as a
// reviewer (also after a reject without a reason), the history, the
// review queue and the search misses. Zero violations everywhere.
func TestCatalogAdminAxe(t *testing.T) {
	for _, c := range []struct {
		lang string
		demo bool
	}{{"de", true}, {"en", false}} {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel()
			a := start(t, filepath.Join(t.TempDir(), "catalog.db"), c.demo)
			a.Catalog.FourEyes = true
			b := browsertest.New(t, browsertest.WithLanguage(c.lang))
			b.BaseURL = a.URL
			s := &sweep{b: b, lang: c.lang}
			s.logIn(t, "prozesse"+demo.Domain)
			edit := s.editorPages(t)
			rev := s.propose(t, edit)
			logout(t, s.b.For(t))
			s.logIn(t, "admin"+demo.Domain)
			s.review(t, rev)
		})
	}
}

// editorPages checks the service owner's pages and returns the address of
// the first service's edit form.
func (s *sweep) editorPages(t *testing.T) string {
	for _, p := range []string{"/admin/catalog", "/admin/catalog?q=ausweis", "/admin/catalog/new",
		"/admin/catalog/reviews", "/admin/catalog/misses"} {
		s.page(t, p, http.StatusOK)
	}
	b := s.b.For(t)
	b.Navigate("/admin/catalog")
	if !b.Exists("a[href='/admin/catalog']") {
		t.Error("the navigation offers the service owner no catalogue link")
	}
	edit := b.Attr("main tbody a", "href")
	if !strings.HasPrefix(edit, "/admin/catalog/services/") {
		t.Fatalf("first service links to %q", edit)
	}
	s.page(t, edit, http.StatusOK)
	s.page(t, edit+"/history", http.StatusOK)
	s.check(t, edit+" with errors", func(b *browsertest.Browser) int {
		b.Navigate(edit)
		b.Fill("#field-name", "")
		b.Fill("#field-leika", "123")
		b.Fill("#field-online_url", "www.jena.de")
		status := submitLong(t, b, "main form[action='"+edit+"']")
		if n := b.Count("#error-summary li"); n != 3 {
			t.Errorf("error summary lists %d problems, want 3", n)
		}
		if got := b.Attr("#field-online_url", "value"); got != "www.jena.de" {
			t.Errorf("typed address lost: %q", got)
		}
		return status
	}, http.StatusBadRequest)
	s.mistake(t, "/admin/catalog/new", "main form[action='/admin/catalog/new']")
	return edit
}

// propose saves a change as the service owner and checks the pending
// revision as its author sees it; it returns the revision's address.
func (s *sweep) propose(t *testing.T, edit string) string {
	var rev string
	s.check(t, "own pending revision", func(b *browsertest.Browser) int {
		b.Navigate(edit)
		b.Fill("#field-summary", "Neue Kurzbeschreibung für den Test.")
		b.Fill("#field-comment", "Kurzbeschreibung gekürzt")
		status := submitLong(t, b, "main form[action='"+edit+"']")
		rev = path(b, b.BaseURL)
		if !b.Exists("#own-change") || b.Exists("main form[action$='/approve']") {
			t.Error("the author is offered the approval of their own change")
		}
		if !b.Exists("main ins") || !b.Exists("main del") {
			t.Error("the revision shows no difference")
		}
		return status
	}, http.StatusOK)
	if !strings.HasPrefix(rev, "/admin/catalog/revisions/") {
		t.Fatalf("saving leads to %q, want the revision", rev)
	}
	return rev
}

// review checks the revision as a second person sees it, a reject without
// a reason, and the approval.
func (s *sweep) review(t *testing.T, rev string) {
	s.page(t, rev, http.StatusOK)
	s.check(t, rev+" reject without reason", func(b *browsertest.Browser) int {
		b.Navigate(rev)
		status := submit(b, "main form[action='"+rev+"/reject']")
		if !b.Exists("#error-summary a[href='#field-reject_note']") {
			t.Error("no error for the missing reason")
		}
		return status
	}, http.StatusBadRequest)
	s.check(t, rev+" approved", func(b *browsertest.Browser) int {
		b.Navigate(rev)
		status := submit(b, "main form[action='"+rev+"/approve']")
		if b.Exists("main form[action='" + rev + "/approve']") {
			t.Error("the approved revision still offers the approval")
		}
		return status
	}, http.StatusOK)
	s.page(t, "/admin/catalog/reviews", http.StatusOK)
}

// submitLong submits a form at the end of a long page. A click would make
// the page scroll to the button first, smoothly (KERN sets
// scroll-behavior: smooth), and the wait for the next page then misses
// it; submitting the form directly does not scroll.
func submitLong(t *testing.T, b *browsertest.Browser, form string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Context(), b.Timeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(form+" button[type=submit]")))
	if err != nil {
		t.Fatalf("submit %s: %v", form, err)
	}
	return int(resp.Status)
}
