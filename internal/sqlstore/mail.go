package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"rathaus/internal/mail"
)

// enqueueMessages inserts messages and one delivery job each, inside the
// caller's transaction: the transactional outbox.
func (d *DB) enqueueMessages(ctx context.Context, q querier, msgs []mail.Message) error {
	for i := range msgs {
		m := &msgs[i]
		id, err := d.insertID(ctx, q, "INSERT INTO mail_outbox (to_addr, subject, body, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
			m.To, m.Subject, m.Text, m.UserID, m.CreatedAt)
		if err != nil {
			return err
		}
		m.ID = id
		payload, _ := json.Marshal(mail.Payload{MessageID: id})
		if _, err := d.exec(ctx, q, "INSERT INTO jobs (kind, payload, run_at, max_attempts, status, created_at) VALUES (?, ?, ?, ?, 'queued', ?)",
			mail.JobKind, payload, m.CreatedAt, 10, m.CreatedAt); err != nil {
			return err
		}
	}
	return nil
}

// EnqueueMessages queues messages that belong to no other change.
func (d *DB) EnqueueMessages(ctx context.Context, msgs []mail.Message) error {
	return d.tx(ctx, func(tx *sql.Tx) error { return d.enqueueMessages(ctx, tx, msgs) })
}

const mailCols = "id, to_addr, subject, body, user_id, created_at, sent_at, attempts, last_error"

func scanMessage(row scanner) (*mail.Message, error) {
	var m mail.Message
	var user sql.NullInt64
	var sent sql.NullTime
	err := row.Scan(&m.ID, &m.To, &m.Subject, &m.Text, &user, &m.CreatedAt, &sent, &m.Attempts, &m.LastError)
	m.UserID, m.SentAt, m.CreatedAt = nullInt(user), nullTime(sent), m.CreatedAt.UTC()
	return &m, err
}

// FindMessageByID returns a message or NotFound.
func (d *DB) FindMessageByID(ctx context.Context, id int64) (*mail.Message, error) {
	m, err := scanMessage(d.queryRow(ctx, d.db, "SELECT "+mailCols+" FROM mail_outbox WHERE id = ?", id))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return m, nil
}

// FindMessages lists messages, newest first.
func (d *DB) FindMessages(ctx context.Context, f mail.Filter) ([]*mail.Message, error) {
	var w where
	if f.UserID != nil {
		w.add("user_id = ?", *f.UserID)
	}
	if f.To != "" {
		w.add("to_addr = ?", f.To)
	}
	q := "SELECT " + mailCols + " FROM mail_outbox" + w.String() + " ORDER BY id DESC LIMIT ?"
	return list(ctx, d, scanMessage, q, append(w.args, limit(f.Limit, 50, 10000))...)
}

// DeleteMessagesBefore removes messages created before t.
func (d *DB) DeleteMessagesBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM mail_outbox WHERE created_at < ?", t))
}

// MarkMessageSent records delivery.
func (d *DB) MarkMessageSent(ctx context.Context, id int64, at time.Time) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ?", at, id)))
}

// MarkMessageFailed records a failed attempt.
func (d *DB) MarkMessageFailed(ctx context.Context, id int64, reason string) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", truncate(reason, 500), id)))
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
