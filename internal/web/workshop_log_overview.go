package web

import (
	"net/http"
	"time"

	"rathaus/internal/mining"
)

// The overview of a source: its size, how long cases take (a histogram)
// and how many start and complete over time, each figure explained in a
// sentence; for imported logs also what the import had to pass over.

// workshopOverviewPage is the data of workshop_log_overview.html.
type workshopOverviewPage struct {
	workshopLogPage
	O          mining.Overview
	Span       string
	Histogram  workshopBarChart
	Throughput workshopLineChart
	Period     string // translated period of the throughput
	Warnings   []string
}

func (s *Server) handleWorkshopOverview(w http.ResponseWriter, r *http.Request) error {
	a, err := s.workshopLoad(r)
	if err != nil {
		return err
	}
	p := workshopOverviewPage{workshopLogPage: s.workshopLogPage(r, a, "", nil), O: mining.Stats(a.Log)}
	p.Span = p.span(p.O.First, p.O.Last, s.opts.Location)
	p.Histogram = barChart(p.O.Histogram, func(b mining.Bucket) string { return "≥ " + p.Dur(b.FromS) })
	p.Period = p.T("workshop_logs.period." + p.O.Throughput.Period)
	p.Throughput = lineChart(p.O.Throughput, func(t time.Time) string { return p.periodName(p.O.Throughput.Period, t) })
	if a.Src.LogID != 0 {
		if st, err := s.opts.Workshop.Store.FindStoredLog(r.Context(), a.Src.LogID); err == nil {
			p.Warnings = st.Warnings // Log has checked that the user may see it
		}
	}
	return s.render(w, r, "workshop_log_overview", p)
}

// periodName writes the start of a period: a date, a week ("KW 12 2026")
// or a month ("03/2026").
func (p workshopPage) periodName(period string, t time.Time) string {
	switch period {
	case mining.PeriodWeek:
		y, wk := t.ISOWeek()
		return p.T("workshop_logs.period.week_of", wk, y)
	case mining.PeriodMonth:
		return t.Format("01/2006")
	}
	if p.Lang == "en" {
		return t.Format("2006-01-02")
	}
	return t.Format("02.01.2006")
}
