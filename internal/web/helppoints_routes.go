package web

import (
	"net/http"

	"rathaus/internal/fault"
)

// Help points (helppoints_*.go): the public listing /hilfe-vor-ort with
// address, hours, next stops and coordinates (a geo: link and the city's
// own map when configured; no third-party map), its JSON twin, the
// admin pages for platform and organisation admins, and the assisted
// application: staff at a help point file an application with and for a
// citizen (channel "assisted").
func (s *Server) helpPointRoutes() []route {
	h := s.withHelpPoints
	return []route{
		{"GET /hilfe-vor-ort", h(s.handleHelpPoints)},
		{"GET /api/v1/helppoints", h(s.handleAPIHelpPoints)},
		{"GET /admin/hilfepunkte", h(s.requireStaff(s.handleHPAdminList))},
		{"GET /admin/hilfepunkte/neu", h(s.requireStaff(s.handleHPAdminNew))},
		{"POST /admin/hilfepunkte/neu", h(s.requireStaff(s.handleHPAdminSave))},
		{"GET /admin/hilfepunkte/{id}", h(s.requireStaff(s.handleHPAdminEdit))},
		{"POST /admin/hilfepunkte/{id}", h(s.requireStaff(s.handleHPAdminSave))},
		{"POST /admin/hilfepunkte/{id}/loeschen", h(s.requireStaff(s.handleHPAdminDelete))},
		{"GET /amt/hilfe-vor-ort/antrag", h(s.withCaseWork(s.requireHelper(s.handleHPAssistForm)))},
		{"POST /amt/hilfe-vor-ort/antrag", h(s.withCaseWork(s.requireHelper(s.handleHPAssist)))},
		{"GET /amt/hilfe-vor-ort/antrag/eingereicht", h(s.withCaseWork(s.requireHelper(s.handleHPAssistDone)))},
	}
}

// withHelpPoints answers 404 when the server lists no help points.
func (s *Server) withHelpPoints(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.HelpPoints == nil {
			return fault.New(fault.NotFound, "error.not_found")
		}
		return h(w, r)
	}
}

// requireHelper lets in staff who work at a help point (role help_point)
// and platform admins.
func (s *Server) requireHelper(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.opts.HelpPoints.MayAssist(r.Context(), actorOf(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.helppoints.not_helper")
		}
		return h(w, r)
	})
}
