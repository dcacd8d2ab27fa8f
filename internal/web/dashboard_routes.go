package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/dashboard"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// dashboardRoutes are the performance dashboards: public at /kennzahlen
// (small cells suppressed), for staff at /amt/kennzahlen (every figure,
// still aggregated), each with its CSV, and the JSON figures.
func (s *Server) dashboardRoutes() []route {
	d := s.withDashboard
	return []route{
		{"GET /kennzahlen", d(s.handleDashboardPublic)},
		{"GET /kennzahlen.csv", d(s.handleDashboardCSVPublic)},
		{"GET /amt/kennzahlen", d(s.requireDashboardStaff(s.handleDashboardStaff))},
		{"GET /amt/kennzahlen.csv", d(s.requireDashboardStaff(s.handleDashboardCSVStaff))},
		{"GET /api/v1/dashboard", d(s.handleAPIDashboard)},
	}
}

// withDashboard answers 404 when the server keeps no dashboards.
func (s *Server) withDashboard(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Dashboard == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// requireDashboardStaff lets in the staff dashboard's users: platform
// admins and everyone who works cases or offices or owns services or
// processes (case workers, service owners, organisation admins).
func (s *Server) requireDashboardStaff(h handlerFunc) handlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.dashboardStaff(r, currentUser(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.dashboard.forbidden")
		}
		return h(w, r)
	})
}

// dashboardStaff reports whether u may see the staff dashboards, for the
// gate and the navigation link alike.
func (s *Server) dashboardStaff(r *http.Request, u *account.User) (bool, error) {
	if u == nil || s.opts.Dashboard == nil {
		return false, nil
	}
	if u.PlatformAdmin {
		return true, nil
	}
	if s.opts.Orgs == nil {
		return false, nil
	}
	grants, err := s.userGrants(r, u)
	if err != nil {
		return false, err
	}
	for _, g := range grants {
		switch g.Role {
		case org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin:
			return true, nil
		}
	}
	return false, nil
}

// isDashboardStaff is dashboardStaff for the navigation; an error only
// hides the link.
func (s *Server) isDashboardStaff(r *http.Request, u *account.User) bool {
	ok, _ := s.dashboardStaff(r, u)
	return ok
}

// dashboardParams are the query parameters of each address: the HTML
// filter form has German names, the API English ones.
type dashboardParams struct{ service, org, from, to string }

var (
	htmlParams = dashboardParams{"leistung", "einheit", "von", "bis"}
	apiParams  = dashboardParams{"service", "org", "from", "to"}
)

// dashboardFilter is a checked filter: what to show and its names.
type dashboardFilter struct {
	Query       dashboard.Query
	ServiceName string // "" for every service
	OrgName     string // "" for every unit
}

// parseDashboardFilter reads and checks the filter from q; problems are
// field errors named as in q.
func (s *Server) parseDashboardFilter(r *http.Request, q url.Values, names dashboardParams, public bool) (dashboardFilter, error) {
	f := dashboardFilter{Query: dashboard.Query{Public: public}}
	var v fault.Validator
	if raw := q.Get(names.service); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err == nil && id > 0 && s.opts.Services != nil {
			if svc, err := s.opts.Services.PublicService(r.Context(), id); err == nil {
				f.Query.Scope.ServiceID, f.ServiceName = id, svc.Name
			}
		}
		v.Check(f.Query.Scope.ServiceID != 0, names.service, "error.dashboard.service")
	}
	if raw := q.Get(names.org); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err == nil && id > 0 {
			f.OrgName = s.dashboardOrgName(r, id)
			if f.OrgName != "" {
				f.Query.Scope.OrgID = id
			}
		}
		v.Check(f.Query.Scope.OrgID != 0, names.org, "error.dashboard.org")
	}
	rg, err := dashboard.ParseRange(q.Get(names.from), q.Get(names.to), s.now())
	if err != nil {
		for _, fe := range fault.As(err).Fields {
			field := names.from
			if fe.Field == "to" {
				field = names.to
			}
			v.Add(field, fe.Key, fe.Args...)
		}
	}
	f.Query.Range = rg
	return f, v.Err()
}

// dashboardOrgName is the name of organisation node id, "" if none.
func (s *Server) dashboardOrgName(r *http.Request, id int64) string {
	for _, o := range s.dashboardOrgs(r) {
		if o.ID == id {
			return o.Name
		}
	}
	return ""
}

