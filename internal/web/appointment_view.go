package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// bookingView is a booking prepared for the citizen's pages.
type bookingView struct {
	*appointment.Booking
	When       string // "Donnerstag, 3. Dezember 2026, 10:20 Uhr"
	Minutes    int
	Office     officeView
	Services   []namedLink
	Status     string // translated
	StatusKind string // the KERN badge variant of the status
	Changeable bool
	Cancelled  bool

	fmt catalogFmt
}

// T translates for the "appointment-booking" partial.
func (v bookingView) T(key string, args ...any) string { return v.fmt.t(key, args...) }

// statusKinds are the badge variants of the booking states.
var statusKinds = map[string]string{
	appointment.Held: "warning", appointment.Confirmed: "success", appointment.Cancelled: "danger",
	appointment.Expired: "danger", appointment.NoShow: "danger",
}

func (s *Server) bookingView(r *http.Request, b *appointment.Booking) (bookingView, error) {
	o, err := s.opts.Services.Office(r.Context(), b.OfficeID)
	if err != nil {
		return bookingView{}, err
	}
	f := s.catalogFmt(langOf(r))
	v := bookingView{Booking: b, When: s.formatWhen(r, b.Start), Minutes: int(b.End.Sub(b.Start) / time.Minute),
		Office: s.officeView(f, o), Status: s.t(r, "appointment.status."+b.Status), StatusKind: statusKinds[b.Status],
		Changeable: s.opts.Appointments.Changeable(b), Cancelled: b.Status == appointment.Cancelled, fmt: f}
	if v.StatusKind == "" {
		v.StatusKind = "info"
	}
	v.Services = s.serviceNames(r.Context(), b.ServiceIDs)
	return v, nil
}

// formatWhen writes an instant in the city's zone as people read it.
func (s *Server) formatWhen(r *http.Request, t time.Time) string {
	return appointment.FormatWhen(langOf(r), t.In(s.opts.Location))
}

// serviceNames names published services with links to their pages;
// services withdrawn since are left out.
func (s *Server) serviceNames(ctx context.Context, ids []int64) []namedLink {
	var out []namedLink
	for _, id := range ids {
		if sv, err := s.opts.Services.PublicService(ctx, id); err == nil {
			out = append(out, namedLink{sv.Name, serviceURL(sv.ID)})
		}
	}
	return out
}

// today is the current date in the city.
func (s *Server) today() hours.Date { return hours.DateOf(s.now().In(s.opts.Location)) }

// dayHeading names a day: "Donnerstag, 3. Dezember" or "Thursday, 3 December".
func (s *Server) dayHeading(r *http.Request, d hours.Date) string {
	f := s.catalogFmt(langOf(r))
	month := s.t(r, "month."+lowerMonth(d.Month))
	if langOf(r) == "en" {
		return fmt.Sprintf("%s, %d %s", f.weekday(d.Weekday()), d.Day, month)
	}
	return fmt.Sprintf("%s, %d. %s", f.weekday(d.Weekday()), d.Day, month)
}

func lowerMonth(m time.Month) string {
	b := []byte(m.String())
	b[0] += 'a' - 'A'
	return string(b)
}

// weekView is one week of free slots at an office.
type weekView struct {
	Label       string // "30. November bis 6. Dezember"
	Days        []dayView
	PrevURL     string
	NextURL     string
	NextFree    string // when the week has no free slot: the next one
	NextFreeURL string
}

// dayView is a day's free slots.
type dayView struct {
	ID      string // the heading's id
	Heading string
	Slots   []slotLink
}

// slotLink is a time to choose: visible "10:20", announced in full.
type slotLink struct {
	Time  string
	Label string // "Donnerstag, 3. Dezember, 10:20 Uhr"
	URL   string
	Start string // RFC 3339, for forms that post the slot
}

// weekLinks are the addresses a week view links to.
type weekLinks struct {
	week func(hours.Date) string
	slot func(time.Time) string
}

// officeOffer finds the free slots for q's services at q's office from
// the given day on, as far as one query reaches.
func (s *Server) officeOffer(ctx context.Context, q bookingQuery, from hours.Date) (*appointment.Offer, error) {
	offers, err := s.opts.Appointments.FindSlots(ctx, appointment.SlotQuery{ServiceIDs: q.ServiceIDs, Persons: q.Persons,
		OfficeIDs: []int64{q.OfficeID}, From: from, To: from.AddDays(appointment.MaxQueryDays - 1)})
	if err != nil {
		return nil, err
	}
	if len(offers) == 0 {
		return nil, fault.New(fault.NotFound, "error.appointment.not_bookable")
	}
	return offers[0], nil
}

// weekOf builds the week view of q's office: q's week, or without one the
// week of the earliest free slot. One query from today covers the weeks
// people page through; one far ahead is asked for on its own.
func (s *Server) weekOf(r *http.Request, q bookingQuery, links weekLinks) (weekView, *appointment.Offer, error) {
	from := s.today()
	week := monday(from)
	if q.HasWeek && week.Before(q.Week) {
		week = q.Week
	}
	if from.AddDays(appointment.MaxQueryDays - 7).Before(week) {
		from = week
	}
	offer, err := s.officeOffer(r.Context(), q, from)
	if err != nil {
		return weekView{}, nil, err
	}
	if e := offer.Earliest(); !q.HasWeek && e != nil {
		week = monday(hours.DateOf(e.Start.In(s.opts.Location)))
	}
	v := weekView{Label: s.t(r, "appointment.week.label", s.dayHeading(r, week), s.dayHeading(r, week.AddDays(6)))}
	open, last := offer.Setup.Horizon(s.now(), s.opts.Location)
	earlier := from == week && open.Before(week) // not searched: there may be some
	if e := offer.Earliest(); e != nil && hours.DateOf(e.Start.In(s.opts.Location)).Before(week) {
		earlier = true
	}
	if earlier {
		v.PrevURL = links.week(week.AddDays(-7))
	}
	if !last.Before(week.AddDays(7)) {
		v.NextURL = links.week(week.AddDays(7))
	}
	for _, sl := range offer.Slots {
		d := hours.DateOf(sl.Start.In(s.opts.Location))
		if d.Before(week) {
			continue
		}
		if week.AddDays(6).Before(d) {
			if len(v.Days) == 0 {
				v.NextFree, v.NextFreeURL = s.formatWhen(r, sl.Start), links.week(d)
			}
			break
		}
		id := "tag-" + d.String() // slots come in order: a new day starts a new list
		if len(v.Days) == 0 || v.Days[len(v.Days)-1].ID != id {
			v.Days = append(v.Days, dayView{ID: id, Heading: s.dayHeading(r, d)})
		}
		dv := &v.Days[len(v.Days)-1]
		dv.Slots = append(dv.Slots, s.slotLink(r, d, sl.Start, links.slot))
	}
	return v, offer, nil
}

func (s *Server) slotLink(r *http.Request, d hours.Date, start time.Time, url func(time.Time) string) slotLink {
	hm := start.In(s.opts.Location).Format("15:04")
	return slotLink{Time: hm, Label: s.dayHeading(r, d) + ", " + s.t(r, "appointment.time", hm),
		URL: url(start), Start: start.UTC().Format(time.RFC3339)}
}
