package web

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The waiting list: "tell me when an earlier slot becomes free". The entry
// lapses on its day; the page after joining holds the link that ends it.

// handleWaitlistJoin puts an address on the waiting list for the services
// at the office of the slot page it was sent from.
func (s *Server) handleWaitlistJoin(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	q, err := parseBookingQuery(values)
	if err != nil {
		return err
	}
	if q.OfficeID == 0 {
		return fault.New(fault.Invalid, "error.appointment.not_bookable")
	}
	if strings.TrimSpace(values.Get(honeypotField)) != "" {
		redirect(w, r, "/termine/warteliste?t="+decoySecret())
		return nil
	}
	secret, err := s.waitFor(r, q, values)
	if fixable(err) {
		return s.renderSlots(w, r, q, s.formFor(r, values, err), statusOf(err))
	} else if err != nil {
		return err
	}
	redirect(w, r, "/termine/warteliste?t="+url.QueryEscape(secret))
	return nil
}

func (s *Server) waitFor(r *http.Request, q bookingQuery, values url.Values) (string, error) {
	before, err := hours.ParseDate(strings.TrimSpace(values.Get("before")))
	if err != nil {
		return "", fault.Fields(fault.FieldError{Field: "before", Key: "error.appointment.wait_before"})
	}
	if err := s.allowBooking(r); err != nil {
		return "", err
	}
	office := q.OfficeID
	return s.opts.Appointments.WaitFor(r.Context(), appointment.WaitRequest{Email: values.Get("email"), Lang: langOf(r),
		ServiceIDs: q.ServiceIDs, Persons: q.Persons, OfficeID: &office, Before: before})
}

// waitlistPage shows the link that ends a waiting-list entry.
type waitlistPage struct {
	Page
	Token    string
	LeaveURL string
}

// handleWaitlistJoined confirms the entry and shows the link that ends it.
func (s *Server) handleWaitlistJoined(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("t")
	if token == "" {
		return errNotFound
	}
	p := waitlistPage{Page: s.page(r, "appointment.waitlist.joined_title"), Token: token,
		LeaveURL: s.absURL("/termine/warteliste/austragen?t=" + url.QueryEscape(token))}
	return s.render(w, r, "appointment_waitlist", p)
}

// handleWaitlistLeaveForm asks before ending the entry; opening the link
// changes nothing.
func (s *Server) handleWaitlistLeaveForm(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("t")
	if token == "" {
		return fault.New(fault.NotFound, "error.appointment.link_invalid")
	}
	p := waitlistPage{Page: s.page(r, "appointment.waitlist.leave_title"), Token: token}
	return s.render(w, r, "appointment_waitlist_leave", p)
}

func (s *Server) handleWaitlistLeave(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if err := s.opts.Appointments.LeaveWaitlist(r.Context(), values.Get("t")); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/termine", "appointment.flash.left_waitlist")
}

// decoySecret looks like a waiting-list secret and ends nothing: the
// answer a bot gets for a filled honeypot.
func decoySecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
