package web

import (
	"testing"
)

// BenchmarkGeoReportRequests measures GET /georeport/v2/requests.json
// with 1,000 reports in range (the most one call returns), each with a
// public status note, on SQLite.
func BenchmarkGeoReportRequests(b *testing.B) {
	e := newGeoEnv(b)
	for i := 0; i < 1000; i++ {
		e.submit(e.muell, 50.90+float64(i%100)/1000, 11.58+float64(i/100)/1000, "Sperrmüll am Straßenrand")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := e.api("GET", "/georeport/v2/requests.json", nil)
		if res.StatusCode != 200 || len(res.body) < 100000 {
			b.Fatalf("status %d, %d bytes", res.StatusCode, len(res.body))
		}
	}
}
