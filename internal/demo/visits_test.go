package demo_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/demo"
	"rathaus/internal/feedback"
	"rathaus/internal/hours"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// TestSeedVisits: after a demo start each office has a year of bookings
// and tickets, month by month, in its opening hours; walk-ins wait longer
// than visitors with an appointment; the share of visits booked online
// grows; visitors' ratings come in every month; a second start adds
// nothing.
func TestSeedVisits(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			now := time.Date(2026, 11, 25, 10, 30, 0, 0, time.UTC)
			cat := seedCity(t, db, now)
			if err := demo.SeedAppointments(ctx, db, cat); err != nil {
				t.Fatal(err)
			}
			seed := demo.VisitSeed{Store: db, History: db, Ratings: db, Catalog: cat, Now: now, Seed: 2026}
			began := time.Now()
			n, err := demo.SeedVisits(ctx, seed)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %+v in %v", name, n, time.Since(began).Round(time.Millisecond))
			if n.Bookings < 20000 || n.WalkIns < 8000 || n.Ratings < 1000 {
				t.Errorf("seeded %+v: want a city's year of visits", n)
			}
			checkVisits(t, db, now)
			checkVisitRatings(t, db, now)
			if again, err := demo.SeedVisits(ctx, seed); err != nil || again != (demo.Visits{}) {
				t.Errorf("second SeedVisits = %+v, %v; want nothing", again, err)
			}
		})
	}
}

// monthly sums one office's visits of a month.
type monthly struct {
	booked, walkIn           int
	bookedWaits, walkInWaits []time.Duration
}

func checkVisits(t *testing.T, db *sqlstore.DB, now time.Time) {
	ctx := context.Background()
	berlin, _ := time.LoadLocation("Europe/Berlin")
	setups, err := db.FindSetups(ctx)
	if err != nil || len(setups) != 5 {
		t.Fatalf("%d setups, %v", len(setups), err)
	}
	today := hours.DateOf(now.In(berlin))
	first := today.AddDays(-365)
	months := map[string]*monthly{}
	var leads []time.Duration
	for _, st := range setups {
		office, err := db.FindOfficeByID(ctx, st.OfficeID)
		if err != nil {
			t.Fatal(err)
		}
		bs, err := db.FindBookings(ctx, appointment.BookingFilter{OfficeID: &st.OfficeID, Limit: 200000})
		if err != nil {
			t.Fatal(err)
		}
		perMonth := map[string]int{}
		for _, b := range bs {
			l := b.Start.In(berlin)
			open, _ := office.Hours.Day(hours.DateOf(l))
			inHours := false
			for _, iv := range open {
				m := l.Hour()*60 + l.Minute()
				inHours = inHours || (m >= iv.From && m < iv.To)
			}
			if !inHours || l.Weekday() == time.Saturday || l.Weekday() == time.Sunday {
				t.Fatalf("%s: booking %s at %v, outside opening hours %v", office.Name, b.Code, l, open)
			}
			if !b.CreatedAt.Before(b.Start) || !b.Start.Before(now) || !strings.HasSuffix(b.Email, ".example") {
				t.Fatalf("%s: booking %+v: made after its start, in the future or with a real address", office.Name, b)
			}
			perMonth[l.Format("2006-01")]++
			if b.Status == appointment.Served {
				leads = append(leads, b.Start.Sub(b.CreatedAt))
			}
		}
		statuses := map[string]int{}
		for _, b := range bs {
			statuses[b.Status]++
		}
		for _, s := range []string{appointment.Served, appointment.Cancelled, appointment.NoShow} {
			if statuses[s] == 0 {
				t.Errorf("%s: no booking %s: %v", office.Name, s, statuses)
			}
		}
		for d := first; d.Before(today); d = d.AddDays(1) {
			ts, err := db.FindTickets(ctx, st.OfficeID, d)
			if err != nil {
				t.Fatal(err)
			}
			m := months[d.String()[:7]]
			if m == nil {
				m = &monthly{}
				months[d.String()[:7]] = m
			}
			for _, tk := range ts {
				wait := tk.CalledAt.Sub(tk.IssuedAt)
				if tk.Kind == appointment.KindWalkIn {
					m.walkIn++
					m.walkInWaits = append(m.walkInWaits, wait)
				} else {
					m.booked++
					m.bookedWaits = append(m.bookedWaits, wait)
				}
			}
		}
		for d := first; d.Before(today); d = d.AddDays(28) {
			if perMonth[d.String()[:7]] == 0 {
				t.Errorf("%s: no bookings in %s", office.Name, d.String()[:7])
			}
		}
		t.Logf("%s: %d bookings %v", office.Name, len(bs), statuses)
	}
	keys := make([]string, 0, len(months))
	for k := range months {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var bookedWaits, walkInWaits []time.Duration
	share := func(ks []string) float64 {
		var b, all int
		for _, k := range ks {
			b += months[k].booked
			all += months[k].booked + months[k].walkIn
		}
		return float64(b) / float64(all)
	}
	for _, k := range keys {
		m := months[k]
		if m.booked == 0 || m.walkIn == 0 {
			t.Errorf("%s: %d visits with and %d without appointment", k, m.booked, m.walkIn)
		}
		bookedWaits = append(bookedWaits, m.bookedWaits...)
		walkInWaits = append(walkInWaits, m.walkInWaits...)
	}
	early, late := share(keys[1:4]), share(keys[len(keys)-4:len(keys)-1])
	if early < 0.45 || late < early+0.08 {
		t.Errorf("share of visits with an appointment %.2f a year ago, %.2f lately: want it growing", early, late)
	}
	mb, mw := median(bookedWaits), median(walkInWaits)
	if mb > 15*time.Minute || mw < 20*time.Minute || mw > 70*time.Minute {
		t.Errorf("median wait %v with appointment, %v without: want minutes against half an hour or so", mb, mw)
	}
	if ml := median(leads); ml < 2*24*time.Hour || ml > 30*24*time.Hour {
		t.Errorf("median lead time %v: want days to weeks", ml)
	}
	evs, err := db.FindEvents(ctx, processlog.Filter{Process: appointment.Process, From: now.AddDate(0, -1, 0), Limit: 1000000})
	if err != nil || len(evs) < 10000 {
		t.Errorf("%d appointment events in the last month, %v", len(evs), err)
	}
	acts := map[string]bool{}
	for _, e := range evs {
		acts[e.Activity] = true
	}
	for _, a := range []string{"booked", "confirmed", "checked in", "called", "served", "no-show", "cancelled", "ticket issued"} {
		if !acts[a] {
			t.Errorf("no %q event in the last month", a)
		}
	}
	t.Logf("online share %.2f → %.2f; median waits %v booked, %v walk-in; median lead %v",
		early, late, mb, mw, median(leads).Round(time.Hour))
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// checkVisitRatings: visitors rate in every month of the year, mostly 4
// and 5.
func checkVisitRatings(t *testing.T, db *sqlstore.DB, now time.Time) {
	ctx := context.Background()
	total, good := 0, 0
	for m := 11; m >= 1; m-- {
		from := now.AddDate(0, -m-1, 0)
		counts, err := db.RatingCounts(ctx, feedback.Filter{From: from, To: from.AddDate(0, 1, 0)})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range counts {
			n += c.Count
			if c.Rating >= 4 {
				good += c.Count
			}
		}
		if n < 20 {
			t.Errorf("%d ratings in the month from %s", n, from.Format(time.DateOnly))
		}
		total += n
	}
	if good*10 < total*6 {
		t.Errorf("%d of %d ratings are 4 or 5: want most", good, total)
	}
}
