package demo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/dashboard"
	"rathaus/internal/demo"
	"rathaus/internal/promo"
	"rathaus/internal/storetest"
)

// TestSeedFunnel: the demo forms' funnel matches the online applications
// per service and month of the last twelve months (submitted equal,
// started about submitted / 0.7, fewer past every page), two campaigns
// run with scans ≥ started ≥ submitted, and a second start adds nothing.
func TestSeedFunnel(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			now := time.Now().UTC()
			cat := seedCity(t, db, now)
			bundle, err := demo.Catalog()
			if err != nil {
				t.Fatal(err)
			}
			svc, err := db.FindServiceByExternalID(ctx, bundle.Source, "meldebescheinigung")
			if err != nil {
				t.Fatal(err)
			}
			local := now.In(dashboard.Location)
			monthAgo := func(n int) time.Time {
				return time.Date(local.Year(), local.Month()-time.Month(n), 10, 12, 0, 0, 0, dashboard.Location)
			}
			write := func(at time.Time, channel string, n int) {
				for i := range n {
					sub := &cases.Submission{Case: &cases.Case{ServiceID: svc.ID, FormVersion: 1, Channel: channel, State: "received",
						Name: "Erika", Email: fmt.Sprintf("e%d-%d@example.org", at.Unix(), i), SubmittedAt: at.Add(time.Duration(i) * time.Minute)},
						Answers: json.RawMessage(`{}`), Prefix: "JENA"}
					if _, _, err := db.CreateCase(ctx, sub); err != nil {
						t.Fatal(err)
					}
				}
			}
			write(monthAgo(1), cases.ChannelOnline, 30)
			write(monthAgo(1), cases.ChannelPaper, 5)
			write(monthAgo(4), cases.ChannelOnline, 12)
			write(monthAgo(14), cases.ChannelOnline, 9) // before the twelve months
			seed := demo.FunnelSeed{Funnel: db, Cases: db, Forms: db, Promo: db, Catalog: cat, Now: now, Seed: 2026}
			got, err := demo.SeedFunnel(ctx, seed)
			if err != nil {
				t.Fatal(err)
			}
			if got.Months != 2 || got.Campaigns != 2 {
				t.Errorf("SeedFunnel = %+v, want 2 months and 2 campaigns", got)
			}
			f, err := db.PublishedForm(ctx, svc.ID)
			if err != nil {
				t.Fatal(err)
			}
			for months, want := range map[int]int64{1: 30, 4: 12, 14: 0} {
				m := monthAgo(months).Format("2006-01")
				fn, err := db.DashboardFunnel(ctx, dashboard.Scope{ServiceID: svc.ID}, dashboard.Range{From: m, To: m})
				if err != nil {
					t.Fatal(err)
				}
				if fn.Submitted != want || float64(fn.Started) < float64(want)/0.7*0.9 || float64(fn.Started) > float64(want)/0.7*1.1 {
					t.Errorf("%s: started %d, submitted %d; want %d submitted of about %.0f", m, fn.Started, fn.Submitted, want, float64(want)/0.7)
				}
				if want == 0 {
					continue
				}
				if len(fn.Steps) != len(f.Pages) {
					t.Fatalf("%s: %d steps for %d pages", m, len(fn.Steps), len(f.Pages))
				}
				last := fn.Started
				for i, st := range fn.Steps {
					if st.PageID != f.Pages[i].ID || st.Index != i || st.Passed > last {
						t.Errorf("%s: step %d = %+v after %d passed", m, i, st, last)
					}
					if f.Pages[i].ShowIf == nil {
						last = st.Passed
					}
				}
				if last < fn.Submitted || last == fn.Started {
					t.Errorf("%s: %d passed the last page, %d started, %d submitted", m, last, fn.Started, fn.Submitted)
				}
			}

			all, err := db.FindCampaigns(ctx, nil)
			if err != nil || len(all) != 2 {
				t.Fatalf("campaigns = %v, %v", all, err)
			}
			for _, c := range all {
				days, err := db.CampaignFunnel(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				tot := promo.Total(days)
				if tot.Scans == 0 || tot.Started > tot.Scans || tot.Submitted > tot.Started || tot.Started == 0 {
					t.Errorf("campaign %q: %+v", c.Name, tot)
				}
				if c.Scans != tot.Scans {
					t.Errorf("campaign %q: %d scans listed, %d in its days", c.Name, c.Scans, tot.Scans)
				}
			}

			again, err := demo.SeedFunnel(ctx, seed)
			if err != nil || again != (demo.FunnelSeeded{}) {
				t.Errorf("second SeedFunnel = %+v, %v; want nothing", again, err)
			}
			if all2, _ := db.FindCampaigns(ctx, nil); len(all2) != 2 {
				t.Errorf("%d campaigns after a second start", len(all2))
			}
		})
	}
}
