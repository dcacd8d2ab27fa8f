package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkHomePage measures one anonymous page view through the whole
// middleware chain and template rendering.
func BenchmarkHomePage(b *testing.B) {
	e := newEnv(b)
	h := e.srv.Handler()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkAccountPage measures a logged-in page view: session lookup in
// the database (SQLite), user, roles and rendering.
func BenchmarkAccountPage(b *testing.B) {
	e := newEnv(b)
	sess := e.verifiedUser("bench@example.org")
	h := e.srv.Handler()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/account", nil)
		r.AddCookie(sess)
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
