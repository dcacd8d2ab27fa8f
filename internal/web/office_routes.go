package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/catalog"
)

// officeRoutes are the office side of appointments: calendar, check-in,
// walk-in tickets, calling, the waiting-room display, statistics, setup.
// Who may work at which office is appointment.Service's decision
// (MayServe, MayConfigure); these pages only ask. Like the citizen's
// pages they answer 404 when the server takes no bookings.
func (s *Server) officeRoutes() []route {
	d := func(h handlerFunc) handlerFunc { return s.withDesk(s.requireUser(h)) }
	return []route{
		{"GET /amt/termine", d(s.handleDeskList)},
		{"GET /amt/termine/{office}", d(s.handleDeskDay)},
		{"POST /amt/termine/{office}/einchecken", d(s.handleDeskCheckIn)},
		{"POST /amt/termine/{office}/nicht-erschienen", d(s.handleDeskNoShow)},
		{"POST /amt/termine/{office}/ohne-termin", d(s.handleDeskWalkIn)},
		{"POST /amt/termine/{office}/aufrufen", d(s.handleDeskCall)},
		{"POST /amt/termine/{office}/abschliessen", d(s.handleDeskFinish)},
		{"GET /amt/termine/{office}/statistik", d(s.handleDeskStats)},
		{"GET /amt/termine/{office}/einstellungen", d(s.handleDeskSetupForm)},
		{"POST /amt/termine/{office}/einstellungen", d(s.handleDeskSetup)},
		// The waiting room's screen: public, never cached, no names.
		// "/aufruf/{office}.json" is the same route (a wildcard is a
		// whole path segment).
		{"GET /aufruf/{office}", s.withDesk(s.handleDisplay)},
	}
}

// withDesk answers 404 when the server takes no bookings.
func (s *Server) withDesk(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Appointments == nil || s.opts.Services == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// deskOffice is the office a staff page is about, with its addresses.
type deskOffice struct {
	*catalog.Office
	DayURL, StatsURL, SetupURL, DisplayURL string
	MayConfigure                           bool
}

func deskPath(id int64) string { return "/amt/termine/" + strconv.FormatInt(id, 10) }

// deskOfficeOf loads the path's {office} after checking that the user
// works there.
func (s *Server) deskOfficeOf(r *http.Request) (deskOffice, error) {
	id, err := pathID(r, "office")
	if err != nil {
		return deskOffice{}, err
	}
	ctx, a := r.Context(), actorOf(r)
	if err := s.opts.Appointments.MayServe(ctx, a, id); err != nil {
		return deskOffice{}, err
	}
	o, err := s.opts.Services.Office(ctx, id)
	if err != nil {
		return deskOffice{}, err
	}
	return newDeskOffice(o, s.opts.Appointments.MayConfigure(ctx, a, id) == nil), nil
}

func newDeskOffice(o *catalog.Office, mayConfigure bool) deskOffice {
	base := deskPath(o.ID)
	return deskOffice{Office: o, DayURL: base, StatsURL: base + "/statistik", SetupURL: base + "/einstellungen",
		DisplayURL: displayPath(o.ID), MayConfigure: mayConfigure}
}

func displayPath(id int64) string { return "/aufruf/" + strconv.FormatInt(id, 10) }
