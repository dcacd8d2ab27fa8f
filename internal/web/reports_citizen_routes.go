package web

import (
	"context"
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/geo"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// reportsCitizenRoutes are the citizen's side of defect reports
// (Mängelmelder): the report flow, the public list with its map, a
// report's page with "me too", its public photos and the Atom feed.
func (s *Server) reportsCitizenRoutes() []route {
	w := s.withReports
	return []route{
		{"GET /melden", w(s.handleReportNew)},
		{"POST /melden/ort", w(s.handleReportPlace)},
		{"POST /melden", w(s.handleReportSubmit)},
		{"GET /melden/fertig/{reference}", w(s.handleReportDone)},
		{"GET /meldungen", w(s.handleReportList)},
		{"GET /meldungen.atom", w(s.handleReportFeed)},
		{"GET /meldungen/{reference}", w(s.handleReportView)},
		{"POST /meldungen/{reference}/unterstuetzen", w(s.handleReportSupport)},
		{"GET /meldungen/{reference}/fotos/{photo}", w(s.handleReportPhoto)},
		{"GET /account/meldungen", w(s.requireUser(s.handleMyReports))},
	}
}

// withReports answers 404 when the server takes no defect reports.
func (s *Server) withReports(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Reports == nil {
			return fault.New(fault.NotFound, "error.not_found")
		}
		return h(w, r)
	}
}

// reportOrg is the organisation whose category tree citizens report in:
// Options.ReportOrgID, or the first organisation of the tree (depth
// first) that has active categories.
func (s *Server) reportOrg(ctx context.Context) (int64, *report.Tree, error) {
	return s.reportOrgWith(ctx, func(t *report.Tree) bool { return len(t.Active()) > 0 })
}

// reportOrgWith is Options.ReportOrgID with its categories, or the first
// organisation of the tree (depth first) whose categories has accepts.
func (s *Server) reportOrgWith(ctx context.Context, has func(*report.Tree) bool) (int64, *report.Tree, error) {
	store := s.opts.Reports.Store
	if id := s.opts.ReportOrgID; id != 0 || s.opts.Orgs == nil {
		cats, err := store.FindDefectCategories(ctx, id)
		return id, report.NewTree(cats), err
	}
	trees, err := s.opts.Orgs.Tree(ctx)
	if err != nil {
		return 0, nil, err
	}
	var walk func([]*org.Tree) (int64, *report.Tree, error)
	walk = func(ts []*org.Tree) (int64, *report.Tree, error) {
		for _, t := range ts {
			cats, err := store.FindDefectCategories(ctx, t.Org.ID)
			if err != nil {
				return 0, nil, err
			}
			if tr := report.NewTree(cats); has(tr) {
				return t.Org.ID, tr, nil
			}
			if id, tr, err := walk(t.Children); id != 0 || err != nil {
				return id, tr, err
			}
		}
		return 0, nil, nil
	}
	id, tr, err := walk(trees)
	if tr == nil {
		tr = report.NewTree(nil)
	}
	return id, tr, err
}

// reportByRef finds a report by the reference in the path; merged and
// unknown references are NotFound only when missing.
func (s *Server) reportByRef(r *http.Request) (*report.Report, error) {
	return s.opts.Reports.Store.FindDefectReportByReference(r.Context(), r.PathValue("reference"))
}

// reportPath is a report's public page.
func reportPath(ref string) string { return "/meldungen/" + ref }

// reportStatusSymbols tell the statuses apart on the map by shape.
var reportStatusSymbols = map[string]geo.Symbol{
	string(report.StatusReceived):       geo.Circle,
	string(report.StatusInProgress):     geo.Square,
	string(report.StatusDone):           geo.Triangle,
	string(report.StatusNotResponsible): geo.Diamond,
	string(report.StatusMerged):         geo.Cross,
}

// reportStatusLabel is a status in the reader's language.
func (s *Server) reportStatusLabel(r *http.Request, st report.Status) string {
	return s.t(r, "reports_web.status."+string(st))
}

// reportAreaName is the name of an area key, the key when unknown.
func (s *Server) reportAreaName(key string) string {
	if a, ok := s.reportDistricts().ByKey(key); ok && a.Name != "" {
		return a.Name
	}
	return key
}

// reportCategoryName is a category's name in lang ("" when unknown).
func reportCategoryName(t *report.Tree, id int64, lang string) string {
	if c := t.ByID(id); c != nil {
		return c.Name(lang)
	}
	return ""
}

// reportCategoryGroup is a heading of the category list with its
// categories, in the tree's order.
type reportCategoryGroup struct {
	Name       string
	Categories []reportCategoryOption
}

type reportCategoryOption struct {
	ID          string
	Name        string
	Description string
}

// reportGroups lists the active categories that can be chosen (those
// without active children) under their group or parent's name.
func reportGroups(t *report.Tree, lang string) []reportCategoryGroup {
	active := t.Active()
	parent := map[int64]bool{}
	for _, c := range active {
		if c.ParentID != nil {
			parent[*c.ParentID] = true
		}
	}
	var out []reportCategoryGroup
	index := map[string]int{}
	for _, c := range active {
		if parent[c.ID] {
			continue
		}
		name := c.Group
		if c.ParentID != nil {
			if p := t.ByID(*c.ParentID); p != nil {
				name = p.Name(lang)
			}
		}
		i, ok := index[name]
		if !ok {
			i = len(out)
			index[name] = i
			out = append(out, reportCategoryGroup{Name: name})
		}
		out[i].Categories = append(out[i].Categories, reportCategoryOption{
			ID: strconv.FormatInt(c.ID, 10), Name: c.Name(lang), Description: c.Description})
	}
	return out
}

// publicNotesOf reads the public notes of reps, oldest first, in one query.
func (s *Server) publicNotesOf(ctx context.Context, reps []*report.Report) (map[int64][]*report.Note, error) {
	ids := make([]int64, len(reps))
	for i, rep := range reps {
		ids[i] = rep.ID
	}
	return s.opts.Reports.Store.FindDefectNotesFor(ctx, ids, true)
}
