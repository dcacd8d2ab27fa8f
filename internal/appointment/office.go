package appointment

import (
	"context"
	"slices"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// Ticket label prefixes: appointments and walk-ins are told apart on the
// display without showing anything personal.
const (
	PrefixAppointment = "T"
	PrefixWalkIn      = "W"
)

// NoShowAfter is how long after its start an appointment without check-in
// may be marked as a no-show.
const NoShowAfter = 15 * time.Minute

// may reports whether a may work at the office: a platform admin, or
// someone with one of roles on the office's organisation or above.
func (s *Service) may(ctx context.Context, a org.Actor, officeID int64, roles ...string) error {
	if a.PlatformAdmin {
		return nil
	}
	o, err := s.Catalog.Office(ctx, officeID)
	if err != nil {
		return err
	}
	if o.OrgID == nil || s.Orgs == nil {
		return notStaff()
	}
	for _, r := range roles {
		ok, err := s.Orgs.HasRole(ctx, a.UserID, r, *o.OrgID)
		if err != nil || ok {
			return err
		}
	}
	return notStaff()
}

// MayServe reports whether a works at the office's counters.
func (s *Service) MayServe(ctx context.Context, a org.Actor, officeID int64) error {
	return s.may(ctx, a, officeID, org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin)
}

// MayConfigure reports whether a may change the office's booking setup.
func (s *Service) MayConfigure(ctx context.Context, a org.Actor, officeID int64) error {
	return s.may(ctx, a, officeID, org.RoleServiceOwner, org.RoleOrgAdmin)
}

// Day is one office day for its staff.
type Day struct {
	Date     hours.Date
	Bookings []*Booking // by start
	Tickets  []*Ticket  // by number
}

// Waiting returns the tickets still waiting.
func (d *Day) Waiting() []*Ticket {
	var out []*Ticket
	for _, t := range d.Tickets {
		if t.Status == Waiting {
			out = append(out, t)
		}
	}
	return out
}

// OfficeDay returns an office's bookings and tickets on a day.
func (s *Service) OfficeDay(ctx context.Context, a org.Actor, officeID int64, d hours.Date) (*Day, error) {
	if err := s.MayServe(ctx, a, officeID); err != nil {
		return nil, err
	}
	bs, err := s.Store.FindBookings(ctx, BookingFilter{OfficeID: &officeID,
		Statuses: []string{Confirmed, CheckedIn, Served, NoShow},
		From:     d.Time(s.loc()), To: d.AddDays(1).Time(s.loc()), Limit: 2000})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(bs, func(x, y *Booking) int { return x.Start.Compare(y.Start) })
	ts, err := s.Store.FindTickets(ctx, officeID, d)
	if err != nil {
		return nil, err
	}
	return &Day{Date: d, Bookings: bs, Tickets: ts}, nil
}

// CheckIn records a booked visitor's arrival and gives them a ticket.
func (s *Service) CheckIn(ctx context.Context, a org.Actor, bookingID int64) (*Ticket, error) {
	b, err := s.Store.FindBooking(ctx, bookingID)
	if err != nil {
		return nil, err
	}
	if err := s.MayServe(ctx, a, b.OfficeID); err != nil {
		return nil, err
	}
	now := s.now()
	if b.Status != Confirmed || hours.DateOf(b.Start.In(s.loc())) != hours.DateOf(now.In(s.loc())) {
		return nil, fault.New(fault.Conflict, "error.appointment.not_today")
	}
	start := b.Start
	t := &Ticket{OfficeID: b.OfficeID, Day: hours.DateOf(now.In(s.loc())), Kind: KindAppointment,
		BookingID: &b.ID, ServiceIDs: b.ServiceIDs, Status: Waiting, IssuedAt: now, Start: &start}
	fx := func(*Ticket) Effects {
		return Effects{Events: []processlog.Event{s.event(b, "checked in", staff(a), now)}}
	}
	return t, s.Store.CreateTicket(ctx, t, PrefixAppointment, fx)
}

// WalkIn gives a visitor without an appointment a ticket.
func (s *Service) WalkIn(ctx context.Context, a org.Actor, officeID int64, serviceIDs []int64) (*Ticket, error) {
	if err := s.MayServe(ctx, a, officeID); err != nil {
		return nil, err
	}
	if len(serviceIDs) == 0 {
		return nil, fault.Fields(fault.FieldError{Field: "service", Key: "error.appointment.services"})
	}
	now := s.now()
	t := &Ticket{OfficeID: officeID, Day: hours.DateOf(now.In(s.loc())), Kind: KindWalkIn,
		ServiceIDs: serviceIDs, Status: Waiting, IssuedAt: now}
	fx := func(t *Ticket) Effects {
		return Effects{Events: []processlog.Event{ticketEvent(t, "ticket issued", staff(a), now)}}
	}
	return t, s.Store.CreateTicket(ctx, t, PrefixWalkIn, fx)
}

// ticketEvent builds the process event of a ticket; walk-ins are cases of
// their own, named by office, day and number.
func ticketEvent(t *Ticket, activity, resource string, at time.Time) processlog.Event {
	return processlog.Event{Process: Process, CaseID: ticketCase(t), Activity: activity, At: at, Resource: resource,
		Attrs: map[string]string{"office": itoa(t.OfficeID), "services": joinIDs(t.ServiceIDs),
			"kind": t.Kind, "counter": strconv.Itoa(t.Counter)}}
}

func ticketCase(t *Ticket) string {
	return "walkin-" + itoa(t.OfficeID) + "-" + t.Day.String() + "-" + strconv.Itoa(t.Number)
}

func staff(a org.Actor) string { return "staff:" + itoa(a.UserID) }

// CallNext calls the next visitor to counter: first booked visitors whose
// time has come (in order of their start), then walk-ins in order of their
// numbers, then booked visitors who came early.
func (s *Service) CallNext(ctx context.Context, a org.Actor, officeID int64, counter int) (*Ticket, error) {
	if err := s.MayServe(ctx, a, officeID); err != nil {
		return nil, err
	}
	if counter < 1 || counter > 99 {
		return nil, fault.Fields(fault.FieldError{Field: "counter", Key: "error.appointment.counter"})
	}
	now := s.now()
	day := hours.DateOf(now.In(s.loc()))
	booked, err := s.Store.FindBookings(ctx, BookingFilter{OfficeID: &officeID, Statuses: []string{CheckedIn},
		From: day.Time(s.loc()), To: day.AddDays(1).Time(s.loc()), Limit: 2000})
	if err != nil {
		return nil, err
	}
	t, err := s.Store.CallTicket(ctx, officeID, day, func(ts []*Ticket) *Ticket { return pickNext(ts, now) },
		counter, now, func(t *Ticket) Effects { return s.callEffects(t, booked, a, now) })
	if fault.Is(err, fault.NotFound) {
		return nil, nobodyWaiting()
	}
	return t, err
}

// callEffects is the event of calling t; booked is the office's checked-in
// bookings of the day, read before the store's transaction.
func (s *Service) callEffects(t *Ticket, booked []*Booking, a org.Actor, now time.Time) Effects {
	ev := ticketEvent(t, "called", staff(a), now)
	for _, b := range booked {
		if t.BookingID != nil && b.ID == *t.BookingID {
			ev = s.event(b, "called", staff(a), now)
			ev.Attrs["counter"] = strconv.Itoa(t.Counter)
		}
	}
	return Effects{Events: []processlog.Event{ev}}
}

// pickNext chooses the ticket to call among the waiting ones.
func pickNext(ts []*Ticket, now time.Time) *Ticket {
	var due, walkIn, early *Ticket
	for _, t := range ts {
		if t.Status != Waiting {
			continue
		}
		switch {
		case t.Kind == KindWalkIn:
			if walkIn == nil || t.Number < walkIn.Number {
				walkIn = t
			}
		case t.Start != nil && !t.Start.After(now.Add(5*time.Minute)):
			if due == nil || t.Start.Before(*due.Start) {
				due = t
			}
		default:
			if early == nil || (t.Start != nil && early.Start != nil && t.Start.Before(*early.Start)) {
				early = t
			}
		}
	}
	for _, t := range []*Ticket{due, walkIn, early} {
		if t != nil {
			return t
		}
	}
	return nil
}

// Finish ends a called ticket: served, or gone when nobody came.
func (s *Service) Finish(ctx context.Context, a org.Actor, ticketID int64, served bool) (*Ticket, error) {
	t, err := s.Store.FindTicket(ctx, ticketID)
	if err != nil {
		return nil, err
	}
	if err := s.MayServe(ctx, a, t.OfficeID); err != nil {
		return nil, err
	}
	status, activity := TicketDone, "served"
	if !served {
		status, activity = TicketGone, "no-show"
	}
	now := s.now()
	ev := ticketEvent(t, activity, staff(a), now)
	if t.BookingID != nil {
		if b, err := s.Store.FindBooking(ctx, *t.BookingID); err == nil {
			ev = s.event(b, activity, staff(a), now)
		}
	}
	return s.Store.FinishTicket(ctx, ticketID, status, now, Effects{Events: []processlog.Event{ev}})
}

// MarkNoShow records that a booked visitor did not come, once NoShowAfter
// has passed since the start.
func (s *Service) MarkNoShow(ctx context.Context, a org.Actor, bookingID int64) (*Booking, error) {
	b, err := s.Store.FindBooking(ctx, bookingID)
	if err != nil {
		return nil, err
	}
	if err := s.MayServe(ctx, a, b.OfficeID); err != nil {
		return nil, err
	}
	now := s.now()
	if b.Status != Confirmed || now.Before(b.Start.Add(NoShowAfter)) {
		return nil, fault.New(fault.Conflict, "error.appointment.no_show_early", int(NoShowAfter/time.Minute))
	}
	b.Status, b.FinishedAt = NoShow, &now
	fx := Effects{Events: []processlog.Event{s.event(b, "no-show", staff(a), now)}}
	return b, s.Store.UpdateBooking(ctx, b, []string{Confirmed}, fx)
}

// Display is what the waiting room's screen shows: ticket labels and
// counters, never names.
type Display struct {
	Called  []*Ticket // most recent first
	Waiting int
}

// DisplayFor returns the display of an office today; it is public, as the
// screen hangs in a public room.
func (s *Service) DisplayFor(ctx context.Context, officeID int64, recent int) (*Display, error) {
	if _, _, err := s.servedOffice(ctx, officeID); err != nil {
		return nil, err
	}
	ts, err := s.Store.FindTickets(ctx, officeID, hours.DateOf(s.now().In(s.loc())))
	if err != nil {
		return nil, err
	}
	d := &Display{}
	for _, t := range ts {
		switch {
		case t.Status == Waiting:
			d.Waiting++
		case t.Status == Called && t.CalledAt != nil:
			d.Called = append(d.Called, t)
		}
	}
	slices.SortFunc(d.Called, func(x, y *Ticket) int { return y.CalledAt.Compare(*x.CalledAt) })
	if len(d.Called) > recent {
		d.Called = d.Called[:recent]
	}
	return d, nil
}
