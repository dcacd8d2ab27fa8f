package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/mail"
)

func TestBodyTooLarge(t *testing.T) {
	e := newEnv(t)
	big := url.Values{"message": {strings.Repeat("x", 5000)}}.Encode()

	// With Content-Length, before the handler reads anything.
	res := e.postForm("/barrierefreiheit", url.Values{"message": {strings.Repeat("x", 5000)}})
	wantStatus(t, res, 413)
	if got := text(query(res.doc, "h1")); got != "Daten zu groß" {
		t.Errorf("h1: got %q", got)
	}

	// Chunked, so only reading the body finds out.
	r := httptest.NewRequest("POST", "/barrierefreiheit", io.MultiReader(strings.NewReader(big)))
	r.ContentLength = -1
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept-Language", "en")
	res = e.do(r)
	wantStatus(t, res, 413)
	if got := text(query(res.doc, "h1")); got != "Data too large" {
		t.Errorf("h1: got %q", got)
	}
	wantNoMail(t, e)
}

func TestWrongContentType(t *testing.T) {
	e := newEnv(t)
	r := httptest.NewRequest("POST", "/barrierefreiheit", strings.NewReader(`{"message":"hi"}`))
	r.Header.Set("Content-Type", "application/json")
	res := e.do(r)
	wantStatus(t, res, 415)
	if got := text(query(res.doc, "h1")); got != "Format nicht unterstützt" {
		t.Errorf("h1: got %q", got)
	}

	r = httptest.NewRequest("POST", "/api/v1/tokens", strings.NewReader("email=a"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res = e.do(r)
	wantStatus(t, res, 415)
	if !strings.Contains(res.body, `"code":"unsupported_media_type"`) || !strings.Contains(res.body, "application/json") {
		t.Errorf("API body: %s", res.body)
	}
	wantNoMail(t, e)
}

func TestCrossOriginPostRejected(t *testing.T) {
	e := newEnv(t)
	form := url.Values{"message": {"Die Schrift ist zu klein."}}.Encode()
	for name, set := range map[string]func(*http.Request){
		"sec-fetch-site": func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") },
		"origin":         func(r *http.Request) { r.Header.Set("Origin", "https://evil.example") },
	} {
		t.Run(name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/barrierefreiheit", strings.NewReader(form))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			set(r)
			res := e.do(r)
			wantStatus(t, res, 403)
			if !strings.Contains(text(query(res.doc, "main")), "anderen Website") {
				t.Errorf("message: %q", text(query(res.doc, "main")))
			}
		})
	}
	wantNoMail(t, e)

	// The configured public origin is trusted even behind a proxy.
	r := httptest.NewRequest("POST", "/barrierefreiheit", strings.NewReader(form))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "http://rathaus.test")
	r.Host = "internal:8080"
	wantStatus(t, e.do(r), 303)
}

func TestSecurityHeadersAndRequestID(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.SecureCookies = true })
	r := httptest.NewRequest("GET", "/impressum", nil)
	r.Header.Set("X-Request-ID", "proxy-abc.123")
	res := e.do(r)
	if got := res.Header.Get("X-Request-ID"); got != "proxy-abc.123" {
		t.Errorf("X-Request-ID: got %q, want the incoming one", got)
	}
	for h, want := range map[string]string{
		"Content-Security-Policy":   csp,
		"Strict-Transport-Security": "max-age=63072000; includeSubDomains",
		"X-Frame-Options":           "DENY",
	} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("%s: got %q, want %q", h, got, want)
		}
	}
	if !strings.Contains(res.Header.Get("Permissions-Policy"), "camera=()") {
		t.Errorf("Permissions-Policy: %q", res.Header.Get("Permissions-Policy"))
	}

	r = httptest.NewRequest("GET", "/impressum", nil)
	r.Header.Set("X-Request-ID", "bad id\nwith newline")
	res = e.do(r)
	if got := res.Header.Get("X-Request-ID"); len(got) != 24 {
		t.Errorf("X-Request-ID: got %q, want a fresh 24-hex id", got)
	}
	if !strings.Contains(e.logs.String(), "id="+res.Header.Get("X-Request-ID")) {
		t.Errorf("log lacks the request id:\n%s", e.logs)
	}

	if res := newEnv(t).get("/"); res.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS sent without SecureCookies")
	}
}

