package appointment

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
)

// Job kinds of the booking.
const (
	JobRemind = "appointment.remind" // the reminder before an appointment
	JobFreed  = "appointment.freed"  // a slot became free: tell the waiting list
	JobExpire = "appointment.expire" // end unconfirmed holds
	JobPurge  = "appointment.purge"  // delete old bookings
)

// jobPayload names a booking or a freed slot.
type jobPayload struct {
	Code     string    `json:"code,omitempty"`
	OfficeID int64     `json:"office_id,omitempty"`
	Start    time.Time `json:"start,omitempty"`
}

// mail renders the mail key for b: the subject gets the booking code as
// its one argument, the body args.
func (s *Service) mail(b *Booking, key string, args ...any) mail.Message {
	return mail.Message{
		To:        b.Email,
		Subject:   s.T.T(b.Lang, key+".subject", b.Code),
		Text:      s.T.T(b.Lang, key+".body", args...),
		UserID:    b.UserID,
		CreatedAt: s.now(),
	}
}

// visit describes a booking for a mail: when, where, what, and the code.
func (s *Service) visit(ctx context.Context, b *Booking, o *catalog.Office) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %s\n", s.T.T(b.Lang, "mail.appointment.what"), strings.Join(s.serviceNames(ctx, b.ServiceIDs), ", "))
	fmt.Fprintf(&sb, "%s: %s\n", s.T.T(b.Lang, "mail.appointment.when"), FormatWhen(b.Lang, b.Start.In(s.loc())))
	fmt.Fprintf(&sb, "%s: %s, %s\n", s.T.T(b.Lang, "mail.appointment.where"), o.Name, address(o))
	fmt.Fprintf(&sb, "%s: %s\n", s.T.T(b.Lang, "mail.appointment.code"), b.Code)
	if b.Persons > 1 {
		fmt.Fprintf(&sb, "%s: %d\n", s.T.T(b.Lang, "mail.appointment.persons"), b.Persons)
	}
	return sb.String()
}

func address(o *catalog.Office) string {
	a := o.Address
	return strings.TrimSpace(strings.TrimSpace(a.Street+" "+a.HouseNo) + ", " + strings.TrimSpace(a.PostalCode+" "+a.City))
}

func (s *Service) confirmMail(ctx context.Context, b *Booking, o *catalog.Office, secret string) mail.Message {
	link := s.BaseURL + "/termine/bestaetigen?t=" + secret
	minutes := int(s.holdFor() / time.Minute)
	return s.mail(b, "mail.appointment.confirm", s.visit(ctx, b, o), link, minutes)
}

// confirmedEffects are the mail with the management link and the reminder
// job of a confirmed booking.
func (s *Service) confirmedEffects(ctx context.Context, b *Booking, o *catalog.Office, manage string, now time.Time) Effects {
	fx := Effects{Mails: []mail.Message{s.confirmedMail(ctx, b, o, manage, "mail.appointment.confirmed")}}
	if j, ok := s.reminderJob(b, now); ok {
		fx.Jobs = append(fx.Jobs, j)
	}
	fx.Events = append(fx.Events, s.event(b, "confirmed", "citizen", now))
	return fx
}

func (s *Service) confirmedMail(ctx context.Context, b *Booking, o *catalog.Office, manage, key string) mail.Message {
	link := s.BaseURL + "/termine/verwalten?t=" + manage
	ics := s.BaseURL + "/termine/kalender.ics?t=" + manage
	return s.mail(b, key, s.visit(ctx, b, o), link, ics)
}

// reminderJob is the reminder RemindBefore the appointment, unless that
// moment has passed. Its key names the start, so a moved booking gets a
// new reminder and the old one finds the start changed and stays silent.
func (s *Service) reminderJob(b *Booking, now time.Time) (jobs.Job, bool) {
	at := b.Start.Add(-s.remindBefore())
	if !at.After(now) {
		return jobs.Job{}, false
	}
	p, _ := json.Marshal(jobPayload{Code: b.Code, Start: b.Start})
	return jobs.Job{Kind: JobRemind, Payload: p, RunAt: at, MaxAttempts: 5,
		UniqueKey: JobRemind + ":" + b.Code + ":" + b.Start.Format(time.RFC3339), CreatedAt: now}, true
}

// freedJob tells the waiting list about a slot that became free.
func freedJob(b *Booking, now time.Time) jobs.Job {
	p, _ := json.Marshal(jobPayload{OfficeID: b.OfficeID, Start: b.Start})
	return jobs.Job{Kind: JobFreed, Payload: p, RunAt: now, MaxAttempts: 5, CreatedAt: now}
}

var (
	weekdaysDE = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
	monthsDE   = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
)

// FormatWhen writes a local time as people read it: "Donnerstag,
// 3. Dezember 2026, 10:20 Uhr" or "Thursday, 3 December 2026, 10:20".
func FormatWhen(lang string, t time.Time) string {
	if lang == "en" {
		return t.Format("Monday, 2 January 2006, 15:04")
	}
	return fmt.Sprintf("%s, %d. %s %d, %s Uhr", weekdaysDE[t.Weekday()], t.Day(), monthsDE[t.Month()-1], t.Year(), t.Format("15:04"))
}

// officeOf loads the office of b for a mail.
func (s *Service) officeOf(ctx context.Context, b *Booking) (*catalog.Office, error) {
	return s.Catalog.Office(ctx, b.OfficeID)
}

// bookingQuery is the query string of the booking form for one slot:
// /termine/buchen?service=1&service=2&persons=1&office=3&start=2026-12-03T09:20:00Z
func bookingQuery(serviceIDs []int64, persons int, officeID int64, start time.Time) string {
	v := url.Values{}
	for _, id := range serviceIDs {
		v.Add("service", itoa(id))
	}
	v.Set("persons", strconv.Itoa(persons))
	v.Set("office", itoa(officeID))
	v.Set("start", start.UTC().Format(time.RFC3339))
	return v.Encode()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// serviceNames are the names of the services, as the catalogue publishes
// them; a service no longer published is left out.
func (s *Service) serviceNames(ctx context.Context, ids []int64) []string {
	var names []string
	for _, id := range ids {
		if svc, err := s.Catalog.PublicService(ctx, id); err == nil {
			names = append(names, svc.Name)
		}
	}
	return names
}
