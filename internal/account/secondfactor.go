package account

import (
	"context"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
)

// BeginTOTP stores a new secret that is not yet in force and returns it
// with the URI for the authenticator app's QR code.
func (s *Service) BeginTOTP(ctx context.Context, u *User) (secret, uri string, err error) {
	if u.TOTPEnabled {
		return "", "", fault.New(fault.Conflict, "error.totp.already")
	}
	secret = NewTOTPSecret()
	if err := s.Store.UpdateUser(ctx, u.ID, UserUpdate{TOTPSecret: &secret}); err != nil {
		return "", "", err
	}
	return secret, TOTPURI(s.Issuer, u.Email, secret), nil
}

// ConfirmTOTP puts the pending secret in force once the user shows a code
// made with it.
func (s *Service) ConfirmTOTP(ctx context.Context, u *User, code string) error {
	if u.TOTPEnabled || u.TOTPSecret == "" {
		return fault.New(fault.Conflict, "error.totp.not_pending")
	}
	step := MatchTOTP(u.TOTPSecret, code, s.Now(), 0)
	if step < 0 {
		return fault.Fields(fault.FieldError{Field: "code", Key: "error.totp.wrong"})
	}
	on := true
	if err := s.Store.UpdateUser(ctx, u.ID, UserUpdate{TOTPEnabled: &on, TOTPLastStep: &step}); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.SecondFactorOn})
}

// DisableTOTP turns the second factor off after checking the password.
func (s *Service) DisableTOTP(ctx context.Context, u *User, password string) error {
	if u.PasswordHash != "" && !CheckPassword(u.PasswordHash, password) {
		return fault.Fields(fault.FieldError{Field: "password", Key: "error.password.wrong"})
	}
	off, empty, zero := false, "", int64(0)
	if err := s.Store.UpdateUser(ctx, u.ID, UserUpdate{TOTPEnabled: &off, TOTPSecret: &empty, TOTPLastStep: &zero}); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.SecondFactorOff})
}
