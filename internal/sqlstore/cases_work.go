package sqlstore

import (
	"context"
	"database/sql"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

// UpdateCase writes c's state, unit, assignee, deadline, fee, paid
// amount, closing time and update time when the stored version is
// c.Version-1, with h (when not nil; its CaseID is set) and fx (files'
// CaseID and IDs set); else Conflict ("error.cases.stale"), or NotFound
// without the case, and nothing is written.
func (d *DB) UpdateCase(ctx context.Context, c *cases.Case, h *cases.HistoryEntry, fx cases.Effects) error {
	err := d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, `UPDATE cases SET state = ?, org_id = ?, assignee_id = ?, deadline = ?, fee_cents = ?,
			paid_cents = ?, closed_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?`,
			c.State, c.OrgID, c.AssigneeID, c.Deadline, c.FeeCents, c.PaidCents, c.ClosedAt, c.UpdatedAt, c.Version, c.ID, c.Version-1))
		if err != nil {
			return d.mapErr(err)
		}
		if n == 0 {
			err := d.conflictOrNotFound(ctx, tx, "cases", c.ID)
			if fault.Is(err, fault.Conflict) {
				return fault.New(fault.Conflict, "error.cases.stale")
			}
			return err
		}
		if h != nil {
			h.CaseID = c.ID
			if err := d.insertHistory(ctx, tx, h); err != nil {
				return d.mapErr(err)
			}
		}
		return d.mapErr(d.writeCaseEffects(ctx, tx, c.ID, fx))
	})
	if err != nil {
		resetFileIDs(fx.Files)
	}
	return err
}

func (d *DB) insertHistory(ctx context.Context, q querier, h *cases.HistoryEntry) error {
	id, err := d.insertIDRaw(ctx, q, `INSERT INTO case_history (case_id, at, action, from_state, to_state, note, actor_id)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, h.CaseID, h.At, h.Action, h.FromState, h.ToState, h.Note, h.ActorID)
	h.ID = id
	return err
}

func scanHistory(row scanner) (cases.HistoryEntry, error) {
	var h cases.HistoryEntry
	var actor sql.NullInt64
	err := row.Scan(&h.ID, &h.CaseID, &h.At, &h.Action, &h.FromState, &h.ToState, &h.Note, &actor)
	h.ActorID, h.At = nullInt(actor), h.At.UTC()
	return h, err
}

// History lists a case's steps, oldest first.
func (d *DB) History(ctx context.Context, caseID int64) ([]cases.HistoryEntry, error) {
	return list(ctx, d, scanHistory, `SELECT id, case_id, at, action, from_state, to_state, note, actor_id
		FROM case_history WHERE case_id = ? ORDER BY at, id`, caseID)
}

// AddNote stores an internal note; NotFound without the case.
func (d *DB) AddNote(ctx context.Context, n *cases.Note) error {
	if err := d.caseExists(ctx, d.db, n.CaseID); err != nil {
		return err
	}
	id, err := d.insertID(ctx, d.db, "INSERT INTO case_notes (case_id, author_id, body, at) VALUES (?, ?, ?, ?)",
		n.CaseID, n.AuthorID, n.Body, n.At)
	n.ID = id
	return err
}

func scanNote(row scanner) (cases.Note, error) {
	var n cases.Note
	var author sql.NullInt64
	err := row.Scan(&n.ID, &n.CaseID, &author, &n.Body, &n.At)
	n.AuthorID, n.At = author.Int64, n.At.UTC()
	return n, err
}

// Notes lists a case's internal notes, oldest first; AuthorID is 0 once
// the author's account is gone.
func (d *DB) Notes(ctx context.Context, caseID int64) ([]cases.Note, error) {
	return list(ctx, d, scanNote, "SELECT id, case_id, author_id, body, at FROM case_notes WHERE case_id = ? ORDER BY at, id", caseID)
}

// caseExists returns NotFound when there is no case id.
func (d *DB) caseExists(ctx context.Context, q querier, id int64) error {
	var n int
	if err := d.queryRow(ctx, q, "SELECT COUNT(*) FROM cases WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fault.New(fault.NotFound, "error.not_found")
	}
	return nil
}
