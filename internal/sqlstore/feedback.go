package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/feedback"
	"rathaus/internal/processlog"
)

// The feedback store: page answers in feedback_helpful (one per client,
// service and day by a partial unique index), satisfaction answers in
// feedback_satisfaction (one per subject, replaced by an upsert).

var _ feedback.Store = (*DB)(nil)

// AddHelpful stores h unless the client answered for the service that day.
func (d *DB) AddHelpful(ctx context.Context, h *feedback.Helpful) (bool, error) {
	var id int64
	err := d.queryRow(ctx, d.db, `INSERT INTO feedback_helpful (service_id, helpful, comment, client_hash, day, at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		h.ServiceID, h.Helpful, h.Comment, h.ClientHash, h.Day, h.At).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	h.ID = id
	return true, nil
}

// CountHelpfulSince counts the page answers of a client since t.
func (d *DB) CountHelpfulSince(ctx context.Context, clientHash string, t time.Time) (int, error) {
	var n int
	err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM feedback_helpful WHERE client_hash = ? AND at >= ?",
		clientHash, t).Scan(&n)
	return n, err
}

// FindHelpful returns a page answer.
func (d *DB) FindHelpful(ctx context.Context, id int64) (*feedback.Helpful, error) {
	var h feedback.Helpful
	err := d.queryRow(ctx, d.db, `SELECT id, service_id, helpful, comment, client_hash, day, at
		FROM feedback_helpful WHERE id = ?`, id).Scan(&h.ID, &h.ServiceID, &h.Helpful, &h.Comment, &h.ClientHash, &h.Day, &h.At)
	if err != nil {
		return nil, d.mapErr(err)
	}
	h.At = h.At.UTC()
	return &h, nil
}

// SetHelpfulComment sets the comment of a page answer of clientHash that
// has none yet.
func (d *DB) SetHelpfulComment(ctx context.Context, id int64, clientHash, comment string) error {
	n, err := affected(d.exec(ctx, d.db, `UPDATE feedback_helpful SET comment = ?
		WHERE id = ? AND client_hash = ? AND comment = ''`, comment, id, clientHash))
	if err != nil {
		return err
	}
	if n == 0 {
		return fault.New(fault.Conflict, "error.feedback.comment_done")
	}
	return nil
}

// SaveSatisfaction inserts or replaces the answer about s.Subject and logs ev.
func (d *DB) SaveSatisfaction(ctx context.Context, s *feedback.Satisfaction, ev processlog.Event) (bool, error) {
	var changed bool
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := d.queryRow(ctx, tx, "SELECT COUNT(*) FROM feedback_satisfaction WHERE kind = ? AND subject_id = ?",
			s.Subject.Kind, s.Subject.ID).Scan(&n); err != nil {
			return err
		}
		changed = n > 0
		err := d.queryRow(ctx, tx, `INSERT INTO feedback_satisfaction
			(kind, subject_id, service_id, org_id, rating, comment, at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (kind, subject_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment,
			updated_at = excluded.updated_at RETURNING id, at, updated_at`,
			s.Subject.Kind, s.Subject.ID, s.ServiceID, s.OrgID, s.Rating, s.Comment, s.At, s.UpdatedAt).
			Scan(&s.ID, &s.At, &s.UpdatedAt)
		if err != nil {
			return err
		}
		s.At, s.UpdatedAt = s.At.UTC(), s.UpdatedAt.UTC()
		return d.insertEvents(ctx, tx, []processlog.Event{ev})
	})
	return changed, err
}

// FindSatisfaction returns the answer about subj.
func (d *DB) FindSatisfaction(ctx context.Context, subj feedback.Subject) (*feedback.Satisfaction, error) {
	var s feedback.Satisfaction
	var org sql.NullInt64
	err := d.queryRow(ctx, d.db, `SELECT id, kind, subject_id, service_id, org_id, rating, comment, at, updated_at
		FROM feedback_satisfaction WHERE kind = ? AND subject_id = ?`, subj.Kind, subj.ID).
		Scan(&s.ID, &s.Subject.Kind, &s.Subject.ID, &s.ServiceID, &org, &s.Rating, &s.Comment, &s.At, &s.UpdatedAt)
	if err != nil {
		return nil, d.mapErr(err)
	}
	s.OrgID, s.At, s.UpdatedAt = nullInt(org), s.At.UTC(), s.UpdatedAt.UTC()
	return &s, nil
}

// DeleteFeedbackBefore deletes the feedback last changed before t.
func (d *DB) DeleteFeedbackBefore(ctx context.Context, t time.Time) (int64, error) {
	var total int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, "DELETE FROM feedback_helpful WHERE at < ?", t))
		if err != nil {
			return err
		}
		m, err := affected(d.exec(ctx, tx, "DELETE FROM feedback_satisfaction WHERE updated_at < ?", t))
		total = n + m
		return err
	})
	return total, err
}
