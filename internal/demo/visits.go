package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/feedback"
	"rathaus/internal/hours"
)

// VisitSeed is what SeedVisits writes to and reads from.
type VisitSeed struct {
	Store   appointment.Store // with the demo setups (SeedAppointments)
	History appointment.HistorySeeder
	// Ratings, when set, receives the satisfaction answers of visitors.
	Ratings feedback.HistorySeeder
	Catalog *catalog.Catalog
	Now     time.Time
	// Seed chooses the simulated year; the same seed and the same now
	// give the same visits.
	Seed uint64
}

// VisitHistory is how far back SeedVisits simulates the offices' days.
const VisitHistory = 365 * 24 * time.Hour

// Visits counts what SeedVisits wrote.
type Visits struct {
	Bookings, Tickets, WalkIns, Events, Ratings int
}

// SeedVisits simulates the demo offices' last year, up to yesterday,
// unless a booking before today exists: appointments booked online days
// or weeks ahead (some cancelled, some never confirmed, some missed),
// the tickets of the visitors who came, walk-ins waiting longer (on
// Mondays, before the summer holidays, in weeks short of staff), and
// some visitors' satisfaction answers. The share of visits with an
// appointment grows over the year. Every step carries the process event
// the booking path writes, so the dashboards and the process workshop
// see the same history. Names and addresses are invented.
func SeedVisits(ctx context.Context, s VisitSeed) (Visits, error) {
	today := hours.DateOf(s.Now.In(berlin)).Time(berlin)
	if past, err := s.Store.FindBookings(ctx, appointment.BookingFilter{To: today, Limit: 1}); err != nil || len(past) > 0 {
		return Visits{}, err
	}
	offices, err := visitOffices(ctx, s)
	if err != nil {
		return Visits{}, err
	}
	sim := &visitSim{r: rand.New(rand.NewPCG(s.Seed, 0x5445524d)), from: today.Add(-VisitHistory), to: today,
		codes: map[string]bool{}, bad: map[string]bool{}, load: map[string]float64{}, orgs: map[int64]*int64{}}
	var out Visits
	var visits []appointment.PastVisit
	for _, o := range offices {
		sim.orgs[o.office.ID] = o.office.OrgID
		for d := hours.DateOf(sim.from.In(berlin)); d.Before(hours.DateOf(today)); d = d.AddDays(1) {
			visits = append(visits, sim.day(o, d)...)
		}
	}
	for _, v := range visits {
		if v.Booking != nil {
			out.Bookings++
		}
		if v.Ticket != nil {
			out.Tickets++
			if v.Ticket.Kind == appointment.KindWalkIn {
				out.WalkIns++
			}
		}
		out.Events += len(v.Events)
	}
	if err := s.History.SeedVisitHistory(ctx, visits); err != nil {
		return Visits{}, fmt.Errorf("demo visits: %w", err)
	}
	if s.Ratings == nil {
		return out, nil
	}
	ratings, evs := sim.ratings(visits)
	if err := s.Ratings.SeedSatisfactionHistory(ctx, ratings, evs); err != nil {
		return out, fmt.Errorf("demo visit ratings: %w", err)
	}
	out.Ratings = len(ratings)
	return out, nil
}

// visitOffice is a demo office as the simulation sees it.
type visitOffice struct {
	prof     visitProfile
	office   *catalog.Office
	setup    *appointment.Setup
	services []appointment.ServiceSetup
	weights  []int // how often each service is asked for
}

func visitOffices(ctx context.Context, s VisitSeed) ([]*visitOffice, error) {
	bundle, err := Catalog()
	if err != nil {
		return nil, err
	}
	offices, err := s.Catalog.Offices(ctx)
	if err != nil {
		return nil, err
	}
	var out []*visitOffice
	for _, p := range visitProfiles {
		var o *catalog.Office
		for _, x := range offices {
			if x.Source == bundle.Source && x.ExternalID == p.office {
				o = x
			}
		}
		if o == nil {
			return nil, fmt.Errorf("demo visits: office %q is not in the catalogue", p.office)
		}
		st, err := s.Store.FindSetup(ctx, o.ID)
		if err != nil {
			return nil, fmt.Errorf("demo visits: setup of %s: %w", p.office, err)
		}
		svcs, err := s.Catalog.OfficeServices(ctx, o.ID)
		if err != nil {
			return nil, err
		}
		names := map[int64]string{}
		for _, svc := range svcs {
			names[svc.ID] = svc.Name
		}
		vo := &visitOffice{prof: p, office: o, setup: st, services: st.Services}
		for _, ss := range st.Services {
			vo.weights = append(vo.weights, serviceWeight(names[ss.ServiceID]))
		}
		if len(vo.services) == 0 {
			return nil, fmt.Errorf("demo visits: %s has no bookable service", p.office)
		}
		out = append(out, vo)
	}
	return out, nil
}

// serviceWeight makes the everyday services (identity cards, passports,
// moving house, cars) more frequent than the rare ones.
func serviceWeight(name string) int {
	for _, w := range []string{"Personalausweis", "Reisepass", "Wohnsitz", "Anmeldung", "Ummeldung", "Meldebescheinigung",
		"zulassen", "Zulassung", "abmelden", "Führerschein", "Aufenthaltserlaubnis", "Eheschließung", "Geburt"} {
		if strings.Contains(name, w) {
			return 8
		}
	}
	return 1
}
