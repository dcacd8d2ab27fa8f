package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

const revisionCols = "id, service_id, number, content, author_id, origin, comment, state, reviewer_id, review_note, reviewed_at, created_at"

func scanRevision(row scanner) (*catalog.Revision, error) {
	var r catalog.Revision
	var content string
	var author, reviewer sql.NullInt64
	var reviewed sql.NullTime
	err := row.Scan(&r.ID, &r.ServiceID, &r.Number, &content, &author, &r.Origin, &r.Comment, &r.State,
		&reviewer, &r.ReviewNote, &reviewed, &r.CreatedAt)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(content), &r.Content); err != nil {
		return nil, fmt.Errorf("revision %d: content: %w", r.ID, err)
	}
	r.AuthorID, r.ReviewerID, r.ReviewedAt = nullInt(author), nullInt(reviewer), nullTime(reviewed)
	r.CreatedAt = r.CreatedAt.UTC()
	return &r, nil
}

// errRevisionClosed answers a review of a revision that is no longer pending.
func errRevisionClosed() error { return fault.New(fault.Conflict, "error.catalog.revision_closed") }

func defaultRevision(rev *catalog.Revision, at time.Time) {
	if rev.State == "" {
		rev.State = catalog.RevisionPending
	}
	if rev.CreatedAt.IsZero() {
		rev.CreatedAt = at
	}
}

func (d *DB) insertRevision(ctx context.Context, tx *sql.Tx, rev *catalog.Revision) error {
	content, err := json.Marshal(rev.Content)
	if err != nil {
		return err
	}
	rev.ID, err = d.insertID(ctx, tx, `INSERT INTO service_revisions (service_id, number, content, author_id, origin, comment,
		state, reviewer_id, review_note, reviewed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rev.ServiceID, rev.Number, string(content), rev.AuthorID, rev.Origin, rev.Comment,
		rev.State, rev.ReviewerID, rev.ReviewNote, rev.ReviewedAt, rev.CreatedAt)
	return err
}

// supersede closes the service's published revision, before another takes its place.
func (d *DB) supersede(ctx context.Context, tx *sql.Tx, serviceID int64) error {
	_, err := d.exec(ctx, tx, "UPDATE service_revisions SET state = 'superseded' WHERE service_id = ? AND state = 'published'", serviceID)
	return err
}

// CreateRevision numbers rev after the service's last revision. A
// published one becomes the service's content at once; a proposal for a
// service never published becomes its draft content.
func (d *DB) CreateRevision(ctx context.Context, rev *catalog.Revision) error {
	defaultRevision(rev, time.Time{})
	return d.tx(ctx, func(tx *sql.Tx) error {
		_, version, err := d.lockService(ctx, tx, rev.ServiceID)
		if err != nil {
			return err
		}
		err = d.queryRow(ctx, tx, "SELECT COALESCE(MAX(number), 0) + 1 FROM service_revisions WHERE service_id = ?", rev.ServiceID).Scan(&rev.Number)
		if err != nil {
			return err
		}
		published := rev.State == catalog.RevisionPublished
		if published {
			if err := d.supersede(ctx, tx, rev.ServiceID); err != nil {
				return err
			}
		}
		if err := d.insertRevision(ctx, tx, rev); err != nil {
			return err
		}
		if published || version == 0 {
			return d.setServiceContent(ctx, tx, rev.ServiceID, rev.Content, rev.Number, published, rev.CreatedAt)
		}
		return nil
	})
}

// FindRevisionByID returns a revision or NotFound.
func (d *DB) FindRevisionByID(ctx context.Context, id int64) (*catalog.Revision, error) {
	r, err := scanRevision(d.queryRow(ctx, d.db, "SELECT "+revisionCols+" FROM service_revisions WHERE id = ?", id))
	return r, d.mapErr(err)
}

// FindRevisions lists revisions, newest first.
func (d *DB) FindRevisions(ctx context.Context, f catalog.RevisionFilter) ([]*catalog.Revision, error) {
	var w where
	if f.ServiceID != nil {
		w.add("service_id = ?", *f.ServiceID)
	}
	if f.State != "" {
		w.add("state = ?", f.State)
	}
	q := "SELECT " + revisionCols + " FROM service_revisions" + w.String() + " ORDER BY id DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		w.args = append(w.args, f.Limit)
	}
	return list(ctx, d, scanRevision, q, w.args...)
}

// PublishRevision makes a pending revision the service's content. The
// service row is locked first, so of two reviewers approving at once one
// publishes and the other gets Conflict.
func (d *DB) PublishRevision(ctx context.Context, id int64, reviewerID *int64, note string, at time.Time) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		var serviceID int64
		if err := d.queryRow(ctx, tx, "SELECT service_id FROM service_revisions WHERE id = ?", id).Scan(&serviceID); err != nil {
			return d.mapErr(err)
		}
		if _, _, err := d.lockService(ctx, tx, serviceID); err != nil {
			return err
		}
		rev, err := scanRevision(d.queryRow(ctx, tx, "SELECT "+revisionCols+" FROM service_revisions WHERE id = ?", id))
		if err != nil {
			return d.mapErr(err)
		}
		if rev.State != catalog.RevisionPending {
			return errRevisionClosed()
		}
		if err := d.supersede(ctx, tx, serviceID); err != nil {
			return err
		}
		// The state condition again: a rejection does not lock the service.
		n, err := affected(d.exec(ctx, tx, `UPDATE service_revisions SET state = 'published', reviewer_id = ?, review_note = ?, reviewed_at = ?
			WHERE id = ? AND state = 'pending'`, reviewerID, note, at, id))
		if err != nil {
			return err
		}
		if n == 0 {
			return errRevisionClosed()
		}
		return d.setServiceContent(ctx, tx, serviceID, rev.Content, rev.Number, true, at)
	})
}

// RejectRevision closes a pending revision, in one statement so that it
// cannot overtake a concurrent publication.
func (d *DB) RejectRevision(ctx context.Context, id int64, reviewerID *int64, note string, at time.Time) error {
	n, err := affected(d.exec(ctx, d.db, `UPDATE service_revisions SET state = 'rejected', reviewer_id = ?, review_note = ?, reviewed_at = ?
		WHERE id = ? AND state = 'pending'`, reviewerID, note, at, id))
	if err != nil || n == 1 {
		return err
	}
	if _, err := d.FindRevisionByID(ctx, id); err != nil {
		return err
	}
	return errRevisionClosed()
}
