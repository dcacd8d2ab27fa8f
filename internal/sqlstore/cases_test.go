package sqlstore_test

import (
	"path/filepath"
	"testing"

	"rathaus/internal/storetest"
)

// TestCaseNumbersTwoInstances has applicants submit through two
// instances, each with its own connection pool, on one database: every
// case gets its own reference number, on PostgreSQL and on one SQLite
// file alike.
func TestCaseNumbersTwoInstances(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "shared.db")
		storetest.RaceCaseNumbers(t, 20, openDB(t, path), openDB(t, path))
	})
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		if url == "" {
			t.Skip("PostgreSQL not configured")
		}
		shared := storetest.WithSchema(url, storetest.FreshSchema(t, url))
		storetest.RaceCaseNumbers(t, 20, openDB(t, shared), openDB(t, shared))
	})
}
