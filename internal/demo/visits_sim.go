package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/feedback"
	"rathaus/internal/hours"
	"rathaus/internal/processlog"
)

// visitProfile is how one demo office's days go.
type visitProfile struct {
	office  string
	perHour float64 // visits per opening hour on an ordinary day
	// booked is the share of visits with an appointment a year ago and
	// now: it grows as people learn to book online.
	booked [2]float64
	// lead is the days between booking and visit, in ordinary and in
	// busy months.
	lead, busyLead [2]float64
	busy           []time.Month
	walkWait       float64 // median minutes a walk-in waits on an ordinary day
}

// visitProfiles: about 100 visits a day at the central citizens' office
// (70 to 80 on its short mornings, 150 on its long days), 30 in Lobeda,
// 50 at the vehicle registration; the registry office and the foreigners'
// authority see people by appointment only.
var visitProfiles = []visitProfile{
	{office: "buergerservice-mitte", perHour: 17, booked: [2]float64{0.42, 0.60}, lead: [2]float64{1, 8}, busyLead: [2]float64{3, 18},
		busy: []time.Month{time.June, time.July}, walkWait: 30},
	{office: "buergerservice-lobeda", perHour: 6, booked: [2]float64{0.40, 0.58}, lead: [2]float64{1, 6}, busyLead: [2]float64{2, 12},
		busy: []time.Month{time.June, time.July}, walkWait: 24},
	{office: "kfz-zulassungsstelle", perHour: 8, booked: [2]float64{0.72, 0.85}, lead: [2]float64{2, 9}, busyLead: [2]float64{14, 28},
		busy: []time.Month{time.March, time.April, time.May, time.September}, walkWait: 40},
	{office: "standesamt", perHour: 2, booked: [2]float64{1, 1}, lead: [2]float64{7, 40}, busyLead: [2]float64{14, 70},
		busy: []time.Month{time.April, time.May}},
	{office: "auslaenderbehoerde", perHour: 3.5, booked: [2]float64{1, 1}, lead: [2]float64{14, 35}, busyLead: [2]float64{21, 50},
		busy: []time.Month{time.September, time.October}},
}

// Shares of bookings that never become a visit.
const (
	visitCancelled = 0.08 // cancelled by the citizen beforehand
	visitExpired   = 0.02 // the confirmation link never followed
	visitNoShow    = 0.05 // confirmed, but nobody came
	walkInGone     = 0.03 // walk-ins called when they had already left
	ratedShare     = 0.07 // visitors who answer the satisfaction question
)

const codeChars = "34679ACDEFGHJKMNPQRTWXY" // as appointment's booking codes

// visitSim plans the offices' days; the same seed gives the same year.
type visitSim struct {
	r        *rand.Rand
	from, to time.Time
	codes    map[string]bool
	bad      map[string]bool    // weeks short of staff, by "office/year-week"
	load     map[string]float64 // the day's load of each booking, by code
	orgs     map[int64]*int64   // the unit of each office
}

// load is how crowded an office is on a day, 1 for ordinary: Mondays,
// the weeks before the summer holidays and before Christmas, and weeks
// when staff are ill or on leave are busier and waits longer.
func (s *visitSim) loadOf(o *visitOffice, d hours.Date) float64 {
	f := 1.0
	if d.Weekday() == time.Monday {
		f *= 1.3
	}
	switch {
	case d.Month == time.June && d.Day >= 15, d.Month == time.July:
		f *= 1.4
	case d.Month == time.December && d.Day <= 23:
		f *= 1.15
	}
	y, w := d.Time(time.UTC).ISOWeek()
	key := fmt.Sprintf("%d/%d-%d", o.office.ID, y, w)
	bad, ok := s.bad[key]
	if !ok {
		bad = s.r.Float64() < 0.1
		s.bad[key] = bad
	}
	if bad {
		f *= 1.45
	}
	return f
}

