package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	rmail "rathaus/internal/mail"
)

// Translator renders mail texts in the user's language.
type Translator interface {
	T(lang, key string, args ...any) string
}

// Outbox queues mail that belongs to no other change.
type Outbox interface {
	EnqueueMessages(ctx context.Context, msgs []rmail.Message) error
}

// Service applies the account rules.
type Service struct {
	Store   Store
	Audit   audit.Store
	Outbox  Outbox
	T       Translator
	Now     func() time.Time
	BaseURL string // public address, for links in mails
	Issuer  string // name shown in authenticator apps

	SessionTTL    time.Duration // idle lifetime of a session
	MaxFailures   int           // failed logins per window before throttling
	FailureWindow time.Duration

	// NoEmailLinking refuses to attach an OpenID identity to an existing
	// local account with the same address, for providers that are not
	// trusted to vouch for addresses. The person then gets a clear error.
	NoEmailLinking bool
}

// Lifetimes of mailed links.
const (
	verifyTTL = 48 * time.Hour
	resetTTL  = time.Hour
)

// Password rules: long enough, not absurdly long (argon2 input is bounded).
const (
	minPassword = 10
	maxPassword = 256
)

// NewToken returns a random URL-safe token and its storage hash.
func NewToken() (raw, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, HashToken(raw)
}

// HashToken returns the hash under which a token is stored.
func HashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// NormalizeEmail trims and lowercases an address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidEmail reports whether s is a plain address without display name.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " \r\n<>") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

func checkPassword(v *fault.Validator, field, pw string) {
	n := utf8.RuneCountInString(pw)
	v.Check(n >= minPassword, field, "error.password.short", minPassword)
	v.Check(n <= maxPassword, field, "error.password.long", maxPassword)
}

func lang(l string) string {
	if l == "en" {
		return "en"
	}
	return "de"
}

func (s *Service) mailFor(u *User, key string, args ...any) rmail.Message {
	l := lang(u.Locale)
	return rmail.Message{
		To:        u.Email,
		Subject:   s.T.T(l, key+".subject"),
		Text:      s.T.T(l, key+".body", args...),
		UserID:    &u.ID,
		CreatedAt: s.Now(),
	}
}

func (s *Service) record(ctx context.Context, e audit.Entry) error {
	e.At = s.Now()
	return s.Audit.CreateAuditEntry(ctx, &e)
}
