package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// reportsPerPage is the length of a page of the public list.
const reportsPerPage = 20

// reportsMapMax is how many reports the public map draws at most.
const reportsMapMax = 1000

// reportPublicStatuses are the statuses the public list shows by default:
// merged duplicates point to their original instead.
var reportPublicStatuses = []report.Status{report.StatusReceived, report.StatusInProgress, report.StatusDone, report.StatusNotResponsible}

// reportRow is a report in the public list.
type reportRow struct {
	Reference, Href, Category, Area, Status, Date string
}

// reportLegendItem is a line of the map's legend.
type reportLegendItem struct {
	Symbol template.HTML
	Label  string
}

type reportOption struct {
	Value, Label string
	Selected     bool
}

// reportListPage is the public list with the filters and the map.
type reportListPage struct {
	Page
	Groups     []reportCategoryGroup
	Category   string
	Statuses   []reportOption
	Areas      []reportOption
	Query      string
	BBox       string
	Rows       []reportRow
	Total      int
	Map        template.HTML
	MapOmitted int
	// The legend: categories by colour, statuses by shape.
	LegendCategories, LegendStatuses []reportLegendItem
	Prev, Next                       string
	PageNo                           int
	Pages                            int
	FeedURL                          string
	// TileMap shows this page's reports on the city's own tiles; nil
	// without them.
	TileMap *reportTileMap
}

// reportListQuery is the filter of the list as read from the URL.
type reportListQuery struct {
	values url.Values
	filter report.Filter
	page   int
}

func (s *Server) reportListQuery(r *http.Request, orgID int64) reportListQuery {
	v := r.URL.Query()
	q := reportListQuery{values: v, filter: report.Filter{OrgID: orgID, Statuses: reportPublicStatuses,
		Order: report.OrderNewest}}
	f := &q.filter
	if id, err := strconv.ParseInt(v.Get("kategorie"), 10, 64); err == nil {
		f.CategoryIDs = []int64{id}
	}
	if st := report.Status(v.Get("status")); st.Valid() && st != report.StatusMerged {
		f.Statuses = []report.Status{st}
	}
	if _, ok := s.reportDistricts().ByKey(v.Get("gebiet")); ok {
		f.AreaID = v.Get("gebiet")
	}
	f.Query = strings.TrimSpace(v.Get("q"))
	if b, err := geo.ParseBBox(v.Get("bbox")); err == nil {
		f.BBox = &report.BBox{MinLat: b.MinLat, MinLong: b.MinLon, MaxLat: b.MaxLat, MaxLong: b.MaxLon}
	}
	q.page, _ = strconv.Atoi(v.Get("seite"))
	q.page = max(q.page, 1)
	return q
}

// pageURL is the list's address with the same filters on page n.
func (q reportListQuery) pageURL(n int) string {
	v := url.Values{}
	for k, vs := range q.values {
		if k != "seite" && len(vs) > 0 && vs[0] != "" {
			v.Set(k, vs[0])
		}
	}
	if n > 1 {
		v.Set("seite", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/meldungen"
	}
	return "/meldungen?" + v.Encode()
}

// handleReportList is the public list of reports with filters, a map
// and pages.
func (s *Server) handleReportList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	orgID, tree, err := s.reportOrg(ctx)
	if err != nil {
		return err
	}
	q := s.reportListQuery(r, orgID)
	f := q.filter
	f.Limit, f.Offset = reportsPerPage, (q.page-1)*reportsPerPage
	reps, total, err := s.opts.Reports.Store.FindDefectReports(ctx, f)
	if err != nil {
		return err
	}
	p := reportListPage{Page: s.page(r, "reports_web.list.title"), Groups: reportGroups(tree, langOf(r)),
		Category: q.values.Get("kategorie"), Query: f.Query, BBox: q.values.Get("bbox"), Total: total,
		PageNo: q.page, Pages: (total + reportsPerPage - 1) / reportsPerPage, FeedURL: "/meldungen.atom"}
	for _, st := range reportPublicStatuses {
		p.Statuses = append(p.Statuses, reportOption{string(st), s.reportStatusLabel(r, st), q.values.Get("status") == string(st)})
	}
	for _, a := range s.reportDistricts() {
		p.Areas = append(p.Areas, reportOption{a.Key, a.Name, f.AreaID == a.Key})
	}
	for _, x := range reps {
		p.Rows = append(p.Rows, reportRow{Reference: x.Reference, Href: reportPath(x.Reference),
			Category: reportCategoryName(tree, x.CategoryID, p.Lang), Area: s.reportAreaName(x.Location.AreaID),
			Status: s.reportStatusLabel(r, x.Status), Date: p.Date(x.RequestedAt.In(s.opts.Location))})
	}
	if q.page > 1 {
		p.Prev = q.pageURL(q.page - 1)
	}
	if q.page < p.Pages {
		p.Next = q.pageURL(q.page + 1)
	}
	if err := s.reportListMap(r, &p, q, tree); err != nil {
		return err
	}
	p.TileMap = s.reportListTileMap(r, reps, tree, p.Lang)
	return s.render(w, r, "reports_list", p)
}

