package account

import (
	"context"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	rmail "rathaus/internal/mail"
)

// RequestEmailChange mails a confirmation link to the new address and a
// notice to the old one. The address changes only when the link is used,
// so nobody can move an account to an address they do not control. If the
// new address already has an account, its owner is told instead, and the
// caller sees the same answer: the form reveals nothing.
func (s *Service) RequestEmailChange(ctx context.Context, u *User, newEmail, password string) error {
	newEmail = NormalizeEmail(newEmail)
	var v fault.Validator
	v.Check(ValidEmail(newEmail), "new_email", "error.email.invalid")
	v.Check(newEmail != u.Email, "new_email", "error.email.same")
	v.Check(u.PasswordHash == "" || CheckPassword(u.PasswordHash, password), "password", "error.password.wrong")
	if err := v.Err(); err != nil {
		return err
	}
	if err := s.allowMailTo(ctx, newEmail); err != nil {
		return err
	}
	if owner, err := s.Store.FindUserByEmail(ctx, newEmail); err == nil {
		return s.Outbox.EnqueueMessages(ctx, []rmail.Message{s.mailFor(owner, "mail.account_exists", s.BaseURL+"/login", s.BaseURL+"/password/forgot")})
	} else if !fault.Is(err, fault.NotFound) {
		return err
	}
	raw, th := NewToken()
	t := &OneTimeToken{Hash: th, UserID: u.ID, Purpose: PurposeEmail, Payload: newEmail, ExpiresAt: s.Now().Add(verifyTTL)}
	confirm := s.mailFor(u, "mail.email_change", s.BaseURL+"/account/email/confirm?token="+raw)
	confirm.To, confirm.UserID = newEmail, &u.ID
	notice := s.mailFor(u, "mail.email_change_notice", newEmail)
	return s.Store.CreateOneTimeToken(ctx, t, []rmail.Message{confirm, notice})
}

// CheckEmailChange tells whether a change link is still usable.
func (s *Service) CheckEmailChange(ctx context.Context, raw string) error {
	_, err := s.Store.FindOneTimeToken(ctx, HashToken(raw), PurposeEmail, s.Now())
	if fault.Is(err, fault.NotFound) {
		return fault.New(fault.Invalid, "error.token.invalid")
	}
	return err
}

// ConfirmEmailChange moves the account to the address the link was sent to.
func (s *Service) ConfirmEmailChange(ctx context.Context, raw string) (*User, error) {
	t, err := s.Store.UseOneTimeToken(ctx, HashToken(raw), PurposeEmail, s.Now())
	if fault.Is(err, fault.NotFound) {
		return nil, fault.New(fault.Invalid, "error.token.invalid")
	}
	if err != nil {
		return nil, err
	}
	now := s.Now()
	err = s.Store.UpdateUser(ctx, t.UserID, UserUpdate{Email: &t.Payload, EmailVerifiedAt: &now})
	if fault.Is(err, fault.Conflict) {
		return nil, fault.New(fault.Conflict, "error.email.taken")
	}
	if err != nil {
		return nil, err
	}
	if err := s.record(ctx, audit.Entry{ActorID: &t.UserID, SubjectID: &t.UserID, Action: audit.EmailChanged}); err != nil {
		return nil, err
	}
	return s.Store.FindUserByID(ctx, t.UserID)
}
