package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/audit"
)

// CreateAuditEntry appends to the audit log.
func (d *DB) CreateAuditEntry(ctx context.Context, e *audit.Entry) error {
	id, err := d.insertID(ctx, d.db, "INSERT INTO audit_log (at, actor_id, subject_id, action, detail, ip) VALUES (?, ?, ?, ?, ?, ?)",
		e.At, e.ActorID, e.SubjectID, e.Action, e.Detail, e.IP)
	e.ID = id
	return err
}

// DeleteAuditEntriesBefore removes entries older than t.
func (d *DB) DeleteAuditEntriesBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM audit_log WHERE at < ?", t))
}

// FindAuditEntries lists entries newest first.
func (d *DB) FindAuditEntries(ctx context.Context, f audit.Filter) ([]*audit.Entry, error) {
	q := "SELECT id, at, actor_id, subject_id, action, detail, ip FROM audit_log WHERE 1=1"
	var args []any
	if f.ActorID != nil {
		q += " AND actor_id = ?"
		args = append(args, *f.ActorID)
	}
	if f.SubjectID != nil {
		q += " AND subject_id = ?"
		args = append(args, *f.SubjectID)
	}
	if f.Action != "" {
		q += " AND action = ?"
		args = append(args, f.Action)
	}
	if f.BeforeID > 0 {
		q += " AND id < ?"
		args = append(args, f.BeforeID)
	}
	q += " ORDER BY id DESC LIMIT ?"
	args = append(args, limit(f.Limit, 100, 10000))
	rows, err := d.query(ctx, d.db, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*audit.Entry
	for rows.Next() {
		var e audit.Entry
		var actor, subject sql.NullInt64
		if err := rows.Scan(&e.ID, &e.At, &actor, &subject, &e.Action, &e.Detail, &e.IP); err != nil {
			return nil, err
		}
		e.At, e.ActorID, e.SubjectID = e.At.UTC(), nullInt(actor), nullInt(subject)
		out = append(out, &e)
	}
	return out, rows.Err()
}