// day plans one office day: nothing when the office is closed (weekends,
// holidays, exceptions).
func (s *visitSim) day(o *visitOffice, d hours.Date) []appointment.PastVisit {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return nil
	}
	open, _ := o.office.Hours.Day(d)
	minutes := 0
	for _, iv := range open {
		minutes += iv.To - iv.From
	}
	if minutes == 0 {
		return nil
	}
	r, p := s.r, o.prof
	load := s.loadOf(o, d)
	n := int(math.Round(p.perHour * float64(minutes) / 60 * (0.7 + 0.3*load) * (0.9 + 0.2*r.Float64())))
	year := float64(d.Time(berlin).Sub(s.from)) / float64(s.to.Sub(s.from))
	share := p.booked[0] + (p.booked[1]-p.booked[0])*year
	var out []appointment.PastVisit
	var tickets []*appointment.Ticket
	for range n {
		var v appointment.PastVisit
		if r.Float64() < share {
			v = s.booked(o, d, open, load)
		} else {
			v = s.walkIn(o, d, open, load)
		}
		if v.Ticket != nil {
			tickets = append(tickets, v.Ticket)
		}
		out = append(out, v)
	}
	// Bookings that never became a visit, on top.
	for range int(float64(n) * share * (visitCancelled + visitExpired) / (1 - visitCancelled - visitExpired)) {
		out = append(out, s.lapsed(o, d, open))
	}
	number(tickets)
	for i := range out {
		s.ticketEvents(&out[i])
	}
	return out
}

// number gives the day's tickets their numbers in order of issue.
func number(ts []*appointment.Ticket) {
	slices.SortStableFunc(ts, func(a, b *appointment.Ticket) int { return a.IssuedAt.Compare(b.IssuedAt) })
	for i, t := range ts {
		t.Number = i + 1
		prefix := appointment.PrefixWalkIn
		if t.Kind == appointment.KindAppointment {
			prefix = appointment.PrefixAppointment
		}
		t.Label = fmt.Sprintf("%s %03d", prefix, t.Number)
	}
}

// service draws the services and persons of a visit and its length.
func (s *visitSim) service(o *visitOffice) ([]int64, int, time.Duration) {
	r := s.r
	total := 0
	for _, w := range o.weights {
		total += w
	}
	k := r.IntN(total)
	i := 0
	for ; k >= o.weights[i]; i++ {
		k -= o.weights[i]
	}
	ss := o.services[i]
	persons := 1
	switch x := r.Float64(); {
	case x < 0.02:
		persons = 3
	case x < 0.12:
		persons = 2
	}
	persons = min(persons, max(1, o.setup.MaxPersons))
	extra := ss.ExtraMinutes
	if extra == 0 {
		extra = ss.Minutes
	}
	return []int64{ss.ServiceID}, persons, time.Duration(ss.Minutes+extra*(persons-1)) * time.Minute
}

// slot draws a start on the office's grid where a visit of dur fits.
func (s *visitSim) slot(o *visitOffice, d hours.Date, open []hours.Interval, dur time.Duration) time.Time {
	g := max(o.setup.SlotMinutes, 5)
	var starts []int
	for _, iv := range open {
		for m := iv.From; m+int(dur/time.Minute) <= iv.To || m == iv.From; m += g {
			starts = append(starts, m)
		}
	}
	return d.Time(berlin).Add(time.Duration(pick(s.r, starts)) * time.Minute)
}

func (s *visitSim) code() string {
	for {
		b := make([]byte, 0, 7)
		for i := range 6 {
			if i == 3 {
				b = append(b, '-')
			}
			b = append(b, codeChars[s.r.IntN(len(codeChars))])
		}
		if c := string(b); !s.codes[c] {
			s.codes[c] = true
			return c
		}
	}
}

// newBooking is a booking of the office made online some days before
// start, confirmed by its mailed link a little later.
func (s *visitSim) newBooking(o *visitOffice, d hours.Date, open []hours.Interval, confirm bool) (*appointment.Booking, []processlog.Event) {
	r, p := s.r, o.prof
	ids, persons, dur := s.service(o)
	start := s.slot(o, d, open, dur)
	lead := p.lead
	if slices.Contains(p.busy, d.Month) {
		lead = p.busyLead
	}
	ahead := lead[0] + (lead[1]-lead[0])*math.Pow(r.Float64(), 1.5)
	ahead = min(max(ahead, float64(max(o.setup.MinDays, 1))), float64(max(o.setup.MaxDays, 2)-1))
	created := citizenTime(r, start.AddDate(0, 0, -int(math.Ceil(ahead))-1), 24*time.Hour)
	if latest := start.Add(-18 * time.Hour); created.After(latest) {
		created = latest
	}
	created = created.UTC().Truncate(time.Second)
	who := newPerson(r)
	b := &appointment.Booking{Code: s.code(), OfficeID: o.office.ID, ServiceIDs: ids, Persons: persons,
		Start: start.UTC(), End: start.Add(dur).UTC(), Name: who.Name(), Email: who.Email, Lang: "de",
		Status: appointment.Confirmed, HoldUntil: created.Add(appointment.DefaultHoldFor), CreatedAt: created}
	if chance(r, 0.4) {
		b.Phone = who.Phone
	}
	if chance(r, 0.07) {
		b.Lang = "en"
	}
	evs := []processlog.Event{appointment.BookingEvent(b, "booked", "citizen", created)}
	if !confirm {
		return b, evs
	}
	confirmed := created.Add(time.Duration(1+r.IntN(25)) * time.Minute)
	b.ConfirmedAt, b.HoldUntil = &confirmed, confirmed
	return b, append(evs, appointment.BookingEvent(b, "confirmed", "citizen", confirmed))
}

