package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/org"
	"rathaus/internal/report"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// BenchmarkDefectNotesOfPage measures reading the public notes of a page
// of 1,000 reports (each with a public and an internal note), as the
// Open311 lists do: one query per report against FindDefectNotesFor.
func BenchmarkDefectNotesOfPage(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			db := open(b)
			ids := seedNotedReports(b, db, 1000)
			b.Run("per-report", func(b *testing.B) {
				for b.Loop() {
					for _, id := range ids {
						if _, err := db.FindDefectNotes(ctx, id, true); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
			b.Run("bulk", func(b *testing.B) {
				for b.Loop() {
					m, err := db.FindDefectNotesFor(ctx, ids, true)
					if err != nil || len(m) != len(ids) {
						b.Fatalf("%d reports with notes, %v", len(m), err)
					}
				}
			})
		})
	}
}

// seedNotedReports stores n reports of one category with two notes each.
func seedNotedReports(b *testing.B, db *sqlstore.DB, n int) []int64 {
	b.Helper()
	ctx := context.Background()
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	city := &org.Org{Kind: org.KindOrganisation, Slug: "bench-stadt", Name: "Stadt", CreatedAt: at}
	if err := db.CreateOrg(ctx, city); err != nil {
		b.Fatal(err)
	}
	cat := &report.Category{OrgID: city.ID, Code: "muell", NameDE: "Müll", Active: true}
	if err := db.CreateDefectCategory(ctx, cat); err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, n)
	for i := range ids {
		lat, long := 50.9, 11.58
		r := &report.Report{OrgID: city.ID, CategoryID: cat.ID, Status: report.StatusReceived, Source: report.SourceWeb,
			Location: report.Location{Lat: &lat, Long: &long}, Description: "Sperrmüll", RequestedAt: at}
		if err := db.CreateDefectReport(ctx, r, nil); err != nil {
			b.Fatal(err)
		}
		r.Status, r.UpdatedAt = report.StatusInProgress, at.Add(time.Hour)
		if err := db.UpdateDefectReport(ctx, r, r.Version, report.Change{Notes: []*report.Note{
			{Public: true, Status: r.Status, Text: "Wird abgeholt.", At: r.UpdatedAt},
			{Public: false, Status: r.Status, Text: "intern", At: r.UpdatedAt}}}); err != nil {
			b.Fatal(err)
		}
		ids[i] = r.ID
	}
	return ids
}
