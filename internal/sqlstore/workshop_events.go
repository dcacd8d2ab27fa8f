package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"rathaus/internal/processlog"
	"rathaus/internal/workshop"
)

// ProcessCounts sizes the platform's event log per process, and per
// service for applications (the "service" attribute of their events).
func (d *DB) ProcessCounts(ctx context.Context) ([]workshop.ProcessCount, error) {
	svc := d.dialect.jsonText("attrs", "service")
	q := `SELECT process, CASE WHEN process = 'case' THEN COALESCE(` + svc + `, '') ELSE '' END AS svc,
		MIN(org_id), COUNT(DISTINCT case_id), COUNT(*), MIN(at), MAX(at)
		FROM process_events GROUP BY process, svc ORDER BY process, svc`
	return list(ctx, d, func(row scanner) (workshop.ProcessCount, error) {
		var c workshop.ProcessCount
		var svc string
		var org sql.NullInt64
		var first, last anyTime
		if err := row.Scan(&c.Process, &svc, &org, &c.Cases, &c.Events, &first, &last); err != nil {
			return c, err
		}
		if svc != "" {
			id, err := strconv.ParseInt(svc, 10, 64)
			if err != nil {
				return c, fmt.Errorf("process events: service %q: %w", svc, err)
			}
			c.ServiceID = id
		}
		c.OrgID, c.First, c.Last = nullInt(org), first.T, last.T
		return c, nil
	}, q)
}

// EventsVersion is the largest event ID of process (events are only
// appended, so it moves whenever the process's log grows).
func (d *DB) EventsVersion(ctx context.Context, process string) (int64, error) {
	var v sql.NullInt64
	err := d.queryRow(ctx, d.db, "SELECT MAX(id) FROM process_events WHERE process = ?", process).Scan(&v)
	return v.Int64, err
}

// ScanEvents streams the selected events in time order to fn.
func (d *DB) ScanEvents(ctx context.Context, f workshop.EventFilter, fn func(*processlog.Event) error) error {
	w := orgScope(f.OrgIDs)
	w.add("process = ?", f.Process)
	if f.ServiceID != 0 {
		w.add(d.dialect.jsonText("attrs", "service")+" = ?", strconv.FormatInt(f.ServiceID, 10))
	}
	rows, err := d.query(ctx, d.db, "SELECT "+eventCols+" FROM process_events"+w.String()+" ORDER BY at, id", w.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var e processlog.Event
	var org sql.NullInt64
	var attrs []byte
	for rows.Next() {
		if err := rows.Scan(&e.ID, &e.Process, &e.CaseID, &e.Activity, &e.At, &org, &e.Resource, &attrs); err != nil {
			return err
		}
		e.Attrs = nil
		if len(attrs) > 2 {
			if err := json.Unmarshal(attrs, &e.Attrs); err != nil {
				return fmt.Errorf("process event %d: attrs: %w", e.ID, err)
			}
		}
		e.OrgID, e.At = nullInt(org), e.At.UTC()
		if err := fn(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}
