package web

import (
	"net/http"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The frame of every analysis: the source's log, filtered by the query,
// and the page around it (title, sub-navigation carrying the filter, the
// filter form, exports).

// workshopAnalysis is a loaded source with its filter applied.
type workshopAnalysis struct {
	Full   *eventlog.Log // the whole log of the source
	Log    *eventlog.Log // after the filter
	Src    *workshop.Source
	Filter workshopFilter
	Err    error // the filter's field errors (the rest of it applies)
}

// workshopLoad reads the source of the request and applies the filter.
func (s *Server) workshopLoad(r *http.Request) (*workshopAnalysis, error) {
	l, src, err := s.workshopLog(r)
	if err != nil {
		return nil, err
	}
	f, ferr := parseWorkshopFilter(r.URL.Query(), s.opts.Location)
	return &workshopAnalysis{Full: l, Log: f.apply(l), Src: src, Filter: f, Err: ferr}, nil
}

// workshopLoadAPI is workshopLoad for the JSON API, where an unreadable
// filter is a 400.
func (s *Server) workshopLoadAPI(r *http.Request) (*workshopAnalysis, error) {
	a, err := s.workshopLoad(r)
	if err == nil && a.Err != nil {
		return nil, a.Err
	}
	return a, err
}

// workshopSection is one analysis: its sub-page, its title and its name
// in the JSON API.
type workshopSection struct {
	Sub, TitleKey, API string
}

// workshopSections are the analyses in the order of the sub-navigation.
var workshopSections = []workshopSection{
	{"", "workshop_logs.overview.title", "overview"},
	{"dfg", "workshop_logs.dfg.title", "dfg"},
	{"varianten", "workshop_logs.variants.title", "variants"},
	{"aktivitaeten", "workshop_logs.activities.title", "activities"},
	{"engpaesse", "workshop_logs.bottlenecks.title", "bottlenecks"},
	{"schleifen", "workshop_logs.rework.title", "rework"},
	{"fristen", "workshop_logs.deadlines.title", "deadlines"},
	{"auslastung", "workshop_logs.workload.title", "workload"},
}

// workshopLogPage is the data every analysis page embeds.
type workshopLogPage struct {
	workshopPage
	Src      *workshop.Source
	Name     string // the source's name
	Key      string
	Section  string // the sub-page's title
	Nav      []workshopLink
	Exports  []workshopLink
	Filter   workshopFilterView
	Cases    int // after the filter
	AllCases int
	Filtered bool
	Imported bool // an imported log (may be deleted)
	Delete   string
	Keep     []workshopOption // the filter as hidden inputs (Value: name, Label: value)
}

// workshopLink is a link of a navigation or list.
type workshopLink struct {
	URL, Label string
	Current    bool
}

// workshopLogPage builds the frame of the analysis sub on a's source.
// hidden are the page's own query parameters the filter form keeps.
func (s *Server) workshopLogPage(r *http.Request, a *workshopAnalysis, sub string, hidden map[string]string) workshopLogPage {
	title := "workshop_logs.overview.title"
	for _, sec := range workshopSections {
		if sec.Sub == sub {
			title = sec.TitleKey
		}
	}
	p := workshopLogPage{workshopPage: workshopPage{Page: s.page(r, title), Process: a.Src.Process},
		Src: a.Src, Key: a.Src.Key, Cases: len(a.Log.Cases), AllCases: len(a.Full.Cases), Filtered: a.Filter.Set,
		Imported: a.Src.Kind == "imported"}
	p.Name = workshopSourceName(p.Page, a.Src)
	p.Section = p.Title
	p.Title = p.T("workshop_logs.page_title", p.Section, p.Name)
	if a.Err != nil {
		p.Form = s.formFor(r, a.Filter.Query, a.Err)
	}
	for _, sec := range workshopSections {
		p.Nav = append(p.Nav, workshopLink{URL: a.Filter.With(workshopSourcePath(a.Src.Key, sec.Sub)),
			Label: p.T(sec.TitleKey), Current: sec.Sub == sub})
	}
	// The what-if simulation (workshop_sim.go) runs on the whole log.
	p.Nav = append(p.Nav, workshopLink{URL: workshopSourcePath(a.Src.Key, "simulation"), Label: p.T("workshop_models.sim.title")})
	for _, ex := range workshopExports {
		p.Exports = append(p.Exports, workshopLink{URL: a.Filter.With(workshopSourcePath(a.Src.Key, "export."+ex.Ext)),
			Label: p.T("workshop_logs.export." + ex.Ext)})
	}
	p.Filter = s.filterView(p.workshopPage, workshopSourcePath(a.Src.Key, sub), a.Filter, a.Full, hidden)
	for _, k := range workshopFilterParams {
		for _, v := range a.Filter.Query[k] {
			p.Keep = append(p.Keep, workshopOption{Value: k, Label: v})
		}
	}
	if p.Imported {
		p.Delete = workshopSourcePath(a.Src.Key, "loeschen")
	}
	return p
}

// workshopNotEmpty is the error of an analysis that needs cases when the
// filter left none; pages show a note instead.
func workshopNotEmpty(l *eventlog.Log) error {
	if len(l.Cases) == 0 {
		return fault.New(fault.Invalid, "error.workshop.empty_log")
	}
	return nil
}
