package appointment

import (
	"context"
	"time"

	"rathaus/internal/processlog"
)

// PastVisit is one simulated visit of the past, for a demo's history: a
// booking made online (nil for a walk-in), the ticket it got at the
// office (nil when the visitor never came, or the booking was cancelled
// or expired), and the process events the booking path would have
// written on the way.
type PastVisit struct {
	Booking *Booking
	Ticket  *Ticket
	Events  []processlog.Event
}

// HistorySeeder is a store that writes a simulated past in bulk. It is
// for seeding demo data only: the booking path's checks (horizon,
// capacity, one ticket number after the other under the office's lock)
// do not apply to days that are over.
type HistorySeeder interface {
	// SeedVisitHistory inserts the visits' bookings (setting their IDs),
	// tickets (setting IDs, linked to the visit's booking) and events in
	// one transaction: all or nothing. Ticket numbers are taken as given
	// and must be unique per office and day.
	SeedVisitHistory(ctx context.Context, vs []PastVisit) error
}

// BookingEvent is the process event the booking path writes for b (as
// Book, Confirm, Cancel, CheckIn, CallNext, Finish and MarkNoShow do).
func BookingEvent(b *Booking, activity, resource string, at time.Time) processlog.Event {
	return (*Service)(nil).event(b, activity, resource, at)
}

// TicketEvent is the process event of a walk-in ticket, as WalkIn,
// CallNext and Finish write it; the case is named by office, day and
// number, so t.Number must be set.
func TicketEvent(t *Ticket, activity, resource string, at time.Time) processlog.Event {
	return ticketEvent(t, activity, resource, at)
}
