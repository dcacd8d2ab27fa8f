package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
)

// minePage lists the bookings made with the account.
type minePage struct {
	accountPage
	Upcoming []mineItem // still changeable
	Past     []mineItem // over, cancelled or expired
}

type mineItem struct {
	Booking   bookingView
	CancelURL string
}

func myCancelURL(id int64) string {
	return "/account/termine/" + strconv.FormatInt(id, 10) + "/absagen"
}

// handleMyAppointments lists the account's bookings, upcoming ones first
// (soonest first), then the others (latest first).
func (s *Server) handleMyAppointments(w http.ResponseWriter, r *http.Request) error {
	p, err := s.accountPage(r, "appointment.mine.title")
	if err != nil {
		return err
	}
	bs, err := s.opts.Appointments.Mine(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	mp := minePage{accountPage: p}
	for _, b := range bs {
		v, err := s.bookingView(r, b)
		if err != nil {
			return err
		}
		it := mineItem{Booking: v, CancelURL: myCancelURL(b.ID)}
		if v.Changeable {
			mp.Upcoming = append([]mineItem{it}, mp.Upcoming...) // Mine is latest first
		} else {
			mp.Past = append(mp.Past, it)
		}
	}
	return s.render(w, r, "appointment_mine", mp)
}

// myBooking finds one of the account's bookings by the id in the path.
func (s *Server) myBooking(r *http.Request) (*appointment.Booking, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	bs, err := s.opts.Appointments.Mine(r.Context(), currentUser(r).ID)
	if err != nil {
		return nil, err
	}
	for _, b := range bs {
		if b.ID == id {
			return b, nil
		}
	}
	return nil, errNotFound
}

// handleMyCancelForm asks before cancelling one of the account's bookings.
func (s *Server) handleMyCancelForm(w http.ResponseWriter, r *http.Request) error {
	b, err := s.myBooking(r)
	if err != nil {
		return err
	}
	v, err := s.bookingView(r, b)
	if err != nil {
		return err
	}
	if !v.Changeable {
		return fault.New(fault.Conflict, "error.appointment.not_changeable")
	}
	return s.render(w, r, "appointment_cancel", cancelPage{Page: s.page(r, "appointment.cancel.title"), Booking: v,
		Action: myCancelURL(b.ID), BackURL: "/account/termine"})
}

func (s *Server) handleMyCancel(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if _, err := s.opts.Appointments.CancelMine(r.Context(), currentUser(r).ID, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/account/termine", "appointment.flash.cancelled")
}