// dashboardOrgs lists the organisation tree depth first.
func (s *Server) dashboardOrgs(r *http.Request) []dashboardOrg {
	if s.opts.Orgs == nil {
		return nil
	}
	tree, err := s.opts.Orgs.Tree(r.Context())
	if err != nil {
		return nil
	}
	var out []dashboardOrg
	var walk func([]*org.Tree, int)
	walk = func(ts []*org.Tree, depth int) {
		for _, t := range ts {
			out = append(out, dashboardOrg{ID: t.Org.ID, Name: t.Org.Name, Depth: depth})
			walk(t.Children, depth+1)
		}
	}
	walk(tree, 0)
	return out
}

type dashboardOrg struct {
	ID    int64
	Name  string
	Depth int
}

func (s *Server) handleDashboardPublic(w http.ResponseWriter, r *http.Request) error {
	return s.dashboardPage(w, r, false)
}

func (s *Server) handleDashboardStaff(w http.ResponseWriter, r *http.Request) error {
	return s.dashboardPage(w, r, true)
}

// dashboardPage shows a dashboard; a bad filter shows the form with an
// error summary and no figures.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request, staff bool) error {
	q := r.URL.Query()
	f, err := s.parseDashboardFilter(r, q, htmlParams, !staff)
	p := s.newDashboardPage(r, staff, q)
	if err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		p.Form = s.formFor(r, q, err)
		return s.renderStatus(w, r, http.StatusBadRequest, "dashboard", p)
	}
	figs, err := s.opts.Dashboard.Figures(r.Context(), f.Query)
	if err != nil {
		return err
	}
	s.fillDashboardPage(&p, f, figs)
	return s.render(w, r, "dashboard", p)
}

func (s *Server) handleDashboardCSVPublic(w http.ResponseWriter, r *http.Request) error {
	return s.dashboardCSV(w, r, false)
}

func (s *Server) handleDashboardCSVStaff(w http.ResponseWriter, r *http.Request) error {
	return s.dashboardCSV(w, r, true)
}

// dashboardCSV writes the month rows of a dashboard as CSV.
func (s *Server) dashboardCSV(w http.ResponseWriter, r *http.Request, staff bool) error {
	f, err := s.parseDashboardFilter(r, r.URL.Query(), htmlParams, !staff)
	if err != nil {
		return err
	}
	figs, err := s.opts.Dashboard.Figures(r.Context(), f.Query)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := dashboard.WriteCSV(&b, figs); err != nil {
		return err
	}
	name := "kennzahlen"
	if sc := f.Query.Scope; sc.ServiceID != 0 {
		name += "-leistung-" + strconv.FormatInt(sc.ServiceID, 10)
	}
	if sc := f.Query.Scope; sc.OrgID != 0 {
		name += "-einheit-" + strconv.FormatInt(sc.OrgID, 10)
	}
	name += "-" + figs.From + "-" + figs.To + ".csv"
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	_, err = w.Write(b.Bytes())
	return err
}

// dashboardJSON is the API's answer: the scope and the figures.
type dashboardJSON struct {
	ServiceID   *int64 `json:"service_id"`
	ServiceName string `json:"service_name,omitempty"`
	OrgID       *int64 `json:"org_id"`
	OrgName     string `json:"org_name,omitempty"`
	*dashboard.Figures
}

// handleAPIDashboard answers the figures; view=staff (with a staff
// token) answers them without suppression.
func (s *Server) handleAPIDashboard(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	staff := false
	switch q.Get("view") {
	case "", "public":
	case "staff":
		u := currentUser(r)
		if u == nil {
			return fault.New(fault.Unauthenticated, "error.token.required")
		}
		ok, err := s.dashboardStaff(r, u)
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.dashboard.forbidden")
		}
		staff = true
	default:
		return fault.Fields(fault.FieldError{Field: "view", Key: "error.dashboard.view"})
	}
	f, err := s.parseDashboardFilter(r, q, apiParams, !staff)
	if err != nil {
		return err
	}
	figs, err := s.opts.Dashboard.Figures(r.Context(), f.Query)
	if err != nil {
		return err
	}
	out := dashboardJSON{Figures: figs, ServiceName: f.ServiceName, OrgName: f.OrgName}
	if id := f.Query.Scope.ServiceID; id != 0 {
		out.ServiceID = &id
	}
	if id := f.Query.Scope.OrgID; id != 0 {
		out.OrgID = &id
	}
	return s.writeJSON(w, http.StatusOK, out)
}
