// Package account holds citizen and staff accounts: registration with
// e-mail verification, passwords (argon2id), login throttling, a second
// factor (TOTP), sessions stored in the database so that every instance
// accepts them, personal API tokens, data export and deletion.
package account

import (
	"context"
	"time"

	"rathaus/internal/mail"
)

// User is an account.
type User struct {
	ID              int64
	Email           string
	DisplayName     string
	PasswordHash    string // empty for accounts that log in only with OpenID Connect
	Locale          string // "de" or "en"
	EmailVerifiedAt *time.Time
	DisabledAt      *time.Time
	PlatformAdmin   bool
	TOTPSecret      string // base32; set while enabling and when enabled
	TOTPEnabled     bool
	TOTPLastStep    int64 // last accepted time step, against replay
	OIDCIssuer      string
	OIDCSubject     string
	CreatedAt       time.Time
	LastLoginAt     *time.Time
}

// Verified reports whether the e-mail address is confirmed.
func (u *User) Verified() bool { return u.EmailVerifiedAt != nil }

// Disabled reports whether an admin has locked the account.
func (u *User) Disabled() bool { return u.DisabledAt != nil }

// Session is a login, stored hashed; the raw token lives only in the cookie.
type Session struct {
	ID            int64
	Hash          string
	UserID        int64
	CreatedAt     time.Time
	ExpiresAt     time.Time
	LastSeenAt    time.Time
	UserAgent     string
	PendingSecond bool // password was right, the second factor is still due
}

// APIToken is a personal token for the JSON API, stored hashed.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	Hash       string
	Prefix     string // first characters, shown so users can tell tokens apart
	CreatedAt  time.Time
	LastUsedAt *time.Time
	ExpiresAt  *time.Time
}

// Purposes of one-time tokens sent by mail.
const (
	PurposeVerify = "verify_email"
	PurposeReset  = "reset_password"
	PurposeEmail  = "change_email"
)

// OneTimeToken is a mailed link token, stored hashed.
type OneTimeToken struct {
	Hash      string
	UserID    int64
	Purpose   string
	Payload   string // e.g. the new address of an e-mail change
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// UserFilter selects users.
type UserFilter struct {
	Query string // part of e-mail or name
	Limit int
}

// UserUpdate changes the set fields of a user.
type UserUpdate struct {
	DisplayName     *string
	Email           *string
	PasswordHash    *string
	Locale          *string
	EmailVerifiedAt *time.Time
	DisabledAt      **time.Time
	PlatformAdmin   *bool
	TOTPSecret      *string
	TOTPEnabled     *bool
	TOTPLastStep    *int64
	OIDCIssuer      *string
	OIDCSubject     *string
	LastLoginAt     *time.Time
}

// Store keeps accounts. Methods that take mail queue it in the same
// transaction as the change.
type Store interface {
	CreateUser(ctx context.Context, u *User, t *OneTimeToken, out []mail.Message) error
	FindUserByID(ctx context.Context, id int64) (*User, error)
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	FindUserByOIDC(ctx context.Context, issuer, subject string) (*User, error)
	FindUsers(ctx context.Context, f UserFilter) ([]*User, error)
	UpdateUser(ctx context.Context, id int64, upd UserUpdate) error
	// DeleteUser removes the user and everything that belongs only to them.
	DeleteUser(ctx context.Context, id int64) error

	CreateOneTimeToken(ctx context.Context, t *OneTimeToken, out []mail.Message) error
	// FindOneTimeToken returns a usable token without using it; NotFound
	// when it does not exist, is used, expired or of another purpose.
	FindOneTimeToken(ctx context.Context, hash, purpose string, now time.Time) (*OneTimeToken, error)
	// UseOneTimeToken marks the token used and returns it; NotFound when it
	// does not exist, is used, expired or of another purpose.
	UseOneTimeToken(ctx context.Context, hash, purpose string, now time.Time) (*OneTimeToken, error)

	CreateSession(ctx context.Context, s *Session) error
	FindSessionByHash(ctx context.Context, hash string) (*Session, error)
	FindSessions(ctx context.Context, userID int64) ([]*Session, error)
	UpdateSession(ctx context.Context, id int64, lastSeen, expires time.Time, pendingSecond bool) error
	DeleteSession(ctx context.Context, hash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error
	// DeleteUserSession ends one session of the user; NotFound for another's.
	DeleteUserSession(ctx context.Context, userID, id int64) error
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)

	CreateAPIToken(ctx context.Context, t *APIToken) error
	FindAPITokenByHash(ctx context.Context, hash string) (*APIToken, error)
	FindAPITokens(ctx context.Context, userID int64) ([]*APIToken, error)
	TouchAPIToken(ctx context.Context, id int64, at time.Time) error
	DeleteAPIToken(ctx context.Context, userID, id int64) error

	// RecordLoginFailure, CountLoginFailures and ClearLoginFailures keep
	// throttle counters by key: failed logins, and mails requested (see Allow).
	RecordLoginFailure(ctx context.Context, key string, at time.Time) error
	CountLoginFailures(ctx context.Context, key string, since time.Time) (int, error)
	ClearLoginFailures(ctx context.Context, key string) error
}
