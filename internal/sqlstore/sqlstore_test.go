package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/storetest"
)

func TestConformance(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			storetest.Run(t, func(tb testing.TB) storetest.Stores { return open(tb) })
		})
	}
}

// TestEnginesSameTables checks that both engines' migrations end in the
// same tables.
func TestEnginesSameTables(t *testing.T) {
	engines := storetest.Engines(t)
	if len(engines) < 2 {
		t.Skip("needs PostgreSQL too")
	}
	ctx := context.Background()
	lite, err := engines["sqlite"](t).Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := engines["postgres"](t).Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(lite, pg); d != "" {
		t.Errorf("tables differ (-sqlite +postgres):\n%s", d)
	}
}

func TestMigrateTwice(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			if err := db.Migrate(context.Background()); err != nil {
				t.Fatalf("second Migrate: %v", err)
			}
			v, err := db.Version(context.Background())
			if err != nil || v < 1 {
				t.Errorf("Version = %d, %v", v, err)
			}
		})
	}
}
