package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/browsertest"
	catalogpkg "rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/sqlstore"
	"rathaus/internal/web"
)

// startFinder runs the public service finder on SQLite with the demo
// city's catalogue, as `rathaus demo` serves it.
func startFinder(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, filepath.Join(t.TempDir(), "finder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Now().UTC() }
	accounts := &account.Service{Store: db, Audit: db, Outbox: db, T: cat, Now: now, Issuer: "Stadt Jena"}
	orgs := &org.Service{Store: db, Audit: db, Now: now}
	services := &catalogpkg.Catalog{Store: db, Orgs: orgs, Audit: db, Now: now}
	if _, err := demo.Seed(ctx, accounts, orgs); err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedCatalog(ctx, services); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	w, err := web.New(web.Options{Accounts: accounts, Orgs: orgs, Services: services, Audit: db, Mail: db, Jobs: db,
		Ping: db.Ping, Catalog: cat, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: now, BaseURL: base,
		SessionSecret: "e2e-secret-e2e-secret-e2e-secret-!"})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = w.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	return base
}

// TestFinderAxe runs axe-core on every page of the service finder, in
// German and English: the search with and without results, the miss form
// with an error, a service and its print view, the offices, the life
// situations and the A-Z. Zero violations, one h1, the page's language.
func TestFinderAxe(t *testing.T) {
	base := startFinder(t)
	for _, lang := range []string{"de", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			b := browsertest.New(t, browsertest.WithLanguage(lang))
			b.BaseURL = base
			s := &sweep{b: b, lang: lang}
			s.page(t, "/", http.StatusOK)
			s.page(t, "/leistungen", http.StatusOK)
			s.page(t, "/leistungen?q=Personalausweis", http.StatusOK)
			s.page(t, "/leistungen?q=Xylophonunterricht", http.StatusOK)
			s.page(t, "/leistungen?q=ausweis&online=1&zielgruppe=people", http.StatusOK)
			s.check(t, "miss form with errors", func(b *browsertest.Browser) int {
				b.Navigate("/leistungen?q=Xylophonunterricht")
				b.Fill("#field-q", "")
				status := submit(b, "main form[action='/leistungen/nicht-gefunden']")
				if !b.Exists("#error-summary") {
					t.Errorf("no error summary after sending the miss form empty")
				}
				return status
			}, http.StatusBadRequest)
			service := firstLink(t, b, "/leistungen?q=Personalausweis", "main .app-result h3 a")
			s.page(t, service, http.StatusOK)
			s.page(t, service+"/druck", http.StatusOK)
			s.page(t, "/standorte", http.StatusOK)
			s.page(t, firstLink(t, b, "/standorte", "main .app-office h2 a"), http.StatusOK)
			s.page(t, "/lebenslagen", http.StatusOK)
			s.page(t, firstLink(t, b, "/lebenslagen", "main .app-cards h2 a"), http.StatusOK)
			s.page(t, "/leistungen/a-z", http.StatusOK)
			s.page(t, "/leistungen/999999", http.StatusNotFound)
			if lang == "de" {
				for name, p := range map[string]string{"search": "/leistungen?q=Personalausweis", "miss": "/leistungen?q=Xylophonunterricht",
					"service": service, "print": service + "/druck", "office": "/standorte/1", "az": "/leistungen/a-z", "situations": "/lebenslagen"} {
					b.Navigate(p)
					b.Screenshot("finder-" + name)
				}
			}
			noScriptErrors(t, b)
		})
	}
}

// firstLink opens path and returns the address of the first link matching sel.
func firstLink(t *testing.T, b *browsertest.Browser, path, sel string) string {
	t.Helper()
	b.Navigate(path)
	href := b.Attr(sel, "href")
	if href == "" {
		t.Fatalf("%s: no link %s", path, sel)
	}
	return href
}

// TestFinderWithoutJavaScript searches from the home page and filters the
// results with scripts off: plain forms and links do everything.
func TestFinderWithoutJavaScript(t *testing.T) {
	base := startFinder(t)
	b := browsertest.New(t)
	b.BaseURL = base
	disableScripts(t, b)

	b.Navigate("/")
	b.Fill("#home-q", "Perso weg")
	if got := submit(b, "main form[action='/leistungen']"); got != http.StatusOK {
		t.Fatalf("status after searching = %d", got)
	}
	if got := path(b, base); !strings.HasPrefix(got, "/leistungen?q=Perso") {
		t.Errorf("search leads to %s", got)
	}
	results := b.Texts("main .app-result h3 a")
	if len(results) == 0 || !strings.Contains(results[0], "Personalausweis") {
		t.Errorf("results for „Perso weg“ = %q, want the identity card first", results)
	}
	if b.Exists("datalist") {
		t.Error("a datalist appeared with scripts off")
	}
	// The filters sit in a details element, which opens without script.
	b.Click("details.app-filters summary")
	b.Click("#search-online")
	if got := submit(b, "details.app-filters"); got != http.StatusOK {
		t.Fatalf("status after filtering = %d", got)
	}
	if got := path(b, base); !strings.Contains(got, "online=1") {
		t.Errorf("filtered search at %s, want online=1", got)
	}
	b.ClickAndWait("main .app-result h3 a")
	if !strings.HasPrefix(path(b, base), "/leistungen/") || b.Count("h1") != 1 {
		t.Errorf("result link leads to %s", path(b, base))
	}
	noScriptErrors(t, b)
}

// TestFinderSuggestions types into the search box with JavaScript on: the
// datalist tied to it fills from the suggest API, and the number of
// suggestions is announced.
func TestFinderSuggestions(t *testing.T) {
	base := startFinder(t)
	b := browsertest.New(t)
	b.BaseURL = base
	b.Navigate("/leistungen")
	b.Fill("#search-q", "Reisep")
	var options []string
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		options = eval[[]string](b, `Array.from(document.querySelectorAll("#search-q-suggestions option"), o => o.value)`)
		if len(options) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(options) == 0 {
		t.Fatal("the datalist stayed empty")
	}
	if !strings.HasPrefix(strings.ToLower(options[0]), "reisep") {
		t.Errorf("suggestions = %q, want them to complete „Reisep“", options)
	}
	if got := b.Attr("#search-q", "list"); got != "search-q-suggestions" {
		t.Errorf("input list = %q, want the datalist", got)
	}
	if got := eval[string](b, `document.getElementById("search-suggest-status").textContent`); !strings.Contains(got, "Vorschl") {
		t.Errorf("announcement = %q", got)
	}
	b.Axe()
	noScriptErrors(t, b)
}
