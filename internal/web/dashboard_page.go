package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/dashboard"
)

// dashboardPage is the data of the public and the staff dashboard.
type dashboardPage struct {
	Page
	StaffView  bool
	Action     string // the filter form's address
	CSV        string // the download with the current filter
	API        string // the JSON figures with the current filter
	Services   []dashOption
	Orgs       []dashOption
	MaxMonth   string
	MinCount   int    // the public threshold; 0 for staff
	Scope      string // what the figures cover, in words
	RangeText  string
	HasFigures bool
	Summary    []dashFigure
	Charts     []dashChart
	Funnel     *dashChart
	FunnelNote string
	Threshold  int // the public threshold, for the explanation
}

// dashSelect is one of the filter's selects.
type dashSelect struct {
	Name, Label, Error, Prefix string
	Options                    []dashOption
}

// Select describes the select name with its options for the template.
func (p dashboardPage) Select(name, labelKey string, opts []dashOption) dashSelect {
	return dashSelect{Name: name, Label: p.T(labelKey), Error: p.Form.Error(name), Prefix: p.T("form.error_prefix"), Options: opts}
}

// dashOption is one choice of the filter's selects.
type dashOption struct {
	Value, Label string
	Selected     bool
}

// dashFigure is one line of the overview: a figure and how it is counted.
type dashFigure struct {
	Label, Value, Note string
}

// newDashboardPage is the page with its filter form filled from q.
func (s *Server) newDashboardPage(r *http.Request, staff bool, q url.Values) dashboardPage {
	title := "dashboard.title"
	action := "/kennzahlen"
	if staff {
		title, action = "dashboard.staff.title", "/amt/kennzahlen"
	}
	p := dashboardPage{Page: s.page(r, title), StaffView: staff, Action: action,
		MaxMonth: s.opts.Dashboard.CurrentMonth(), Threshold: s.opts.Dashboard.Threshold()}
	p.Form = s.newForm(r, q)
	def := s.opts.Dashboard.DefaultRange()
	if q.Get("von") == "" {
		p.Form.Values.Set("von", def.From)
	}
	if q.Get("bis") == "" {
		p.Form.Values.Set("bis", def.To)
	}
	p.Services = []dashOption{{Value: "", Label: p.T("dashboard.filter.all_services")}}
	if s.opts.Services != nil {
		if svcs, err := s.opts.Services.AZ(r.Context()); err == nil {
			for _, svc := range svcs {
				id := strconv.FormatInt(svc.ID, 10)
				p.Services = append(p.Services, dashOption{Value: id, Label: svc.Name, Selected: q.Get("leistung") == id})
			}
		}
	}
	p.Orgs = []dashOption{{Value: "", Label: p.T("dashboard.filter.all_orgs")}}
	for _, o := range s.dashboardOrgs(r) {
		id := strconv.FormatInt(o.ID, 10)
		p.Orgs = append(p.Orgs, dashOption{Value: id, Label: strings.Repeat("– ", o.Depth) + o.Name, Selected: q.Get("einheit") == id})
	}
	return p
}

