package web

import (
	"context"
	"testing"

	"rathaus/internal/report"
)

// newGeoBenchEnv is a geoEnv with 1,000 reports in range (the most one
// call returns), each with a public status note and an internal one, on
// SQLite.
func newGeoBenchEnv(b *testing.B) *geoEnv {
	e := newGeoEnv(b)
	admin := report.Actor{Admin: true, UserID: &e.admin.ID}
	for i := 0; i < 1000; i++ {
		r := e.submit(e.muell, 50.90+float64(i%100)/1000, 11.58+float64(i/100)/1000, "Sperrmüll am Straßenrand")
		if _, err := e.reports.SetStatus(context.Background(), admin, r.ID, r.Version, report.StatusInProgress,
			"Wir holen es ab.", ""); err != nil {
			b.Fatal(err)
		}
		mustDo(b, e.reports.AddNote(context.Background(), admin, r.ID, "intern: Kolonne 3", false))
	}
	return e
}

// BenchmarkGeoReportRequests measures GET /georeport/v2/requests.json
// with 1,000 results.
func BenchmarkGeoReportRequests(b *testing.B) {
	e := newGeoBenchEnv(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := e.api("GET", "/georeport/v2/requests.json", nil)
		if res.StatusCode != 200 || len(res.body) < 100000 {
			b.Fatalf("status %d, %d bytes", res.StatusCode, len(res.body))
		}
	}
}

// BenchmarkGeoReportUpdates measures GET /georeport/v2/servicerequestupdates.json
// over the same 1,000 reports' public notes.
func BenchmarkGeoReportUpdates(b *testing.B) {
	e := newGeoBenchEnv(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := e.api("GET", "/georeport/v2/servicerequestupdates.json", nil)
		if res.StatusCode != 200 || len(res.body) < 100000 {
			b.Fatalf("status %d, %d bytes: %.300s", res.StatusCode, len(res.body), res.body)
		}
	}
}
