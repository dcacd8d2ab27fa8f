package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The management link of the confirmation mail: see the booking, cancel
// it (after asking), move it to another free slot, get the calendar file.

func (s *Server) handleManage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.managedPage(r, "appointment.manage.title")
	if err != nil {
		return err
	}
	return s.render(w, r, "appointment_manage", p)
}

// cancelPage asks before a booking is cancelled.
type cancelPage struct {
	Page
	Booking bookingView
	Action  string
	Hidden  []hidden
	BackURL string
}

// handleCancelForm asks whether to cancel.
func (s *Server) handleCancelForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.managedPage(r, "appointment.cancel.title")
	if err != nil {
		return err
	}
	if !p.Booking.Changeable {
		return fault.New(fault.Conflict, "error.appointment.not_changeable")
	}
	return s.render(w, r, "appointment_cancel", cancelPage{Page: p.Page, Booking: p.Booking, Action: "/termine/absagen",
		Hidden: []hidden{{"t", p.Token}}, BackURL: p.ManageURL})
}

// handleCancel cancels; the slot is free again at once.
func (s *Server) handleCancel(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	token := values.Get("t")
	if _, err := s.opts.Appointments.Cancel(r.Context(), token); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/termine/verwalten?t="+url.QueryEscape(token), "appointment.flash.cancelled")
}

// moveLinks are the week and slot addresses of the move picker.
func moveLinks(token string) weekLinks {
	link := func(k, v string) string {
		return "/termine/verschieben?" + url.Values{"t": {token}, k: {v}}.Encode()
	}
	return weekLinks{
		week: func(d hours.Date) string { return link("week", monday(d).String()) },
		slot: func(t time.Time) string { return link("start", t.UTC().Format(time.RFC3339)) },
	}
}

// movePage confirms the new time of a booking.
type movePage struct {
	managedPage
	NewWhen string
	Start   string
	WeekURL string
}

// handleMoveForm shows the free slots for the booking's services at its
// office, or, with a chosen start, asks to confirm the move.
func (s *Server) handleMoveForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.managedPage(r, "appointment.move.title")
	if err != nil {
		return err
	}
	if !p.Booking.Changeable {
		return fault.New(fault.Conflict, "error.appointment.not_changeable")
	}
	q, err := moveQuery(p.Booking.Booking, r.URL.Query())
	if err != nil {
		return err
	}
	if q.Start.IsZero() {
		return s.renderMoveSlots(w, r, p, q, http.StatusOK)
	}
	mp := movePage{managedPage: p, NewWhen: s.formatWhen(r, q.Start), Start: q.Start.Format(time.RFC3339),
		WeekURL: moveLinks(p.Token).week(hours.DateOf(q.Start.In(s.opts.Location)))}
	return s.render(w, r, "appointment_move", mp)
}

// moveQuery is the booking's services, persons and office with the week
// and start of the address.
func moveQuery(b *appointment.Booking, v url.Values) (bookingQuery, error) {
	pick := url.Values{"week": v["week"], "start": v["start"]}
	for _, id := range b.ServiceIDs {
		pick.Add("service", strconv.FormatInt(id, 10))
	}
	q, err := parseBookingQuery(pick)
	q.Persons, q.OfficeID = b.Persons, b.OfficeID
	return q, err
}

func (s *Server) renderMoveSlots(w http.ResponseWriter, r *http.Request, p managedPage, q bookingQuery, status int) error {
	if status == http.StatusConflict {
		q.HasWeek, q.Week = true, monday(hours.DateOf(q.Start.In(s.opts.Location)))
	}
	week, offer, err := s.weekOf(r, q, moveLinks(p.Token))
	if err != nil {
		return err
	}
	sp := slotsPage{bookingBase: bookingBase{Page: p.Page, Query: q, Services: p.Booking.Services}, Week: week,
		Office: p.Booking.Office, Minutes: int(offer.Duration / time.Minute), Move: &p.Booking, Token: p.Token,
		BackURL: p.ManageURL, Gone: status == http.StatusConflict}
	return s.renderStatus(w, r, status, "appointment_slots", sp)
}

// handleMove moves the booking to the chosen slot, or shows the slots
// again when it was taken meanwhile.
func (s *Server) handleMove(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	token := values.Get("t")
	start, err := time.Parse(time.RFC3339, values.Get("start"))
	if err != nil {
		return fault.New(fault.Invalid, "error.appointment.slot_required")
	}
	_, err = s.opts.Appointments.Move(r.Context(), token, start)
	if slotTaken(err) {
		p, perr := s.managedPage(r, "appointment.move.title")
		if perr != nil {
			return perr
		}
		q, _ := moveQuery(p.Booking.Booking, url.Values{})
		q.Start = start
		return s.renderMoveSlots(w, r, p, q, http.StatusConflict)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/termine/verwalten?t="+url.QueryEscape(token), "appointment.flash.moved")
}

// handleCalendar serves the booking as an iCalendar file.
func (s *Server) handleCalendar(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	b, err := s.opts.Appointments.ByManage(ctx, r.URL.Query().Get("t"))
	if err != nil {
		return err
	}
	o, err := s.opts.Services.Office(ctx, b.OfficeID)
	if err != nil {
		return err
	}
	lang := b.Lang
	var names []string
	for _, l := range s.serviceNames(ctx, b.ServiceIDs) {
		names = append(names, l.Name)
	}
	summary := s.tr.T(lang, "appointment.ics.summary", strings.Join(names, ", "))
	desc := s.tr.T(lang, "appointment.ics.description", b.Code, s.opts.City.Name)
	host := "rathaus"
	if u, err := url.Parse(s.opts.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	body := appointment.Calendar(b, o, summary, desc, host, s.now())
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="termin-`+b.Code+`.ics"`)
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
	return nil
}
