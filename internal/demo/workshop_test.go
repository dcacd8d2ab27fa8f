package demo_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"rathaus/internal/demo"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/filestore"
	"rathaus/internal/mining"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
	"rathaus/internal/workshop"
)

// TestDemoWorkshop: the demo city's process owner finds its simulated
// history as logs with a visible bottleneck (cases wait longest before
// work starts), and two annotated models whose digitisation check names
// obstacles, remedies and savings measured on that history.
func TestDemoWorkshop(t *testing.T) {
	ctx := context.Background()
	db := storetest.Engines(t)["sqlite"](t)
	now := time.Now().UTC()
	cat := seedCity(t, db, now)
	if _, err := demo.SeedCases(ctx, demo.CaseSeed{Cases: db, Forms: db, Catalog: cat, Accounts: db,
		Files: &filestore.Local{Dir: t.TempDir()}, Now: now, Seed: 2026}); err != nil {
		t.Fatal(err)
	}
	for range 2 { // a second start adds nothing
		if err := demo.SeedWorkshop(ctx, db, cat, db, now); err != nil {
			t.Fatal(err)
		}
	}
	orgs := &org.Service{Store: db, Audit: db, Now: func() time.Time { return now }}
	ws := &workshop.Service{Store: db, Orgs: orgs, Files: &filestore.Local{Dir: t.TempDir()}, Audit: db}
	owner, err := db.FindUserByEmail(ctx, "prozesse"+demo.Domain)
	if err != nil {
		t.Fatal(err)
	}
	a := org.Actor{UserID: owner.ID}
	models, err := ws.Models(ctx, a)
	if err != nil || len(models) != 2 {
		t.Fatalf("the process owner sees %d models (%v), want the 2 demo models", len(models), err)
	}
	for _, m := range models {
		t.Run(m.Name, func(t *testing.T) {
			l, _, err := ws.Log(ctx, a, m.Source)
			if err != nil || len(l.Cases) < 30 {
				t.Fatalf("log %s: %v cases, %v; want the simulated history", m.Source, len(l.Cases), err)
			}
			b := mining.Bottlenecks(l)
			if len(b.Edges) == 0 {
				t.Fatal("no bottleneck")
			}
			for _, e := range b.Edges[:min(3, len(b.Edges))] {
				t.Logf("%s -> %s: %d cases, median %.1f h, share %.2f", e.From, e.To, e.Cases, e.MedianS/3600, e.Share)
			}
			// The permits team empties its inbox twice a week (cases_plan.go).
			if top := b.Edges[0]; m.Name == "Bewohnerparkausweis beantragen" && top.From+" -> "+top.To != "submitted -> assigned" {
				t.Errorf("parking permits wait longest on %s -> %s, want submitted -> assigned", top.From, top.To)
			}
			res, err := ws.Check(ctx, a, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			r := res.Report
			if r.Score <= 0 || r.Score >= 100 || r.SavingPerCaseS <= 0 || r.CasesPerYear <= 0 {
				t.Errorf("check: score %d, saving %.0f s per case, %.0f cases a year; want an imperfect process with savings", r.Score, r.SavingPerCaseS, r.CasesPerYear)
			}
			var obstacles []digitalcheck.Obstacle
			measured := 0
			for _, s := range r.Steps {
				if s.HasData {
					measured++
				}
				for _, f := range s.Findings {
					obstacles = append(obstacles, f.Obstacle)
				}
			}
			if measured < len(r.Steps)-1 {
				t.Errorf("only %d of %d steps have measured times; the steps' activities should match the log", measured, len(r.Steps))
			}
			for _, want := range []digitalcheck.Obstacle{"once_only", "media_break", "automation_possible"} {
				if !slices.Contains(obstacles, want) {
					t.Errorf("the check finds %v, want %q among them", obstacles, want)
				}
			}
			fit, _, err := ws.Conformance(ctx, a, m.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			if fit.Fitness < 0.8 {
				t.Errorf("the drawn model fits its log with %.2f, want a model close to reality (≥ 0.8)", fit.Fitness)
			}
		})
	}
}