// fillDashboardPage adds the figures, charts and tables.
func (s *Server) fillDashboardPage(p *dashboardPage, f dashboardFilter, figs *dashboard.Figures) {
	p.HasFigures = true
	p.MinCount = figs.MinCount
	q := url.Values{}
	api := url.Values{}
	if id := f.Query.Scope.ServiceID; id != 0 {
		q.Set("leistung", strconv.FormatInt(id, 10))
		api.Set("service", strconv.FormatInt(id, 10))
	}
	if id := f.Query.Scope.OrgID; id != 0 {
		q.Set("einheit", strconv.FormatInt(id, 10))
		api.Set("org", strconv.FormatInt(id, 10))
	}
	q.Set("von", figs.From)
	q.Set("bis", figs.To)
	api.Set("from", figs.From)
	api.Set("to", figs.To)
	p.CSV = p.Action + ".csv?" + q.Encode()
	p.API = "/api/v1/dashboard?" + api.Encode()
	switch {
	case f.ServiceName != "" && f.OrgName != "":
		p.Scope = p.T("dashboard.scope.service_org", f.ServiceName, f.OrgName)
	case f.ServiceName != "":
		p.Scope = p.T("dashboard.scope.service", f.ServiceName)
	case f.OrgName != "":
		p.Scope = p.T("dashboard.scope.org", f.OrgName)
	default:
		p.Scope = p.T("dashboard.scope.city", p.City.Name)
	}
	v := dashView{p: p}
	p.RangeText = p.T("dashboard.range", v.monthName(figs.From), v.monthName(figs.To))
	p.Summary = v.summary(figs)
	labels, names := v.monthLabels(figs.Months)
	p.Charts = []dashChart{
		v.channelChart(figs, labels, names),
		v.shareChart(figs, labels, names),
		v.processingChart(figs, labels, names),
		v.waitChart(figs, labels, names),
		v.leadChart(figs, labels, names),
		v.ratingChart(figs, labels, names),
	}
	if f.Query.Scope.ServiceID == 0 && s.opts.Reports != nil {
		p.Summary = append(p.Summary, v.reportSummary(figs)...)
		p.Charts = append(p.Charts, v.reportsChart(figs, labels, names))
	}
	p.Funnel = v.funnelChart(figs.Funnel)
	if len(figs.Funnel.Steps) == 0 {
		p.FunnelNote = p.T("dashboard.funnel.no_pages")
	}
}

// dashView formats figures in the page's language.
type dashView struct{ p *dashboardPage }

func (v dashView) t(key string, args ...any) string { return v.p.T(key, args...) }

// count writes a count; suppressed, "fewer than N" when it is that
// small, else "not shown" (hidden so that it does not give another away).
func (v dashView) count(c dashboard.Count) string {
	if c.Hidden {
		if c.N > 0 && c.N < int64(v.p.MinCount) {
			return v.t("dashboard.fewer_than", v.p.MinCount)
		}
		return v.t("dashboard.hidden")
	}
	return impactNumber(v.p.Lang, float64(c.N))
}

// note is what a chart draws instead of a hidden bar.
func (v dashView) note(c dashboard.Count) string {
	if c.N > 0 && c.N < int64(v.p.MinCount) {
		return v.t("dashboard.fewer_than_short", v.p.MinCount)
	}
	return v.t("dashboard.hidden_short")
}

// number writes a figure with format, "–" when unknown and a note when
// suppressed.
func (v dashView) number(n dashboard.Number, format func(float64) string) string {
	switch {
	case n.Hidden:
		return v.t("dashboard.hidden")
	case !n.Known:
		return "–"
	}
	return format(n.V)
}

// Shares and durations are written with at most one decimal.
func (v dashView) percent(f float64) string { return impactNumber(v.p.Lang, round1(f*100)) + " %" }

func (v dashView) minutes(sec float64) string {
	return v.t("dashboard.unit.minutes", impactNumber(v.p.Lang, round1(sec/60)))
}

func (v dashView) days(sec float64) string {
	return v.t("dashboard.unit.days", impactNumber(v.p.Lang, round1(sec/86400)))
}

func (v dashView) hours(sec float64) string {
	return v.t("dashboard.unit.hours", impactNumber(v.p.Lang, round1(sec/3600)))
}

func (v dashView) plain(f float64) string { return impactNumber(v.p.Lang, f) }

// value gives a chart a figure when it is shown.
func value(n dashboard.Number, scale float64) *float64 {
	if !n.Shown() {
		return nil
	}
	x := n.V / scale
	return &x
}

// monthName is "November 2026" for "2026-11".
func (v dashView) monthName(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return v.t("month."+strings.ToLower(t.Month().String())) + " " + strconv.Itoa(t.Year())
}

// monthLabels are the axis labels ("Nov 26") and table names of months.
func (v dashView) monthLabels(ms []dashboard.Period) (short, long []string) {
	for _, m := range ms {
		name := v.monthName(m.Month)
		long = append(long, name)
		t, err := time.Parse("2006-01", m.Month)
		if err != nil {
			short = append(short, m.Month)
			continue
		}
		mon := []rune(v.t("month." + strings.ToLower(t.Month().String())))
		short = append(short, string(mon[:min(3, len(mon))])+" "+t.Format("06"))
	}
	return short, long
}

