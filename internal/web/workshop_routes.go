package web

import (
	"net/http"

	"rathaus/internal/account"
	"rathaus/internal/org"
)

// The process workshop's pages live under /amt/prozesse and its JSON
// under /api/v1/workshop: the logs and their analyses
// (workshop_log*.go), the models, conformance and the digitisation check
// (workshop_model*.go). Only process owners and unit administrators (and
// platform admins) enter; the workshop.Service checks what each may see.
func (s *Server) workshopRoutes() []route {
	if s.opts.Workshop == nil {
		return nil
	}
	return append(s.workshopLogRoutes(), s.workshopModelRoutes()...)
}

// mayUseWorkshop reports whether u may open the workshop, for the
// navigation link; the pages check again.
func (s *Server) mayUseWorkshop(r *http.Request, u *account.User) bool {
	if u == nil || s.opts.Workshop == nil {
		return false
	}
	return s.opts.Workshop.MayUse(r.Context(), workshopActor(u))
}

func workshopActor(u *account.User) org.Actor {
	return org.Actor{UserID: u.ID, PlatformAdmin: u.PlatformAdmin}
}
