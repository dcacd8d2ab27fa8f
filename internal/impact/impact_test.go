package impact

import (
	"context"
	"math"
	"testing"

	"rathaus/internal/fault"
)

func ptr(x float64) *float64 { return &x }

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("%s = %.6f, want %.6f", name, got, want)
	}
}

// TestComputeByHand checks Compute against figures worked out by hand:
// 30 online applications for service 1 (city defaults: 1 visit, 5 km),
// 10 for service 2 (2 visits: hand in and pick up, 8 km), 60 appointments
// booked online (no visit avoided, 20 minutes of waiting each).
func TestComputeByHand(t *testing.T) {
	a := Defaults()
	a.Services = []Override{{ServiceID: 2, VisitsPerCase: ptr(2), DistanceKm: ptr(8)}}
	r := Compute(a, Counts{Cases: map[int64]int64{2: 10, 1: 30}, Appointments: 60})

	near(t, "visits", r.Visits, 50)         // 30×1 + 10×2 + 60×0
	near(t, "trips", r.Trips, 100)          // there and back
	near(t, "km", r.Km, 620)                // 30×2×5 + 20×2×8
	near(t, "wait", r.WaitHours, 110.0/3.0) // (50 + 60) visits × 20 min ÷ 60
	near(t, "sheets", r.Sheets, 160)        // 40 applications × 4 sheets
	near(t, "paper kg", r.PaperKgCO2e, 0.64)
	// walk 124 km ÷ 4.5, bike 93 ÷ 15, transit 155 ÷ 18, car 248 ÷ 25
	near(t, "travel hours", r.TravelHours, 124/4.5+6.2+155/18.0+9.92)
	near(t, "transit kg", r.Modes[2].KgCO2e, 12.4) // 155 km × 80 g
	near(t, "car kg", r.Modes[3].KgCO2e, 41.168)   // 248 km × 166 g
	near(t, "walk kg", r.Modes[0].KgCO2e, 0)
	near(t, "kg", r.KgCO2e, 12.4+41.168+0.64)
	if len(r.Services) != 2 || r.Services[0].ServiceID != 1 || !r.Services[1].Overridden || r.Services[1].Km != 320 {
		t.Errorf("services = %+v", r.Services)
	}
	if r.Cases != 40 || r.Appointments != 60 {
		t.Errorf("cases %d, appointments %d", r.Cases, r.Appointments)
	}
}

// TestStepsAddUp evaluates every step's terms and compares them with its
// value, so the page's arithmetic is right.
func TestStepsAddUp(t *testing.T) {
	a := Defaults()
	a.VisitsPerAppointment = 1
	r := Compute(a, Counts{Cases: map[int64]int64{7: 12}, Appointments: 5})
	for _, s := range r.Steps {
		if len(s.Terms) < 2 {
			continue // a sum over services, shown in the services table
		}
		v := 0.0
		for _, x := range s.Terms {
			switch x.Op {
			case "":
				v = x.Value
			case "×":
				v *= x.Value
			case "÷":
				v /= x.Value
			case "+":
				v += x.Value
			}
		}
		if math.Abs(v-s.Value) > 1e-9 {
			t.Errorf("step %s %s: terms give %v, value %v", s.Key, s.Mode, v, s.Value)
		}
	}
	near(t, "visits", r.Visits, 17)
	near(t, "km", r.Km, 170)
}

func TestComputeNothing(t *testing.T) {
	r := Compute(Defaults(), Counts{})
	if r.Visits != 0 || r.KgCO2e != 0 || r.TravelHours != 0 || len(r.Modes) != 4 {
		t.Errorf("empty counts: %+v", r)
	}
}

func TestValidate(t *testing.T) {
	if err := Validate(Defaults()); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	for name, tc := range map[string]struct {
		change func(*Assumptions)
		field  string
		key    string
	}{
		"shares":   {func(a *Assumptions) { a.Modes[3].Share = 0.5 }, "share-walk", "error.impact.share_sum"},
		"negative": {func(a *Assumptions) { a.DistanceKm = -1 }, "distance_km", "error.impact.negative"},
		"nan":      {func(a *Assumptions) { a.Sheets = math.NaN() }, "sheets", "error.impact.negative"},
		"speed":    {func(a *Assumptions) { a.Modes[1].Speed = 0 }, "speed-bike", "error.impact.speed_zero"},
		"override": {func(a *Assumptions) { a.Services = []Override{{ServiceID: 3, WaitMinutes: ptr(-5)}} }, "service-0-wait", "error.impact.negative"},
		"twice":    {func(a *Assumptions) { a.Services = []Override{{ServiceID: 3}, {ServiceID: 3}} }, "service-1-id", "error.impact.service_twice"},
	} {
		a := Defaults()
		tc.change(a)
		fe := fault.As(Validate(a))
		if fe == nil || fe.Kind != fault.Invalid {
			t.Errorf("%s: not invalid: %v", name, fe)
			continue
		}
		found := false
		for _, f := range fe.Fields {
			found = found || (f.Field == tc.field && f.Key == tc.key)
		}
		if !found {
			t.Errorf("%s: fields %+v, want %s %s", name, fe.Fields, tc.field, tc.key)
		}
	}
}

// memStore is the smallest Store, for the service's rules; the SQL
// stores are checked by the storetest suite.
type memStore struct {
	a *Assumptions
	c Counts
}

func (m *memStore) FindImpactAssumptions(context.Context) (*Assumptions, error) {
	if m.a == nil {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	cp := *m.a
	return &cp, nil
}

func (m *memStore) SaveImpactAssumptions(_ context.Context, a *Assumptions) error {
	if (m.a == nil && a.Version != 0) || (m.a != nil && m.a.Version != a.Version) {
		return fault.New(fault.Conflict, "error.impact.conflict")
	}
	a.Version++
	cp := *a
	m.a = &cp
	return nil
}

func (m *memStore) CountImpact(context.Context) (Counts, error) { return m.c, nil }

func TestServiceSave(t *testing.T) {
	st := &memStore{c: Counts{Cases: map[int64]int64{1: 10}}}
	s := &Service{Store: st}
	ctx := context.Background()
	a, err := s.Assumptions(ctx)
	if err != nil || a.Version != 0 || a.DistanceKm != 5 {
		t.Fatalf("defaults: %+v, %v", a, err)
	}
	bad := *a
	bad.DistanceKm = -2
	if err := s.Save(ctx, &bad, "admin"); !fault.Is(err, fault.Invalid) || st.a != nil {
		t.Fatalf("bad save: %v, stored %+v", err, st.a)
	}
	a.DistanceKm = 3
	if err := s.Save(ctx, a, "admin"); err != nil || a.Version != 1 {
		t.Fatalf("save: %v, version %d", err, a.Version)
	}
	r, _, err := s.Effect(ctx)
	if err != nil || r.Km != 60 {
		t.Errorf("effect: km %v, %v; want 60", r.Km, err)
	}
}
