package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
)

// The inquiry store: messages to the city in inquiries (reference numbers
// counted per year in inquiry_sequences, service IDs as JSON text, the
// suggestion's "because" words joined by commas), replies in
// inquiry_replies, staff's routing corrections in inquiry_corrections.

var _ inquiry.Store = (*DB)(nil)

const inquiryWriteCols = "reference, subject, body, lang, source, name, email, user_id, service_ids, " +
	"suggested_org_id, suggested_category, confidence, because, org_id, category, status, version, created_at, updated_at, closed_at"

const inquiryCols = "id, " + inquiryWriteCols

func scanInquiry(row scanner) (*inquiry.Inquiry, error) {
	var q inquiry.Inquiry
	var user, sorg, org sql.NullInt64
	var closed sql.NullTime
	var services, because string
	err := row.Scan(&q.ID, &q.Reference, &q.Subject, &q.Body, &q.Lang, &q.Source, &q.Name, &q.Email, &user, &services,
		&sorg, &q.Suggested.Category, &q.Suggested.Confidence, &because, &org, &q.Category, &q.Status, &q.Version,
		&q.CreatedAt, &q.UpdatedAt, &closed)
	if err != nil {
		return nil, err
	}
	q.UserID, q.Suggested.OrgID, q.OrgID, q.ClosedAt = nullInt(user), nullInt(sorg), nullInt(org), nullTime(closed)
	q.CreatedAt, q.UpdatedAt = q.CreatedAt.UTC(), q.UpdatedAt.UTC()
	if because != "" {
		q.Suggested.Because = strings.Split(because, ",")
	}
	if q.ServiceIDs, err = parseIDs(services); err != nil {
		return nil, err
	}
	return &q, nil
}

// CreateInquiry stores q with the next reference number of its year.
func (d *DB) CreateInquiry(ctx context.Context, q *inquiry.Inquiry) error {
	c := *q
	c.Version = 1
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var n int
		year := c.CreatedAt.Year()
		err := d.queryRow(ctx, tx, `INSERT INTO inquiry_sequences (year, last_number) VALUES (?, 1)
			ON CONFLICT (year) DO UPDATE SET last_number = inquiry_sequences.last_number + 1 RETURNING last_number`,
			year).Scan(&n)
		if err != nil {
			return err
		}
		c.Reference = inquiry.Reference(year, n)
		c.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO inquiries ("+inquiryWriteCols+") VALUES ("+placeholders(20)+")",
			inquiryArgs(&c)...)
		return err
	})
	if err != nil {
		return d.mapErr(err)
	}
	*q = c
	return nil
}

func inquiryArgs(q *inquiry.Inquiry) []any {
	return []any{q.Reference, q.Subject, q.Body, q.Lang, q.Source, q.Name, q.Email, q.UserID, idsJSON(q.ServiceIDs),
		q.Suggested.OrgID, q.Suggested.Category, q.Suggested.Confidence, strings.Join(q.Suggested.Because, ","),
		q.OrgID, q.Category, q.Status, q.Version, q.CreatedAt, q.UpdatedAt, q.ClosedAt}
}

// FindInquiry returns a message or NotFound.
func (d *DB) FindInquiry(ctx context.Context, id int64) (*inquiry.Inquiry, error) {
	q, err := scanInquiry(d.queryRow(ctx, d.db, "SELECT "+inquiryCols+" FROM inquiries WHERE id = ?", id))
	return q, d.mapErr(err)
}

// FindInquiryByReference returns the message with the reference or NotFound.
func (d *DB) FindInquiryByReference(ctx context.Context, ref string) (*inquiry.Inquiry, error) {
	q, err := scanInquiry(d.queryRow(ctx, d.db, "SELECT "+inquiryCols+" FROM inquiries WHERE reference = ?", ref))
	return q, d.mapErr(err)
}

// FindInquiries returns one page of the matching messages, oldest first,
// and their number.
func (d *DB) FindInquiries(ctx context.Context, f inquiry.Filter) ([]*inquiry.Inquiry, int, error) {
	var w where
	if f.Statuses != nil {
		w.addIn("status", anys(f.Statuses))
	}
	if f.OrgIDs != nil {
		w.addIn("org_id", anys(f.OrgIDs))
	}
	var n int
	if err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM inquiries"+w.String(), w.args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	q := "SELECT " + inquiryCols + " FROM inquiries" + w.String() + " ORDER BY created_at, id LIMIT ? OFFSET ?"
	out, err := list(ctx, d, scanInquiry, q, append(w.args, limit(f.Limit, 50, 1000), max(f.Offset, 0))...)
	return out, n, err
}

