package sqlstore_test

import (
	"path/filepath"
	"testing"

	"rathaus/internal/storetest"
)

// twoInstances runs race with two instances, each with its own connection
// pool, on one database: one SQLite file, one PostgreSQL schema.
func twoInstances(t *testing.T, race func(t *testing.T, a, b storetest.Stores)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "shared.db")
		race(t, openDB(t, path), openDB(t, path))
	})
	t.Run("postgres", func(t *testing.T) {
		url := storetest.PostgresURL(t)
		if url == "" {
			t.Skip("PostgreSQL not configured")
		}
		shared := storetest.WithSchema(url, storetest.FreshSchema(t, url))
		race(t, openDB(t, shared), openDB(t, shared))
	})
}

// TestPublishFormTwoInstances: editors on two instances publish the same
// draft at once; one version wins, no published form is overwritten.
func TestPublishFormTwoInstances(t *testing.T) {
	twoInstances(t, func(t *testing.T, a, b storetest.Stores) { storetest.RacePublishForm(t, 20, a, b) })
}

// TestPaymentImportTwoInstances: two instances import the same bank
// statement at once; the payment is booked once.
func TestPaymentImportTwoInstances(t *testing.T) {
	twoInstances(t, func(t *testing.T, a, b storetest.Stores) { storetest.RaceDuplicatePayment(t, 20, a, b) })
}
