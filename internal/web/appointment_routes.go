package web

import "net/http"

// appointmentRoutes are the citizen's booking pages and API. They answer
// 404 when the server has no booking service (Options.Appointments), so
// the table and the OpenAPI document stay the same either way.
func (s *Server) appointmentRoutes() []route {
	b := s.withBooking
	return []route{
		// Booking without an account: services -> office -> slot -> data.
		{"GET /termine", b(s.handleAppointmentStart)},
		{"GET /termine/buchen", b(s.handleBookingPage)},
		{"POST /termine/buchen", b(s.handleBook)},
		{"GET /termine/gesendet", b(s.handleBookingSent)},
		// The mailed links: confirm, manage, cancel, move, calendar file.
		{"GET /termine/bestaetigen", b(s.handleConfirmForm)},
		{"POST /termine/bestaetigen", b(s.handleConfirm)},
		{"GET /termine/bestaetigt", b(s.handleConfirmed)},
		{"GET /termine/verwalten", b(s.handleManage)},
		{"GET /termine/absagen", b(s.handleCancelForm)},
		{"POST /termine/absagen", b(s.handleCancel)},
		{"GET /termine/verschieben", b(s.handleMoveForm)},
		{"POST /termine/verschieben", b(s.handleMove)},
		{"GET /termine/kalender.ics", b(s.handleCalendar)},
		// The waiting list for an earlier slot.
		{"POST /termine/warteliste", b(s.handleWaitlistJoin)},
		{"GET /termine/warteliste", b(s.handleWaitlistJoined)},
		{"GET /termine/warteliste/austragen", b(s.handleWaitlistLeaveForm)},
		{"POST /termine/warteliste/austragen", b(s.handleWaitlistLeave)},
		// My appointments, for logged-in citizens.
		{"GET /account/termine", b(s.requireUser(s.handleMyAppointments))},
		{"GET /account/termine/{id}/absagen", b(s.requireUser(s.handleMyCancelForm))},
		{"POST /account/termine/{id}/absagen", b(s.requireUser(s.handleMyCancel))},
		// JSON API, described in openapi.json.
		{"GET /api/v1/appointments/slots", b(s.handleAPISlots)},
		{"POST /api/v1/appointments", b(s.handleAPIBook)},
		{"POST /api/v1/appointments/cancel", b(s.handleAPICancel)},
	}
}

// withBooking answers 404 when the server takes no bookings.
func (s *Server) withBooking(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Appointments == nil {
			return errNotFound
		}
		return h(w, r)
	}
}
