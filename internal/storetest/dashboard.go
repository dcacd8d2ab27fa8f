package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/dashboard"
	"rathaus/internal/feedback"
	"rathaus/internal/hours"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// dashboardRollups is the rollup part of dashboard.Store (the funnel is
// tested on its own).
type dashboardRollups interface {
	DashboardMonths(ctx context.Context, s dashboard.Scope, r dashboard.Range) ([]dashboard.Month, error)
	RefreshDashboard(ctx context.Context) (int, error)
}

func rollupStore(t *testing.T, s Stores) dashboardRollups {
	t.Helper()
	ds, ok := s.(dashboardRollups)
	if !ok {
		t.Fatalf("%T keeps no dashboard rollups", s)
	}
	return ds
}

// berlin is a wall-clock time in the city.
func berlin(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, dashboard.Location)
}

// dashCase submits a case of service at unit by channel, with its
// submitted event, and a deadline when due is set.
func dashCase(t *testing.T, s Stores, service int64, unit *int64, channel string, at time.Time, due *time.Time) *cases.Case {
	t.Helper()
	sub := submission("erika@example.org", at)
	sub.Case.ServiceID, sub.Case.OrgID, sub.Case.Channel, sub.Case.Deadline = service, unit, channel, due
	sub.Effects = func(c *cases.Case) cases.Effects {
		return cases.Effects{Events: []processlog.Event{c.Submitted("citizen")}}
	}
	return submit(t, s, sub)
}

// closeCase closes c at at, with the event of the step.
func closeCase(t *testing.T, s Stores, c *cases.Case, at time.Time) {
	t.Helper()
	from := c.State
	c.State, c.Version, c.UpdatedAt, c.ClosedAt = "closed", c.Version+1, at, &at
	ev := processlog.Event{Process: cases.Process, CaseID: c.Reference, Activity: "closed", At: at, Resource: "staff:1"}
	must(t, s.UpdateCase(ctx, c, &cases.HistoryEntry{At: at, Action: "close", FromState: from, ToState: c.State},
		cases.Effects{Events: []processlog.Event{ev}}))
}

// visit issues a ticket at office for services, called wait later.
func visit(t *testing.T, s Stores, office int64, services []int64, booking *appointment.Booking, at time.Time, wait time.Duration) {
	t.Helper()
	day := hours.DateOf(at.In(dashboard.Location))
	tk := &appointment.Ticket{OfficeID: office, Day: day, Kind: appointment.KindWalkIn, ServiceIDs: services,
		Status: appointment.Waiting, IssuedAt: at}
	prefix, caseID := "W", func(tk *appointment.Ticket) string { return fmt.Sprintf("walkin-%d-%s-%d", office, day, tk.Number) }
	if booking != nil {
		tk.Kind, tk.BookingID, prefix = appointment.KindAppointment, &booking.ID, "T"
		caseID = func(*appointment.Ticket) string { return booking.Code }
	}
	fx := func(activity string, at time.Time) func(*appointment.Ticket) appointment.Effects {
		return func(tk *appointment.Ticket) appointment.Effects {
			return appointment.Effects{Events: []processlog.Event{{Process: appointment.Process, CaseID: caseID(tk), Activity: activity, At: at}}}
		}
	}
	must(t, s.CreateTicket(ctx, tk, prefix, fx("ticket issued", at)))
	pick := func(ts []*appointment.Ticket) *appointment.Ticket {
		for _, x := range ts {
			if x.ID == tk.ID {
				return x
			}
		}
		return nil
	}
	if _, err := s.CallTicket(ctx, office, day, pick, 1, at.Add(wait), fx("called", at.Add(wait))); err != nil {
		t.Fatalf("CallTicket: %v", err)
	}
}

func rate(t *testing.T, s Stores, subject int64, service int64, unit *int64, rating int, at time.Time) {
	t.Helper()
	sat := &feedback.Satisfaction{Subject: feedback.Subject{Kind: "case", ID: subject}, ServiceID: service, OrgID: unit,
		Rating: rating, At: at, UpdatedAt: at}
	ev := processlog.Event{Process: feedback.Process, CaseID: sat.Subject.String(), Activity: feedback.ActivityRated, At: at}
	if _, err := feedbackStore(t, s).SaveSatisfaction(ctx, sat, ev); err != nil {
		t.Fatalf("SaveSatisfaction: %v", err)
	}
}

