package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/account"
)

const sessionCols = "id, hash, user_id, created_at, expires_at, last_seen_at, user_agent, pending_second"

func scanSession(row scanner) (*account.Session, error) {
	var s account.Session
	err := row.Scan(&s.ID, &s.Hash, &s.UserID, &s.CreatedAt, &s.ExpiresAt, &s.LastSeenAt, &s.UserAgent, &s.PendingSecond)
	s.CreatedAt, s.ExpiresAt, s.LastSeenAt = s.CreatedAt.UTC(), s.ExpiresAt.UTC(), s.LastSeenAt.UTC()
	return &s, err
}

// CreateSession stores a session.
func (d *DB) CreateSession(ctx context.Context, s *account.Session) error {
	id, err := d.insertID(ctx, d.db, `INSERT INTO sessions (hash, user_id, created_at, expires_at, last_seen_at, user_agent, pending_second)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, s.Hash, s.UserID, s.CreatedAt, s.ExpiresAt, s.LastSeenAt, s.UserAgent, s.PendingSecond)
	s.ID = id
	return err
}

// FindSessionByHash returns a session or NotFound.
func (d *DB) FindSessionByHash(ctx context.Context, hash string) (*account.Session, error) {
	s, err := scanSession(d.queryRow(ctx, d.db, "SELECT "+sessionCols+" FROM sessions WHERE hash = ?", hash))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return s, nil
}

// FindSessions lists a user's sessions, newest first.
func (d *DB) FindSessions(ctx context.Context, userID int64) ([]*account.Session, error) {
	return list(ctx, d, scanSession, "SELECT "+sessionCols+" FROM sessions WHERE user_id = ? ORDER BY id DESC", userID)
}

// UpdateSession extends a session or completes its second factor.
func (d *DB) UpdateSession(ctx context.Context, id int64, lastSeen, expires time.Time, pendingSecond bool) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "UPDATE sessions SET last_seen_at = ?, expires_at = ?, pending_second = ? WHERE id = ?",
		lastSeen, expires, pendingSecond, id)))
}

// DeleteSession ends one session.
func (d *DB) DeleteSession(ctx context.Context, hash string) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "DELETE FROM sessions WHERE hash = ?", hash)))
}

// DeleteUserSession ends one session of a user.
func (d *DB) DeleteUserSession(ctx context.Context, userID, id int64) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "DELETE FROM sessions WHERE id = ? AND user_id = ?", id, userID)))
}

// DeleteUserSessions ends all sessions of a user.
func (d *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := d.exec(ctx, d.db, "DELETE FROM sessions WHERE user_id = ?", userID)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry and returns how many.
func (d *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		res, err := d.exec(ctx, tx, "DELETE FROM sessions WHERE expires_at <= ?", now)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		_, err = d.exec(ctx, tx, "DELETE FROM one_time_tokens WHERE expires_at <= ?", now)
		if err != nil {
			return err
		}
		_, err = d.exec(ctx, tx, "DELETE FROM login_failures WHERE at <= ?", now.Add(-24*time.Hour))
		return err
	})
	return n, err
}

// RecordLoginFailure counts one failed attempt under key.
func (d *DB) RecordLoginFailure(ctx context.Context, key string, at time.Time) error {
	_, err := d.exec(ctx, d.db, "INSERT INTO login_failures (throttle_key, at) VALUES (?, ?)", key, at)
	return err
}

// CountLoginFailures counts failures under key since a time.
func (d *DB) CountLoginFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM login_failures WHERE throttle_key = ? AND at > ?", key, since).Scan(&n)
	return n, err
}

// ClearLoginFailures forgets the failures under key after a success.
func (d *DB) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := d.exec(ctx, d.db, "DELETE FROM login_failures WHERE throttle_key = ?", key)
	return err
}
