package appointment

import (
	"context"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/processlog"
)

// Request is what a citizen submits to book: the minimum a visit needs.
type Request struct {
	ServiceIDs []int64
	Persons    int
	OfficeID   int64
	Start      time.Time
	Name       string
	Email      string
	Phone      string // optional
	Lang       string
	UserID     *int64 // when booked while logged in
	// VerifiedEmail is true when Email is the logged-in account's verified
	// address: the booking is confirmed at once, without a mailed link.
	VerifiedEmail bool
	Client        string // client address, only its keyed hash is kept
}

// Booked is the result of Book: the booking, and the management secret
// when it was confirmed at once (else it comes with the confirmation).
type Booked struct {
	Booking *Booking
	Manage  string
}

func (r *Request) normalize() {
	r.Name = strings.Join(strings.Fields(r.Name), " ")
	r.Email = strings.ToLower(strings.TrimSpace(r.Email))
	r.Phone = strings.TrimSpace(r.Phone)
	if r.Persons == 0 {
		r.Persons = 1
	}
	if r.Lang != "en" {
		r.Lang = "de"
	}
	slices.Sort(r.ServiceIDs)
	r.ServiceIDs = slices.Compact(r.ServiceIDs)
}

func (r *Request) validate() error {
	var v fault.Validator
	v.Check(len(r.ServiceIDs) > 0 && len(r.ServiceIDs) <= 5, "service", "error.appointment.services")
	v.Check(r.Persons >= 1 && r.Persons <= 10, "persons", "error.appointment.persons")
	v.Check(r.Name != "", "name", "error.appointment.name_required")
	v.Check(utf8.RuneCountInString(r.Name) <= 100, "name", "error.appointment.name_long")
	a, err := mail.ParseAddress(r.Email)
	v.Check(err == nil && a.Address == r.Email && len(r.Email) <= 254, "email", "error.email.invalid")
	v.Check(validPhone(r.Phone), "phone", "error.appointment.phone")
	v.Check(!r.Start.IsZero(), "start", "error.appointment.slot_required")
	return v.Err()
}

func validPhone(p string) bool {
	if p == "" {
		return true
	}
	digits := 0
	for _, c := range p {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case strings.ContainsRune("+ ()/-", c):
		default:
			return false
		}
	}
	return digits >= 5 && len(p) <= 30
}

// Book holds a slot for the request. Unless the address is the logged-in
// account's verified one, the booking waits for the mailed confirmation
// link until HoldFor has passed; then the slot is free again.
func (s *Service) Book(ctx context.Context, r Request) (*Booked, error) {
	r.normalize()
	if err := r.validate(); err != nil {
		return nil, err
	}
	o, st, err := s.office(ctx, r.OfficeID)
	if err != nil {
		return nil, err
	}
	if st.MaxPersons > 0 && r.Persons > st.MaxPersons {
		return nil, fault.Fields(fault.FieldError{Field: "persons", Key: "error.appointment.persons_office", Args: []any{st.MaxPersons}})
	}
	dur, ok := st.Duration(r.ServiceIDs, r.Persons)
	if !ok {
		return nil, notBookable()
	}
	now := s.now()
	start := r.Start.UTC().Truncate(time.Minute)
	if err := s.inHorizon(st, start, now); err != nil {
		return nil, err
	}
	b := &Booking{
		Code: newCode(), OfficeID: r.OfficeID, ServiceIDs: r.ServiceIDs, Persons: r.Persons,
		Start: start, End: start.Add(dur), Name: r.Name, Email: r.Email, Phone: r.Phone,
		UserID: r.UserID, Lang: r.Lang, Status: Held, HoldUntil: now.Add(s.holdFor()),
		ClientHash: clientHash(s.Secret, r.Client), CreatedAt: now,
	}
	out := &Booked{Booking: b}
	var fx Effects
	confirm, confirmHash := newSecret()
	b.ConfirmHash = confirmHash
	if r.VerifiedEmail && r.UserID != nil {
		out.Manage = s.confirmNow(b, now)
		fx = s.confirmedEffects(ctx, b, o, out.Manage, now)
	} else {
		fx.Mails = append(fx.Mails, s.confirmMail(ctx, b, o, confirm))
	}
	fx.Events = append([]processlog.Event{s.event(b, "booked", "citizen", now)}, fx.Events...)
	check := s.capacityCheck(st, o.Hours, b, dur)
	if err := s.createWithRetry(ctx, b, now, check, fx); err != nil {
		return nil, err
	}
	s.auditBulk(ctx, b, now)
	return out, nil
}

