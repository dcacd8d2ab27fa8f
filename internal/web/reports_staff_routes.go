package web

import (
	"context"
	"net/http"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// reportsStaffRoutes are the office side of defect reports: the queue of
// the staff member's units, a report with its status, notes, photos,
// routing and merging, and the category administration. The report's
// service decides who may change what; these pages build its actor from
// the organisation's roles.
func (s *Server) reportsStaffRoutes() []route {
	w := func(h handlerFunc) handlerFunc { return s.withReportsStaff(s.requireUser(s.requireReportStaff(h))) }
	return []route{
		{"GET /amt/meldungen", w(s.handleRSQueue)},
		{"GET /amt/meldungen/{reference}", w(s.handleRSReport)},
		{"POST /amt/meldungen/{reference}/status", w(s.handleRSStatus)},
		{"POST /amt/meldungen/{reference}/notizen", w(s.handleRSNote)},
		{"POST /amt/meldungen/{reference}/kategorie", w(s.handleRSCategory)},
		{"POST /amt/meldungen/{reference}/einheit", w(s.handleRSUnit)},
		{"POST /amt/meldungen/{reference}/zusammenfuehren", w(s.handleRSMerge)},
		{"POST /amt/meldungen/{reference}/verbergen", w(s.handleRSHide)},
		{"GET /amt/meldungen/{reference}/fotos/{photo}", w(s.handleRSPhoto)},
		{"POST /amt/meldungen/{reference}/fotos/{photo}/schwaerzen", w(s.handleRSBlur)},
		{"POST /amt/meldungen/{reference}/fotos/{photo}/freigabe", w(s.handleRSPublish)},
		{"GET /amt/meldekategorien", w(s.requireReportAdmin(s.handleRSCategories))},
		{"GET /amt/meldekategorien/gebiete", w(s.requireReportAdmin(s.handleRSRules))},
		{"POST /amt/meldekategorien/gebiete", w(s.requireReportAdmin(s.handleRSRuleAdd))},
		{"POST /amt/meldekategorien/gebiete/entfernen", w(s.requireReportAdmin(s.handleRSRuleRemove))},
		{"GET /amt/meldekategorien/neu", w(s.requireReportAdmin(s.handleRSCategoryForm))},
		{"POST /amt/meldekategorien/neu", w(s.requireReportAdmin(s.handleRSCategorySave))},
		{"GET /amt/meldekategorien/{id}", w(s.requireReportAdmin(s.handleRSCategoryForm))},
		{"POST /amt/meldekategorien/{id}", w(s.requireReportAdmin(s.handleRSCategorySave))},
	}
}

// rsRoles are the roles that work defect reports of a unit.
var rsRoles = []string{org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin}

// withReportsStaff answers 404 when the server takes no defect reports.
func (s *Server) withReportsStaff(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Reports == nil || s.opts.Orgs == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// reportActor resolves the user's units from the organisation's roles.
func (s *Server) reportActor(ctx context.Context, u *account.User) (report.Actor, error) {
	if u == nil {
		return report.Actor{}, nil
	}
	id := u.ID
	a := report.Actor{UserID: &id, Admin: u.PlatformAdmin}
	if a.Admin || s.opts.Orgs == nil {
		return a, nil
	}
	var err error
	a.Units, err = s.opts.Orgs.Units(ctx, u.ID, rsRoles...)
	return a, err
}

// isReportStaff reports whether u works defect reports (for the navigation).
func (s *Server) isReportStaff(r *http.Request, u *account.User) bool {
	if s.opts.Reports == nil || u == nil {
		return false
	}
	a, err := s.reportActor(r.Context(), u)
	return err == nil && (a.Admin || len(a.Units) > 0)
}

// requireReportStaff lets in users who work the reports of some unit.
func (s *Server) requireReportStaff(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.isReportStaff(r, currentUser(r)) {
			return fault.New(fault.Forbidden, "error.reports.forbidden")
		}
		return h(w, r)
	}
}

// requireReportAdmin lets in platform admins and organisation admins.
func (s *Server) requireReportAdmin(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.adminAccess(r, currentUser(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.reports.forbidden")
		}
		return h(w, r)
	}
}

// rsPath is the staff page of a report.
func rsPath(ref string) string { return "/amt/meldungen/" + ref }

// rsOrg is the organisation whose category tree reports use:
// Options.ReportOrgID, else the first organisation of the tree (depth
// first) that has categories, active or not, so staff find a tree whose
// categories are all switched off.
func (s *Server) rsOrg(ctx context.Context) (int64, *report.Tree, error) {
	return s.reportOrgWith(ctx, func(t *report.Tree) bool { return t.Len() > 0 })
}

// rsStatus is a status in the reader's language.
func (s *Server) rsStatus(r *http.Request, st report.Status) string {
	return s.t(r, "reports_staff.status."+string(st))
}

// rsArea is the name of an area key, the key when unknown.
func (s *Server) rsArea(key string) string {
	if a, ok := s.reportDistricts().ByKey(key); ok && a.Name != "" {
		return a.Name
	}
	return key
}

// rsUnits are every unit of the organisation tree, for routing choices.
func (s *Server) rsUnits(ctx context.Context) ([]*org.Org, error) {
	return s.opts.Orgs.Store.FindOrgs(ctx)
}

// rsUnitName names a unit by ID.
func rsUnitName(units []*org.Org, id *int64) string {
	if id == nil {
		return ""
	}
	for _, u := range units {
		if u.ID == *id {
			return u.Name
		}
	}
	return "#" + strconv.FormatInt(*id, 10)
}
