package demo_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/inquiry"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

// TestSeedInquiries: the demo's messages are routed, some straight to a
// team and some into the Bürgerservice's triage; a second start adds none.
func TestSeedInquiries(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	now := time.Now().UTC()
	seedCity(t, db, now)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	svc := &inquiry.Service{Store: db, Router: &inquiry.Router{Catalog: db, Store: db}, Orgs: &org.Service{Store: db, Audit: db},
		Accounts: db, Audit: db, T: tr, Now: func() time.Time { return now }}
	n, err := demo.SeedInquiries(ctx, svc)
	if err != nil || n == 0 {
		t.Fatalf("SeedInquiries = %d, %v", n, err)
	}
	_, triage, err := db.FindInquiries(ctx, inquiry.Filter{Statuses: []string{inquiry.StatusTriage}})
	if err != nil {
		t.Fatal(err)
	}
	_, open, _ := db.FindInquiries(ctx, inquiry.Filter{Statuses: []string{inquiry.StatusOpen}})
	if triage < 3 || open < 3 || triage+open != n {
		t.Errorf("%d in triage and %d routed of %d; want some of each", triage, open, n)
	}
	if again, err := demo.SeedInquiries(ctx, svc); err != nil || again != 0 {
		t.Errorf("second seed = %d, %v; want none", again, err)
	}
}
