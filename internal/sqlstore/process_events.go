package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"rathaus/internal/processlog"
)

// Process events keep their attributes as JSON text. They are written only
// inside the transaction of the change they record (insertEvents).

const eventCols = "id, process, case_id, activity, at, org_id, resource, attrs"

// insertEvents appends events to the log, setting their IDs.
func (d *DB) insertEvents(ctx context.Context, q querier, evs []processlog.Event) error {
	for i := range evs {
		e := &evs[i]
		attrs := "{}"
		if len(e.Attrs) > 0 {
			b, err := json.Marshal(e.Attrs)
			if err != nil {
				return err
			}
			attrs = string(b)
		}
		id, err := d.insertID(ctx, q, "INSERT INTO process_events (process, case_id, activity, at, org_id, resource, attrs) VALUES (?, ?, ?, ?, ?, ?, ?)",
			e.Process, e.CaseID, e.Activity, e.At, e.OrgID, e.Resource, attrs)
		if err != nil {
			return err
		}
		e.ID = id
	}
	return nil
}

// AddEvents appends events that record no change of stored state, such
// as the delivery of a case to a specialist system.
func (d *DB) AddEvents(ctx context.Context, evs []processlog.Event) error {
	return d.insertEvents(ctx, d.db, evs)
}

func scanEvent(row scanner) (*processlog.Event, error) {
	var e processlog.Event
	var org sql.NullInt64
	var attrs string
	if err := row.Scan(&e.ID, &e.Process, &e.CaseID, &e.Activity, &e.At, &org, &e.Resource, &attrs); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(attrs), &e.Attrs); err != nil {
		return nil, fmt.Errorf("process event %d: attrs: %w", e.ID, err)
	}
	if len(e.Attrs) == 0 {
		e.Attrs = nil
	}
	e.OrgID, e.At = nullInt(org), e.At.UTC()
	return &e, nil
}

// FindEvents lists events in time order (by At, then ID). AfterID pages:
// it selects the events after that event in this order, so a page ends
// with the event whose ID the next page starts after.
func (d *DB) FindEvents(ctx context.Context, f processlog.Filter) ([]*processlog.Event, error) {
	var w where
	if f.Process != "" {
		w.add("process = ?", f.Process)
	}
	if f.CaseID != "" {
		w.add("case_id = ?", f.CaseID)
	}
	if !f.From.IsZero() {
		w.add("at >= ?", f.From)
	}
	if !f.To.IsZero() {
		w.add("at < ?", f.To)
	}
	if f.AfterID > 0 {
		const after = "(SELECT at FROM process_events WHERE id = ?)"
		w.conds = append(w.conds, "(at > "+after+" OR (at = "+after+" AND id > ?))")
		w.args = append(w.args, f.AfterID, f.AfterID, f.AfterID)
	}
	q := "SELECT " + eventCols + " FROM process_events" + w.String() + " ORDER BY at, id LIMIT ?"
	return list(ctx, d, scanEvent, q, append(w.args, limit(f.Limit, 1000, 100000))...)
}
