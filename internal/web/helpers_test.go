package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"rathaus/internal/account"
	"rathaus/internal/i18n"
	"rathaus/internal/sqlstore"
)

// testEnv is a real server on a fresh SQLite database.
type testEnv struct {
	t    testing.TB
	srv  *Server
	db   *sqlstore.DB
	acc  *account.Service
	logs *bytes.Buffer
}

var testNow = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

func newEnv(t testing.TB, change ...func(*Options)) *testEnv {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, "file:"+t.TempDir()+"/t.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return testNow }
	acc := &account.Service{Store: db, Audit: db, Outbox: db, T: cat, Now: now, BaseURL: "http://rathaus.test"}
	logs := &bytes.Buffer{}
	opts := Options{
		Accounts: acc, Audit: db, Mail: db, Ping: db.Ping, Catalog: cat,
		Logger: slog.New(slog.NewTextHandler(logs, nil)), Now: now,
		BaseURL: "http://rathaus.test", Demo: true,
		DemoAccounts:         []DemoAccount{{"anna@demo.example", "demo-passwort", "Bürgerin"}},
		AccessibilityContact: "a11y@jena.example",
		MaxBodyBytes:         4096,
	}
	for _, f := range change {
		f(&opts)
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return &testEnv{t: t, srv: srv, db: db, acc: acc, logs: logs}
}

// response is a finished request with its parsed body.
type response struct {
	*http.Response
	body string
	doc  *html.Node
}

// do sends r through the whole handler chain.
func (e *testEnv) do(r *http.Request) *response {
	e.t.Helper()
	rec := httptest.NewRecorder()
	e.srv.Handler().ServeHTTP(rec, r)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	out := &response{Response: res, body: string(b)}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		out.doc = parseHTML(e.t, out.body)
	}
	return out
}

func (e *testEnv) get(path string, cookies ...*http.Cookie) *response {
	e.t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for _, c := range cookies {
		r.AddCookie(c)
	}
	return e.do(r)
}

// postForm sends a same-origin form post, as a browser would.
func (e *testEnv) postForm(path string, values url.Values, cookies ...*http.Cookie) *response {
	e.t.Helper()
	r := httptest.NewRequest("POST", path, strings.NewReader(values.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	for _, c := range cookies {
		r.AddCookie(c)
	}
	return e.do(r)
}

func cookie(res *response, name string) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func wantStatus(t testing.TB, res *response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("status: got %d, want %d; body:\n%.2000s", res.StatusCode, want, res.body)
	}
}
