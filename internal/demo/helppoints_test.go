package demo_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/demo"
	"rathaus/internal/helppoint"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

// TestSeedHelpPoints: a demo start lists the ProbierLaden (open on a
// Tuesday afternoon) and the ProbierMobil with stops in Lobeda, Winzerla
// and Jena-Nord, both of the digitalisation unit whose demo account may
// assist there; a second start adds nothing; weeks later the bus's round
// is renewed.
func TestSeedHelpPoints(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			tr, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			at := time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC) // a Tuesday, 15:00 in Jena
			now := func() time.Time { return at }
			orgs := &org.Service{Store: db, Audit: db, Now: now}
			if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: now}, orgs); err != nil {
				t.Fatal(err)
			}
			if n, err := demo.SeedHelpPoints(ctx, db, db, at); err != nil || n != 2 {
				t.Fatalf("first seed: %d, %v", n, err)
			}
			if n, err := demo.SeedHelpPoints(ctx, db, db, at.Add(time.Hour)); err != nil || n != 0 {
				t.Fatalf("second seed: %d, %v", n, err)
			}
			all, err := db.FindHelpPoints(ctx)
			if err != nil || len(all) != 2 {
				t.Fatalf("points: %d, %v", len(all), err)
			}
			shop, bus := all[0], all[1]
			berlin, _ := time.LoadLocation("Europe/Berlin")
			if shop.Name != "ProbierLaden" || !shop.Demo || !shop.Hours.At(at.In(berlin)).Open {
				t.Errorf("ProbierLaden = %+v", shop)
			}
			places := map[string]bool{}
			for _, s := range bus.NextStops(at, 10) {
				places[s.Place[:5]] = true
			}
			if bus.Name != "ProbierMobil" || !places["Lobed"] || !places["Winze"] || !places["Jena-"] {
				t.Errorf("ProbierMobil stops: %v", places)
			}
			u, err := db.FindUserByEmail(ctx, "hilfepunkt"+demo.Domain)
			if err != nil {
				t.Fatal(err)
			}
			hp := &helppoint.Service{Store: db, Orgs: orgs}
			if pts, err := hp.AssistPoints(ctx, org.Actor{UserID: u.ID}); err != nil || len(pts) != 2 {
				t.Errorf("the demo help-point account assists at %d points (%v)", len(pts), err)
			}
			later := at.AddDate(0, 0, 40)
			if n, err := demo.SeedHelpPoints(ctx, db, db, later); err != nil || n != 1 {
				t.Fatalf("seed weeks later: %d, %v", n, err)
			}
			bus, _ = db.FindHelpPoint(ctx, bus.ID)
			if len(bus.NextStops(later, 1)) != 1 {
				t.Error("the ProbierMobil's round was not renewed")
			}
		})
	}
}
