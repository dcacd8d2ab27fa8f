package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"rathaus/internal/dashboard"
	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// The rollups (migration 0017) keep counts and duration histograms per
// month, service and organisation unit at three levels: one service at
// one unit, all services of a unit (service_id 0), the city (both 0).
// A scope reads the level that answers it, so the whole city over two
// years is a few thousand rows.
const (
	allRows   = 0  // service_id or org_id of the summed levels
	noneKnown = -1 // a unit or service that is not known
)

// Metric names of the rollups.
const (
	metricCasePrefix   = "cases:"
	metricProcessing   = "processing"
	metricDeadlineDue  = "deadline_due"
	metricDeadlineMet  = "deadline_met"
	metricVisitsBooked = "visits_booked"
	metricVisitsWalkIn = "visits_walk_in"
	metricWait         = "wait"
	metricLead         = "lead"
	metricRatingPrefix = "rating:"
)

// DashboardMonths sums the rollups of s for each month of r. An OrgID
// selects the unit and the units below it.
func (d *DB) DashboardMonths(ctx context.Context, s dashboard.Scope, r dashboard.Range) ([]dashboard.Month, error) {
	months, err := rangeMonths(r)
	if err != nil {
		return nil, err
	}
	out := make([]dashboard.Month, len(months))
	index := make(map[string]*dashboard.Month, len(months))
	for i, m := range months {
		out[i] = dashboard.Month{Month: m, Cases: map[string]int64{}}
		for _, h := range []*dashboard.Histogram{&out[i].Processing, &out[i].Wait, &out[i].LeadTime} {
			h.Counts = make([]int64, len(dashboard.Bounds)+1)
		}
		index[m] = &out[i]
	}
	cond, args := scopeRows(s)
	args = append(args, r.From, r.To)
	rows, err := d.query(ctx, d.db, `SELECT month, metric, SUM(n), SUM(sum_ms) FROM dashboard_counts
		WHERE `+cond+` AND month >= ? AND month <= ? GROUP BY month, metric`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var month, metric string
		var n, ms int64
		if err := rows.Scan(&month, &metric, &n, &ms); err != nil {
			return nil, err
		}
		if m := index[month]; m != nil {
			setCount(m, metric, n, time.Duration(ms)*time.Millisecond)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	hrows, err := d.query(ctx, d.db, `SELECT month, metric, bucket, SUM(n) FROM dashboard_hist
		WHERE `+cond+` AND month >= ? AND month <= ? GROUP BY month, metric, bucket`, args...)
	if err != nil {
		return nil, err
	}
	defer hrows.Close()
	for hrows.Next() {
		var month, metric string
		var bucket int
		var n int64
		if err := hrows.Scan(&month, &metric, &bucket, &n); err != nil {
			return nil, err
		}
		if h := histOf(index[month], metric); h != nil && bucket >= 0 && bucket < len(h.Counts) {
			h.Counts[bucket] += n
		}
	}
	if err := hrows.Err(); err != nil {
		return nil, err
	}
	if s.ServiceID == 0 {
		if err := d.dashboardReports(ctx, s.OrgID, months, index); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dashboardReports adds the defect reports to the months: received in
// the month, first answered in the month, done in the month; with orgID
// only those of that unit and the units below it. Read from the reports
// themselves (a city has thousands a year, not millions of events);
// merged duplicates do not count.
func (d *DB) dashboardReports(ctx context.Context, orgID int64, months []string, index map[string]*dashboard.Month) error {
	from, _, err := monthBounds(months[0])
	if err != nil {
		return err
	}
	_, to, err := monthBounds(months[len(months)-1])
	if err != nil {
		return err
	}
	cond, args := "", []any{to, from, from, from, string(report.StatusMerged)}
	if orgID != 0 {
		cond, args = " AND unit_id IN "+orgSubtree, append(args, orgID)
	}
	rows, err := d.query(ctx, d.db, `SELECT requested_at, first_answer_at, closed_at, status FROM reports
		WHERE requested_at < ? AND (requested_at >= ? OR first_answer_at >= ? OR closed_at >= ?) AND status <> ?`+cond, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var requested time.Time
		var answered, closed sql.NullTime
		var status string
		if err := rows.Scan(&requested, &answered, &closed, &status); err != nil {
			return err
		}
		if m := index[monthOfTime(requested)]; m != nil {
			m.Reports++
		}
		if t := nullTime(answered); t != nil {
			if m := index[monthOfTime(*t)]; m != nil {
				m.ReportAnswer.Add(t.Sub(requested))
			}
		}
		if t := nullTime(closed); t != nil && report.Status(status) == report.StatusDone {
			if m := index[monthOfTime(*t)]; m != nil {
				m.ReportFix.Add(t.Sub(requested))
			}
		}
	}
	return rows.Err()
}

// orgSubtree selects the IDs of a unit (the argument) and every unit
// below it: a unit's figures include its sub-units'.
const orgSubtree = `(WITH RECURSIVE sub (id) AS (SELECT CAST(? AS BIGINT)
		UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`

// scopeRows is the condition that selects the rollup rows of s.
func scopeRows(s dashboard.Scope) (string, []any) {
	const subtree = "org_id IN " + orgSubtree
	switch {
	case s.ServiceID == 0 && s.OrgID == 0:
		return "service_id = 0 AND org_id = 0", nil
	case s.ServiceID == 0:
		return "service_id = 0 AND " + subtree, []any{s.OrgID}
	case s.OrgID == 0:
		return "service_id = ?", []any{s.ServiceID}
	default:
		return "service_id = ? AND " + subtree, []any{s.ServiceID, s.OrgID}
	}
}

// setCount puts one summed count row into m.
func setCount(m *dashboard.Month, metric string, n int64, sum time.Duration) {
	if h := histOf(m, metric); h != nil {
		h.N, h.Sum = n, sum
		return
	}
	switch {
	case strings.HasPrefix(metric, metricCasePrefix):
		m.Cases[strings.TrimPrefix(metric, metricCasePrefix)] = n
	case strings.HasPrefix(metric, metricRatingPrefix):
		if r := metric[len(metricRatingPrefix):]; len(r) == 1 && r[0] >= '1' && r[0] <= '5' {
			m.Ratings[r[0]-'1'] = n
		}
	case metric == metricDeadlineDue:
		m.DeadlineDue = n
	case metric == metricDeadlineMet:
		m.DeadlineMet = n
	case metric == metricVisitsBooked:
		m.VisitsBooked = n
	case metric == metricVisitsWalkIn:
		m.VisitsWalkIn = n
	}
}

func histOf(m *dashboard.Month, metric string) *dashboard.Histogram {
	if m == nil {
		return nil
	}
	switch metric {
	case metricProcessing:
		return &m.Processing
	case metricWait:
		return &m.Wait
	case metricLead:
		return &m.LeadTime
	}
	return nil
}

const monthLayout = "2006-01"

// rangeMonths lists the months of r, From and To included.
func rangeMonths(r dashboard.Range) ([]string, error) {
	from, err1 := time.Parse(monthLayout, r.From)
	to, err2 := time.Parse(monthLayout, r.To)
	switch {
	case err1 != nil || err2 != nil || to.After(from.AddDate(100, 0, 0)):
		return nil, fault.New(fault.Invalid, "error.dashboard.month")
	case to.Before(from):
		return nil, fault.New(fault.Invalid, "error.dashboard.order")
	}
	var out []string
	for m := from; !m.After(to); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format(monthLayout))
	}
	return out, nil
}

// monthBounds is the span of month ("2006-01") in dashboard.Location.
func monthBounds(month string) (time.Time, time.Time, error) {
	m, err := time.ParseInLocation(monthLayout, month, dashboard.Location)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	return m.UTC(), m.AddDate(0, 1, 0).UTC(), nil
}

// monthOfTime is the month of t in dashboard.Location.
func monthOfTime(t time.Time) string { return t.In(dashboard.Location).Format(monthLayout) }
