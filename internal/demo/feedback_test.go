package demo_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/feedback"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

// TestSeedFeedback: the demo start simulates a few hundred feedback
// entries on the demo services, the same on every seed, once.
func TestSeedFeedback(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	seed := func() ([]*feedback.Result, int) {
		db := storetest.OpenSQLite(t)
		tr, err := i18n.New()
		if err != nil {
			t.Fatal(err)
		}
		clock := func() time.Time { return now }
		orgs := &org.Service{Store: db, Audit: db, Now: clock}
		if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: clock}, orgs); err != nil {
			t.Fatal(err)
		}
		if err := demo.SeedCatalog(ctx, &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: clock}); err != nil {
			t.Fatal(err)
		}
		n, err := demo.SeedFeedback(ctx, db, db, now)
		if err != nil {
			t.Fatal(err)
		}
		if again, err := demo.SeedFeedback(ctx, db, db, now); err != nil || again != 0 {
			t.Errorf("second seed added %d, %v; want nothing", again, err)
		}
		// The page answers reach back a year: the oldest quarter has some.
		old, err := db.HelpfulCounts(ctx, feedback.Filter{From: now.AddDate(-1, 0, 0), To: now.AddDate(0, -9, 0)})
		if err != nil || len(old) < demo.FeedbackServices/2 {
			t.Errorf("page answers of %d services in the quarter a year ago, %v", len(old), err)
		}
		res, err := (&feedback.Service{Store: db}).Results(ctx, feedback.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		return res, n
	}
	a, n := seed()
	b, m := seed()
	if n < 200 || n != m || len(a) != demo.FeedbackServices || len(a) != len(b) {
		t.Fatalf("seeded %d and %d entries on %d and %d services", n, m, len(a), len(b))
	}
	for i := range a {
		if *a[i] != *b[i] {
			t.Errorf("service %d: %+v, then %+v", a[i].ServiceID, a[i], b[i])
		}
		if a[i].Helpful() == 0 || a[i].Answers() == 0 {
			t.Errorf("service %d has no page or no satisfaction answers", a[i].ServiceID)
		}
	}
}
