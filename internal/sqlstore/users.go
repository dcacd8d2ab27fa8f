package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/mail"
)

const userCols = `id, email, display_name, password_hash, locale, email_verified_at, disabled_at,
	platform_admin, totp_secret, totp_enabled, totp_last_step, oidc_issuer, oidc_subject, created_at, last_login_at`

func scanUser(row scanner) (*account.User, error) {
	var u account.User
	var verified, disabled, last sql.NullTime
	err := row.Scan(&u.ID, &u.Email, &u.DisplayName, &u.PasswordHash, &u.Locale, &verified, &disabled,
		&u.PlatformAdmin, &u.TOTPSecret, &u.TOTPEnabled, &u.TOTPLastStep, &u.OIDCIssuer, &u.OIDCSubject,
		&u.CreatedAt, &last)
	if err != nil {
		return nil, err
	}
	u.CreatedAt = u.CreatedAt.UTC()
	u.EmailVerifiedAt, u.DisabledAt, u.LastLoginAt = nullTime(verified), nullTime(disabled), nullTime(last)
	return &u, nil
}

// CreateUser inserts u, and with it an optional mailed token and mails.
func (d *DB) CreateUser(ctx context.Context, u *account.User, t *account.OneTimeToken, out []mail.Message) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		id, err := d.insertID(ctx, tx, `INSERT INTO users (email, display_name, password_hash, locale,
			email_verified_at, disabled_at, platform_admin, totp_secret, totp_enabled, totp_last_step,
			oidc_issuer, oidc_subject, created_at, last_login_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			u.Email, u.DisplayName, u.PasswordHash, u.Locale, u.EmailVerifiedAt, u.DisabledAt, u.PlatformAdmin,
			u.TOTPSecret, u.TOTPEnabled, u.TOTPLastStep, u.OIDCIssuer, u.OIDCSubject, u.CreatedAt, u.LastLoginAt)
		if err != nil {
			return err
		}
		u.ID = id
		if t != nil {
			t.UserID = id
			if err := d.insertToken(ctx, tx, t); err != nil {
				return err
			}
		}
		for i := range out {
			out[i].UserID = &u.ID
		}
		return d.enqueueMessages(ctx, tx, out)
	})
}

// FindUserByID returns a user or NotFound.
func (d *DB) FindUserByID(ctx context.Context, id int64) (*account.User, error) {
	u, err := scanUser(d.queryRow(ctx, d.db, "SELECT "+userCols+" FROM users WHERE id = ?", id))
	return u, d.mapErr(err)
}

// FindUserByEmail returns a user by normalised address or NotFound.
func (d *DB) FindUserByEmail(ctx context.Context, email string) (*account.User, error) {
	u, err := scanUser(d.queryRow(ctx, d.db, "SELECT "+userCols+" FROM users WHERE email = ?", email))
	return u, d.mapErr(err)
}

// FindUserByOIDC returns the user linked to an OpenID identity or NotFound.
func (d *DB) FindUserByOIDC(ctx context.Context, issuer, subject string) (*account.User, error) {
	if subject == "" {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	u, err := scanUser(d.queryRow(ctx, d.db, "SELECT "+userCols+" FROM users WHERE oidc_issuer = ? AND oidc_subject = ?", issuer, subject))
	return u, d.mapErr(err)
}

// FindUsers lists users, optionally matching part of address or name.
func (d *DB) FindUsers(ctx context.Context, f account.UserFilter) ([]*account.User, error) {
	q, args := "SELECT "+userCols+" FROM users", []any{}
	if f.Query != "" {
		like := "%" + strings.ToLower(escapeLike(f.Query)) + "%"
		q += ` WHERE LOWER(email) LIKE ? ESCAPE '\' OR LOWER(display_name) LIKE ? ESCAPE '\'`
		args = append(args, like, like)
	}
	q += " ORDER BY id LIMIT ?"
	args = append(args, limit(f.Limit, 100, 1000))
	return list(ctx, d, scanUser, q, args...)
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// UpdateUser sets the fields of upd that are not nil.
func (d *DB) UpdateUser(ctx context.Context, id int64, upd account.UserUpdate) error {
	var sets []string
	var args []any
	set := func(col string, v any) { sets = append(sets, col+" = ?"); args = append(args, v) }
	if upd.DisplayName != nil {
		set("display_name", *upd.DisplayName)
	}
	if upd.Email != nil {
		set("email", *upd.Email)
	}
	if upd.PasswordHash != nil {
		set("password_hash", *upd.PasswordHash)
	}
	if upd.Locale != nil {
		set("locale", *upd.Locale)
	}
	if upd.EmailVerifiedAt != nil {
		set("email_verified_at", *upd.EmailVerifiedAt)
	}
	if upd.DisabledAt != nil {
		set("disabled_at", *upd.DisabledAt)
	}
	if upd.PlatformAdmin != nil {
		set("platform_admin", *upd.PlatformAdmin)
	}
	if upd.TOTPSecret != nil {
		set("totp_secret", *upd.TOTPSecret)
	}
	if upd.TOTPEnabled != nil {
		set("totp_enabled", *upd.TOTPEnabled)
	}
	if upd.TOTPLastStep != nil {
		set("totp_last_step", *upd.TOTPLastStep)
	}
	if upd.OIDCIssuer != nil {
		set("oidc_issuer", *upd.OIDCIssuer)
	}
	if upd.OIDCSubject != nil {
		set("oidc_subject", *upd.OIDCSubject)
	}
	if upd.LastLoginAt != nil {
		set("last_login_at", *upd.LastLoginAt)
	}
	if len(sets) == 0 {
		return nil
	}
	args = append(args, id)
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "UPDATE users SET "+strings.Join(sets, ", ")+" WHERE id = ?", args...)))
}

