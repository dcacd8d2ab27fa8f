package web

import (
	"context"
	"net/http"
	"net/url"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
)

// The confirmation link of the first mail. Opening it changes nothing (mail
// scanners open every link); the citizen confirms with a button.

// confirmPage shows a held booking and the button that confirms it.
type confirmPage struct {
	Page
	Booking  bookingView
	Token    string
	State    string // "open", "confirmed", "expired" or "closed"
	AgainURL string // book the same services at the same office again
}

// bookingByConfirm finds the booking behind a confirmation secret.
func (s *Server) bookingByConfirm(ctx context.Context, secret string) (*appointment.Booking, error) {
	if secret == "" {
		return nil, fault.New(fault.NotFound, "error.appointment.link_invalid")
	}
	b, err := s.opts.Appointments.Store.FindBookingByConfirmHash(ctx, appointment.HashSecret(secret))
	if fault.Is(err, fault.NotFound) {
		return nil, fault.New(fault.NotFound, "error.appointment.link_invalid")
	}
	return b, err
}

// againURL is the slot choice for a booking's services at its office.
func againURL(b *appointment.Booking) string {
	q := bookingQuery{ServiceIDs: b.ServiceIDs, Persons: b.Persons, OfficeID: b.OfficeID}
	return "/termine/buchen?" + q.values("office").Encode()
}

func (s *Server) handleConfirmForm(w http.ResponseWriter, r *http.Request) error {
	token := r.URL.Query().Get("t")
	b, err := s.bookingByConfirm(r.Context(), token)
	if err != nil {
		return err
	}
	v, err := s.bookingView(r, b)
	if err != nil {
		return err
	}
	p := confirmPage{Page: s.page(r, "appointment.confirm.title"), Booking: v, Token: token, AgainURL: againURL(b)}
	switch {
	case b.Status == appointment.Held && b.HoldUntil.After(s.now()):
		p.State = "open"
	case b.Status == appointment.Held || b.Status == appointment.Expired:
		p.State = "expired"
	case b.Status == appointment.Confirmed:
		p.State = "confirmed"
	default:
		p.State = "closed"
	}
	return s.render(w, r, "appointment_confirm", p)
}

// handleConfirm confirms the booking and shows the confirmation with the
// management link. A second press finds it confirmed already; a hold that
// ran out shows the form page saying so.
func (s *Server) handleConfirm(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	token := values.Get("t")
	booked, err := s.opts.Appointments.Confirm(r.Context(), token)
	again := "/termine/bestaetigen?t=" + url.QueryEscape(token)
	switch {
	case fault.Is(err, fault.Conflict):
		redirect(w, r, again)
		return nil
	case err != nil:
		return err
	case booked.Manage == "":
		redirect(w, r, again)
		return nil
	}
	return s.redirectFlash(w, r, "/termine/bestaetigt?t="+url.QueryEscape(booked.Manage), "appointment.flash.confirmed")
}

// managedPage is a booking reached by its management secret.
type managedPage struct {
	Page
	Booking   bookingView
	Token     string
	ManageURL string
	ICSURL    string
	CancelURL string
	MoveURL   string
	AgainURL  string
}

func (s *Server) managedPage(r *http.Request, titleKey string) (managedPage, error) {
	token := r.FormValue("t")
	b, err := s.opts.Appointments.ByManage(r.Context(), token)
	if err != nil {
		return managedPage{}, err
	}
	v, err := s.bookingView(r, b)
	if err != nil {
		return managedPage{}, err
	}
	t := "?t=" + url.QueryEscape(token)
	return managedPage{Page: s.page(r, titleKey), Booking: v, Token: token, ManageURL: "/termine/verwalten" + t,
		ICSURL: "/termine/kalender.ics" + t, CancelURL: "/termine/absagen" + t, MoveURL: "/termine/verschieben" + t,
		AgainURL: againURL(b)}, nil
}

// handleConfirmed shows a confirmed booking: the code, when and where,
// the calendar file, the management link and printing.
func (s *Server) handleConfirmed(w http.ResponseWriter, r *http.Request) error {
	p, err := s.managedPage(r, "appointment.confirmed.title")
	if err != nil {
		return err
	}
	return s.render(w, r, "appointment_confirmed", p)
}
