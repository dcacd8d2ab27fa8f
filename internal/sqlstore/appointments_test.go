package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// TestBookingRaceTwoInstances has clients of two instances, each with its
// own connection pool, book the same last slot on one database: exactly
// one wins, on PostgreSQL and on one SQLite file alike.
func TestBookingRaceTwoInstances(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "shared.db")
		storetest.RaceLastSlot(t, 20, openDB(t, path), openDB(t, path))
	})
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		if url == "" {
			t.Skip("PostgreSQL not configured")
		}
		shared := storetest.WithSchema(url, storetest.FreshSchema(t, url))
		storetest.RaceLastSlot(t, 20, openDB(t, shared), openDB(t, shared))
	})
}

func openDB(t *testing.T, url string) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