func TestPanicRendersErrorPage(t *testing.T) {
	e := newEnv(t)
	h := e.srv.requestState(e.srv.detectLang(e.srv.observe(e.srv.recoverPanic(
		http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })))))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != 500 {
		t.Fatalf("status: got %d, want 500", rec.Code)
	}
	doc := parseHTML(t, rec.Body.String())
	if got := text(query(doc, "h1")); got != "Ein Fehler ist aufgetreten" {
		t.Errorf("h1: got %q", got)
	}
	if strings.Contains(rec.Body.String(), "boom") {
		t.Error("the panic value leaked into the page")
	}
	if !strings.Contains(e.logs.String(), "boom") || !strings.Contains(e.logs.String(), "status=500") {
		t.Errorf("log lacks the panic or the 500:\n%s", e.logs)
	}
}

func TestHealthReadyMetrics(t *testing.T) {
	e := newEnv(t)
	res := e.get("/healthz")
	wantStatus(t, res, 200)
	if res.body != "ok\n" {
		t.Errorf("healthz body: %q", res.body)
	}
	wantStatus(t, e.get("/readyz"), 200)

	down := newEnv(t, func(o *Options) {
		o.Ping = func(context.Context) error { return errors.New("connection refused") }
	})
	wantStatus(t, down.get("/readyz"), 503)

	e.get("/impressum")
	e.get("/nope")
	res = e.get("/metrics")
	wantStatus(t, res, 200)
	for _, want := range []string{
		`http_requests_total{method="GET",route="GET /impressum",code="200"} 1`,
		`http_requests_total{method="GET",route="unmatched",code="404"} 1`,
		`http_request_duration_seconds_bucket{method="GET",route="GET /impressum",le="+Inf"} 1`,
		"\ngo_goroutines ",
	} {
		if !strings.Contains(res.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	e := newEnv(t)
	page := e.get("/")
	var css string
	for _, n := range queryAll(page.doc, "link[rel=stylesheet]") {
		href, _ := attr(n, "href")
		res := e.get(href)
		wantStatus(t, res, 200)
		if got := res.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("%s Cache-Control: %q", href, got)
		}
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
			t.Errorf("%s Content-Type: %q", href, res.Header.Get("Content-Type"))
		}
		if strings.Contains(href, "fira-sans") {
			css = res.body
		}
	}
	// The font stylesheet points at hashed font URLs that exist.
	fonts := cssURL.FindAllStringSubmatch(css, -1)
	if len(fonts) < 4 {
		t.Fatalf("font stylesheet has %d url()s:\n%s", len(fonts), css)
	}
	for _, m := range fonts {
		res := e.get(m[1])
		wantStatus(t, res, 200)
		if res.Header.Get("Content-Type") != "font/woff2" {
			t.Errorf("%s Content-Type: %q", m[1], res.Header.Get("Content-Type"))
		}
	}
	wantStatus(t, e.get("/static/app.css"), 404) // unhashed names are not served
	wantStatus(t, e.get("/static/app.0000000000.css"), 404)
}

func wantNoMail(t *testing.T, e *testEnv) {
	t.Helper()
	msgs, err := e.db.FindMessages(context.Background(), mail.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 0 {
		t.Errorf("got %d queued mails, want none", len(msgs))
	}
}

func TestMetricsToken(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.MetricsToken = "scrape-secret" })
	if res := e.get("/metrics"); res.StatusCode != http.StatusUnauthorized || strings.Contains(res.body, "http_requests_total") {
		t.Errorf("metrics without token: %d", res.StatusCode)
	}
	r := httptest.NewRequest("GET", "/metrics", nil)
	r.Header.Set("Authorization", "Bearer scrape-secret")
	if res := e.do(r); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "http_requests_total") {
		t.Errorf("metrics with token: %d", res.StatusCode)
	}
}
