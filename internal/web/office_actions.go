package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The forms of the day page. Each posts, and on success redirects back
// to the day (post/redirect/get); a refusal (wrong day, too early,
// nobody waiting, no service chosen) shows the day again with the
// reason in the error summary.

// handleDeskCheckIn records a booked visitor's arrival and hands out
// their ticket.
func (s *Server) handleDeskCheckIn(w http.ResponseWriter, r *http.Request) error {
	o, values, err := s.deskForm(r)
	if err != nil {
		return err
	}
	t, err := s.opts.Appointments.CheckIn(r.Context(), actorOf(r), formID(values, "booking"))
	if err != nil {
		return s.deskRefused(w, r, o, values, err)
	}
	return s.redirectFlash(w, r, issuedURL(t), "office.flash.checked_in")
}

// handleDeskNoShow marks a booked visitor who did not come.
func (s *Server) handleDeskNoShow(w http.ResponseWriter, r *http.Request) error {
	o, values, err := s.deskForm(r)
	if err != nil {
		return err
	}
	b, err := s.opts.Appointments.MarkNoShow(r.Context(), actorOf(r), formID(values, "booking"))
	if err != nil {
		return s.deskRefused(w, r, o, values, err)
	}
	d := hours.DateOf(b.Start.In(s.opts.Location))
	return s.redirectFlash(w, r, dayURL(deskPath(b.OfficeID), d), "office.flash.no_show")
}

// handleDeskWalkIn hands a visitor without an appointment a ticket.
func (s *Server) handleDeskWalkIn(w http.ResponseWriter, r *http.Request) error {
	o, values, err := s.deskForm(r)
	if err != nil {
		return err
	}
	var ids []int64
	for _, v := range values["service"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	t, err := s.opts.Appointments.WalkIn(r.Context(), actorOf(r), o.ID, ids)
	if err != nil {
		return s.deskRefused(w, r, o, values, err)
	}
	return s.redirectFlash(w, r, issuedURL(t), "office.flash.walk_in")
}

// handleDeskCall calls the next visitor to the form's counter and
// remembers the counter in this browser.
func (s *Server) handleDeskCall(w http.ResponseWriter, r *http.Request) error {
	o, values, err := s.deskForm(r)
	if err != nil {
		return err
	}
	counter, err := strconv.Atoi(values.Get("counter"))
	if err != nil {
		counter = 0 // the domain names the problem
	}
	if validCounter(values.Get("counter")) {
		http.SetCookie(w, &http.Cookie{Name: counterCookie, Value: strconv.Itoa(counter), Path: "/amt/termine",
			MaxAge: 365 * 24 * 3600, HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
	}
	if _, err := s.opts.Appointments.CallNext(r.Context(), actorOf(r), o.ID, counter); err != nil {
		return s.deskRefused(w, r, o, values, err)
	}
	return s.redirectFlash(w, r, o.DayURL+"?schalter="+strconv.Itoa(counter), "office.flash.called")
}

// handleDeskFinish ends a called ticket: served, or nobody came.
func (s *Server) handleDeskFinish(w http.ResponseWriter, r *http.Request) error {
	o, values, err := s.deskForm(r)
	if err != nil {
		return err
	}
	served := values.Get("result") != "gone"
	t, err := s.opts.Appointments.Finish(r.Context(), actorOf(r), formID(values, "ticket"), served)
	if err != nil {
		return s.deskRefused(w, r, o, values, err)
	}
	flash := "office.flash.served"
	if !served {
		flash = "office.flash.gone"
	}
	to := deskPath(t.OfficeID)
	if c := values.Get("counter"); validCounter(c) {
		to += "?schalter=" + c
	}
	return s.redirectFlash(w, r, to, flash)
}

// deskForm checks the office and parses the posted form.
func (s *Server) deskForm(r *http.Request) (deskOffice, url.Values, error) {
	o, err := s.deskOfficeOf(r)
	if err != nil {
		return o, nil, err
	}
	values, err := s.parseForm(r)
	return o, values, err
}

// formID reads an id from a form; 0 (never an id) when malformed.
func formID(values url.Values, name string) int64 {
	id, _ := strconv.ParseInt(values.Get(name), 10, 64)
	return id
}

// issuedURL shows the day with the ticket just handed out.
func issuedURL(t *appointment.Ticket) string {
	return deskPath(t.OfficeID) + "?ausgabe=" + strconv.FormatInt(t.ID, 10)
}

// deskRefused shows the day of the form (its "tag", else today) again
// with the reason for a refusal; other errors go to the error page.
func (s *Server) deskRefused(w http.ResponseWriter, r *http.Request, o deskOffice, values url.Values, err error) error {
	switch fault.KindOf(err) {
	case fault.Invalid, fault.Conflict, fault.NotFound:
	default:
		return err
	}
	d, derr := s.deskDate(values.Get("tag"))
	if derr != nil {
		d = hours.DateOf(s.now().In(s.opts.Location))
	}
	q := url.Values{"schalter": {values.Get("counter")}}
	p, perr := s.deskDay(r, o, d, q)
	if perr != nil {
		return perr
	}
	if values.Get("counter") == "" {
		values.Set("counter", p.Counter)
	}
	p.Form = s.formFor(r, values, err)
	for i := range p.Services {
		p.Services[i].Checked = slices.Contains(values["service"], strconv.FormatInt(p.Services[i].ID, 10))
	}
	return s.renderStatus(w, r, statusOf(err), "office_day", p)
}