// confirmNow confirms b in memory and returns its management secret.
func (s *Service) confirmNow(b *Booking, now time.Time) string {
	manage, hash := newSecret()
	b.Status, b.ManageHash, b.ConfirmedAt, b.HoldUntil = Confirmed, hash, &now, now
	return manage
}

// createWithRetry inserts b, drawing a new code on the rare collision.
func (s *Service) createWithRetry(ctx context.Context, b *Booking, now time.Time, check Check, fx Effects) error {
	var err error
	for range 3 {
		err = s.Store.CreateBooking(ctx, b, now, check, fx)
		if !fault.Is(err, fault.Conflict) || fault.As(err).Key != "error.conflict" {
			return err
		}
		b.Code = newCode()
		for i := range fx.Events {
			fx.Events[i].CaseID = b.Code
		}
	}
	return err
}

// inHorizon checks that start lies within the office's bookable days.
func (s *Service) inHorizon(st *Setup, start, now time.Time) error {
	first, last := st.Horizon(now, s.loc())
	d := hours.DateOf(start.In(s.loc()))
	if d.Before(first) || last.Before(d) || start.Before(now) {
		return fault.Fields(fault.FieldError{Field: "start", Key: "error.appointment.outside_horizon"})
	}
	return nil
}

// capacityCheck is run by the store under the office's lock: the slot must
// still be free and the address below its limit of active bookings.
func (s *Service) capacityCheck(st *Setup, h hours.Hours, b *Booking, dur time.Duration) Check {
	return func(busy []Busy, active map[int64]int) error {
		if st.MaxActivePerEmail > 0 {
			for _, id := range b.ServiceIDs {
				if active[id] >= st.MaxActivePerEmail {
					return tooManyActive(st.MaxActivePerEmail)
				}
			}
		}
		free, onGrid := st.fits(h, s.loc(), b.Start, dur, busy)
		if !onGrid {
			return fault.Fields(fault.FieldError{Field: "start", Key: "error.appointment.no_such_slot"})
		}
		if free <= 0 {
			return slotGone()
		}
		return nil
	}
}

// auditBulk writes an audit entry when an address or a client booked
// more than BulkLimit times within a day: hoarding shows up for staff.
func (s *Service) auditBulk(ctx context.Context, b *Booking, now time.Time) {
	if s.Audit == nil {
		return
	}
	byEmail, byClient, err := s.Store.CountBookingsSince(ctx, b.Email, b.ClientHash, now.Add(-24*time.Hour))
	if err != nil || (byEmail <= s.bulkLimit() && byClient <= s.bulkLimit()) {
		return
	}
	detail := "booking " + b.Code + ": " + strconv.Itoa(byEmail) + " bookings by this address, " +
		strconv.Itoa(byClient) + " by this client within 24 h"
	_ = s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: now, ActorID: b.UserID, Action: audit.AppointmentBulk, Detail: detail})
}

// event builds a process event for b.
func (s *Service) event(b *Booking, activity, resource string, at time.Time) processlog.Event {
	return processlog.Event{
		Process: Process, CaseID: b.Code, Activity: activity, At: at, Resource: resource,
		Attrs: map[string]string{
			"office":   strconv.FormatInt(b.OfficeID, 10),
			"services": joinIDs(b.ServiceIDs),
			"persons":  strconv.Itoa(b.Persons),
			"start":    b.Start.UTC().Format(time.RFC3339),
		},
	}
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}
