package dashboard

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVColumns are the columns of the dashboard's CSV download, one row
// per month: stable English keys, as in the open data. Shares are
// fractions from 0 to 1; waiting at the counter is in minutes, lead and
// processing times in days. The last column names the row's suppressed
// cells, separated by ";".
var CSVColumns = func() []string {
	cols := []string{"month", "cases"}
	for _, ch := range Channels {
		cols = append(cols, "cases_"+ch)
	}
	cols = append(cols, "digital_take_up", "assisted_share",
		"visits_booked", "visits_walk_in", "online_appointment_share",
		"wait_n", "wait_median_minutes", "wait_p90_minutes",
		"lead_time_n", "lead_time_median_days", "lead_time_p90_days",
		"processing_n", "processing_median_days", "processing_p90_days",
		"deadline_due", "deadline_met", "deadline_compliance",
		"ratings", "ratings_1", "ratings_2", "ratings_3", "ratings_4", "ratings_5",
		"mean_rating", "satisfied_share",
		"reports", "report_answer_n", "report_answer_median_hours", "report_answer_p90_hours",
		"report_fix_n", "report_fix_median_days", "report_fix_p90_days", "suppressed")
	return cols
}()

// CSVRow is one period's cells in the order of CSVColumns; hidden and
// unknown figures are empty.
func CSVRow(p Period) []string {
	c := func(x Count) string {
		if x.Hidden {
			return ""
		}
		return strconv.FormatInt(x.N, 10)
	}
	n := func(x Number, scale float64, prec int) string {
		if !x.Shown() {
			return ""
		}
		return strconv.FormatFloat(x.V/scale, 'f', prec, 64)
	}
	const minute, day = 60, 86400
	row := []string{p.Month, c(p.Cases)}
	for _, ch := range p.Channels {
		row = append(row, c(ch.Cases))
	}
	row = append(row, n(p.DigitalTakeUp, 1, 4), n(p.AssistedShare, 1, 4),
		c(p.VisitsBooked), c(p.VisitsWalkIn), n(p.OnlineAppointmentShare, 1, 4),
		c(p.Wait.N), n(p.Wait.Median, minute, 1), n(p.Wait.P90, minute, 1),
		c(p.LeadTime.N), n(p.LeadTime.Median, day, 1), n(p.LeadTime.P90, day, 1),
		c(p.Processing.N), n(p.Processing.Median, day, 1), n(p.Processing.P90, day, 1),
		c(p.DeadlineDue), c(p.DeadlineMet), n(p.DeadlineCompliance, 1, 4),
		c(p.Ratings))
	for _, r := range p.RatingCounts {
		row = append(row, c(r))
	}
	const hour = 3600
	return append(row, n(p.MeanRating, 1, 2), n(p.SatisfiedShare, 1, 4),
		c(p.Reports), c(p.ReportAnswer.N), n(p.ReportAnswer.Median, hour, 1), n(p.ReportAnswer.P90, hour, 1),
		c(p.ReportFix.N), n(p.ReportFix.Median, day, 1), n(p.ReportFix.P90, day, 1),
		strings.Join(p.Suppressed, ";"))
}

// WriteCSV writes the months of f, UTF-8 with a header row.
func WriteCSV(w io.Writer, f *Figures) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, p := range f.Months {
		if err := cw.Write(CSVRow(p)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
