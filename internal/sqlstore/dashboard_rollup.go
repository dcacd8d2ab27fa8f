package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/dashboard"
)

// rollKey is one rollup row's scope and metric.
type rollKey struct {
	service, org int64
	metric       string
}

// rollup collects one month's figures at every level.
type rollup struct {
	counts map[rollKey]*[2]int64 // n, sum in milliseconds
	hists  map[rollKey]*dashboard.Histogram
}

func newRollup() *rollup {
	return &rollup{counts: map[rollKey]*[2]int64{}, hists: map[rollKey]*dashboard.Histogram{}}
}

// levels calls fn with the keys a figure of services at org counts in:
// each service at the unit, all services at the unit, the city.
func levels(services []int64, org int64, fn func(service, org int64)) {
	for _, s := range services {
		if s > 0 {
			fn(s, org)
		}
	}
	fn(allRows, org)
	fn(allRows, allRows)
}

func (r *rollup) count(services []int64, org int64, metric string, n int64) {
	levels(services, org, func(s, o int64) {
		k := rollKey{s, o, metric}
		c := r.counts[k]
		if c == nil {
			c = new([2]int64)
			r.counts[k] = c
		}
		c[0] += n
	})
}

func (r *rollup) observe(services []int64, org int64, metric string, d time.Duration) {
	levels(services, org, func(s, o int64) {
		k := rollKey{s, o, metric}
		h := r.hists[k]
		if h == nil {
			h = &dashboard.Histogram{}
			r.hists[k] = h
		}
		h.Add(d)
	})
}

// orgOf is a unit's ID, or noneKnown.
func orgOf(n sql.NullInt64) int64 {
	if !n.Valid || n.Int64 <= 0 {
		return noneKnown
	}
	return n.Int64
}

// rollFamily is the figures one kind of base row gives: its metrics (a
// name ending in ":" is a prefix) and the steps that compute them.
type rollFamily struct {
	name    string
	metrics []string
	steps   []rollStep
}

// rollStep adds one kind of base row of [from, to) to a rollup.
type rollStep func(d *DB, ctx context.Context, tx *sql.Tx, r *rollup, from, to time.Time) error

var (
	familyCases = &rollFamily{name: "cases",
		metrics: []string{metricCasePrefix, metricProcessing, metricDeadlineDue, metricDeadlineMet},
		steps:   []rollStep{(*DB).rollUpSubmitted, (*DB).rollUpClosed}}
	familyVisits = &rollFamily{name: "visits",
		metrics: []string{metricVisitsBooked, metricVisitsWalkIn, metricWait, metricLead},
		steps:   []rollStep{(*DB).rollUpVisits}}
	familyRatings = &rollFamily{name: "ratings",
		metrics: []string{metricRatingPrefix},
		steps:   []rollStep{(*DB).rollUpRatings}}
	rollFamilies = []*rollFamily{familyCases, familyVisits, familyRatings}
)

