package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/opendata"
	"rathaus/internal/opendata/opendatatest"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// openSeeded opens a fresh database of each engine with the open-data
// history of opendatatest.
func openSeeded(t *testing.T) map[string]*sqlstore.DB {
	ctx := context.Background()
	out := map[string]*sqlstore.DB{}
	path := filepath.Join(t.TempDir(), "od.db")
	lite, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	out["sqlite"] = lite
	seedRaw(t, "sqlite", "file:"+path+"?_time_format=sqlite&_pragma=busy_timeout(10000)", false)
	if url := storetest.PostgresURL(t); url != "" {
		dsn := storetest.WithSchema(url, storetest.FreshSchema(t, url))
		pg, err := sqlstore.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { pg.Close() })
		out["postgres"] = pg
		seedRaw(t, "pgx", dsn, true)
	}
	return out
}

func seedRaw(t *testing.T, driver, dsn string, pg bool) {
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	opendatatest.Seed(t, raw, pg)
}

// TestOpenDataAggregates: both engines count the seeded history alike.
func TestOpenDataAggregates(t *testing.T) {
	ctx := context.Background()
	for name, db := range openSeeded(t) {
		t.Run(name, func(t *testing.T) {
			apps, err := db.OpenDataApplications(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantApps := []opendata.ApplicationCount{
				odApp("2026-10", 1, "Wohnsitz anmelden", "online", 7), odApp("2026-10", 1, "Wohnsitz anmelden", "paper", 2),
				odApp("2026-11", 1, "Wohnsitz anmelden", "online", 5),
				odApp("2026-11", 2, "Hund anmelden", "in_person", 3), odApp("2026-11", 2, "Hund anmelden", "online", 1),
			}
			if d := cmp.Diff(wantApps, apps); d != "" {
				t.Errorf("applications (-want +got):\n%s", d)
			}
			ratings, err := db.OpenDataRatings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantRatings := []opendata.RatingCount{
				odRating(1, "Wohnsitz anmelden", 3, 1), odRating(1, "Wohnsitz anmelden", 4, 2), odRating(1, "Wohnsitz anmelden", 5, 3),
				odRating(2, "Hund anmelden", 2, 1), odRating(2, "Hund anmelden", 5, 1),
			}
			if d := cmp.Diff(wantRatings, ratings); d != "" {
				t.Errorf("ratings (-want +got):\n%s", d)
			}
			ideas, err := db.OpenDataIdeas(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantIdeas := []opendata.IdeaCount{{Space: "Jena gestalten", Status: "done", Count: 2}, {Space: "Jena gestalten", Status: "received", Count: 6}}
			if d := cmp.Diff(wantIdeas, ideas); d != "" {
				t.Errorf("ideas (-want +got):\n%s", d)
			}
			waits, err := db.OpenDataWaits(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantWaits := []opendata.WaitTime{{Month: "2026-11", OfficeID: 1, Office: "Bürgerservice", Bookings: 5, MedianDays: 3, P90Days: 10}}
			if d := cmp.Diff(wantWaits, waits); d != "" {
				t.Errorf("waits (-want +got):\n%s", d)
			}
		})
	}
}

func odApp(month string, id int64, service, channel string, n int) opendata.ApplicationCount {
	return opendata.ApplicationCount{Month: month, ServiceID: id, Service: service, Channel: channel, Count: n}
}

func odRating(id int64, service string, rating, n int) opendata.RatingCount {
	return opendata.RatingCount{ServiceID: id, Service: service, Rating: rating, Count: n}
}

// TestOpenDataEmpty: an empty database gives empty aggregates, not errors.
func TestOpenDataEmpty(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			var s opendata.Store = db
			apps, err1 := s.OpenDataApplications(ctx)
			ratings, err2 := s.OpenDataRatings(ctx)
			ideas, err3 := s.OpenDataIdeas(ctx)
			waits, err4 := s.OpenDataWaits(ctx)
			for _, err := range []error{err1, err2, err3, err4} {
				if err != nil {
					t.Fatal(err)
				}
			}
			if n := len(apps) + len(ratings) + len(ideas) + len(waits); n != 0 {
				t.Errorf("rows in an empty database: got %d, want 0", n)
			}
		})
	}
}
