package appointment

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/hours"
	"rathaus/internal/jobs"
	rmail "rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// WaitRequest asks to hear of a free slot before Before.
type WaitRequest struct {
	Email      string
	Lang       string
	ServiceIDs []int64
	Persons    int
	OfficeID   *int64
	Before     hours.Date // slots on days before this one are wanted
}

// WaitFor puts an address on the waiting list and returns the secret that
// ends the entry. The entry lapses on its Before day.
func (s *Service) WaitFor(ctx context.Context, r WaitRequest) (string, error) {
	r.Email = strings.ToLower(strings.TrimSpace(r.Email))
	if r.Persons == 0 {
		r.Persons = 1
	}
	if r.Lang != "en" {
		r.Lang = "de"
	}
	var v fault.Validator
	a, err := mail.ParseAddress(r.Email)
	v.Check(err == nil && a.Address == r.Email, "email", "error.email.invalid")
	v.Check(len(r.ServiceIDs) > 0, "service", "error.appointment.services")
	today := hours.DateOf(s.now().In(s.loc()))
	v.Check(today.Before(r.Before) && r.Before.Before(today.AddDays(MaxQueryDays)), "before", "error.appointment.wait_before")
	if err := v.Err(); err != nil {
		return "", err
	}
	raw, hash := newSecret()
	w := &WaitEntry{Email: r.Email, Lang: r.Lang, ServiceIDs: r.ServiceIDs, Persons: r.Persons,
		OfficeID: r.OfficeID, Before: r.Before.Time(s.loc()), TokenHash: hash, CreatedAt: s.now()}
	return raw, s.Store.CreateWaitEntry(ctx, w)
}

// LeaveWaitlist ends the entry behind a secret.
func (s *Service) LeaveWaitlist(ctx context.Context, secret string) error {
	err := s.Store.DeleteWaitEntry(ctx, HashSecret(secret))
	if fault.Is(err, fault.NotFound) {
		return linkInvalid()
	}
	return err
}

// Freed runs for a JobFreed job: everyone waiting for an earlier slot at
// that office who can use the freed one (services offered, still free for
// their duration) gets one mail with a link to book it. The first to book
// gets it; the others find it gone, as at any counter.
func (s *Service) Freed(ctx context.Context, payload []byte) error {
	p, err := parsePayload(payload)
	if err != nil {
		return nil
	}
	entries, err := s.Store.FindWaitEntries(ctx, p.OfficeID, p.Start)
	if err != nil || len(entries) == 0 {
		return err
	}
	o, st, err := s.office(ctx, p.OfficeID)
	if fault.Is(err, fault.NotFound) {
		return nil
	} else if err != nil {
		return err
	}
	now := s.now()
	if !p.Start.After(now) {
		return nil
	}
	d := hours.DateOf(p.Start.In(s.loc()))
	busy, err := s.Store.FindBusy(ctx, []int64{p.OfficeID}, d.Time(s.loc()), d.AddDays(1).Time(s.loc()), now)
	if err != nil {
		return err
	}
	for _, w := range entries {
		dur, ok := st.Duration(w.ServiceIDs, w.Persons)
		if !ok {
			continue
		}
		if free, _ := st.fits(o.Hours, s.loc(), p.Start, dur, busy); free <= 0 {
			continue
		}
		link := s.BaseURL + "/termine/buchen?" + bookingQuery(w.ServiceIDs, w.Persons, p.OfficeID, p.Start)
		m := rmail.Message{To: w.Email, CreatedAt: now,
			Subject: s.T.T(w.Lang, "mail.appointment.freed.subject"),
			Text:    s.T.T(w.Lang, "mail.appointment.freed.body", FormatWhen(w.Lang, p.Start.In(s.loc())), o.Name, link)}
		ev := processlog.Event{Process: Process, CaseID: "wait-" + itoa(w.ID), Activity: "waitlist notified", At: now, Resource: "system",
			Attrs: map[string]string{"office": itoa(p.OfficeID), "services": joinIDs(w.ServiceIDs)}}
		if err := s.Store.MarkWaitNotified(ctx, w.ID, now, Effects{Mails: []rmail.Message{m}, Events: []processlog.Event{ev}}); err != nil {
			return err
		}
	}
	return nil
}

// ExpireHolds ends unconfirmed holds whose time ran out and tells the
// waiting list about their slots. The slots were free for booking from the
// moment the hold ended; this only records it.
func (s *Service) ExpireHolds(ctx context.Context) (int, error) {
	now := s.now()
	expired, err := s.Store.ExpireHolds(ctx, now, 500)
	if err != nil {
		return 0, err
	}
	for _, b := range expired {
		fx := Effects{Jobs: []jobs.Job{freedJob(b, now)}, Events: []processlog.Event{s.event(b, "expired", "system", now)}}
		if err := s.Store.UpdateBooking(ctx, b, []string{Expired}, fx); err != nil {
			return 0, err
		}
	}
	return len(expired), nil
}

// Purge deletes bookings that ended more than Retention ago and lapsed
// waiting-list entries.
func (s *Service) Purge(ctx context.Context) (int64, error) {
	now := s.now()
	n, err := s.Store.DeleteBookingsBefore(ctx, now.Add(-Retention))
	if err != nil {
		return n, err
	}
	m, err := s.Store.DeleteWaitEntriesBefore(ctx, now)
	return n + m, err
}

// RunJobs registers the booking's background work with a job runner.
func (s *Service) RunJobs(r *jobs.Runner) {
	r.Register(JobRemind, s.Remind)
	r.Register(JobFreed, s.Freed)
	r.Every(JobExpire, time.Minute, func(ctx context.Context, _ []byte) error {
		_, err := s.ExpireHolds(ctx)
		return err
	})
	r.Every(JobPurge, 24*time.Hour, func(ctx context.Context, _ []byte) error {
		_, err := s.Purge(ctx)
		return err
	})
}
