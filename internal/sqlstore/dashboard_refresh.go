package sqlstore

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/cases"
	"rathaus/internal/dashboard"
	"rathaus/internal/feedback"
)

// RefreshDashboard recomputes the months that the process events since
// the last refresh touched, from the base tables, and replaces their
// rollup rows in one transaction. Every change that moves a figure
// writes an event in its own transaction (a submission or step of a
// case, a ticket issued or called, a rating), and an event names its
// subject, so the months recomputed are those of the subject's times: a
// case closed today that was submitted in March recomputes March and
// this month. Months are recomputed per family of figures (cases,
// visits, ratings), so a case closed today does not recompute March's
// visits from tickets deleted since under their retention period: the
// rollups keep the anonymous figures of rows that are gone. The first
// refresh computes every month. Concurrent
// refreshes take turns on the state row; a later one finds nothing left.
func (d *DB) RefreshDashboard(ctx context.Context) (int, error) {
	top, settled, err := d.settledEventID(ctx)
	if err != nil {
		return 0, err
	}
	var n int
	err = d.tx(ctx, func(tx *sql.Tx) error {
		var mark int64
		var refreshed anyTime
		if err := d.queryRow(ctx, tx, "SELECT event_id, refreshed_at FROM dashboard_state WHERE id = 1"+d.dialect.forUpdate()).
			Scan(&mark, &refreshed); err != nil {
			return err
		}
		if !settled { // the write transaction itself holds new events off
			if err := d.queryRow(ctx, tx, "SELECT COALESCE(MAX(id), 0) FROM process_events").Scan(&top); err != nil {
				return err
			}
		}
		first := refreshed.T.IsZero()
		if !first && top <= mark {
			return nil
		}
		var parts []monthFamily
		var err error
		if first {
			parts, err = d.dataMonths(ctx, tx)
		} else {
			parts, err = d.touchedMonths(ctx, tx, mark, top)
		}
		if err != nil {
			return err
		}
		if first {
			for _, table := range []string{"dashboard_counts", "dashboard_hist"} {
				if _, err := d.exec(ctx, tx, "DELETE FROM "+table); err != nil {
					return err
				}
			}
		}
		months := map[string]bool{}
		for _, p := range parts {
			if err := d.rollUpMonth(ctx, tx, p.month, p.family); err != nil {
				return err
			}
			months[p.month] = true
		}
		n = len(months)
		_, err = d.exec(ctx, tx, "UPDATE dashboard_state SET event_id = ?, refreshed_at = ? WHERE id = 1", max(top, mark), time.Now())
		return err
	})
	return n, err
}

// settledEventID returns the largest event ID below which no event can
// still appear, on engines where concurrent writers may commit events
// out of ID order; settled is false where the refresh's own transaction
// reads it (SQLite).
func (d *DB) settledEventID(ctx context.Context) (id int64, settled bool, err error) {
	lock := d.dialect.settleEvents()
	if lock == "" {
		return 0, false, nil
	}
	err = d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, lock); err != nil {
			return err
		}
		return d.queryRow(ctx, tx, "SELECT COALESCE(MAX(id), 0) FROM process_events").Scan(&id)
	})
	return id, true, err
}

// monthFamily is one month's figures of one family, to recompute.
type monthFamily struct {
	month  string
	family *rollFamily
}