// summary is the overview table of the whole range.
func (v dashView) summary(f *dashboard.Figures) []dashFigure {
	t, all, fu := v.t, f.Total, f.Funnel
	spread := func(s dashboard.Spread, unit func(float64) string) string {
		return t("dashboard.median_p90", v.number(s.Median, unit), v.number(s.P90, unit))
	}
	return []dashFigure{
		{t("dashboard.fig.cases"), v.count(all.Cases), ""},
		{t("dashboard.fig.take_up"), v.number(all.DigitalTakeUp, v.percent), t("dashboard.def.take_up")},
		{t("dashboard.fig.assisted"), v.number(all.AssistedShare, v.percent), t("dashboard.def.assisted")},
		{t("dashboard.fig.completion"), v.number(fu.Completion, v.percent), t("dashboard.def.completion")},
		{t("dashboard.fig.online_appointments"), v.number(all.OnlineAppointmentShare, v.percent), t("dashboard.def.online_appointments")},
		{t("dashboard.fig.wait"), spread(all.Wait, v.minutes), t("dashboard.def.wait")},
		{t("dashboard.fig.lead"), spread(all.LeadTime, v.days), t("dashboard.def.lead")},
		{t("dashboard.fig.processing"), spread(all.Processing, v.days), t("dashboard.def.processing")},
		{t("dashboard.fig.deadlines"), v.number(all.DeadlineCompliance, v.percent), t("dashboard.def.deadlines")},
		{t("dashboard.fig.satisfaction"), t("dashboard.rating_of", v.number(all.MeanRating, v.plain)), t("dashboard.def.satisfaction")},
		{t("dashboard.fig.satisfied"), v.number(all.SatisfiedShare, v.percent), t("dashboard.def.satisfied")},
	}
}

// channelName is a channel's translated name.
func (v dashView) channelName(ch string) string { return v.t("dashboard.channel." + ch) }

// rows builds a table's month rows and its total row with cells.
func (v dashView) rows(f *dashboard.Figures, names []string, cells func(dashboard.Period) []string) ([]dashRow, *dashRow) {
	var out []dashRow
	for i, m := range f.Months {
		out = append(out, dashRow{Head: names[i], Cells: cells(m)})
	}
	return out, &dashRow{Head: v.t("dashboard.total"), Cells: cells(f.Total)}
}

func (v dashView) channelChart(f *dashboard.Figures, labels, names []string) dashChart {
	c := newDashChart("chart-channels")
	c.Heading, c.Explain = v.t("dashboard.chart.channels"), v.t("dashboard.chart.channels_explain")
	var stacks []dcStack
	for i, m := range f.Months {
		st := dcStack{Label: names[i]}
		if m.Cases.Hidden {
			st.Note = v.note(m.Cases)
		} else {
			shown := int64(0)
			for k, ch := range m.Channels {
				if !ch.Cases.Hidden {
					shown += ch.Cases.N
					st.Segments = append(st.Segments, dcSegment{Name: v.channelName(ch.Channel), Value: float64(ch.Cases.N), Pattern: k, Shown: v.count(ch.Cases)})
				}
			}
			if rest := m.Cases.N - shown; rest > 0 {
				st.Segments = append(st.Segments, dcSegment{Name: v.t("dashboard.channel.hidden"), Value: float64(rest), Pattern: dcPatternHidden,
					Shown: impactNumber(v.p.Lang, float64(rest))})
			}
		}
		stacks = append(stacks, st)
	}
	c.stackedBars(labels, stacks, v.plain)
	var legend []string
	var pats []int
	for k, ch := range dashboard.Channels {
		legend, pats = append(legend, v.channelName(ch)), append(pats, k)
	}
	if v.p.MinCount > 0 {
		legend, pats = append(legend, v.t("dashboard.channel.hidden")), append(pats, dcPatternHidden)
	}
	c.barLegend(legend, pats)
	c.Desc = v.t("dashboard.chart.channels_desc", names[0], names[len(names)-1], v.count(f.Total.Cases), v.number(f.Total.DigitalTakeUp, v.percent))
	c.Table.Caption = v.t("dashboard.table_of", c.Heading)
	c.Table.Head = []string{v.t("dashboard.col.month")}
	for _, ch := range dashboard.Channels {
		c.Table.Head = append(c.Table.Head, v.channelName(ch))
	}
	c.Table.Head = append(c.Table.Head, v.t("dashboard.col.all_channels"), v.t("dashboard.fig.take_up"), v.t("dashboard.fig.assisted"))
	c.Table.Rows, c.Table.Foot = v.rows(f, names, func(p dashboard.Period) []string {
		var cells []string
		for _, ch := range p.Channels {
			cells = append(cells, v.count(ch.Cases))
		}
		return append(cells, v.count(p.Cases), v.number(p.DigitalTakeUp, v.percent), v.number(p.AssistedShare, v.percent))
	})
	return c
}