// UpdateInquiry writes q's routing, status and times at version, with the
// reply, correction and mails of ch, in one transaction.
func (d *DB) UpdateInquiry(ctx context.Context, q *inquiry.Inquiry, version int, ch inquiry.Change) error {
	err := d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, `UPDATE inquiries SET suggested_org_id = ?, suggested_category = ?,
			confidence = ?, because = ?, org_id = ?, category = ?, status = ?, version = ?, updated_at = ?, closed_at = ?
			WHERE id = ? AND version = ?`,
			q.Suggested.OrgID, q.Suggested.Category, q.Suggested.Confidence, strings.Join(q.Suggested.Because, ","),
			q.OrgID, q.Category, q.Status, version+1, q.UpdatedAt, q.ClosedAt, q.ID, version))
		if err != nil {
			return err
		}
		if n == 0 {
			var exists int
			if err := d.queryRow(ctx, tx, "SELECT COUNT(*) FROM inquiries WHERE id = ?", q.ID).Scan(&exists); err != nil {
				return err
			}
			if exists == 0 {
				return fault.New(fault.NotFound, "error.not_found")
			}
			return fault.New(fault.Conflict, "error.inquiry.stale")
		}
		return d.inquiryChange(ctx, tx, q.ID, ch)
	})
	if err != nil {
		return d.mapErr(err)
	}
	q.Version = version + 1
	return nil
}

// inquiryChange writes what goes with an update.
func (d *DB) inquiryChange(ctx context.Context, tx *sql.Tx, id int64, ch inquiry.Change) error {
	if r := ch.Reply; r != nil {
		r.InquiryID = id
		var err error
		r.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO inquiry_replies (inquiry_id, body, author_id, role, at) VALUES (?, ?, ?, ?, ?)",
			id, r.Body, r.AuthorID, r.Role, r.At)
		if err != nil {
			return err
		}
	}
	if c := ch.Correction; c != nil {
		var err error
		c.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO inquiry_corrections (text, org_id, category, at) VALUES (?, ?, ?, ?)",
			c.Text, c.OrgID, c.Category, c.At)
		if err != nil {
			return err
		}
	}
	if len(ch.Mails) > 0 {
		return d.enqueueMessages(ctx, tx, ch.Mails)
	}
	return nil
}

// FindReplies returns a message's replies, oldest first.
func (d *DB) FindReplies(ctx context.Context, inquiryID int64) ([]*inquiry.Reply, error) {
	return list(ctx, d, scanReply, "SELECT id, inquiry_id, body, author_id, role, at FROM inquiry_replies WHERE inquiry_id = ? ORDER BY at, id", inquiryID)
}

func scanReply(row scanner) (*inquiry.Reply, error) {
	var r inquiry.Reply
	var author sql.NullInt64
	if err := row.Scan(&r.ID, &r.InquiryID, &r.Body, &author, &r.Role, &r.At); err != nil {
		return nil, err
	}
	r.AuthorID, r.At = nullInt(author), r.At.UTC()
	return &r, nil
}

// FindCorrections returns every correction, oldest first.
func (d *DB) FindCorrections(ctx context.Context) ([]*inquiry.Correction, error) {
	return list(ctx, d, func(row scanner) (*inquiry.Correction, error) {
		var c inquiry.Correction
		err := row.Scan(&c.ID, &c.Text, &c.OrgID, &c.Category, &c.At)
		c.At = c.At.UTC()
		return &c, err
	}, "SELECT id, text, org_id, category, at FROM inquiry_corrections ORDER BY id")
}

// CorrectionsState returns the number of corrections and the largest ID.
func (d *DB) CorrectionsState(ctx context.Context) (int, int64, error) {
	var n int
	var last sql.NullInt64
	err := d.queryRow(ctx, d.db, "SELECT COUNT(*), MAX(id) FROM inquiry_corrections").Scan(&n, &last)
	return n, last.Int64, err
}

// DeleteInquiriesClosedBefore deletes messages closed before t, with their
// replies (by foreign key).
func (d *DB) DeleteInquiriesClosedBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM inquiries WHERE status = ? AND closed_at < ?", inquiry.StatusClosed, t))
}