// metricsWhere is the condition on metric that selects f's rows.
func (f *rollFamily) metricsWhere() (string, []any) {
	var conds []string
	var args []any
	for _, m := range f.metrics {
		if strings.HasSuffix(m, ":") {
			conds, args = append(conds, "metric LIKE ?"), append(args, m+"%")
		} else {
			conds, args = append(conds, "metric = ?"), append(args, m)
		}
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// rollUpMonth recomputes family f of month from the base tables and
// replaces its rows.
func (d *DB) rollUpMonth(ctx context.Context, tx *sql.Tx, month string, f *rollFamily) error {
	from, to, err := monthBounds(month)
	if err != nil {
		return err
	}
	r := newRollup()
	for _, step := range f.steps {
		if err := step(d, ctx, tx, r, from, to); err != nil {
			return err
		}
	}
	return d.replaceMonth(ctx, tx, month, f, r)
}

// rollUpSubmitted counts the cases submitted in [from, to) per channel.
func (d *DB) rollUpSubmitted(ctx context.Context, tx *sql.Tx, r *rollup, from, to time.Time) error {
	return d.each(ctx, tx, func(row scanner) error {
		var service, n int64
		var org sql.NullInt64
		var channel string
		if err := row.Scan(&service, &org, &channel, &n); err != nil {
			return err
		}
		r.count([]int64{service}, orgOf(org), metricCasePrefix+channel, n)
		return nil
	}, `SELECT service_id, org_id, channel, COUNT(*) FROM cases WHERE submitted_at >= ? AND submitted_at < ?
		GROUP BY service_id, org_id, channel`, from, to)
}

// rollUpClosed adds the processing times and deadlines of the cases
// closed in [from, to).
func (d *DB) rollUpClosed(ctx context.Context, tx *sql.Tx, r *rollup, from, to time.Time) error {
	services := make([]int64, 1)
	return d.each(ctx, tx, func(row scanner) error {
		var org sql.NullInt64
		var submitted, closed time.Time
		var deadline sql.NullTime
		if err := row.Scan(&services[0], &org, &submitted, &closed, &deadline); err != nil {
			return err
		}
		o := orgOf(org)
		r.observe(services, o, metricProcessing, closed.Sub(submitted))
		if deadline.Valid {
			r.count(services, o, metricDeadlineDue, 1)
			if !closed.After(deadline.Time) {
				r.count(services, o, metricDeadlineMet, 1)
			}
		}
		return nil
	}, `SELECT service_id, org_id, submitted_at, closed_at, deadline FROM cases WHERE closed_at >= ? AND closed_at < ?`, from, to)
}

// rollUpVisits counts the tickets issued in [from, to), their waits and
// the lead times of their bookings. A ticket for several services counts
// for each of them, and once in the sums over services.
func (d *DB) rollUpVisits(ctx context.Context, tx *sql.Tx, r *rollup, from, to time.Time) error {
	var services []int64
	return d.each(ctx, tx, func(row scanner) error {
		var org sql.NullInt64
		var kind, ids string
		var issued time.Time
		var called, start, created sql.NullTime
		if err := row.Scan(&org, &kind, &ids, &issued, &called, &start, &created); err != nil {
			return err
		}
		services = services[:0]
		if err := json.Unmarshal([]byte(ids), &services); err != nil {
			services = services[:0] // counted in the sums over services only
		}
		o := orgOf(org)
		metric := metricVisitsWalkIn
		if kind == appointment.KindAppointment {
			metric = metricVisitsBooked
		}
		r.count(services, o, metric, 1)
		if called.Valid {
			r.observe(services, o, metricWait, called.Time.Sub(issued))
		}
		if start.Valid && created.Valid {
			r.observe(services, o, metricLead, start.Time.Sub(created.Time))
		}
		return nil
	}, `SELECT o.org_id, t.kind, t.service_ids, t.issued_at, t.called_at, b.start_at, b.created_at
		FROM tickets t JOIN offices o ON o.id = t.office_id LEFT JOIN bookings b ON b.id = t.booking_id
		WHERE t.issued_at >= ? AND t.issued_at < ?`, from, to)
}

// rollUpRatings counts the satisfaction answers first given in [from, to).
func (d *DB) rollUpRatings(ctx context.Context, tx *sql.Tx, r *rollup, from, to time.Time) error {
	return d.each(ctx, tx, func(row scanner) error {
		var service, n int64
		var org sql.NullInt64
		var rating int
		if err := row.Scan(&service, &org, &rating, &n); err != nil {
			return err
		}
		r.count([]int64{service}, orgOf(org), metricRatingPrefix+strconv.Itoa(rating), n)
		return nil
	}, `SELECT service_id, org_id, rating, COUNT(*) FROM feedback_satisfaction WHERE at >= ? AND at < ?
		GROUP BY service_id, org_id, rating`, from, to)
}

// replaceMonth deletes the rows of family f in month and writes r's.
func (d *DB) replaceMonth(ctx context.Context, tx *sql.Tx, month string, f *rollFamily, r *rollup) error {
	cond, args := f.metricsWhere()
	for _, table := range []string{"dashboard_counts", "dashboard_hist"} {
		if _, err := d.exec(ctx, tx, "DELETE FROM "+table+" WHERE month = ? AND "+cond, append([]any{month}, args...)...); err != nil {
			return err
		}
	}
	counts := make([][]any, 0, len(r.counts)+len(r.hists))
	for k, c := range r.counts {
		counts = append(counts, []any{k.service, k.org, month, k.metric, c[0], c[1]})
	}
	var hist [][]any
	for k, h := range r.hists {
		counts = append(counts, []any{k.service, k.org, month, k.metric, h.N, h.Sum.Milliseconds()})
		for b, n := range h.Counts {
			if n > 0 {
				hist = append(hist, []any{k.service, k.org, month, k.metric, b, n})
			}
		}
	}
	if err := d.insertMany(ctx, tx, "dashboard_counts (service_id, org_id, month, metric, n, sum_ms)", counts); err != nil {
		return err
	}
	return d.insertMany(ctx, tx, "dashboard_hist (service_id, org_id, month, metric, bucket, n)", hist)
}

// insertMany inserts rows of equal width with multi-row statements.
func (d *DB) insertMany(ctx context.Context, tx *sql.Tx, into string, rows [][]any) error {
	const per = 400
	for len(rows) > 0 {
		part := rows[:min(len(rows), per)]
		rows = rows[len(part):]
		one := "(?" + strings.Repeat(", ?", len(part[0])-1) + ")"
		args := make([]any, 0, len(part)*len(part[0]))
		for _, r := range part {
			args = append(args, r...)
		}
		if _, err := d.exec(ctx, tx, "INSERT INTO "+into+" VALUES "+one+strings.Repeat(", "+one, len(part)-1), args...); err != nil {
			return err
		}
	}
	return nil
}
