package account

import (
	"context"
	"strings"
	"unicode/utf8"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
)

// tokenPrefix marks rathaus API tokens, so secret scanners can find leaks.
const tokenPrefix = "rh_"

// CreateAPIToken makes a personal API token and returns it once, raw.
func (s *Service) CreateAPIToken(ctx context.Context, u *User, name string) (string, *APIToken, error) {
	name = strings.TrimSpace(name)
	var v fault.Validator
	v.Check(name != "", "name", "error.token.name_required")
	v.Check(utf8.RuneCountInString(name) <= 100, "name", "error.name.long", 100)
	if err := v.Err(); err != nil {
		return "", nil, err
	}
	raw, _ := NewToken()
	raw = tokenPrefix + raw
	t := &APIToken{UserID: u.ID, Name: name, Hash: HashToken(raw), Prefix: raw[:8], CreatedAt: s.Now()}
	if err := s.Store.CreateAPIToken(ctx, t); err != nil {
		return "", nil, err
	}
	return raw, t, s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.TokenCreated, Detail: t.Prefix})
}

// TokenWithPassword authenticates with e-mail and password (throttled like
// a login) and creates a token. Accounts with a second factor must create
// tokens in the account page instead.
func (s *Service) TokenWithPassword(ctx context.Context, in Login, name string) (string, *APIToken, error) {
	u, err := s.Authenticate(ctx, in)
	if err != nil {
		return "", nil, err
	}
	if u.TOTPEnabled {
		return "", nil, fault.New(fault.Forbidden, "error.token.second_factor")
	}
	return s.CreateAPIToken(ctx, u, name)
}

// TokenUser returns the user of a raw API token.
func (s *Service) TokenUser(ctx context.Context, raw string) (*User, error) {
	if !strings.HasPrefix(raw, tokenPrefix) {
		return nil, fault.New(fault.Unauthenticated, "error.token.invalid")
	}
	t, err := s.Store.FindAPITokenByHash(ctx, HashToken(raw))
	if fault.Is(err, fault.NotFound) {
		return nil, fault.New(fault.Unauthenticated, "error.token.invalid")
	}
	if err != nil {
		return nil, err
	}
	if t.ExpiresAt != nil && !t.ExpiresAt.After(s.Now()) {
		return nil, fault.New(fault.Unauthenticated, "error.token.invalid")
	}
	u, err := s.Store.FindUserByID(ctx, t.UserID)
	if err != nil {
		return nil, err
	}
	if u.Disabled() {
		return nil, fault.New(fault.Forbidden, "error.login.disabled")
	}
	if t.LastUsedAt == nil || s.Now().Sub(*t.LastUsedAt) > 60e9 {
		if err := s.Store.TouchAPIToken(ctx, t.ID, s.Now()); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// DeleteAPIToken revokes one of the user's tokens.
func (s *Service) DeleteAPIToken(ctx context.Context, u *User, id int64) error {
	if err := s.Store.DeleteAPIToken(ctx, u.ID, id); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.TokenDeleted})
}
