package sqlstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/feedback"
	"rathaus/internal/hours"
	"rathaus/internal/processlog"
	"rathaus/internal/storetest"
)

// TestSeedVisitHistory: a demo's year of visits goes in as one batch:
// more bookings than one statement holds, each visit's ticket linked to
// its booking, walk-ins without one, every event in the log; a duplicate
// booking code leaves nothing behind. Satisfaction answers go in alike.
func TestSeedVisitHistory(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			o := &catalog.Office{Name: "Bürgerservice", CreatedAt: time.Now().UTC()}
			if err := db.CreateOffice(ctx, o); err != nil {
				t.Fatal(err)
			}
			if err := db.SaveSetup(ctx, &appointment.Setup{OfficeID: o.ID, Enabled: true, Counters: 2, SlotMinutes: 10,
				MaxDays: 28, MaxPersons: 4, UpdatedAt: time.Now().UTC()}); err != nil {
				t.Fatal(err)
			}
			day := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
			var vs []appointment.PastVisit
			const n = 1200
			for i := range n {
				start := day.AddDate(0, 0, i/100).Add(time.Duration(i%100) * 5 * time.Minute)
				d := hours.DateOf(start)
				b := &appointment.Booking{Code: fmt.Sprintf("S%05d", i), OfficeID: o.ID, ServiceIDs: []int64{7}, Persons: 1,
					Start: start, End: start.Add(10 * time.Minute), Name: "Anna Beispiel", Email: "anna@post.example", Lang: "de",
					Status: appointment.Served, CreatedAt: start.AddDate(0, 0, -5)}
				called, done := start.Add(2*time.Minute), start.Add(12*time.Minute)
				tk := &appointment.Ticket{OfficeID: o.ID, Day: d, Number: 2*(i%100) + 1, Label: "T", Kind: appointment.KindAppointment,
					ServiceIDs: b.ServiceIDs, Status: appointment.TicketDone, Counter: 1, IssuedAt: start.Add(-3 * time.Minute),
					CalledAt: &called, FinishedAt: &done}
				walk := &appointment.Ticket{OfficeID: o.ID, Day: d, Number: 2*(i%100) + 2, Label: "W", Kind: appointment.KindWalkIn,
					ServiceIDs: b.ServiceIDs, Status: appointment.TicketDone, Counter: 2, IssuedAt: start, CalledAt: &called, FinishedAt: &done}
				vs = append(vs,
					appointment.PastVisit{Booking: b, Ticket: tk, Events: []processlog.Event{
						appointment.BookingEvent(b, "booked", "citizen", b.CreatedAt), appointment.BookingEvent(b, "served", "staff", done)}},
					appointment.PastVisit{Ticket: walk, Events: []processlog.Event{appointment.TicketEvent(walk, "ticket issued", "staff", start)}})
			}
			before, err := db.FindSetup(ctx, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SeedVisitHistory(ctx, vs); err != nil {
				t.Fatal(err)
			}
			// Cached slots of the office are stale now, and later bookings
			// still move the version on.
			after, _ := db.FindSetup(ctx, o.ID)
			if after.Version <= before.Version {
				t.Errorf("bookings version %d after seeding, %d before: cached slots would stay", after.Version, before.Version)
			}
			later := &appointment.Booking{Code: "LATER1", OfficeID: o.ID, ServiceIDs: []int64{7}, Persons: 1, Start: day, End: day,
				Name: "X", Email: "x@post.example", Lang: "de", Status: appointment.Confirmed, CreatedAt: day}
			if err := db.CreateBooking(ctx, later, day, func([]appointment.Busy, map[int64]int) error { return nil }, appointment.Effects{}); err != nil {
				t.Fatal(err)
			}
			if again, _ := db.FindSetup(ctx, o.ID); again.Version <= after.Version {
				t.Errorf("bookings version %d after a booking, %d before: the trigger is off", again.Version, after.Version)
			}
			last := vs[len(vs)-2]
			if last.Booking.ID == 0 || last.Ticket.ID == 0 || *last.Ticket.BookingID != last.Booking.ID {
				t.Fatalf("booking %d, ticket %d for booking %v: IDs not set", last.Booking.ID, last.Ticket.ID, last.Ticket.BookingID)
			}
			ts, err := db.FindTickets(ctx, o.ID, last.Ticket.Day)
			if err != nil || len(ts) != 200 {
				t.Fatalf("%d tickets on the last day, %v; want 200", len(ts), err)
			}
			if ts[0].Start == nil || ts[0].Kind != appointment.KindAppointment || ts[1].Kind != appointment.KindWalkIn || ts[1].BookingID != nil {
				t.Errorf("tickets %+v, %+v: want the booked one joined to its start and the walk-in alone", ts[0], ts[1])
			}
			if b, err := db.FindBooking(ctx, last.Booking.ID); err != nil || b.Status != appointment.Served || b.Code != last.Booking.Code {
				t.Errorf("booking %+v, %v", b, err)
			}
			evs, err := db.FindEvents(ctx, processlog.Filter{Process: appointment.Process, Limit: 10 * n})
			if err != nil || len(evs) != 3*n {
				t.Errorf("%d events, %v; want %d", len(evs), err, 3*n)
			}
			// A taken code: nothing of the batch stays.
			again := &appointment.Booking{Code: "S00000", OfficeID: o.ID, ServiceIDs: []int64{7}, Persons: 1, Start: day, End: day,
				Name: "X", Email: "x@post.example", Lang: "de", Status: appointment.Served, CreatedAt: day}
			fresh := &appointment.Booking{Code: "NEW001", OfficeID: o.ID, ServiceIDs: []int64{7}, Persons: 1, Start: day, End: day,
				Name: "X", Email: "x@post.example", Lang: "de", Status: appointment.Served, CreatedAt: day}
			err = db.SeedVisitHistory(ctx, []appointment.PastVisit{{Booking: fresh}, {Booking: again}})
			if !fault.Is(err, fault.Conflict) || fresh.ID != 0 {
				t.Errorf("duplicate code: %v, fresh ID %d; want Conflict and nothing written", err, fresh.ID)
			}
			if bs, _ := db.FindBookings(ctx, appointment.BookingFilter{Code: "NEW001"}); len(bs) != 0 {
				t.Error("a failed batch left a booking behind")
			}

			var ss []*feedback.Satisfaction
			var fevs []processlog.Event
			for i := range 1500 {
				at := day.Add(time.Duration(i) * time.Hour)
				s := &feedback.Satisfaction{Subject: feedback.Subject{Kind: feedback.KindAppointment, ID: int64(i + 1)},
					ServiceID: 7, Rating: 1 + i%5, At: at, UpdatedAt: at}
				ss = append(ss, s)
				fevs = append(fevs, processlog.Event{Process: feedback.Process, CaseID: s.Subject.String(), Activity: feedback.ActivityRated, At: at})
			}
			if err := db.SeedSatisfactionHistory(ctx, ss, fevs); err != nil {
				t.Fatal(err)
			}
			got, err := db.FindSatisfaction(ctx, ss[1499].Subject)
			if err != nil || got.ID != ss[1499].ID || got.Rating != ss[1499].Rating {
				t.Errorf("answer %+v, %v; want %+v", got, err, ss[1499])
			}
			counts, err := db.RatingCounts(ctx, feedback.Filter{})
			total := 0
			for _, c := range counts {
				total += c.Count
			}
			if err != nil || total != 1500 {
				t.Errorf("%d ratings counted, %v; want 1500", total, err)
			}
		})
	}
}
