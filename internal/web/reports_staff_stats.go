package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/report"
)

// The statistics of defect reports for the office (issue 10): time to
// the first answer and time to fix (median and 90th percentile, in hours) with the counts,
// per category, per area and overall, for the reports of the last year;
// as tables and as CSV. Aggregated figures only: no report, no person.

// rsStatsPeriod is how far back the statistics reach.
const rsStatsPeriod = 365 * 24 * time.Hour

func (s *Server) reportsStatsRoutes() []route {
	w := func(h handlerFunc) handlerFunc { return s.withReportsStaff(s.requireUser(s.requireReportStaff(h))) }
	return []route{
		{"GET /amt/meldungen/statistik", w(s.handleRSStats)},
		{"GET /amt/meldungen/statistik.csv", w(s.handleRSStatsCSV)},
	}
}

// rsStatsRow is one line of a statistics table.
type rsStatsRow struct {
	Scope, Name                    string // scope: all, category, area
	Reports, Open, Answered, Fixed int
	FirstAnswer, Fix               string    // medians in hours, "" without values
	FirstAnswerP90, FixP90         string    // 90th percentiles
	csvHours                       [4]string // the same for the CSV (decimal point)
}

type rsStatsTable struct {
	ID, Caption, Head string
	Rows              []rsStatsRow
}

type rsStatsPage struct {
	Page
	From, To string
	Tables   []rsStatsTable
}

// rsStats computes the figures: overall, per category, per area.
func (s *Server) rsStats(r *http.Request) (from, to time.Time, all, cats, areas []rsStatsRow, err error) {
	ctx, lang := r.Context(), langOf(r)
	orgID, tree, err := s.rsOrg(ctx)
	if err != nil {
		return
	}
	to = s.now().Add(24 * time.Hour)
	from = to.Add(-rsStatsPeriod)
	times, err := s.opts.Reports.Store.DefectReportTimes(ctx, report.StatsFilter{OrgID: orgID, From: from, To: to})
	if err != nil {
		return
	}
	for _, st := range report.Stats(times) {
		switch {
		case st.CategoryID == 0:
			all = append(all, s.rsStatsRow(r, "all", s.t(r, "reports_stats.all"), st))
		case st.AreaID == "":
			cats = append(cats, s.rsStatsRow(r, "category", reportCategoryName(tree, st.CategoryID, lang), st))
		}
	}
	byArea := make([]report.Times, len(times))
	for i, t := range times {
		t.CategoryID = 0
		byArea[i] = t
	}
	for _, st := range report.Stats(byArea) {
		if st.AreaID != "" {
			areas = append(areas, s.rsStatsRow(r, "area", s.reportAreaName(st.AreaID), st))
		}
	}
	return
}

func (s *Server) rsStatsRow(r *http.Request, scope, name string, st report.Stat) rsStatsRow {
	row := rsStatsRow{Scope: scope, Name: name, Reports: st.Reports, Open: st.Open, Answered: st.Answered, Fixed: st.Fixed}
	lang := langOf(r)
	hours := func(n int, d time.Duration) (string, string) {
		if n == 0 {
			return "", ""
		}
		h := strconv.FormatFloat(d.Hours(), 'f', 1, 64)
		return decimal(lang, d.Hours(), 1), h
	}
	row.FirstAnswer, row.csvHours[0] = hours(st.Answered, st.FirstAnswer)
	row.Fix, row.csvHours[1] = hours(st.Fixed, st.Fix)
	row.FirstAnswerP90, row.csvHours[2] = hours(st.Answered, st.FirstAnswerP90)
	row.FixP90, row.csvHours[3] = hours(st.Fixed, st.FixP90)
	return row
}

// handleRSStats shows the statistics as tables.
func (s *Server) handleRSStats(w http.ResponseWriter, r *http.Request) error {
	from, to, all, cats, areas, err := s.rsStats(r)
	if err != nil {
		return err
	}
	p := rsStatsPage{Page: s.page(r, "reports_stats.title")}
	p.From, p.To = p.Date(from.In(s.opts.Location)), p.Date(to.Add(-time.Second).In(s.opts.Location))
	p.Tables = []rsStatsTable{
		{"stats-all", s.t(r, "reports_stats.caption.all"), s.t(r, "reports_stats.col.scope"), all},
		{"stats-category", s.t(r, "reports_stats.caption.category"), s.t(r, "reports_stats.col.category"), cats},
		{"stats-area", s.t(r, "reports_stats.caption.area"), s.t(r, "reports_stats.col.area"), areas},
	}
	return s.render(w, r, "reports_staff_stats", p)
}

// handleRSStatsCSV serves the same figures as CSV with stable English
// column keys and decimal points.
func (s *Server) handleRSStatsCSV(w http.ResponseWriter, r *http.Request) error {
	_, _, all, cats, areas, err := s.rsStats(r)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	_ = cw.Write([]string{"scope", "name", "reports", "open", "answered", "first_answer_median_hours", "fixed", "fix_median_hours",
		"first_answer_p90_hours", "fix_p90_hours"})
	for _, rows := range [][]rsStatsRow{all, cats, areas} {
		for _, x := range rows {
			_ = cw.Write([]string{x.Scope, x.Name, strconv.Itoa(x.Reports), strconv.Itoa(x.Open), strconv.Itoa(x.Answered),
				x.csvHours[0], strconv.Itoa(x.Fixed), x.csvHours[1], x.csvHours[2], x.csvHours[3]})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="meldungen-statistik.csv"`)
	_, err = w.Write(b.Bytes())
	return err
}
