package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// deskDayPage is an office's day for its staff: the booked visitors, the
// waiting room, the counters, and the forms that move people along.
type deskDayPage struct {
	Page
	Office    deskOffice
	Date      string // YYYY-MM-DD, for the date input and hidden fields
	Heading   string // "Montag, 30. November 2026"
	IsToday   bool
	PrevURL   string
	NextURL   string
	TodayURL  string
	Bookings  []deskBooking
	Waiting   []deskTicket
	Called    []deskTicket // called and not yet finished, newest first
	Services  []deskChoice // walk-in services; none without a setup
	Counter   string       // the counter this browser works at
	AtCounter *deskTicket  // the last ticket called at Counter
	Issued    *deskTicket  // the ticket just handed out
	Code      string       // a booking code looked up, as typed
	Found     *deskBooking // the booking with Code on this day
}

// deskBooking is one booked visit in the day's calendar.
type deskBooking struct {
	ID         int64
	Time       string // "10:20–10:40"
	Code       string
	Services   []string
	Persons    int
	Name       string
	Status     badge
	Ticket     string // the ticket label once checked in
	CanCheckIn bool
	CanNoShow  bool
}

// deskTicket is a ticket in the waiting room or at a counter.
type deskTicket struct {
	ID       int64
	Label    string
	Kind     string // translated
	Since    string // "10:05", when it was issued
	Minutes  int    // waited so far
	Booked   string // the booked start of an appointment ticket
	Counter  int
	CalledAt string
	Services []string
	Name     string // of an appointment ticket's booking, for greeting

	calledAt time.Time
}

// deskChoice is a service offered to walk-in visitors.
type deskChoice struct {
	ID      int64
	Name    string
	Checked bool
}

// counterCookie remembers at which counter a browser works.
const counterCookie = "rathaus_counter"

// bookingBadges are the badge kinds and texts of the states a day shows.
var bookingBadges = map[string]badge{
	appointment.Confirmed: {"info", "office.status.confirmed"},
	appointment.CheckedIn: {"warning", "office.status.checked_in"},
	appointment.Served:    {"success", "office.status.served"},
	appointment.NoShow:    {"danger", "office.status.no_show"},
}

