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
//
// The routes exist also without a workshop service (they answer 404), so
// that the API description and the route table always agree.
func (s *Server) workshopRoutes() []route {
	return append(s.workshopLogRoutes(), s.workshopModelRoutes()...)
}

// workshopBodyLimit is the body limit of the workshop's uploads, 0 for
// other requests: event-log files are large, BPMN files smaller, and the
// API takes a model as JSON with the XML in a string. The handlers check
// the files themselves; this only bounds the request.
func workshopBodyLimit(path, mediaType string) int64 {
	switch {
	case mediaType == "multipart/form-data" && (path == "/amt/prozesse/import" || path == workshopAPIUpload):
		return workshopUploadBytes
	case mediaType == "multipart/form-data" && path == "/amt/prozesse/modelle":
		return modelUploadBytes
	case mediaType == "application/json" && path == "/api/v1/workshop/models":
		return 2 * modelUploadBytes // escaping in the JSON string
	}
	return 0
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
