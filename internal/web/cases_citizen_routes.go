package web

import (
	"mime"
	"net/http"
	"strings"
)

// casesCitizenRoutes are the citizen's side of online applications: the
// start page and one page per step of a service's form, "check your
// answers", the confirmation, "my applications" and the status page of a
// case with its mailbox, files and payment. They answer 404 when the
// server takes no applications (Options.Cases).
func (s *Server) casesCitizenRoutes() []route {
	c := s.withCases
	return []route{
		// Applying: start, pages, check, submit (cases_citizen_apply.go,
		// cases_citizen_check.go).
		{"GET /antrag/{service}", c(s.handleApplyStart)},
		{"POST /antrag/{service}", c(s.requireUser(s.handleApplyBegin))},
		{"GET /antrag/{service}/fortsetzen", c(s.handleApplyResume)},
		{"GET /antrag/{service}/pruefen", c(s.handleApplyCheck)},
		{"POST /antrag/{service}/absenden", c(s.handleApplySubmit)},
		{"GET /antrag/{service}/{page}", c(s.handleApplyPage)},
		{"POST /antrag/{service}/{page}", c(s.handleApplyPagePost)},
		// My applications and a case's page (cases_citizen_status.go).
		{"GET /antraege", c(s.requireUser(s.handleMyCases))},
		{"POST /antraege/entwuerfe/{id}/loeschen", c(s.requireUser(s.handleDraftDiscard))},
		{"GET /antraege/status", c(s.handleCaseBySecret)},
		{"GET /antraege/{id}", c(s.handleCaseStatus)},
		{"GET /antraege/{id}/eingegangen", c(s.handleCaseReceived)},
		{"GET /antraege/{id}/quittung.pdf", c(s.handleCaseReceipt)},
		{"GET /antraege/{id}/zahlung.svg", c(s.handleCasePaymentQR)},
		{"GET /antraege/{id}/dateien/{file}", c(s.handleCaseFile)},
		{"POST /antraege/{id}/nachrichten", c(s.handleCaseMessage)},
		{"GET /antraege/{id}/zurueckziehen", c(s.handleCaseWithdrawForm)},
		{"POST /antraege/{id}/zurueckziehen", c(s.handleCaseWithdraw)},
	}
}

// withCases answers 404 when the server takes no online applications.
func (s *Server) withCases(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Cases == nil || s.opts.Forms == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// uploadBodyBytes is the body limit of form posts that carry files: the
// pages of an application and the mailbox of a case. The domain checks
// each file's own limit; this only bounds the whole request.
const uploadBodyBytes = 25 << 20

// bodyLimit is the request body limit for r: MaxBodyBytes, or more for a
// post to a route that takes files (uploadBodyBytes for applications, the
// workshop's own limits for event logs and models).
func (s *Server) bodyLimit(r *http.Request) int64 {
	if r.Method != http.MethodPost {
		return s.opts.MaxBodyBytes
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	limit := workshopBodyLimit(r.URL.Path, mt)
	if mt == "multipart/form-data" && isUploadPath(r.URL.Path) {
		limit = uploadBodyBytes
	}
	return max(s.opts.MaxBodyBytes, limit)
}

// isUploadPath reports whether path is a route whose forms carry files:
// /antrag/{service}/{page}, /antraege/{id}/nachrichten, and the staff's
// /amt/antraege/{id}/nachrichten, /amt/antraege/erfassen and /amt/zahlungen,
// the defect report /melden with its photos, the admins' GeoJSON at /admin/gebiete
// (whose handlers set their own, smaller limits inside this one).
func isUploadPath(path string) bool {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case path == "/amt/antraege/erfassen" || path == "/amt/zahlungen" || path == "/melden" || path == "/admin/gebiete":
		return true
	case len(parts) == 3 && parts[0] == "antrag":
		return parts[2] != "absenden"
	case len(parts) == 3 && parts[0] == "antraege":
		return parts[2] == "nachrichten"
	case len(parts) == 4 && parts[0] == "amt" && parts[1] == "antraege":
		return parts[3] == "nachrichten"
	}
	return false
}

// applyHereURL is the start of the online application for the service
// page's button, when the service has a published form; else "". The
// service page is in the page cache, so a newly published form shows
// there by the next minute.
func (s *Server) applyHereURL(r *http.Request, sid int64) string {
	if s.opts.Cases == nil || s.opts.Forms == nil {
		return ""
	}
	if _, err := s.opts.Forms.PublishedForm(r.Context(), sid); err != nil {
		return ""
	}
	return applyURL(sid)
}