// dashMonths reads the months of r in scope sc.
func dashMonths(t *testing.T, ds dashboardRollups, sc dashboard.Scope, from, to string) map[string]dashboard.Month {
	t.Helper()
	ms, err := ds.DashboardMonths(ctx, sc, dashboard.Range{From: from, To: to})
	must(t, err)
	out := map[string]dashboard.Month{}
	for i, m := range ms {
		if i > 0 && ms[i-1].Month >= m.Month {
			t.Fatalf("months out of order: %s after %s", m.Month, ms[i-1].Month)
		}
		if len(m.Processing.Counts) != len(dashboard.Bounds)+1 {
			t.Fatalf("%s: processing has %d buckets", m.Month, len(m.Processing.Counts))
		}
		out[m.Month] = m
	}
	return out
}

func refresh(t *testing.T, ds dashboardRollups) int {
	t.Helper()
	n, err := ds.RefreshDashboard(ctx)
	must(t, err)
	return n
}

// about reports whether d is within a histogram bucket's step of want.
func about(d, want time.Duration) bool {
	return float64(d) >= float64(want)*0.79 && float64(d) <= float64(want)*1.26
}

func testDashboard(t *testing.T, s Stores) {
	ds := rollupStore(t, s)
	city := &org.Org{Kind: org.KindOrganisation, Slug: "stadt", Name: "Stadt", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, city))
	unit := &org.Org{ParentID: &city.ID, Kind: org.KindUnit, Slug: "buergerbuero", Name: "Bürgerbüro", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, unit))
	other := newOrg(t, s, "ordnungsamt")
	office := &catalog.Office{Name: "Bürgerbüro Mitte", OrgID: &unit.ID, CreatedAt: t0}
	must(t, s.CreateOffice(ctx, office))
	must(t, s.SaveSetup(ctx, &appointment.Setup{OfficeID: office.ID, Enabled: true, Counters: 2, SlotMinutes: 10,
		MaxDays: 60, MaxPersons: 4, UpdatedAt: t0}))

	if n := refresh(t, ds); n != 0 {
		t.Errorf("refresh of an empty database recomputed %d months", n)
	}
	// March 2026: three applications for service 7 at the unit (one on
	// 31 March at 23:30 UTC, which is April in Jena), one for service 8
	// elsewhere; two are closed in March, one late.
	due := berlin(2026, 3, 15, 0, 0)
	c1 := dashCase(t, s, 7, &unit.ID, cases.ChannelOnline, berlin(2026, 3, 2, 9, 0), &due)
	c2 := dashCase(t, s, 7, &unit.ID, cases.ChannelPaper, berlin(2026, 3, 3, 9, 0), &due)
	dashCase(t, s, 7, &unit.ID, cases.ChannelOnline, time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC), nil)
	c4 := dashCase(t, s, 8, &other, cases.ChannelOnline, berlin(2026, 3, 20, 9, 0), nil)
	closeCase(t, s, c1, berlin(2026, 3, 12, 9, 0)) // 10 days, in time
	closeCase(t, s, c2, berlin(2026, 3, 23, 9, 0)) // 20 days, late
	// Visits in March at the unit's office: a walk-in for services 7 and
	// 8 called after 12 minutes; a booked visit of service 7 booked five
	// days ahead, called after 4 minutes.
	visit(t, s, office.ID, []int64{7, 8}, nil, berlin(2026, 3, 10, 9, 0), 12*time.Minute)
	b := newBooking(office.ID, "DASH1", berlin(2026, 3, 11, 10, 0), appointment.Confirmed)
	b.CreatedAt = berlin(2026, 3, 6, 10, 0)
	book(t, s, b)
	visit(t, s, office.ID, []int64{7}, b, berlin(2026, 3, 11, 9, 55), 4*time.Minute)
	rate(t, s, c1.ID, 7, &unit.ID, 5, berlin(2026, 3, 12, 10, 0))
	rate(t, s, c4.ID, 8, &other, 2, berlin(2026, 3, 21, 10, 0))

	empty := dashMonths(t, ds, dashboard.Scope{}, "2026-02", "2026-04")
	if len(empty) != 3 || len(empty["2026-03"].Cases) != 0 {
		t.Fatalf("before the first refresh: %+v", empty)
	}
	if n := refresh(t, ds); n != 2 {
		t.Errorf("first refresh recomputed %d months, want March and April", n)
	}
	all := dashMonths(t, ds, dashboard.Scope{}, "2026-02", "2026-04")
	mar, apr := all["2026-03"], all["2026-04"]
	if len(all) != 3 || len(all["2026-02"].Cases) != 0 || all["2026-02"].Processing.N != 0 {
		t.Errorf("February: %+v", all["2026-02"])
	}
	if mar.Cases[cases.ChannelOnline] != 2 || mar.Cases[cases.ChannelPaper] != 1 || apr.Cases[cases.ChannelOnline] != 1 {
		t.Errorf("cases per channel: March %v, April %v", mar.Cases, apr.Cases)
	}
	if mar.Processing.N != 2 || mar.Processing.Sum != 30*24*time.Hour {
		t.Errorf("processing: N %d, Sum %v", mar.Processing.N, mar.Processing.Sum)
	}
	if p := mar.Processing.Percentile(0.9); !about(p, 19*24*time.Hour) && !about(p, 20*24*time.Hour) {
		t.Errorf("90th percentile of 10 and 20 days = %v", p)
	}
	if mar.DeadlineDue != 2 || mar.DeadlineMet != 1 {
		t.Errorf("deadlines: due %d, met %d", mar.DeadlineDue, mar.DeadlineMet)
	}
	if mar.VisitsWalkIn != 1 || mar.VisitsBooked != 1 || mar.Wait.N != 2 || mar.Wait.Sum != 16*time.Minute {
		t.Errorf("visits: walk-in %d, booked %d, wait %+v", mar.VisitsWalkIn, mar.VisitsBooked, mar.Wait)
	}
	if mar.LeadTime.N != 1 || mar.LeadTime.Sum != 5*24*time.Hour || !about(mar.LeadTime.Percentile(0.5), 5*24*time.Hour) {
		t.Errorf("lead time %+v, median %v", mar.LeadTime, mar.LeadTime.Percentile(0.5))
	}
	if mar.Ratings != [5]int64{0, 1, 0, 0, 1} {
		t.Errorf("ratings %v", mar.Ratings)
	}

	// Scopes: service 7, service 8, the unit, its parent, the other unit.
	s7 := dashMonths(t, ds, dashboard.Scope{ServiceID: 7}, "2026-03", "2026-03")["2026-03"]
	if s7.Cases[cases.ChannelOnline] != 1 || s7.Processing.N != 2 || s7.VisitsWalkIn != 1 || s7.VisitsBooked != 1 || s7.Ratings[4] != 1 || s7.Ratings[1] != 0 {
		t.Errorf("service 7: %+v", s7)
	}
	s8 := dashMonths(t, ds, dashboard.Scope{ServiceID: 8}, "2026-03", "2026-03")["2026-03"]
	if s8.Cases[cases.ChannelOnline] != 1 || s8.Processing.N != 0 || s8.VisitsWalkIn != 1 || s8.VisitsBooked != 0 || s8.Wait.N != 1 {
		t.Errorf("service 8 (a walk-in for two services counts for each): %+v", s8)
	}
	for _, sc := range []dashboard.Scope{{OrgID: unit.ID}, {OrgID: city.ID}, {ServiceID: 7, OrgID: city.ID}} {
		m := dashMonths(t, ds, sc, "2026-03", "2026-03")["2026-03"]
		if m.Cases[cases.ChannelOnline] != 1 || m.Cases[cases.ChannelPaper] != 1 || m.VisitsWalkIn != 1 || m.Wait.N != 2 || m.Ratings[4] != 1 {
			t.Errorf("scope %+v: %+v", sc, m)
		}
	}
	o := dashMonths(t, ds, dashboard.Scope{OrgID: other}, "2026-03", "2026-03")["2026-03"]
	if o.Cases[cases.ChannelOnline] != 1 || o.VisitsWalkIn != 0 || o.Ratings[1] != 1 {
		t.Errorf("other unit: %+v", o)
	}
	if m := dashMonths(t, ds, dashboard.Scope{ServiceID: 8, OrgID: unit.ID}, "2026-03", "2026-03")["2026-03"]; len(m.Cases) != 0 || m.VisitsWalkIn != 1 {
		t.Errorf("service 8 at the unit: %+v", m)
	}

	// Nothing changed: nothing is recomputed, the figures stay.
	if n := refresh(t, ds); n != 0 {
		t.Errorf("a refresh without changes recomputed %d months", n)
	}
	if again := dashMonths(t, ds, dashboard.Scope{}, "2026-02", "2026-04"); fmt.Sprint(again) != fmt.Sprint(all) {
		t.Errorf("a second refresh changed the figures:\n%v\n%v", again, all)
	}

	// April's case closed in June recomputes April and June only; a new
	// case in May recomputes May; a changed rating its first month.
	c3s, _, err := s.FindCases(ctx, cases.Filter{ServiceID: 7, Limit: 10})
	must(t, err)
	var c3 *cases.Case
	for _, c := range c3s {
		if c.ClosedAt == nil && c.Channel == cases.ChannelOnline {
			c3 = c
		}
	}
	if c3 == nil {
		t.Fatal("the April case is not found")
	}
	closeCase(t, s, c3, berlin(2026, 6, 1, 9, 0))
	if n := refresh(t, ds); n != 2 {
		t.Errorf("closing a case recomputed %d months, want its submission's and closing's", n)
	}
	dashCase(t, s, 8, nil, cases.ChannelPhone, berlin(2026, 5, 5, 9, 0), nil)
	rate(t, s, c1.ID, 7, &unit.ID, 3, berlin(2026, 6, 2, 10, 0))
	if n := refresh(t, ds); n != 2 {
		t.Errorf("a new case and a changed rating recomputed %d months, want May and March", n)
	}
	later := dashMonths(t, ds, dashboard.Scope{}, "2026-03", "2026-06")
	if later["2026-04"].Cases[cases.ChannelOnline] != 1 || later["2026-06"].Processing.N != 1 || later["2026-05"].Cases[cases.ChannelPhone] != 1 {
		t.Errorf("after the changes: %+v", later)
	}
	if later["2026-03"].Ratings != [5]int64{0, 1, 1, 0, 0} {
		t.Errorf("a changed rating: %v", later["2026-03"].Ratings)
	}
	if !about(later["2026-06"].Processing.Percentile(0.5), 61*24*time.Hour) {
		t.Errorf("June's processing median %v", later["2026-06"].Processing.Percentile(0.5))
	}

	// Instances refresh at once: one does the work, the figures agree.
	dashCase(t, s, 7, &unit.ID, cases.ChannelOnline, berlin(2026, 6, 3, 9, 0), nil)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := ds.RefreshDashboard(ctx)
			if err != nil {
				t.Errorf("concurrent refresh: %v", err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 1 {
		t.Errorf("concurrent refreshes recomputed %d months together, want 1", total)
	}
	if m := dashMonths(t, ds, dashboard.Scope{}, "2026-06", "2026-06")["2026-06"]; m.Cases[cases.ChannelOnline] != 1 {
		t.Errorf("June after concurrent refreshes: %v", m.Cases)
	}

	// Bookings and tickets are deleted after their retention period; a
	// later case event in their month recomputes its cases, not its
	// visits, so the anonymous visit figures stay.
	if _, err := s.DeleteBookingsBefore(ctx, berlin(2026, 4, 1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	dashCase(t, s, 7, &unit.ID, cases.ChannelPaper, berlin(2026, 3, 20, 9, 0), nil)
	if n := refresh(t, ds); n != 1 {
		t.Errorf("a case in March recomputed %d months", n)
	}
	kept := dashMonths(t, ds, dashboard.Scope{}, "2026-03", "2026-03")["2026-03"]
	if kept.VisitsWalkIn != 1 || kept.VisitsBooked != 1 || kept.Wait.N != 2 || kept.Cases[cases.ChannelPaper] != 2 {
		t.Errorf("March after its visits were deleted and a case came: visits %d+%d, wait %d, cases %v",
			kept.VisitsWalkIn, kept.VisitsBooked, kept.Wait.N, kept.Cases)
	}
	if _, err := ds.DashboardMonths(ctx, dashboard.Scope{}, dashboard.Range{From: "2026-05", To: "2026-03"}); err == nil {
		t.Error("a range that ends before it begins was accepted")
	}
}