// dataMonths lists every family of every month from the first to the
// last time any base table records.
func (d *DB) dataMonths(ctx context.Context, q querier) ([]monthFamily, error) {
	var lo, hi time.Time
	for _, c := range []struct{ table, col string }{
		{"cases", "submitted_at"}, {"cases", "closed_at"}, {"tickets", "issued_at"}, {"feedback_satisfaction", "at"},
	} {
		for _, agg := range []string{"MIN", "MAX"} { // one aggregate per query: SQLite then reads the index's end
			var t anyTime
			if err := d.queryRow(ctx, q, "SELECT "+agg+"("+c.col+") FROM "+c.table).Scan(&t); err != nil {
				return nil, err
			}
			if t.T.IsZero() {
				continue
			}
			if lo.IsZero() || t.T.Before(lo) {
				lo = t.T
			}
			if t.T.After(hi) {
				hi = t.T
			}
		}
	}
	if lo.IsZero() {
		return nil, nil
	}
	months, err := rangeMonths(dashboard.Range{From: monthOfTime(lo), To: monthOfTime(hi)})
	var out []monthFamily
	for _, m := range months {
		for _, f := range rollFamilies {
			out = append(out, monthFamily{m, f})
		}
	}
	return out, err
}

// touchedMonths lists the months and families of the subjects of the
// events with IDs in (after, upTo]: cases by reference, the tickets of
// bookings by code, walk-in tickets by the event's time (they are called
// and finished on the day they are issued), ratings by subject.
func (d *DB) touchedMonths(ctx context.Context, q querier, after, upTo int64) ([]monthFamily, error) {
	set := map[monthFamily]bool{}
	var fam *rollFamily
	add := func(row scanner) error {
		var a, b anyTime
		if err := row.Scan(&a, &b); err != nil {
			return err
		}
		for _, t := range []time.Time{a.T, b.T} {
			if !t.IsZero() {
				set[monthFamily{monthOfTime(t), fam}] = true
			}
		}
		return nil
	}
	const events = "SELECT case_id FROM process_events WHERE process = ? AND id > ? AND id <= ?"
	for _, c := range []struct {
		query   string
		process string
		family  *rollFamily
	}{
		{"SELECT submitted_at, closed_at FROM cases WHERE reference IN (" + events + ")", cases.Process, familyCases},
		{"SELECT at, NULL FROM process_events WHERE process = ? AND id > ? AND id <= ?", appointment.Process, familyVisits},
		{"SELECT t.issued_at, NULL FROM tickets t JOIN bookings b ON b.id = t.booking_id WHERE b.code IN (" + events + ")", appointment.Process, familyVisits},
	} {
		fam = c.family
		if err := d.each(ctx, q, add, c.query, c.process, after, upTo); err != nil {
			return nil, err
		}
	}
	var subjects []string
	if err := d.each(ctx, q, func(row scanner) error {
		var s string
		err := row.Scan(&s)
		subjects = append(subjects, s)
		return err
	}, events, feedback.Process, after, upTo); err != nil {
		return nil, err
	}
	fam = familyRatings
	if err := d.ratingMonths(ctx, q, subjects, add); err != nil {
		return nil, err
	}
	out := make([]monthFamily, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].month != out[j].month {
			return out[i].month < out[j].month
		}
		return out[i].family.name < out[j].family.name
	})
	return out, nil
}

// ratingMonths adds the months of the ratings of subjects ("kind:id").
func (d *DB) ratingMonths(ctx context.Context, q querier, subjects []string, add func(scanner) error) error {
	byKind := map[string][]any{}
	for _, s := range subjects {
		kind, id, ok := strings.Cut(s, ":")
		if n, err := strconv.ParseInt(id, 10, 64); ok && err == nil {
			byKind[kind] = append(byKind[kind], n)
		}
	}
	for kind, ids := range byKind {
		for len(ids) > 0 {
			part := ids[:min(len(ids), 500)]
			ids = ids[len(part):]
			query := "SELECT at, NULL FROM feedback_satisfaction WHERE kind = ? AND subject_id IN (?" + strings.Repeat(", ?", len(part)-1) + ")"
			if err := d.each(ctx, q, add, query, append([]any{kind}, part...)...); err != nil {
				return err
			}
		}
	}
	return nil
}

// each calls fn for every row of the query on q.
func (d *DB) each(ctx context.Context, q querier, fn func(scanner) error, query string, args ...any) error {
	rows, err := d.query(ctx, q, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
