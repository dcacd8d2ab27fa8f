package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rathaus/internal/cases"
)

const draftWriteCols = "user_id, access_hash, service_id, form_version, answers, page_id, updated_at, expires_at"

const draftCols = "id, " + draftWriteCols + ", campaign, funnel_month, funnel_reached"

func scanDraft(row scanner) (*cases.Draft, error) {
	var d cases.Draft
	var user sql.NullInt64
	var hash, answers string
	err := row.Scan(&d.ID, &user, &hash, &d.ServiceID, &d.FormVersion, &answers, &d.PageID, &d.UpdatedAt, &d.ExpiresAt,
		&d.Campaign, &d.FunnelMonth, &d.Reached)
	if err != nil {
		return nil, err
	}
	if d.AccessHash, err = unhex(hash); err != nil {
		return nil, fmt.Errorf("draft %d: access hash: %w", d.ID, err)
	}
	if answers != "null" {
		d.Answers = []byte(answers)
	}
	d.UserID, d.UpdatedAt, d.ExpiresAt = nullInt(user), d.UpdatedAt.UTC(), d.ExpiresAt.UTC()
	return &d, nil
}

// SaveDraft inserts a draft (ID 0) or updates it (NotFound when gone).
// With dr.Progress set it moves the form funnel on in the same
// transaction (dashboard_funnel.go): a new draft counts as started in
// the month of its UpdatedAt, and for its campaign on that day; pages
// passed count once per draft. Campaign is written on insert only.
func (d *DB) SaveDraft(ctx context.Context, dr *cases.Draft) error {
	args := []any{dr.UserID, hexHash(dr.AccessHash), dr.ServiceID, dr.FormVersion, answersText(dr.Answers), dr.PageID,
		dr.UpdatedAt, dr.ExpiresAt}
	return d.mapErr(d.tx(ctx, func(tx *sql.Tx) error {
		if dr.ID == 0 {
			month, reached := "", 0
			if dr.Progress != nil {
				month, reached = funnelMonth(dr.UpdatedAt), dr.Progress.Reached
			}
			id, err := d.insertIDRaw(ctx, tx, "INSERT INTO case_drafts ("+draftWriteCols+", campaign, funnel_month, funnel_reached) VALUES ("+
				placeholders(11)+")", append(args, dr.Campaign, month, reached)...)
			if err != nil {
				return err
			}
			dr.ID, dr.FunnelMonth, dr.Reached = id, month, reached
			if month == "" {
				return nil
			}
			return d.funnelStart(ctx, tx, dr)
		}
		if err := mustAffect(d.exec(ctx, tx, `UPDATE case_drafts SET user_id = ?, access_hash = ?, service_id = ?,
			form_version = ?, answers = ?, page_id = ?, updated_at = ?, expires_at = ? WHERE id = ?`, append(args, dr.ID)...)); err != nil {
			return err
		}
		if dr.Progress == nil {
			return nil
		}
		return d.funnelProgress(ctx, tx, dr)
	}))
}

// FindDraft returns a draft or NotFound.
func (d *DB) FindDraft(ctx context.Context, id int64) (*cases.Draft, error) {
	return d.findDraft(ctx, "id = ?", id)
}

// FindDraftByAccessHash returns the draft behind a secret link or NotFound.
func (d *DB) FindDraftByAccessHash(ctx context.Context, hash []byte) (*cases.Draft, error) {
	if len(hash) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return d.findDraft(ctx, "access_hash = ?", hexHash(hash))
}

func (d *DB) findDraft(ctx context.Context, cond string, arg any) (*cases.Draft, error) {
	dr, err := scanDraft(d.queryRow(ctx, d.db, "SELECT "+draftCols+" FROM case_drafts WHERE "+cond, arg))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return dr, nil
}

// FindDrafts lists an account's drafts, last changed first.
func (d *DB) FindDrafts(ctx context.Context, userID int64) ([]*cases.Draft, error) {
	return list(ctx, d, scanDraft, "SELECT "+draftCols+" FROM case_drafts WHERE user_id = ? ORDER BY updated_at DESC, id DESC", userID)
}

// DeleteDraft removes a draft or returns NotFound.
func (d *DB) DeleteDraft(ctx context.Context, id int64) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "DELETE FROM case_drafts WHERE id = ?", id)))
}

// DeleteExpiredDrafts removes drafts that expired before t.
func (d *DB) DeleteExpiredDrafts(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM case_drafts WHERE expires_at < ?", t))
}
