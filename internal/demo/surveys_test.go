package demo_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
	"rathaus/internal/survey"
)

// TestSeedSurveys: the demo has a closed survey with 200 responses and
// public results and a running one; seeding again adds nothing; the
// figures are the same on every engine and every seed.
func TestSeedSurveys(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	figures := map[string]string{}
	for name, open := range storetest.Engines(t) {
		db := open(t)
		clock := func() time.Time { return now }
		orgs := &org.Service{Store: db, Audit: db, Now: clock}
		if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: clock}, orgs); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := demo.SeedSurveys(ctx, db, db, now); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		list, err := db.FindSurveys(ctx, survey.Filter{})
		if err != nil || len(list) != 2 {
			t.Fatalf("%s: surveys = %d, %v; want 2", name, len(list), err)
		}
		closed, running := list[1], list[0]
		if closed.State(now) != survey.StateClosed || closed.Responses != 200 || !closed.ResultsPublic(now) {
			t.Errorf("%s: website survey %s with %d responses, public %v", name, closed.State(now), closed.Responses, closed.ResultsPublic(now))
		}
		if running.State(now) != survey.StateOpen || running.Responses == 0 || !running.ResultsPublic(now) || running.Anonymous {
			t.Errorf("%s: next-service survey %s with %d responses", name, running.State(now), running.Responses)
		}
		for _, sv := range list {
			if err := sv.Check(); err != nil {
				t.Errorf("%s: %s: %v", name, sv.Title["de"], err)
			}
		}
		rs, err := db.Responses(ctx, closed.ID)
		if err != nil {
			t.Fatal(err)
		}
		figures[name] = fmt.Sprint(survey.Tally(closed, rs).Questions[2].Counts)
	}
	if len(figures) == 2 && figures["sqlite"] != figures["postgres"] {
		t.Errorf("figures differ: %v", figures)
	}
}