func (v dashView) shareChart(f *dashboard.Figures, labels, names []string) dashChart {
	c := newDashChart("chart-shares")
	c.Heading, c.Explain = v.t("dashboard.chart.shares"), v.t("dashboard.chart.shares_explain")
	series := []dcSeries{{Name: v.t("dashboard.fig.take_up")}, {Name: v.t("dashboard.fig.assisted")}, {Name: v.t("dashboard.fig.online_appointments")}}
	for _, m := range f.Months {
		series[0].Values = append(series[0].Values, value(m.DigitalTakeUp, 0.01))
		series[1].Values = append(series[1].Values, value(m.AssistedShare, 0.01))
		series[2].Values = append(series[2].Values, value(m.OnlineAppointmentShare, 0.01))
	}
	c.lines(labels, series, 100, func(x float64) string { return impactNumber(v.p.Lang, x) + " %" })
	c.Desc = v.t("dashboard.chart.shares_desc", names[0], names[len(names)-1],
		v.number(f.Total.DigitalTakeUp, v.percent), v.number(f.Total.OnlineAppointmentShare, v.percent))
	c.Table = dashTable{Caption: v.t("dashboard.table_of", c.Heading), Head: []string{v.t("dashboard.col.month"), v.t("dashboard.fig.take_up"), v.t("dashboard.fig.assisted"),
		v.t("dashboard.fig.online_appointments"), v.t("dashboard.col.visits_booked"), v.t("dashboard.col.visits_walk_in")}}
	c.Table.Rows, c.Table.Foot = v.rows(f, names, func(p dashboard.Period) []string {
		return []string{v.number(p.DigitalTakeUp, v.percent), v.number(p.AssistedShare, v.percent), v.number(p.OnlineAppointmentShare, v.percent),
			v.count(p.VisitsBooked), v.count(p.VisitsWalkIn)}
	})
	return c
}

// spreadChart draws a duration's median and 90th percentile per month.
func (v dashView) spreadChart(id, key string, f *dashboard.Figures, labels, names []string,
	get func(dashboard.Period) dashboard.Spread, scale float64, unit func(float64) string, unitKey string) dashChart {
	c := newDashChart(id)
	c.Heading, c.Explain = v.t("dashboard.chart."+key), v.t("dashboard.def."+key)
	series := []dcSeries{{Name: v.t("dashboard.col.median")}, {Name: v.t("dashboard.col.p90")}}
	for _, m := range f.Months {
		s := get(m)
		series[0].Values = append(series[0].Values, value(s.Median, scale))
		series[1].Values = append(series[1].Values, value(s.P90, scale))
	}
	c.lines(labels, series, 0, func(x float64) string { return v.t(unitKey, impactNumber(v.p.Lang, x)) })
	all := get(f.Total)
	c.Desc = v.t("dashboard.chart.spread_desc", names[0], names[len(names)-1], v.number(all.Median, unit), v.number(all.P90, unit))
	c.Table = dashTable{Caption: v.t("dashboard.table_of", c.Heading), Head: []string{v.t("dashboard.col.month"), v.t("dashboard.col.n." + key),
		v.t("dashboard.col.median"), v.t("dashboard.col.p90")}}
	c.Table.Rows, c.Table.Foot = v.rows(f, names, func(p dashboard.Period) []string {
		s := get(p)
		return []string{v.count(s.N), v.number(s.Median, unit), v.number(s.P90, unit)}
	})
	return c
}