// booked plans a visit with an appointment: the visitor checks in a few
// minutes early (some late), is called soon after the booked start and
// served; some never come.
func (s *visitSim) booked(o *visitOffice, d hours.Date, open []hours.Interval, load float64) appointment.PastVisit {
	r := s.r
	b, evs := s.newBooking(o, d, open, true)
	s.load[b.Code] = load
	if chance(r, visitNoShow) {
		at := b.Start.Add(appointment.NoShowAfter + time.Duration(r.IntN(30))*time.Minute)
		b.Status, b.FinishedAt = appointment.NoShow, &at
		return appointment.PastVisit{Booking: b, Events: append(evs, appointment.BookingEvent(b, "no-show", "staff", at))}
	}
	arrive := b.Start.Add(-time.Duration(r.IntN(13)) * time.Minute)
	if chance(r, 0.1) {
		arrive = b.Start.Add(time.Duration(1+r.IntN(8)) * time.Minute)
	}
	since := arrive
	if b.Start.After(since) {
		since = b.Start
	}
	wait := time.Duration(r.ExpFloat64()*float64(2*time.Minute)*(0.6+0.4*load)) + time.Duration(r.IntN(60))*time.Second
	called := since.Add(min(wait, 40*time.Minute))
	done := called.Add(time.Duration(float64(b.End.Sub(b.Start)) * (0.6 + 0.7*r.Float64())))
	b.Status, b.CheckedInAt, b.FinishedAt = appointment.Served, &arrive, &done
	start := b.Start
	t := &appointment.Ticket{OfficeID: b.OfficeID, Day: d, Kind: appointment.KindAppointment, ServiceIDs: b.ServiceIDs,
		Status: appointment.TicketDone, Counter: s.counter(o), IssuedAt: arrive, CalledAt: &called, FinishedAt: &done, Start: &start}
	return appointment.PastVisit{Booking: b, Ticket: t, Events: evs}
}

// lapsed is a booking for d that was cancelled or never confirmed.
func (s *visitSim) lapsed(o *visitOffice, d hours.Date, open []hours.Interval) appointment.PastVisit {
	r := s.r
	expired := chance(r, visitExpired/(visitCancelled+visitExpired))
	b, evs := s.newBooking(o, d, open, !expired)
	if expired {
		at := b.HoldUntil.Add(time.Duration(r.IntN(60)) * time.Second)
		b.Status = appointment.Expired
		return appointment.PastVisit{Booking: b, Events: append(evs, appointment.BookingEvent(b, "expired", "system", at))}
	}
	span := b.Start.Add(-time.Hour).Sub(*b.ConfirmedAt)
	at := b.ConfirmedAt.Add(time.Duration(r.Float64() * float64(max(span, time.Minute)))).Truncate(time.Second)
	b.Status, b.CancelledAt = appointment.Cancelled, &at
	return appointment.PastVisit{Booking: b, Events: append(evs, appointment.BookingEvent(b, "cancelled", "citizen", at))}
}

