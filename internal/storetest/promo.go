package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/promo"
)

// promoStore is the promotion part of a store; Stores implementations
// provide it.
func promoStore(t *testing.T, s Stores) promo.Store {
	t.Helper()
	ps, ok := s.(promo.Store)
	if !ok {
		t.Fatalf("%T is no promo.Store", s)
	}
	return ps
}

func testPromo(t *testing.T, s Stores) {
	t.Run("Campaigns", func(t *testing.T) { testPromoCampaigns(t, s) })
	t.Run("Scans", func(t *testing.T) { testPromoScans(t, s) })
}

func newCampaign(t *testing.T, ps promo.Store, service int64, code string, by *int64, at time.Time) *promo.Campaign {
	t.Helper()
	c := &promo.Campaign{Code: code, ServiceID: service, Name: "Plakate " + code, Medium: promo.MediumPoster,
		CreatedBy: by, CreatedAt: at}
	must(t, ps.CreateCampaign(ctx, c))
	return c
}

func testPromoCampaigns(t *testing.T, s Stores) {
	ps := promoStore(t, s)
	u := newUser(t, s, "werbung@example.org")
	c := newCampaign(t, ps, 7, "ab3k9x2m", &u.ID, t0)
	if c.ID == 0 {
		t.Fatal("CreateCampaign set no ID")
	}
	got, err := ps.FindCampaign(ctx, "ab3k9x2m")
	must(t, err)
	want := *c
	want.CreatedAt = t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindCampaign (-want +got):\n%s", d)
	}
	if _, err := ps.FindCampaign(ctx, "zzzzzzzz"); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindCampaign of an unknown code: %v, want NotFound", err)
	}
	dup := &promo.Campaign{Code: "ab3k9x2m", ServiceID: 8, Name: "x", Medium: promo.MediumFlyer, CreatedAt: t0}
	if err := ps.CreateCampaign(ctx, dup); !fault.Is(err, fault.Conflict) {
		t.Errorf("CreateCampaign with a taken code: %v, want Conflict", err)
	}
	newer := newCampaign(t, ps, 8, "cd4m7n8p", nil, t0.Add(time.Hour))
	all, err := ps.FindCampaigns(ctx, nil)
	must(t, err)
	if len(all) != 2 || all[0].ID != newer.ID || all[1].ID != c.ID {
		t.Errorf("FindCampaigns(nil) = %+v, want the newer campaign first", all)
	}
	some, err := ps.FindCampaigns(ctx, []int64{7})
	must(t, err)
	if len(some) != 1 || some[0].Code != "ab3k9x2m" {
		t.Errorf("FindCampaigns([7]) = %+v, want the campaign of service 7", some)
	}
	none, err := ps.FindCampaigns(ctx, []int64{})
	must(t, err)
	if len(none) != 0 {
		t.Errorf("FindCampaigns([]) = %+v, want none", none)
	}
	// Deleting the account keeps the campaign without its author.
	must(t, s.DeleteUser(ctx, u.ID))
	got, err = ps.FindCampaign(ctx, "ab3k9x2m")
	must(t, err)
	if got.CreatedBy != nil {
		t.Errorf("campaign still names deleted user %d", *got.CreatedBy)
	}
}

func testPromoScans(t *testing.T, s Stores) {
	ps := promoStore(t, s)
	c := newCampaign(t, ps, 9, "ef5q6r7s", nil, t0)
	other := newCampaign(t, ps, 9, "gh8t9u2v", nil, t0)
	must(t, ps.CountScan(ctx, c.ID, "2026-11-29"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := ps.CountScan(ctx, c.ID, "2026-11-28"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	must(t, ps.CountScan(ctx, other.ID, "2026-11-28"))
	days, err := ps.ScansByDay(ctx, c.ID)
	must(t, err)
	want := []promo.DayScans{{Day: "2026-11-28", Scans: 8}, {Day: "2026-11-29", Scans: 1}}
	if d := cmp.Diff(want, days); d != "" {
		t.Errorf("ScansByDay (-want +got):\n%s", d)
	}
	sums, err := ps.FindCampaigns(ctx, []int64{9})
	must(t, err)
	totals := map[string]int{}
	for _, s := range sums {
		totals[s.Code] = s.Scans
	}
	if totals["ef5q6r7s"] != 9 || totals["gh8t9u2v"] != 1 {
		t.Errorf("scan totals = %v, want 9 and 1", totals)
	}
}