func (v dashView) processingChart(f *dashboard.Figures, labels, names []string) dashChart {
	c := v.spreadChart("chart-processing", "processing", f, labels, names,
		func(p dashboard.Period) dashboard.Spread { return p.Processing }, 86400, v.days, "dashboard.unit.days")
	c.Table.Head = append(c.Table.Head, v.t("dashboard.col.deadline_due"), v.t("dashboard.col.deadline_met"), v.t("dashboard.fig.deadlines"))
	all := append(c.Table.Rows, *c.Table.Foot)
	periods := append(append([]dashboard.Period{}, f.Months...), f.Total)
	for i := range all {
		p := periods[i]
		all[i].Cells = append(all[i].Cells, v.count(p.DeadlineDue), v.count(p.DeadlineMet), v.number(p.DeadlineCompliance, v.percent))
	}
	c.Table.Rows, c.Table.Foot = all[:len(all)-1], &all[len(all)-1]
	return c
}

func (v dashView) waitChart(f *dashboard.Figures, labels, names []string) dashChart {
	return v.spreadChart("chart-wait", "wait", f, labels, names,
		func(p dashboard.Period) dashboard.Spread { return p.Wait }, 60, v.minutes, "dashboard.unit.minutes")
}

func (v dashView) leadChart(f *dashboard.Figures, labels, names []string) dashChart {
	return v.spreadChart("chart-lead", "lead", f, labels, names,
		func(p dashboard.Period) dashboard.Spread { return p.LeadTime }, 86400, v.days, "dashboard.unit.days")
}

func (v dashView) ratingChart(f *dashboard.Figures, labels, names []string) dashChart {
	c := newDashChart("chart-satisfaction")
	c.Heading, c.Explain = v.t("dashboard.chart.satisfaction"), v.t("dashboard.def.satisfaction")
	series := []dcSeries{{Name: v.t("dashboard.fig.satisfied")}}
	for _, m := range f.Months {
		series[0].Values = append(series[0].Values, value(m.SatisfiedShare, 0.01))
	}
	c.lines(labels, series, 100, func(x float64) string { return impactNumber(v.p.Lang, x) + " %" })
	c.Desc = v.t("dashboard.chart.satisfaction_desc", names[0], names[len(names)-1],
		v.number(f.Total.SatisfiedShare, v.percent), v.number(f.Total.MeanRating, v.plain))
	c.Table = dashTable{Caption: v.t("dashboard.table_of", c.Heading), Head: []string{v.t("dashboard.col.month"), v.t("dashboard.col.ratings"),
		"1", "2", "3", "4", "5", v.t("dashboard.fig.satisfaction"), v.t("dashboard.fig.satisfied")}}
	c.Table.Rows, c.Table.Foot = v.rows(f, names, func(p dashboard.Period) []string {
		cells := []string{v.count(p.Ratings)}
		for _, r := range p.RatingCounts {
			cells = append(cells, v.count(r))
		}
		return append(cells, v.number(p.MeanRating, v.plain), v.number(p.SatisfiedShare, v.percent))
	})
	for i := 1; i <= 5; i++ {
		c.Table.Head[1+i] = v.t("dashboard.col.rating", i)
	}
	return c
}

