package account

import (
	"context"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	rmail "rathaus/internal/mail"
)

// RequestReset mails a reset link when the address has an account. It
// always succeeds for the caller, so it reveals nothing.
func (s *Service) RequestReset(ctx context.Context, email string) error {
	email = NormalizeEmail(email)
	if !ValidEmail(email) {
		return fault.Fields(fault.FieldError{Field: "email", Key: "error.email.invalid"})
	}
	if err := s.allowMailTo(ctx, email); err != nil {
		return err
	}
	u, err := s.Store.FindUserByEmail(ctx, email)
	if fault.Is(err, fault.NotFound) {
		return nil
	}
	if err != nil || u.Disabled() {
		return err
	}
	raw, th := NewToken()
	t := &OneTimeToken{Hash: th, UserID: u.ID, Purpose: PurposeReset, ExpiresAt: s.Now().Add(resetTTL)}
	return s.Store.CreateOneTimeToken(ctx, t, []rmail.Message{s.mailFor(u, "mail.reset", s.BaseURL+"/password/reset?token="+raw)})
}

// ResetPassword sets a new password with a mailed token and ends all
// sessions, so whoever knew the old password is logged out.
func (s *Service) ResetPassword(ctx context.Context, raw, password string) error {
	var v fault.Validator
	checkPassword(&v, "password", password)
	if err := v.Err(); err != nil {
		return err
	}
	t, err := s.Store.UseOneTimeToken(ctx, HashToken(raw), PurposeReset, s.Now())
	if fault.Is(err, fault.NotFound) {
		return fault.New(fault.Invalid, "error.token.invalid")
	}
	if err != nil {
		return err
	}
	return s.setPassword(ctx, t.UserID, password, audit.PasswordReset)
}

func (s *Service) setPassword(ctx context.Context, userID int64, password, action string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	now := s.Now()
	// A working reset link also proves the address.
	if err := s.Store.UpdateUser(ctx, userID, UserUpdate{PasswordHash: &hash, EmailVerifiedAt: &now}); err != nil {
		return err
	}
	if err := s.Store.DeleteUserSessions(ctx, userID); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &userID, SubjectID: &userID, Action: action})
}

// ChangePassword replaces the password after checking the current one.
// All sessions end, and the caller gets a fresh one for this browser. It
// is complete at once: the person just proved the password, and their
// second factor when they logged in to this session.
func (s *Service) ChangePassword(ctx context.Context, u *User, current, next, ip, userAgent string) (string, *Session, error) {
	var v fault.Validator
	v.Check(u.PasswordHash == "" || CheckPassword(u.PasswordHash, current), "current_password", "error.password.wrong")
	checkPassword(&v, "new_password", next)
	if err := v.Err(); err != nil {
		return "", nil, err
	}
	if err := s.setPassword(ctx, u.ID, next, audit.PasswordChanged); err != nil {
		return "", nil, err
	}
	return s.startSession(ctx, u, ip, userAgent, false)
}
