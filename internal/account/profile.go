package account

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	rmail "rathaus/internal/mail"
)

// Profile is what a user may change about themselves.
type Profile struct {
	DisplayName string
	Locale      string
}

// UpdateProfile changes name and language.
func (s *Service) UpdateProfile(ctx context.Context, u *User, p Profile) error {
	p.DisplayName = strings.TrimSpace(p.DisplayName)
	var v fault.Validator
	v.Check(p.DisplayName != "", "display_name", "error.name.required")
	v.Check(utf8.RuneCountInString(p.DisplayName) <= 100, "display_name", "error.name.long", 100)
	v.Check(p.Locale == "de" || p.Locale == "en", "locale", "error.locale.invalid")
	if err := v.Err(); err != nil {
		return err
	}
	return s.Store.UpdateUser(ctx, u.ID, UserUpdate{DisplayName: &p.DisplayName, Locale: &p.Locale})
}

// SetDisabled locks or unlocks an account; locking ends its sessions.
func (s *Service) SetDisabled(ctx context.Context, actor *int64, id int64, disabled bool) error {
	var at *time.Time
	action := audit.UserEnabled
	if disabled {
		now := s.Now()
		at, action = &now, audit.UserDisabled
	}
	if err := s.Store.UpdateUser(ctx, id, UserUpdate{DisabledAt: &at}); err != nil {
		return err
	}
	if disabled {
		if err := s.Store.DeleteUserSessions(ctx, id); err != nil {
			return err
		}
	}
	return s.record(ctx, audit.Entry{ActorID: actor, SubjectID: &id, Action: action})
}

// SetPlatformAdmin grants or removes the platform admin flag.
func (s *Service) SetPlatformAdmin(ctx context.Context, actor *int64, id int64, on bool) error {
	if err := s.Store.UpdateUser(ctx, id, UserUpdate{PlatformAdmin: &on}); err != nil {
		return err
	}
	action := audit.RoleGranted
	if !on {
		action = audit.RoleRevoked
	}
	return s.record(ctx, audit.Entry{ActorID: actor, SubjectID: &id, Action: action, Detail: "platform_admin"})
}

// Delete removes the account and the data that belongs only to it, after
// checking the password (accounts without one confirm by typing their
// address). The audit trail keeps the event without the person's address.
func (s *Service) Delete(ctx context.Context, u *User, confirm string) error {
	ok := (u.PasswordHash != "" && CheckPassword(u.PasswordHash, confirm)) ||
		(u.PasswordHash == "" && NormalizeEmail(confirm) == u.Email)
	if !ok {
		return fault.Fields(fault.FieldError{Field: "confirm", Key: "error.delete.confirm"})
	}
	if err := s.Store.DeleteUser(ctx, u.ID); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.UserDeleted})
}

// Export is everything the platform holds about one account (GDPR Art. 15/20).
type Export struct {
	User     *User
	Sessions []*Session
	Tokens   []*APIToken
	Audit    []*audit.Entry
	Mails    []*rmail.Message
}

// MailReader lists queued and sent mail.
type MailReader interface {
	FindMessages(ctx context.Context, f rmail.Filter) ([]*rmail.Message, error)
}

// Export collects the account's data; the caller adds what other domains hold.
func (s *Service) Export(ctx context.Context, u *User, mails MailReader) (*Export, error) {
	e := &Export{User: u}
	var err error
	if e.Sessions, err = s.Store.FindSessions(ctx, u.ID); err != nil {
		return nil, err
	}
	if e.Tokens, err = s.Store.FindAPITokens(ctx, u.ID); err != nil {
		return nil, err
	}
	if e.Audit, err = s.Audit.FindAuditEntries(ctx, audit.Filter{SubjectID: &u.ID, Limit: 10000}); err != nil {
		return nil, err
	}
	if e.Mails, err = mails.FindMessages(ctx, rmail.Filter{UserID: &u.ID, Limit: 10000}); err != nil {
		return nil, err
	}
	return e, s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.PersonalDataExport})
}

// External is an identity asserted by an OpenID provider.
type External struct {
	Issuer        string
	Subject       string
	Email         string
	EmailVerified bool
	Name          string
	IP            string
}

// LoginExternal finds or creates the account of an OpenID identity. An
// existing local account is linked only when the provider vouches for the
// address, otherwise anyone could take it over by claiming it.
func (s *Service) LoginExternal(ctx context.Context, x External) (*User, error) {
	u, err := s.Store.FindUserByOIDC(ctx, x.Issuer, x.Subject)
	if err == nil {
		return u, s.checkActive(u)
	}
	if !fault.Is(err, fault.NotFound) {
		return nil, err
	}
	email := NormalizeEmail(x.Email)
	if !x.EmailVerified || !ValidEmail(email) {
		return nil, fault.New(fault.Forbidden, "error.oidc.email_unverified")
	}
	u, err = s.Store.FindUserByEmail(ctx, email)
	switch {
	case err == nil && s.NoEmailLinking:
		return nil, fault.New(fault.Conflict, "error.oidc.email_taken")
	case err == nil:
		if err := s.Store.UpdateUser(ctx, u.ID, UserUpdate{OIDCIssuer: &x.Issuer, OIDCSubject: &x.Subject}); err != nil {
			return nil, err
		}
		return u, s.checkActive(u)
	case !fault.Is(err, fault.NotFound):
		return nil, err
	}
	now := s.Now()
	name := strings.TrimSpace(x.Name)
	if name == "" {
		name = email[:strings.Index(email, "@")]
	}
	u = &User{Email: email, DisplayName: truncate(name, 100), Locale: "de", EmailVerifiedAt: &now,
		OIDCIssuer: x.Issuer, OIDCSubject: x.Subject, CreatedAt: now}
	if err := s.Store.CreateUser(ctx, u, nil, nil); err != nil {
		return nil, err
	}
	return u, s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.UserCreated, Detail: "oidc " + x.Issuer})
}

func (s *Service) checkActive(u *User) error {
	if u.Disabled() {
		return fault.New(fault.Forbidden, "error.login.disabled")
	}
	return nil
}
