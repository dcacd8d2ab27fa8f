package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rathaus/internal/appointment"
)

const waitCols = "id, email, lang, service_ids, persons, office_id, before_at, token_hash, created_at, notified_at"

func scanWaitEntry(row scanner) (*appointment.WaitEntry, error) {
	var w appointment.WaitEntry
	var ids, token string
	var office sql.NullInt64
	var notified sql.NullTime
	err := row.Scan(&w.ID, &w.Email, &w.Lang, &ids, &w.Persons, &office, &w.Before, &token, &w.CreatedAt, &notified)
	if err != nil {
		return nil, err
	}
	if w.ServiceIDs, err = parseIDs(ids); err != nil {
		return nil, fmt.Errorf("wait entry %d: service ids: %w", w.ID, err)
	}
	if w.TokenHash, err = unhex(token); err != nil {
		return nil, fmt.Errorf("wait entry %d: token hash: %w", w.ID, err)
	}
	w.OfficeID, w.NotifiedAt = nullInt(office), nullTime(notified)
	w.Before, w.CreatedAt = w.Before.UTC(), w.CreatedAt.UTC()
	return &w, nil
}

// CreateWaitEntry inserts w, setting its ID.
func (d *DB) CreateWaitEntry(ctx context.Context, w *appointment.WaitEntry) error {
	id, err := d.insertID(ctx, d.db, `INSERT INTO wait_entries (email, lang, service_ids, persons, office_id, before_at, token_hash,
		created_at, notified_at) VALUES (`+placeholders(9)+`)`,
		w.Email, w.Lang, idsJSON(w.ServiceIDs), w.Persons, w.OfficeID, w.Before, hexHash(w.TokenHash), w.CreatedAt, w.NotifiedAt)
	if err != nil {
		return err
	}
	w.ID = id
	return nil
}

// FindWaitEntries returns the entries not yet notified, for the office or
// for any office, that a slot starting at before can serve: those whose
// own Before lies after it (an entry wants slots earlier than its Before).
// Oldest entry first.
func (d *DB) FindWaitEntries(ctx context.Context, officeID int64, before time.Time) ([]*appointment.WaitEntry, error) {
	return list(ctx, d, scanWaitEntry, "SELECT "+waitCols+` FROM wait_entries
		WHERE notified_at IS NULL AND (office_id = ? OR office_id IS NULL) AND before_at > ? ORDER BY id`, officeID, before)
}

// MarkWaitNotified records that the entry was told of a slot, with fx;
// Conflict when it was already (so two instances never both mail it).
func (d *DB) MarkWaitNotified(ctx context.Context, id int64, at time.Time, fx appointment.Effects) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, "UPDATE wait_entries SET notified_at = ? WHERE id = ? AND notified_at IS NULL", at, id))
		if err != nil {
			return err
		}
		if n == 0 {
			return d.conflictOrNotFound(ctx, tx, "wait_entries", id)
		}
		return d.writeEffects(ctx, tx, fx)
	})
}

// DeleteWaitEntry removes the entry with the token hash, or NotFound.
func (d *DB) DeleteWaitEntry(ctx context.Context, tokenHash []byte) error {
	if len(tokenHash) == 0 {
		return d.mapErr(sql.ErrNoRows)
	}
	return mustAffect(d.exec(ctx, d.db, "DELETE FROM wait_entries WHERE token_hash = ?", hexHash(tokenHash)))
}

// DeleteWaitEntriesBefore removes entries whose Before lies before t:
// they can no longer be served.
func (d *DB) DeleteWaitEntriesBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM wait_entries WHERE before_at < ?", t))
}
