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
	var w where
	if f.ActorID != nil {
		w.add("actor_id = ?", *f.ActorID)
	}
	if f.SubjectID != nil {
		w.add("subject_id = ?", *f.SubjectID)
	}
	if f.Action != "" {
		w.add("action = ?", f.Action)
	}
	if f.BeforeID > 0 {
		w.add("id < ?", f.BeforeID)
	}
	q := "SELECT id, at, actor_id, subject_id, action, detail, ip FROM audit_log" + w.String() + " ORDER BY id DESC LIMIT ?"
	return list(ctx, d, scanAuditEntry, q, append(w.args, limit(f.Limit, 100, 10000))...)
}

func scanAuditEntry(row scanner) (*audit.Entry, error) {
	var e audit.Entry
	var actor, subject sql.NullInt64
	err := row.Scan(&e.ID, &e.At, &actor, &subject, &e.Action, &e.Detail, &e.IP)
	e.At, e.ActorID, e.SubjectID = e.At.UTC(), nullInt(actor), nullInt(subject)
	return &e, err
}