// reportListMap draws the filtered reports (all pages, up to
// reportsMapMax) over the city's outline and districts.
func (s *Server) reportListMap(r *http.Request, p *reportListPage, q reportListQuery, tree *report.Tree) error {
	f := q.filter
	f.Limit = reportsMapMax
	reps, _, err := s.opts.Reports.Store.FindDefectReports(r.Context(), f)
	if err != nil {
		return err
	}
	var pts []geo.MapPoint
	for _, x := range reps {
		if !x.Location.HasPoint() {
			continue
		}
		cat := reportCategoryName(tree, x.CategoryID, p.Lang)
		pts = append(pts, geo.MapPoint{Point: geo.Point{Lat: *x.Location.Lat, Lon: *x.Location.Long},
			Category: cat, Status: string(x.Status), Href: reportPath(x.Reference),
			Label: s.t(r, "reports_web.map.point", x.Reference, cat, s.reportStatusLabel(r, x.Status))})
	}
	var outline geo.Areas
	city, districts := s.reportMapAreas()
	if len(city.Shape) > 0 {
		outline = geo.Areas{city}
	}
	m := geo.RenderMap(outline, districts, pts, geo.MapOptions{ID: "reports-map",
		Title: s.t(r, "reports_web.map.title"), Desc: s.t(r, "reports_web.map.desc"), Symbols: reportStatusSymbols,
		ClusterLabel: func(ms []geo.MapPoint) string { return s.t(r, "reports_web.map.cluster", len(ms)) },
		ClusterHref: func(b geo.BBox, _ []geo.MapPoint) string {
			nq := q
			nq.values = url.Values{}
			for k, vs := range q.values {
				nq.values[k] = vs
			}
			nq.values.Set("bbox", b.String())
			return nq.pageURL(1) + "#reports-list"
		}})
	p.Map, p.MapOmitted = m.HTML(), m.Omitted
	for _, e := range m.Legend {
		if e.Kind == "status" {
			p.LegendStatuses = append(p.LegendStatuses,
				reportLegendItem{geo.SymbolSVG(e.Symbol, e.Color), s.reportStatusLabel(r, report.Status(e.Key))})
		} else {
			p.LegendCategories = append(p.LegendCategories, reportLegendItem{geo.SymbolSVG(e.Symbol, e.Color), e.Key})
		}
	}
	return nil
}

// reportListTileMap shows the reports of this page with a place as pins,
// the map opening on them (on the city without any).
func (s *Server) reportListTileMap(r *http.Request, reps []*report.Report, tree *report.Tree, lang string) *reportTileMap {
	box := geo.EmptyBox()
	var pins []reportMapPin
	for _, x := range reps {
		if !x.Location.HasPoint() {
			continue
		}
		pt := geo.Point{Lat: *x.Location.Lat, Lon: *x.Location.Long}
		box = box.Extend(pt)
		pins = append(pins, reportMapPin{Href: reportPath(x.Reference), Lat: pt.Lat, Lon: pt.Lon,
			Label: s.t(r, "reports_web.map.point", x.Reference, reportCategoryName(tree, x.CategoryID, lang), s.reportStatusLabel(r, x.Status))})
	}
	m := s.reportTileMap("pins", box)
	if m != nil {
		m.Pins = pins
	}
	return m
}
