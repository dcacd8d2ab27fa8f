package browsertest_test

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rathaus/internal/browsertest"
)

// csp is as strict as the one rathaus pages send: no inline script.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'"

func page(title, body string) string {
	return `<!doctype html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + `</title></head><body>
<header><a href="#main">Zum Inhalt</a></header>
<main id="main"><h1>` + title + `</h1>` + body + `</main>
<footer><p>Stadt Jena</p></footer></body></html>`
}

func testServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	serve := func(path, content string) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, content)
		})
	}
	serve("/good", page("Anmelden", `<form method="post" action="/form">
<label for="name">Name</label> <input id="name" name="name" autocomplete="name">
<label for="topic">Thema</label> <select id="topic" name="topic"><option value="a">A</option><option value="b">B</option></select>
<button type="submit">Absenden</button></form>
<p><a href="/good" id="self" data-kind="link">Diese Seite</a></p>`))
	serve("/bad", page("Kaputt", `<form><input id="nolabel" name="q"></form>`))
	serve("/inline", page("Inline", `<script>document.title = "ran"</script>`))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /form", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/hello?name="+r.FormValue("name")+"&topic="+r.FormValue("topic"), http.StatusSeeOther)
	})
	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		fmt.Fprint(w, page("Hallo, "+html.EscapeString(q.Get("name")), "<p id=topic>"+html.EscapeString(q.Get("topic"))+"</p>"))
	})
	mux.HandleFunc("GET /lang", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Sprache", "<p id=lang>"+html.EscapeString(r.Header.Get("Accept-Language"))+"</p>"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestAccessiblePageHasNoViolationsUnderStrictCSP(t *testing.T) {
	b := browsertest.New(t)
	b.BaseURL = testServer(t).URL
	if got := b.Navigate("/good"); got != http.StatusOK {
		t.Fatalf("status = %d, want 200", got)
	}
	b.Axe()
	b.NoConsoleErrors()
}

func TestAxeReportsUnlabelledInput(t *testing.T) {
	b := browsertest.New(t)
	b.BaseURL = testServer(t).URL
	b.Navigate("/bad")
	vs, err := browsertest.AxeViolations(b.Context())
	if err != nil {
		t.Fatalf("AxeViolations: %v", err)
	}
	i := slices.IndexFunc(vs, func(v browsertest.Violation) bool { return v.ID == "label" })
	if i < 0 {
		t.Fatalf("violations %v lack the rule \"label\"", vs)
	}
	report := browsertest.FormatViolations(b.URL(), vs)
	for _, want := range []string{"label (critical)", "#nolabel", `<input id="nolabel" name="q">`, "/bad"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}

	// The same page fails a test that calls Axe.
	rec := &recorder{TB: t}
	browsertest.Axe(rec, b.Context())
	if !strings.Contains(rec.errors, "#nolabel") {
		t.Errorf("Axe reported %q, want a failure naming #nolabel", rec.errors)
	}
}

func TestFormRoundTrip(t *testing.T) {
	b := browsertest.New(t)
	b.BaseURL = testServer(t).URL
	b.Navigate("/good")
	if got, want := b.Title(), "Anmelden"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if got, want := b.Attr("#self", "data-kind"), "link"; got != want {
		t.Errorf("Attr = %q, want %q", got, want)
	}
	if got := b.Count("label"); got != 2 {
		t.Errorf("Count(label) = %d, want 2", got)
	}
	if b.Exists("#missing") {
		t.Error("Exists(#missing) = true, want false")
	}
	b.Fill("#name", "Zoë")
	b.Fill("#name", "Ada") // replaces, does not append
	b.SetValue("#topic", "b")
	if got := b.ClickAndWait("button[type=submit]"); got != http.StatusOK {
		t.Errorf("status after submit = %d, want 200", got)
	}
	if got, want := b.Text("h1"), "Hallo, Ada"; got != want {
		t.Errorf("h1 = %q, want %q", got, want)
	}
	if got, want := b.Texts("main p"), []string{"b"}; !slices.Equal(got, want) {
		t.Errorf("Texts = %q, want %q", got, want)
	}
	if !strings.Contains(b.URL(), "/hello?name=Ada") {
		t.Errorf("URL = %q, want the page after the redirect", b.URL())
	}
	if got := browsertest.Eval[int](b, "6 * 7"); got != 42 {
		t.Errorf("Eval = %d, want 42", got)
	}
	b.Click("a") // the skip link: no page load
	if got := b.Navigate("/nowhere"); got != http.StatusNotFound {
		t.Errorf("status of /nowhere = %d, want 404", got)
	}
}

func TestLanguageAndConsoleErrors(t *testing.T) {
	srv := testServer(t)
	de := browsertest.New(t)
	de.BaseURL = srv.URL
	de.Navigate("/lang")
	if got := de.Text("#lang"); !strings.HasPrefix(got, "de-DE") {
		t.Errorf("default Accept-Language = %q, want German first", got)
	}
	de.Navigate("/inline")
	if de.Title() == "ran" {
		t.Error("inline script ran despite the CSP")
	}
	errs := strings.Join(de.ConsoleErrors(), "\n")
	if !strings.Contains(errs, "Content Security Policy") {
		t.Errorf("ConsoleErrors = %q, want the blocked inline script", errs)
	}

	en := browsertest.New(t, browsertest.WithLanguage("en-GB,en"))
	en.BaseURL = srv.URL
	en.Navigate("/lang")
	if got := en.Text("#lang"); !strings.HasPrefix(got, "en-GB") {
		t.Errorf("Accept-Language = %q, want en-GB first", got)
	}
	dir := t.TempDir()
	t.Setenv(browsertest.EnvScreenshotDir, dir)
	path := en.Screenshot("lang page")
	if filepath.Dir(path) != dir {
		t.Errorf("screenshot at %s, want it in %s", path, dir)
	}
	png, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("screenshot %s is not a PNG (err %v)", path, err)
	}
}

// recorder records failures instead of failing the test.
type recorder struct {
	testing.TB
	errors string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors += fmt.Sprintf(format, args...)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errors += fmt.Sprintf(format, args...)
}
