package web

import (
	"net/http/httptest"
	"strings"
	"testing"
)

var shellPages = []string{"/", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache"}

// TestShellPages checks what every page must have: one h1, the language,
// a skip link to the main landmark, the demo banner, the footer links and
// the security headers.
func TestShellPages(t *testing.T) {
	e := newEnv(t)
	for _, lang := range []string{"de", "en"} {
		for _, path := range shellPages {
			t.Run(lang+path, func(t *testing.T) {
				r := httptest.NewRequest("GET", path, nil)
				r.Header.Set("Accept-Language", lang)
				res := e.do(r)
				wantStatus(t, res, 200)
				if n := len(queryAll(res.doc, "h1")); n != 1 {
					t.Errorf("got %d h1, want 1", n)
				}
				if got, _ := attr(query(res.doc, "html"), "lang"); got != lang {
					t.Errorf("html lang: got %q, want %q", got, lang)
				}
				skip := query(res.doc, "body a")
				if href, _ := attr(skip, "href"); href != "#main" {
					t.Errorf("first link: got href %q, want the skip link to #main", href)
				}
				if query(res.doc, "main#main") == nil {
					t.Error("no <main id=main>")
				}
				if query(res.doc, "header #demo-banner") == nil {
					t.Error("no demo banner in the header")
				}
				for _, href := range []string{"/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache"} {
					if query(res.doc, "footer a[href='"+href+"']") == nil {
						t.Errorf("footer lacks a link to %s", href)
					}
				}
				if !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
					t.Errorf("CSP: got %q", res.Header.Get("Content-Security-Policy"))
				}
				for h, want := range map[string]string{
					"X-Content-Type-Options": "nosniff",
					"Referrer-Policy":        "same-origin",
					"Content-Language":       lang,
				} {
					if got := res.Header.Get(h); got != want {
						t.Errorf("%s: got %q, want %q", h, got, want)
					}
				}
				checkLocalResources(t, res)
			})
		}
	}
}

// checkLocalResources fails on any resource the page would load from
// another server, and on inline scripts and styles the CSP would block.
func checkLocalResources(t *testing.T, res *response) {
	t.Helper()
	for _, sel := range []string{"script[src]", "link[href]", "img[src]"} {
		for _, n := range queryAll(res.doc, sel) {
			for _, a := range []string{"src", "href"} {
				if v, ok := attr(n, a); ok && !strings.HasPrefix(v, "/static/") {
					t.Errorf("%s loads %q, want a hashed /static/ URL", sel, v)
				}
			}
		}
	}
	for _, n := range queryAll(res.doc, "script") {
		if _, ok := attr(n, "src"); !ok {
			t.Error("inline <script>")
		}
	}
	if len(queryAll(res.doc, "style")) > 0 || len(queryAll(res.doc, "[style]")) > 0 {
		t.Error("inline style")
	}
}

func TestHomeListsDemoAccounts(t *testing.T) {
	e := newEnv(t)
	res := e.get("/")
	wantStatus(t, res, 200)
	if got := text(query(res.doc, "#demo-accounts")); got != "Demo-Zugänge" {
		t.Errorf("demo heading: got %q", got)
	}
	if !strings.Contains(text(query(res.doc, "table")), "anna@demo.example demo-passwort") {
		t.Errorf("demo table lacks the account: %q", text(query(res.doc, "table")))
	}

	e = newEnv(t, func(o *Options) { o.Demo = false })
	res = e.get("/")
	if query(res.doc, "#demo-banner") != nil || query(res.doc, "table") != nil {
		t.Error("demo banner or accounts shown outside demo mode")
	}
	if got := text(query(res.doc, ".kern-kopfzeile__label")); got != "Offizielle Website – Stadt Jena" {
		t.Errorf("Kopfzeile: got %q", got)
	}
}

func TestEasyLanguageInEnglish(t *testing.T) {
	e := newEnv(t)
	r := httptest.NewRequest("GET", "/leichte-sprache", nil)
	r.Header.Set("Accept-Language", "en")
	res := e.do(r)
	if !strings.Contains(text(query(res.doc, "main")), "only available in German") {
		t.Error("English page does not say the text is German only")
	}
	if query(res.doc, "main div[lang=de] h2") == nil {
		t.Error("the German text is not marked lang=de")
	}
}

func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t)
	res := e.get("/lang?to=en&back=/impressum")
	wantStatus(t, res, 303)
	if got := res.Header.Get("Location"); got != "/impressum" {
		t.Errorf("Location: got %q, want /impressum", got)
	}
	c := cookie(res, "lang")
	if c == nil || c.Value != "en" || !c.HttpOnly {
		t.Fatalf("lang cookie: got %+v", c)
	}
	res = e.get("/impressum", c)
	if got := text(query(res.doc, "h1")); got != "Imprint" {
		t.Errorf("h1 after switching: got %q, want Imprint", got)
	}
	link := query(res.doc, "header a[hreflang=de]")
	if href, _ := attr(link, "href"); href != "/lang?back=%2Fimpressum&to=de" {
		t.Errorf("switch back link: got %q", href)
	}

	for _, back := range []string{"//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)", ""} {
		res := e.get("/lang?to=de&back=" + strings.ReplaceAll(back, "/", "%2F"))
		if got := res.Header.Get("Location"); got != "/" {
			t.Errorf("back=%q: redirected to %q, want /", back, got)
		}
	}
	res = e.get("/lang?to=fr&back=/")
	wantStatus(t, res, 400)
	if cookie(res, "lang") != nil {
		t.Error("unsupported language set a cookie")
	}
}

func TestNotFound(t *testing.T) {
	e := newEnv(t)
	res := e.get("/gibt-es-nicht")
	wantStatus(t, res, 404)
	if got := text(query(res.doc, "h1")); got != "Seite nicht gefunden" {
		t.Errorf("h1: got %q", got)
	}
	r := httptest.NewRequest("GET", "/nope", nil)
	r.Header.Set("Accept-Language", "en-GB,en;q=0.9")
	res = e.do(r)
	wantStatus(t, res, 404)
	if got := text(query(res.doc, "h1")); got != "Page not found" {
		t.Errorf("h1 in English: got %q", got)
	}
	res = e.get("/api/v1/nope")
	wantStatus(t, res, 404)
	if !strings.Contains(res.body, `"code":"not_found"`) {
		t.Errorf("API 404 body: %s", res.body)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	e := newEnv(t)
	res := e.postForm("/impressum", nil)
	wantStatus(t, res, 405)
	if !strings.Contains(res.Header.Get("Allow"), "GET") {
		t.Errorf("Allow: got %q", res.Header.Get("Allow"))
	}
	if got := text(query(res.doc, "h1")); got != "Aktion nicht möglich" {
		t.Errorf("h1: got %q", got)
	}
}
