package sqlstore

import (
	"context"
	"strings"
)

// scanner is *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// where collects optional filter conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

// add appends cond (with one ? for arg).
func (w *where) add(cond string, arg any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, arg)
}

// String renders the WHERE clause, or "" without conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// list runs query and scans every row with scan.
func list[T any](ctx context.Context, d *DB, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := d.query(ctx, d.db, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
