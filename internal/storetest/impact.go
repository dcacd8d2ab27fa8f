package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/appointment"
	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/impact"
)

// impactStore is the impact part of a store; Stores implementations
// provide it.
func impactStore(t *testing.T, s Stores) impact.Store {
	t.Helper()
	is, ok := s.(impact.Store)
	if !ok {
		t.Fatalf("%T is no impact.Store", s)
	}
	return is
}

func testImpact(t *testing.T, s Stores) {
	t.Run("Assumptions", func(t *testing.T) { testImpactAssumptions(t, s) })
	t.Run("Race", func(t *testing.T) { testImpactRace(t, s) })
	t.Run("Counts", func(t *testing.T) { testImpactCounts(t, s) })
}

func testImpactAssumptions(t *testing.T, s Stores) {
	is := impactStore(t, s)
	if _, err := is.FindImpactAssumptions(ctx); !fault.Is(err, fault.NotFound) {
		t.Fatalf("nothing saved: %v, want NotFound", err)
	}
	two, eight := 2.0, 8.0
	a := impact.Defaults()
	a.Services = []impact.Override{{ServiceID: 9, VisitsPerCase: &two}, {ServiceID: 4, DistanceKm: &eight}}
	a.UpdatedBy, a.UpdatedAt = "admin@example.org", t0
	must(t, is.SaveImpactAssumptions(ctx, a))
	if a.Version != 1 {
		t.Errorf("version after first save = %d, want 1", a.Version)
	}
	got, err := is.FindImpactAssumptions(ctx)
	must(t, err)
	want := *a
	want.UpdatedAt = t0us
	want.Services = []impact.Override{a.Services[1], a.Services[0]} // by service
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("assumptions (-want +got):\n%s", d)
	}

	stale := *got
	got.DistanceKm, got.Services = 3, nil
	must(t, is.SaveImpactAssumptions(ctx, got))
	stale.DistanceKm = 99
	if err := is.SaveImpactAssumptions(ctx, &stale); !fault.Is(err, fault.Conflict) {
		t.Errorf("stale save: %v, want Conflict", err)
	}
	again, err := is.FindImpactAssumptions(ctx)
	must(t, err)
	if again.DistanceKm != 3 || len(again.Services) != 0 || again.Version != 2 {
		t.Errorf("after stale save: distance %v, overrides %d, version %d; want 3, 0, 2",
			again.DistanceKm, len(again.Services), again.Version)
	}
}

// testImpactRace saves over the same version from many goroutines: one
// wins, the others are Conflict.
func testImpactRace(t *testing.T, s Stores) {
	is := impactStore(t, s)
	cur, err := is.FindImpactAssumptions(ctx)
	if fault.Is(err, fault.NotFound) {
		cur = impact.Defaults()
	} else {
		must(t, err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := *cur
			a.DistanceKm = float64(i + 1)
			err := is.SaveImpactAssumptions(ctx, &a)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case !fault.Is(err, fault.Conflict):
				t.Errorf("racing save: %v", err)
			}
		}()
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("%d saves over one version won, want 1", wins)
	}
}

func testImpactCounts(t *testing.T, s Stores) {
	is := impactStore(t, s)
	for _, ch := range []string{cases.ChannelOnline, cases.ChannelOnline, cases.ChannelPaper} {
		sub := submission("impact@example.org", t0)
		sub.Case.Channel = ch
		submit(t, s, sub)
	}
	other := submission("impact@example.org", t0)
	other.Case.ServiceID = 8
	submit(t, s, other)
	office := apptOffice(t, s, "Bürgerservice")
	for i, st := range []string{appointment.Confirmed, appointment.Served, appointment.Cancelled, appointment.Held, appointment.CheckedIn} {
		book(t, s, newBooking(office, "IMP"+string(rune('A'+i)), t0.Add(48*time.Hour+time.Duration(i)*time.Hour), st))
	}
	c, err := is.CountImpact(ctx)
	must(t, err)
	want := impact.Counts{Cases: map[int64]int64{7: 2, 8: 1}, Appointments: 3}
	if d := cmp.Diff(want, c); d != "" {
		t.Errorf("counts (-want +got):\n%s", d)
	}
}