// DeleteUser removes the user; sessions, tokens, grants and mails go with
// it by foreign key. Audit entries stay, without personal details.
func (d *DB) DeleteUser(ctx context.Context, id int64) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, "UPDATE audit_log SET detail = '', ip = '' WHERE subject_id = ? OR actor_id = ?", id, id); err != nil {
			return err
		}
		return d.mapErr(mustAffect(d.exec(ctx, tx, "DELETE FROM users WHERE id = ?", id)))
	})
}

func (d *DB) insertToken(ctx context.Context, q querier, t *account.OneTimeToken) error {
	_, err := d.exec(ctx, q, "INSERT INTO one_time_tokens (hash, user_id, purpose, payload, expires_at) VALUES (?, ?, ?, ?, ?)",
		t.Hash, t.UserID, t.Purpose, t.Payload, t.ExpiresAt)
	return d.mapErr(err)
}

// CreateOneTimeToken stores a mailed token and queues its mails.
func (d *DB) CreateOneTimeToken(ctx context.Context, t *account.OneTimeToken, out []mail.Message) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.insertToken(ctx, tx, t); err != nil {
			return err
		}
		return d.enqueueMessages(ctx, tx, out)
	})
}

// FindOneTimeToken returns a usable token without using it.
func (d *DB) FindOneTimeToken(ctx context.Context, hash, purpose string, now time.Time) (*account.OneTimeToken, error) {
	t := account.OneTimeToken{Hash: hash, Purpose: purpose}
	err := d.queryRow(ctx, d.db, `SELECT user_id, payload, expires_at FROM one_time_tokens
		WHERE hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?`, hash, purpose, now).Scan(&t.UserID, &t.Payload, &t.ExpiresAt)
	if err != nil {
		return nil, d.mapErr(err)
	}
	return &t, nil
}

// UseOneTimeToken marks an unused, unexpired token used, in one statement
// so that two clicks on the same link cannot both succeed.
func (d *DB) UseOneTimeToken(ctx context.Context, hash, purpose string, now time.Time) (*account.OneTimeToken, error) {
	t := account.OneTimeToken{Hash: hash, Purpose: purpose, UsedAt: &now}
	err := d.queryRow(ctx, d.db, `UPDATE one_time_tokens SET used_at = ?
		WHERE hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
		RETURNING user_id, payload, expires_at`, now, hash, purpose, now).Scan(&t.UserID, &t.Payload, &t.ExpiresAt)
	if err != nil {
		return nil, d.mapErr(err)
	}
	return &t, nil
}
