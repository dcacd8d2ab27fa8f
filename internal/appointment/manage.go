package appointment

import (
	"context"
	"encoding/json"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Confirm confirms the booking behind a mailed confirmation secret and
// returns it with its management secret. A second click on the same link
// finds the booking confirmed and changes nothing.
func (s *Service) Confirm(ctx context.Context, secret string) (*Booked, error) {
	b, err := s.Store.FindBookingByConfirmHash(ctx, HashSecret(secret))
	if fault.Is(err, fault.NotFound) {
		return nil, linkInvalid()
	} else if err != nil {
		return nil, err
	}
	now := s.now()
	switch {
	case b.Status == Confirmed:
		return &Booked{Booking: b}, nil
	case b.Status == Expired || (b.Status == Held && !b.HoldUntil.After(now)):
		return nil, holdExpired()
	case b.Status != Held:
		return nil, notChangeable()
	}
	o, err := s.officeOf(ctx, b)
	if err != nil {
		return nil, err
	}
	manage := s.confirmNow(b, now)
	if err := s.Store.UpdateBooking(ctx, b, []string{Held}, s.confirmedEffects(ctx, b, o, manage, now)); err != nil {
		return nil, err
	}
	return &Booked{Booking: b, Manage: manage}, nil
}

// ByManage returns the booking behind a management secret.
func (s *Service) ByManage(ctx context.Context, secret string) (*Booking, error) {
	if secret == "" {
		return nil, linkInvalid()
	}
	b, err := s.Store.FindBookingByManageHash(ctx, HashSecret(secret))
	if fault.Is(err, fault.NotFound) {
		return nil, linkInvalid()
	}
	return b, err
}

// Changeable reports whether the citizen may still cancel or move b.
func (s *Service) Changeable(b *Booking) bool {
	return (b.Status == Confirmed || b.Status == Held) && b.Start.After(s.now())
}

// Cancel cancels the booking behind a management secret; the slot is free
// again at once and the waiting list hears of it.
func (s *Service) Cancel(ctx context.Context, secret string) (*Booking, error) {
	b, err := s.ByManage(ctx, secret)
	if err != nil {
		return nil, err
	}
	return b, s.cancel(ctx, b, "citizen")
}

func (s *Service) cancel(ctx context.Context, b *Booking, by string) error {
	if !s.Changeable(b) {
		return notChangeable()
	}
	o, err := s.officeOf(ctx, b)
	if err != nil {
		return err
	}
	now := s.now()
	from := b.Status
	b.Status, b.CancelledAt = Cancelled, &now
	fx := Effects{
		Jobs:   []jobs.Job{freedJob(b, now)},
		Events: []processlog.Event{s.event(b, "cancelled", by, now)},
	}
	if from == Confirmed {
		fx.Mails = []mail.Message{s.mail(b, "mail.appointment.cancelled", s.visit(ctx, b, o), s.BaseURL+"/termine")}
	}
	if err := s.Store.UpdateBooking(ctx, b, []string{from}, fx); err != nil {
		b.Status, b.CancelledAt = from, nil
		return err
	}
	return nil
}

// Move gives the booking behind a management secret a new start (at the
// same office, for the same services), if that slot is free. The old slot
// is free again and the waiting list hears of it.
func (s *Service) Move(ctx context.Context, secret string, start time.Time) (*Booking, error) {
	b, err := s.ByManage(ctx, secret)
	if err != nil {
		return nil, err
	}
	if !s.Changeable(b) {
		return nil, notChangeable()
	}
	o, st, err := s.office(ctx, b.OfficeID)
	if err != nil {
		return nil, err
	}
	dur, ok := st.Duration(b.ServiceIDs, b.Persons)
	if !ok {
		return nil, notBookable()
	}
	now := s.now()
	start = start.UTC().Truncate(time.Minute)
	if err := s.inHorizon(st, start, now); err != nil {
		return nil, err
	}
	old := *b
	b.Start, b.End = start, start.Add(dur)
	fx := Effects{
		Mails:  []mail.Message{s.confirmedMail(ctx, b, o, secret, "mail.appointment.moved")},
		Jobs:   []jobs.Job{freedJob(&old, now)},
		Events: []processlog.Event{s.event(b, "moved", "citizen", now)},
	}
	if j, ok := s.reminderJob(b, now); ok && b.Status == Confirmed {
		fx.Jobs = append(fx.Jobs, j)
	}
	if err := s.Store.MoveBooking(ctx, b, now, s.moveCheck(st, o, b, dur), fx); err != nil {
		*b = old
		return nil, err
	}
	return b, nil
}

// moveCheck is capacityCheck without the address limit: the booking
// itself is already counted among the active ones.
func (s *Service) moveCheck(st *Setup, o *catalog.Office, b *Booking, dur time.Duration) Check {
	check := s.capacityCheck(st, o.Hours, b, dur)
	return func(busy []Busy, _ map[int64]int) error { return check(busy, nil) }
}

// Mine lists the bookings made with an account, newest appointment first.
func (s *Service) Mine(ctx context.Context, userID int64) ([]*Booking, error) {
	return s.Store.FindBookings(ctx, BookingFilter{UserID: &userID, Limit: 200})
}

// CancelMine cancels a booking of the logged-in account.
func (s *Service) CancelMine(ctx context.Context, userID, bookingID int64) (*Booking, error) {
	b, err := s.Store.FindBooking(ctx, bookingID)
	if err != nil {
		return nil, err
	}
	if b.UserID == nil || *b.UserID != userID {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return b, s.cancel(ctx, b, "citizen")
}

// Remind sends the reminder a JobRemind job names, unless the booking was
// cancelled or moved since.
func (s *Service) Remind(ctx context.Context, payload []byte) error {
	p, err := parsePayload(payload)
	if err != nil {
		return nil // a malformed payload would never succeed
	}
	bs, err := s.Store.FindBookings(ctx, BookingFilter{Code: p.Code, Limit: 1})
	if err != nil || len(bs) == 0 {
		return err
	}
	b := bs[0]
	if b.Status != Confirmed || !b.Start.Equal(p.Start) {
		return nil // cancelled or moved since: its own reminder goes
	}
	o, err := s.officeOf(ctx, b)
	if err != nil {
		return err
	}
	m := s.mail(b, "mail.appointment.reminder", s.visit(ctx, b, o), s.BaseURL+"/termine")
	return s.Store.UpdateBooking(ctx, b, []string{Confirmed}, Effects{Mails: []mail.Message{m}})
}

func parsePayload(b []byte) (jobPayload, error) {
	var p jobPayload
	err := json.Unmarshal(b, &p)
	return p, err
}
