package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The JSON API of online applications (cases_api*.go), described in
// openapi.json: the published forms, submitting with uploads, the
// citizen's cases and mailbox, and the staff queue, case, transitions and
// export. Tokens, errors and strict bodies work as in api_v1.go.

// casesAPIRoutes are the application API's routes. They answer 404 when
// the server takes no applications (Options.Cases), so the table and the
// OpenAPI document stay the same either way.
func (s *Server) casesAPIRoutes() []route {
	c, user, staff := s.casesAPI, s.requireAPIUser, s.requireAPIStaff
	return []route{
		{"GET /api/v1/forms/{service_id}", c(s.handleAPIForm)},
		{"POST /api/v1/uploads", c(s.handleAPIUpload)},
		{"POST /api/v1/cases", c(s.handleAPISubmit)},
		{"GET /api/v1/cases", c(user(s.handleAPIMyCases))},
		{"GET /api/v1/cases/{id}", c(user(s.handleAPIMyCase))},
		{"GET /api/v1/cases/{id}/messages", c(user(s.handleAPIMyMessages))},
		{"POST /api/v1/cases/{id}/messages", c(user(s.handleAPIMyMessage))},
		{"GET /api/v1/cases/{id}/receipt", c(user(s.handleAPIReceipt))},
		{"GET /api/v1/cases/{id}/files/{file_id}", c(user(s.handleAPICaseFile))},
		{"GET /api/v1/staff/cases", c(staff(s.handleAPIQueue))},
		{"GET /api/v1/staff/cases/{id}", c(staff(s.handleAPIStaffCase))},
		{"POST /api/v1/staff/cases/{id}/transitions", c(staff(s.handleAPITransition))},
		{"GET /api/v1/staff/cases/{id}/export", c(staff(s.handleAPIExport))},
	}
}

// casesAPI answers 404 when the server takes no applications.
func (s *Server) casesAPI(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Cases == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// requireAPIStaff lets in token users who work cases (a unit's case
// workers, service owners and organisation admins, platform admins);
// anyone else gets 403, an anonymous client 401.
func (s *Server) requireAPIStaff(h handlerFunc) handlerFunc {
	return s.requireAPIUser(func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.opts.Cases.IsStaff(r.Context(), actorOf(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.cases.not_staff")
		}
		return h(w, r)
	})
}

// pathInt64 reads a positive integer path wildcard; anything else is 404.
func apiPathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// handleAPIForm returns the published form of a service, as the "form"
// object of the exchange format rathaus-form/1.
func (s *Server) handleAPIForm(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "service_id")
	if err != nil {
		return err
	}
	f, _, err := s.opts.Cases.Form(r.Context(), id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, f)
}

// citizenOf is the token user as a citizen of the cases package.
func apiCitizen(r *http.Request) cases.Citizen {
	id := currentUser(r).ID
	return cases.Citizen{UserID: &id}
}

// apiLookup caches the workflows and service names of the cases of a
// list, so each case is labelled without loading its form per case.
type apiLookup struct {
	s     *Server
	r     *http.Request
	flows map[[2]int64]*cases.Workflow
	names map[int64]string
}

func (s *Server) newAPILookup(r *http.Request) *apiLookup {
	return &apiLookup{s: s, r: r, flows: map[[2]int64]*cases.Workflow{}, names: map[int64]string{}}
}

// workflow returns the workflow c was filled under; the default when its
// form cannot be read.
func (l *apiLookup) workflow(c *cases.Case) *cases.Workflow {
	k := [2]int64{c.ServiceID, int64(c.FormVersion)}
	if w, ok := l.flows[k]; ok {
		return w
	}
	var f *form.Form
	if c.FormVersion > 0 {
		f, _ = l.s.opts.Cases.Forms.FindForm(l.r.Context(), c.ServiceID, c.FormVersion)
	}
	w, err := cases.WorkflowOf(f)
	if err != nil {
		w = cases.Default()
	}
	l.flows[k] = w
	return w
}

// serviceName is the name of a published service; "#id" for one that is
// no longer published.
func (l *apiLookup) serviceName(id int64) string {
	if n, ok := l.names[id]; ok {
		return n
	}
	n := "#" + strconv.FormatInt(id, 10)
	if svc, err := l.s.opts.Cases.Catalog.PublicService(l.r.Context(), id); err == nil {
		n = svc.Name
	}
	l.names[id] = n
	return n
}

// item is c as a list item.
func (l *apiLookup) item(c *cases.Case) apiCaseItemJSON {
	return apiCaseItem(l.r, c, l.workflow(c), l.serviceName(c.ServiceID))
}
