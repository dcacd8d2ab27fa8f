package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"rathaus/internal/processlog"
)

// Bulk writing for the demo's simulated history: multi-row INSERTs inside
// the caller's transaction, so a year of visits takes seconds, not
// minutes. Only seeding methods use it; the product's own paths write one
// change at a time, under their checks.

// seedBatchParams bounds the placeholders of one statement, well below
// both engines' limits (SQLite 32766, PostgreSQL 65535).
const seedBatchParams = 8000

// insertRows inserts rows (each len(cols) values) into table in batches.
// With returning set, each batch ends in "RETURNING <returning>" and scan
// reads every returned row.
func (d *DB) insertRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any,
	returning string, scan func(*sql.Rows) error) error {
	per := max(1, seedBatchParams/len(cols))
	one := "(" + placeholders(len(cols)) + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	// Full batches share one prepared statement; the last one has its own.
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		st := stmts[len(batch)]
		if st == nil {
			var b strings.Builder
			b.WriteString(head)
			for i := range batch {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(one)
			}
			if returning != "" {
				b.WriteString(" RETURNING " + returning)
			}
			var err error
			if st, err = tx.PrepareContext(ctx, d.dialect.rebind(b.String())); err != nil {
				return err
			}
			stmts[len(batch)] = st
		}
		args := make([]any, 0, len(batch)*len(cols))
		for _, r := range batch {
			args = append(args, r...)
		}
		args = convert(args)
		if returning == "" {
			if _, err := st.ExecContext(ctx, args...); err != nil {
				return d.mapErr(err)
			}
			continue
		}
		if err := scanAll(st.QueryContext(ctx, args...))(scan); err != nil {
			return d.mapErr(err)
		}
	}
	return nil
}

// scanAll hands every row of a query's result to scan.
func scanAll(rows *sql.Rows, err error) func(func(*sql.Rows) error) error {
	return func(scan func(*sql.Rows) error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
}

// seedEvents appends events to the process log in batches, in time order
// (which keeps the index on time growing at its end); IDs are not set.
func (d *DB) seedEvents(ctx context.Context, tx *sql.Tx, evs []processlog.Event) error {
	order := make([]*processlog.Event, len(evs))
	for i := range evs {
		order[i] = &evs[i]
	}
	slices.SortStableFunc(order, func(a, b *processlog.Event) int { return a.At.Compare(b.At) })
	rows := make([][]any, len(evs))
	for i, e := range order {
		attrs := "{}"
		if len(e.Attrs) > 0 {
			b, err := json.Marshal(e.Attrs)
			if err != nil {
				return err
			}
			attrs = string(b)
		}
		rows[i] = []any{e.Process, e.CaseID, e.Activity, e.At, e.OrgID, e.Resource, attrs}
	}
	return d.insertRows(ctx, tx, "process_events",
		[]string{"process", "case_id", "activity", "at", "org_id", "resource", "attrs"}, rows, "", nil)
}
