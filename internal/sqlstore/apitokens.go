package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/account"
)

const apiTokenCols = "id, user_id, name, hash, prefix, created_at, last_used_at, expires_at"

func scanAPIToken(row scanner) (*account.APIToken, error) {
	var t account.APIToken
	var used, exp sql.NullTime
	err := row.Scan(&t.ID, &t.UserID, &t.Name, &t.Hash, &t.Prefix, &t.CreatedAt, &used, &exp)
	t.CreatedAt = t.CreatedAt.UTC()
	t.LastUsedAt, t.ExpiresAt = nullTime(used), nullTime(exp)
	return &t, err
}

// CreateAPIToken stores a token.
func (d *DB) CreateAPIToken(ctx context.Context, t *account.APIToken) error {
	id, err := d.insertID(ctx, d.db, `INSERT INTO api_tokens (user_id, name, hash, prefix, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?)`, t.UserID, t.Name, t.Hash, t.Prefix, t.CreatedAt, t.ExpiresAt)
	t.ID = id
	return err
}

// FindAPITokenByHash returns a token or NotFound.
func (d *DB) FindAPITokenByHash(ctx context.Context, hash string) (*account.APIToken, error) {
	t, err := scanAPIToken(d.queryRow(ctx, d.db, "SELECT "+apiTokenCols+" FROM api_tokens WHERE hash = ?", hash))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return t, nil
}

// FindAPITokens lists a user's tokens.
func (d *DB) FindAPITokens(ctx context.Context, userID int64) ([]*account.APIToken, error) {
	return list(ctx, d, scanAPIToken, "SELECT "+apiTokenCols+" FROM api_tokens WHERE user_id = ? ORDER BY id", userID)
}

// TouchAPIToken records use.
func (d *DB) TouchAPIToken(ctx context.Context, id int64, at time.Time) error {
	_, err := d.exec(ctx, d.db, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", at, id)
	return err
}

// DeleteAPIToken revokes a token of the user; NotFound for another's.
func (d *DB) DeleteAPIToken(ctx context.Context, userID, id int64) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "DELETE FROM api_tokens WHERE id = ? AND user_id = ?", id, userID)))
}