// handleDeskDay shows an office's day (?tag=YYYY-MM-DD, default today),
// optionally with a booking code looked up (?code=) and the ticket just
// handed out (?ausgabe=).
func (s *Server) handleDeskDay(w http.ResponseWriter, r *http.Request) error {
	o, err := s.deskOfficeOf(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d, err := s.deskDate(q.Get("tag"))
	if err != nil {
		return err
	}
	p, err := s.deskDay(r, o, d, q)
	if err != nil {
		return err
	}
	return s.render(w, r, "office_day", p)
}

// deskDate parses a day; empty is today.
func (s *Server) deskDate(v string) (hours.Date, error) {
	if v == "" {
		return hours.DateOf(s.now().In(s.opts.Location)), nil
	}
	d, err := hours.ParseDate(v)
	if err != nil {
		return d, fault.New(fault.Invalid, "error.office.date")
	}
	return d, nil
}

// deskDay builds the day page. It reads the visitors' names, so the read
// is written to the audit log, once per view.
func (s *Server) deskDay(r *http.Request, o deskOffice, d hours.Date, q url.Values) (deskDayPage, error) {
	ctx, a := r.Context(), actorOf(r)
	day, err := s.opts.Appointments.OfficeDay(ctx, a, o.ID, d)
	if err != nil {
		return deskDayPage{}, err
	}
	if err := s.auditDay(r, o.ID, d); err != nil {
		return deskDayPage{}, err
	}
	today := hours.DateOf(s.now().In(s.opts.Location))
	p := deskDayPage{Page: s.page(r, "office.day.title"), Office: o, Date: d.String(), IsToday: d == today, TodayURL: o.DayURL,
		PrevURL: dayURL(o.DayURL, d.AddDays(-1)), NextURL: dayURL(o.DayURL, d.AddDays(1)),
		Counter: s.deskCounter(r, q)}
	p.Form = s.newForm(r, url.Values{"counter": {p.Counter}})
	p.Heading = s.catalogFmt(p.Lang).weekday(d.Weekday()) + ", " + p.Page.Date(d.Time(s.opts.Location))
	names := s.serviceNamer(ctx)
	p.Bookings = s.deskBookings(r, day, d == today, names)
	s.deskTickets(r, &p, day, names, q.Get("ausgabe"))
	if p.Services, err = s.walkInChoices(ctx, o.ID, names); err != nil {
		return p, err
	}
	p.lookUp(q.Get("code"))
	return p, nil
}

func (s *Server) auditDay(r *http.Request, officeID int64, d hours.Date) error {
	u := currentUser(r)
	return s.opts.Audit.CreateAuditEntry(r.Context(), &audit.Entry{At: s.now(), ActorID: &u.ID, Action: audit.PersonalDataRead,
		Detail: fmt.Sprintf("appointment day office %d date %s", officeID, d), IP: s.clientIP(r)})
}

func dayURL(base string, d hours.Date) string { return base + "?tag=" + d.String() }

// deskCounter is the counter from the query, else from the cookie.
func (s *Server) deskCounter(r *http.Request, q url.Values) string {
	if v := q.Get("schalter"); validCounter(v) {
		return v
	}
	if c, err := r.Cookie(counterCookie); err == nil && validCounter(c.Value) {
		return c.Value
	}
	return ""
}

func validCounter(v string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n >= 1 && n <= 99
}

// serviceNamer returns service names by id, reading each once.
func (s *Server) serviceNamer(ctx context.Context) func(ids []int64) []string {
	cache := map[int64]string{}
	return func(ids []int64) []string {
		var out []string
		for _, id := range ids {
			name, ok := cache[id]
			if !ok {
				if sv, err := s.opts.Services.PublicService(ctx, id); err == nil {
					name = sv.Name
				}
				cache[id] = name
			}
			if name != "" {
				out = append(out, name)
			}
		}
		return out
	}
}

// deskBookings prepares the day's bookings with the actions they allow.
func (s *Server) deskBookings(r *http.Request, day *appointment.Day, isToday bool, names func([]int64) []string) []deskBooking {
	labels := map[int64]string{}
	for _, t := range day.Tickets {
		if t.BookingID != nil {
			labels[*t.BookingID] = t.Label
		}
	}
	now := s.now()
	out := make([]deskBooking, 0, len(day.Bookings))
	for _, b := range day.Bookings {
		st, ok := bookingBadges[b.Status]
		if !ok {
			st = badge{"info", "office.status.other"}
		}
		confirmed := b.Status == appointment.Confirmed
		out = append(out, deskBooking{ID: b.ID, Time: s.clockOf(b.Start) + "–" + s.clockOf(b.End), Code: b.Code,
			Services: names(b.ServiceIDs), Persons: b.Persons, Name: b.Name, Status: badge{st.Kind, s.t(r, st.Label)},
			Ticket: labels[b.ID], CanCheckIn: confirmed && isToday,
			CanNoShow: confirmed && !now.Before(b.Start.Add(appointment.NoShowAfter))})
	}
	return out
}

// clockOf is an instant's wall-clock time in the city: "10:20".
func (s *Server) clockOf(t time.Time) string { return clock(minuteOf(t.In(s.opts.Location))) }

// deskTickets fills the waiting room, the counters, the current ticket
// of this browser's counter and the ticket just handed out.
func (s *Server) deskTickets(r *http.Request, p *deskDayPage, day *appointment.Day, names func([]int64) []string, issued string) {
	byBooking := map[int64]*appointment.Booking{}
	for _, b := range day.Bookings {
		byBooking[b.ID] = b
	}
	now := s.now()
	for _, t := range day.Tickets {
		v := deskTicket{ID: t.ID, Label: t.Label, Kind: s.t(r, "office.kind."+t.Kind), Since: s.clockOf(t.IssuedAt),
			Minutes: int(now.Sub(t.IssuedAt) / time.Minute), Counter: t.Counter, Services: names(t.ServiceIDs)}
		if t.Start != nil {
			v.Booked = s.clockOf(*t.Start)
		}
		if t.BookingID != nil && byBooking[*t.BookingID] != nil {
			v.Name = byBooking[*t.BookingID].Name
		}
		if t.CalledAt != nil {
			v.CalledAt, v.calledAt = s.clockOf(*t.CalledAt), *t.CalledAt
		}
		switch t.Status {
		case appointment.Waiting:
			p.Waiting = append(p.Waiting, v)
		case appointment.Called:
			p.Called = append(p.Called, v)
		}
		if strconv.FormatInt(t.ID, 10) == issued {
			p.Issued = &v
		}
	}
	slices.SortStableFunc(p.Called, func(x, y deskTicket) int { return y.calledAt.Compare(x.calledAt) })
	for i := range p.Called {
		if strconv.Itoa(p.Called[i].Counter) == p.Counter {
			p.AtCounter = &p.Called[i]
			break
		}
	}
}

// walkInChoices lists the services of the office's setup.
func (s *Server) walkInChoices(ctx context.Context, officeID int64, names func([]int64) []string) ([]deskChoice, error) {
	st, err := s.opts.Appointments.Setup(ctx, officeID)
	if fault.Is(err, fault.NotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var out []deskChoice
	for _, ss := range st.Services {
		if n := names([]int64{ss.ServiceID}); len(n) > 0 {
			out = append(out, deskChoice{ID: ss.ServiceID, Name: n[0]})
		}
	}
	return out, nil
}

// lookUp finds the booking with a typed code among the day's.
func (p *deskDayPage) lookUp(typed string) {
	p.Code = strings.TrimSpace(typed)
	code := appointment.NormalizeCode(p.Code)
	if code == "" {
		return
	}
	for i := range p.Bookings {
		if p.Bookings[i].Code == code {
			p.Found = &p.Bookings[i]
		}
	}
}

// deskFinishView is the "office-finish" partial's data: the two ways a
// called ticket ends.
type deskFinishView struct {
	Page    deskDayPage
	Ticket  deskTicket
	Results []finishChoice
}

type finishChoice struct{ Value, Kind, Label string }

// FinishFor gives the template the finish buttons of a called ticket.
func (p deskDayPage) FinishFor(t deskTicket) deskFinishView {
	return deskFinishView{Page: p, Ticket: t, Results: []finishChoice{
		{"served", "primary", p.T("office.action.served")},
		{"gone", "secondary", p.T("office.action.gone")},
	}}
}

// deskActionsView is the "office-booking-actions" partial's data.
type deskActionsView struct {
	Page    deskDayPage
	Booking deskBooking
}

// ActionsFor gives the template the buttons of a booking.
func (p deskDayPage) ActionsFor(b deskBooking) deskActionsView {
	return deskActionsView{Page: p, Booking: b}
}
