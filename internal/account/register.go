package account

import (
	"context"
	"strings"
	"unicode/utf8"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	rmail "rathaus/internal/mail"
)

// Registration is what a person enters to open an account.
type Registration struct {
	Email       string
	DisplayName string
	Password    string
	Locale      string
}

func (r *Registration) validate() error {
	var v fault.Validator
	r.Email = NormalizeEmail(r.Email)
	r.DisplayName = strings.TrimSpace(r.DisplayName)
	v.Check(r.Email != "", "email", "error.email.required")
	if !v.Has("email") {
		v.Check(ValidEmail(r.Email), "email", "error.email.invalid")
	}
	v.Check(r.DisplayName != "", "display_name", "error.name.required")
	v.Check(utf8.RuneCountInString(r.DisplayName) <= 100, "display_name", "error.name.long", 100)
	checkPassword(&v, "password", r.Password)
	return v.Err()
}

// Register opens an unverified account and mails a verification link.
// When the address already has an account, that owner gets a notice
// instead, and the caller sees the same success: the form must not reveal
// who has an account.
func (s *Service) Register(ctx context.Context, r Registration) error {
	if err := r.validate(); err != nil {
		return err
	}
	if err := s.allowMailTo(ctx, r.Email); err != nil {
		return err
	}
	if existing, err := s.Store.FindUserByEmail(ctx, r.Email); err == nil {
		msg := s.mailFor(existing, "mail.account_exists", s.BaseURL+"/login", s.BaseURL+"/password/forgot")
		return s.Outbox.EnqueueMessages(ctx, []rmail.Message{msg})
	} else if !fault.Is(err, fault.NotFound) {
		return err
	}
	hash, err := HashPassword(r.Password)
	if err != nil {
		return err
	}
	u := &User{Email: r.Email, DisplayName: r.DisplayName, PasswordHash: hash, Locale: lang(r.Locale), CreatedAt: s.Now()}
	raw, th := NewToken()
	t := &OneTimeToken{Hash: th, Purpose: PurposeVerify, ExpiresAt: s.Now().Add(verifyTTL)}
	msg := s.mailFor(u, "mail.verify", s.BaseURL+"/verify?token="+raw)
	if err := s.Store.CreateUser(ctx, u, t, []rmail.Message{msg}); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.UserCreated, Detail: "self-registration"})
}

// Verify confirms the address behind a mailed token.
func (s *Service) Verify(ctx context.Context, raw string) (*User, error) {
	t, err := s.Store.UseOneTimeToken(ctx, HashToken(raw), PurposeVerify, s.Now())
	if err != nil {
		if fault.Is(err, fault.NotFound) {
			return nil, fault.New(fault.Invalid, "error.token.invalid")
		}
		return nil, err
	}
	now := s.Now()
	if err := s.Store.UpdateUser(ctx, t.UserID, UserUpdate{EmailVerifiedAt: &now}); err != nil {
		return nil, err
	}
	return s.Store.FindUserByID(ctx, t.UserID)
}

// CheckVerification tells whether a verification link is still usable,
// without using it: the link only shows a confirmation button, so that mail
// scanners that open every link do not use it up before the person does.
func (s *Service) CheckVerification(ctx context.Context, raw string) error {
	_, err := s.Store.FindOneTimeToken(ctx, HashToken(raw), PurposeVerify, s.Now())
	if fault.Is(err, fault.NotFound) {
		return fault.New(fault.Invalid, "error.token.invalid")
	}
	return err
}

// ResendVerification mails a new link if the address has an unverified
// account; it never reveals whether it has.
func (s *Service) ResendVerification(ctx context.Context, email string) error {
	u, err := s.Store.FindUserByEmail(ctx, NormalizeEmail(email))
	if fault.Is(err, fault.NotFound) {
		return nil
	}
	if err != nil || u.Verified() {
		return err
	}
	if err := s.allowMailTo(ctx, u.Email); err != nil {
		return err
	}
	raw, th := NewToken()
	t := &OneTimeToken{Hash: th, UserID: u.ID, Purpose: PurposeVerify, ExpiresAt: s.Now().Add(verifyTTL)}
	return s.Store.CreateOneTimeToken(ctx, t, []rmail.Message{s.mailFor(u, "mail.verify", s.BaseURL+"/verify?token="+raw)})
}

// Create adds an account on behalf of an admin (CLI or admin page). The
// address counts as verified because an operator vouches for it.
func (s *Service) Create(ctx context.Context, actor *int64, r Registration, admin bool) (*User, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	hash, err := HashPassword(r.Password)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	u := &User{Email: r.Email, DisplayName: r.DisplayName, PasswordHash: hash, Locale: lang(r.Locale),
		EmailVerifiedAt: &now, PlatformAdmin: admin, CreatedAt: now}
	if err := s.Store.CreateUser(ctx, u, nil, nil); err != nil {
		return nil, err
	}
	return u, s.record(ctx, audit.Entry{ActorID: actor, SubjectID: &u.ID, Action: audit.UserCreated})
}
