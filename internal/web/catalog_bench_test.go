package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkServicePage measures one anonymous view of a service page:
// middleware, the catalogue snapshot and rendering.
func BenchmarkServicePage(b *testing.B) {
	e := newCatalogEnv(b, cityTime(2026, time.December, 3, 10, 0))
	benchGet(b, e.srv.Handler(), serviceURL(e.ids["perso"]))
}

// BenchmarkSearchPage measures one anonymous search on the HTML page
// that was asked before (served from the page cache).
func BenchmarkSearchPage(b *testing.B) {
	e := newCatalogEnv(b, cityTime(2026, time.December, 3, 10, 0))
	benchGet(b, e.srv.Handler(), "/leistungen?q=Perso+verloren")
}

// BenchmarkSearchPageUncached measures a search nobody asked before:
// the search itself and rendering, with the page cache off.
func BenchmarkSearchPageUncached(b *testing.B) {
	e := newCatalogEnv(b, cityTime(2026, time.December, 3, 10, 0))
	e.srv.pages = newPageCache(0)
	benchGet(b, e.srv.Handler(), "/leistungen?q=Perso+verloren")
}

func benchGet(b *testing.B, h http.Handler, url string) {
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkSearchAPI measures one search through the JSON API.
func BenchmarkSearchAPI(b *testing.B) {
	e := newCatalogEnv(b, cityTime(2026, time.December, 3, 10, 0))
	benchGet(b, e.srv.Handler(), "/api/v1/services?q=Perso+verloren&limit=10")
}