// funnelChart draws how many got past each page of the form; nil when
// no application was started.
func (v dashView) funnelChart(fu dashboard.FunnelFigures) *dashChart {
	if !fu.Started.Hidden && fu.Started.N == 0 {
		return nil
	}
	c := newDashChart("chart-funnel")
	c.Heading, c.Explain = v.t("dashboard.chart.funnel"), v.t("dashboard.def.completion")
	var labels []string
	var stacks []dcStack
	add := func(label string, n dashboard.Count) {
		labels = append(labels, label)
		stacks = append(stacks, v.countStack(label, label, n))
	}
	add(v.t("dashboard.funnel.started"), fu.Started)
	for _, st := range fu.Steps {
		add(v.t("dashboard.funnel.page", st.Index+1), st.Passed)
	}
	add(v.t("dashboard.funnel.submitted"), fu.Submitted)
	c.stackedBars(labels, stacks, v.plain)
	c.H = dcXLabelY + 12
	c.Desc = v.t("dashboard.chart.funnel_desc", v.count(fu.Started), v.count(fu.Submitted), v.number(fu.Completion, v.percent))
	c.Table = dashTable{Caption: v.t("dashboard.table_of", c.Heading), Head: []string{v.t("dashboard.col.step"), v.t("dashboard.col.passed"),
		v.t("dashboard.col.dropped"), v.t("dashboard.col.drop_share"), v.t("dashboard.col.lost_share")}}
	c.Table.Rows = append(c.Table.Rows, dashRow{Head: v.t("dashboard.funnel.started"), Cells: []string{v.count(fu.Started), "", "", ""}})
	for _, st := range fu.Steps {
		c.Table.Rows = append(c.Table.Rows, dashRow{Head: v.t("dashboard.funnel.page_id", st.Index+1, st.PageID),
			Cells: []string{v.count(st.Passed), v.count(st.Dropped), v.number(st.DropShare, v.percent), v.number(st.LostShare, v.percent)}})
	}
	check := ""
	if len(fu.Steps) > 0 {
		check = v.count(fu.CheckDropped)
	}
	c.Table.Rows = append(c.Table.Rows, dashRow{Head: v.t("dashboard.funnel.submitted"), Cells: []string{v.count(fu.Submitted), check, "", ""}})
	return &c
}

// reportSummary is the defect reports' lines of the overview (issue 10):
// not for a service's dashboard, as reports belong to no service.
func (v dashView) reportSummary(f *dashboard.Figures) []dashFigure {
	t, all := v.t, f.Total
	spread := func(s dashboard.Spread, unit func(float64) string) string {
		return t("dashboard.median_p90", v.number(s.Median, unit), v.number(s.P90, unit))
	}
	return []dashFigure{
		{t("dashboard.fig.reports"), v.count(all.Reports), t("dashboard.def.reports")},
		{t("dashboard.fig.report_answer"), spread(all.ReportAnswer, v.hours), t("dashboard.def.report_answer")},
		{t("dashboard.fig.report_fix"), spread(all.ReportFix, v.days), t("dashboard.def.report_fix")},
	}
}

// reportsChart draws the defect reports received per month, with a
// table of the times to the first answer and to done.
func (v dashView) reportsChart(f *dashboard.Figures, labels, names []string) dashChart {
	c := newDashChart("chart-reports")
	c.Heading, c.Explain = v.t("dashboard.chart.reports"), v.t("dashboard.chart.reports_explain")
	var stacks []dcStack
	for i, m := range f.Months {
		stacks = append(stacks, v.countStack(names[i], v.t("dashboard.fig.reports"), m.Reports))
	}
	c.stackedBars(labels, stacks, v.plain)
	c.Desc = v.t("dashboard.chart.reports_desc", names[0], names[len(names)-1], v.count(f.Total.Reports),
		v.number(f.Total.ReportAnswer.Median, v.hours), v.number(f.Total.ReportFix.Median, v.days))
	c.Table = dashTable{Caption: v.t("dashboard.table_of", c.Heading), Head: []string{v.t("dashboard.col.month"), v.t("dashboard.fig.reports"),
		v.t("dashboard.col.n.report_answer"), v.t("dashboard.col.answer_median"), v.t("dashboard.col.answer_p90"),
		v.t("dashboard.col.n.report_fix"), v.t("dashboard.col.fix_median"), v.t("dashboard.col.fix_p90")}}
	c.Table.Rows, c.Table.Foot = v.rows(f, names, func(p dashboard.Period) []string {
		a, x := p.ReportAnswer, p.ReportFix
		return []string{v.count(p.Reports), v.count(a.N), v.number(a.Median, v.hours), v.number(a.P90, v.hours),
			v.count(x.N), v.number(x.Median, v.days), v.number(x.P90, v.days)}
	})
	return c
}

// countStack is a bar of one count named name, or the note of a hidden one.
func (v dashView) countStack(label, name string, n dashboard.Count) dcStack {
	st := dcStack{Label: label}
	if n.Hidden {
		st.Note = v.note(n)
	} else {
		st.Segments = []dcSegment{{Name: name, Value: float64(n.N), Pattern: 0, Shown: v.count(n)}}
	}
	return st
}