// walkIn plans a visitor without an appointment: many come at opening,
// and they wait longer on busy days.
func (s *visitSim) walkIn(o *visitOffice, d hours.Date, open []hours.Interval, load float64) appointment.PastVisit {
	r := s.r
	ids, _, dur := s.service(o)
	iv := pick(r, open)
	last := max(iv.To-30, iv.From+1)
	m := iv.From + r.IntN(last-iv.From)
	if chance(r, 0.3) {
		m = iv.From + r.IntN(min(30, last-iv.From)) // the queue at opening
	}
	issued := d.Time(berlin).Add(time.Duration(m)*time.Minute + time.Duration(r.IntN(60))*time.Second)
	median := max(o.prof.walkWait, 15) * load
	wait := time.Duration(median * math.Exp(0.45*r.NormFloat64()) * float64(time.Minute))
	wait = min(max(wait, 2*time.Minute), 150*time.Minute)
	called := issued.Add(wait)
	if closeAt := d.Time(berlin).Add(time.Duration(iv.To+45) * time.Minute); called.After(closeAt) {
		called = closeAt.Add(-time.Duration(r.IntN(40)) * time.Minute)
		if !called.After(issued) {
			called = issued.Add(2 * time.Minute)
		}
	}
	t := &appointment.Ticket{OfficeID: o.office.ID, Day: d, Kind: appointment.KindWalkIn, ServiceIDs: ids,
		Status: appointment.TicketDone, Counter: s.counter(o), IssuedAt: issued.UTC(), CalledAt: ptrTime(called.UTC())}
	done := called.Add(time.Duration(float64(dur) * (0.6 + 0.7*r.Float64())))
	if chance(r, walkInGone) {
		t.Status = appointment.TicketGone
		done = called.Add(2 * time.Minute)
	}
	t.FinishedAt = ptrTime(done.UTC())
	return appointment.PastVisit{Ticket: t}
}

func ptrTime(t time.Time) *time.Time { return &t }

// counter draws the counter that served a visit.
func (s *visitSim) counter(o *visitOffice) int { return 1 + s.r.IntN(max(o.setup.Counters, 1)) }

// ticketEvents adds the events of a visit's ticket, once it is numbered:
// checked in (or issued), called, served or no-show.
func (s *visitSim) ticketEvents(v *appointment.PastVisit) {
	t := v.Ticket
	if t == nil {
		return
	}
	done := "served"
	if t.Status == appointment.TicketGone {
		done = "no-show"
	}
	if b := v.Booking; b != nil {
		called := appointment.BookingEvent(b, "called", "staff", *t.CalledAt)
		called.Attrs["counter"] = strconv.Itoa(t.Counter)
		v.Events = append(v.Events, appointment.BookingEvent(b, "checked in", "staff", t.IssuedAt), called,
			appointment.BookingEvent(b, done, "staff", *t.FinishedAt))
		return
	}
	issued := *t
	issued.Counter = 0 // not called yet
	v.Events = append(v.Events, appointment.TicketEvent(&issued, "ticket issued", "staff", t.IssuedAt),
		appointment.TicketEvent(t, "called", "staff", *t.CalledAt), appointment.TicketEvent(t, done, "staff", *t.FinishedAt))
}

// ratings are the answers of some visitors with an appointment, given a
// few hours after the visit: mostly content, less so after a long wait
// or on a crowded day.
func (s *visitSim) ratings(vs []appointment.PastVisit) ([]*feedback.Satisfaction, []processlog.Event) {
	r := s.r
	var out []*feedback.Satisfaction
	var evs []processlog.Event
	for _, v := range vs {
		b, t := v.Booking, v.Ticket
		if b == nil || t == nil || t.Status != appointment.TicketDone || !chance(r, ratedShare) {
			continue
		}
		since := t.IssuedAt
		if b.Start.After(since) {
			since = b.Start
		}
		wait := t.CalledAt.Sub(since).Minutes()
		load := s.load[b.Code]
		mood := 4.6 - 0.04*max(wait-5, 0) - 1.2*max(load-1, 0) + 0.7*r.NormFloat64()
		rating := min(feedback.MaxRating, max(feedback.MinRating, int(math.Round(mood))))
		at := t.FinishedAt.Add(time.Duration(1+r.IntN(30))*time.Hour + time.Duration(r.IntN(3600))*time.Second)
		if !at.Before(s.to) {
			continue
		}
		sat := &feedback.Satisfaction{Subject: feedback.Subject{Kind: feedback.KindAppointment, ID: b.ID},
			ServiceID: b.ServiceIDs[0], OrgID: s.orgs[b.OfficeID], Rating: rating, At: at, UpdatedAt: at}
		if chance(r, 0.2) {
			sat.Comment = pick(r, ratingComments[rating])
		}
		out = append(out, sat)
		evs = append(evs, processlog.Event{Process: feedback.Process, CaseID: sat.Subject.String(), Activity: feedback.ActivityRated,
			At: at, OrgID: sat.OrgID, Resource: "citizen", Attrs: map[string]string{"kind": feedback.KindAppointment, "rating": strconv.Itoa(rating),
				"service": strconv.FormatInt(sat.ServiceID, 10)}})
	}
	return out, evs
}
