package account

import (
	"context"
	"strconv"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
)

// Login is one attempt to log in with a password.
type Login struct {
	Email     string
	Password  string
	IP        string
	UserAgent string
}

func (s *Service) maxFailures() int {
	if s.MaxFailures == 0 {
		return 5
	}
	return s.MaxFailures
}

func (s *Service) window() time.Duration {
	if s.FailureWindow == 0 {
		return 15 * time.Minute
	}
	return s.FailureWindow
}

// throttled reports whether any of keys has too many recent failures.
func (s *Service) throttled(ctx context.Context, keys ...string) (bool, error) {
	since := s.Now().Add(-s.window())
	for _, k := range keys {
		n, err := s.Store.CountLoginFailures(ctx, k, since)
		if err != nil {
			return false, err
		}
		if n >= s.maxFailures() {
			return true, nil
		}
	}
	return false, nil
}

func (s *Service) fail(ctx context.Context, keys ...string) error {
	for _, k := range keys {
		if err := s.Store.RecordLoginFailure(ctx, k, s.Now()); err != nil {
			return err
		}
	}
	return nil
}

// Authenticate checks e-mail and password, with throttling per address
// and per client address. It returns the user or an error that does not
// tell which of the two was wrong.
func (s *Service) Authenticate(ctx context.Context, in Login) (*User, error) {
	email := NormalizeEmail(in.Email)
	keys := []string{"email:" + email, "ip:" + in.IP}
	if t, err := s.throttled(ctx, keys...); err != nil {
		return nil, err
	} else if t {
		_ = s.record(ctx, audit.Entry{Action: audit.LoginThrottled, Detail: email, IP: in.IP})
		return nil, fault.New(fault.TooMany, "error.login.throttled")
	}
	u, err := s.Store.FindUserByEmail(ctx, email)
	if err != nil && !fault.Is(err, fault.NotFound) {
		return nil, err
	}
	if u == nil || u.PasswordHash == "" {
		CheckPassword(dummyHash, in.Password)
	}
	if u == nil || u.PasswordHash == "" || !CheckPassword(u.PasswordHash, in.Password) {
		var subject *int64
		if u != nil {
			subject = &u.ID
		}
		_ = s.record(ctx, audit.Entry{SubjectID: subject, Action: audit.LoginFailure, Detail: email, IP: in.IP})
		return nil, firstErr(s.fail(ctx, keys...), fault.New(fault.Unauthenticated, "error.login.failed"))
	}
	if u.Disabled() {
		return nil, fault.New(fault.Forbidden, "error.login.disabled")
	}
	if !u.Verified() {
		return nil, fault.New(fault.Forbidden, "error.login.unverified")
	}
	return u, s.Store.ClearLoginFailures(ctx, "email:"+email)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// StartSession creates a session for u and returns its raw token. When u
// has a second factor, the session stays pending until it is checked.
func (s *Service) StartSession(ctx context.Context, u *User, ip, userAgent string) (string, *Session, error) {
	return s.startSession(ctx, u, ip, userAgent, u.TOTPEnabled)
}

func (s *Service) startSession(ctx context.Context, u *User, ip, userAgent string, pending bool) (string, *Session, error) {
	raw, hash := NewToken()
	now := s.Now()
	sess := &Session{Hash: hash, UserID: u.ID, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: now.Add(s.ttl()), UserAgent: truncate(userAgent, 200), PendingSecond: pending}
	if err := s.Store.CreateSession(ctx, sess); err != nil {
		return "", nil, err
	}
	if !sess.PendingSecond {
		if err := s.loggedIn(ctx, u, ip); err != nil {
			return "", nil, err
		}
	}
	return raw, sess, nil
}

func (s *Service) loggedIn(ctx context.Context, u *User, ip string) error {
	now := s.Now()
	if err := s.Store.UpdateUser(ctx, u.ID, UserUpdate{LastLoginAt: &now}); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &u.ID, SubjectID: &u.ID, Action: audit.LoginSuccess, IP: ip})
}

// MaxSessionAge ends every session this long after login, however active:
// a stolen cookie does not live for ever.
const MaxSessionAge = 30 * 24 * time.Hour

func (s *Service) ttl() time.Duration {
	if s.SessionTTL == 0 {
		return 7 * 24 * time.Hour
	}
	return s.SessionTTL
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// SecondFactor checks a TOTP code for a pending session and completes the
// login. Failures count towards the throttle like wrong passwords.
func (s *Service) SecondFactor(ctx context.Context, raw, code, ip string) (*User, error) {
	sess, err := s.Store.FindSessionByHash(ctx, HashToken(raw))
	if err != nil || !sess.PendingSecond || !sess.ExpiresAt.After(s.Now()) {
		return nil, fault.New(fault.Unauthenticated, "error.session.expired")
	}
	key := "totp:" + strconv.FormatInt(sess.UserID, 10)
	if t, err := s.throttled(ctx, key); err != nil {
		return nil, err
	} else if t {
		return nil, fault.New(fault.TooMany, "error.login.throttled")
	}
	u, err := s.Store.FindUserByID(ctx, sess.UserID)
	if err != nil {
		return nil, err
	}
	step := MatchTOTP(u.TOTPSecret, code, s.Now(), u.TOTPLastStep)
	if step < 0 {
		_ = s.record(ctx, audit.Entry{SubjectID: &u.ID, Action: audit.LoginFailure, Detail: "totp", IP: ip})
		return nil, firstErr(s.fail(ctx, key), fault.Fields(fault.FieldError{Field: "code", Key: "error.totp.wrong"}))
	}
	if err := s.Store.UpdateUser(ctx, u.ID, UserUpdate{TOTPLastStep: &step}); err != nil {
		return nil, err
	}
	if err := s.Store.UpdateSession(ctx, sess.ID, s.Now(), s.Now().Add(s.ttl()), false); err != nil {
		return nil, err
	}
	return u, s.loggedIn(ctx, u, ip)
}

// SessionUser returns the user of a complete, unexpired session and
// extends it (sliding expiry, written at most once a minute). A session
// whose second factor is still due is returned with an Unauthenticated
// error, so nothing treats it as logged in.
func (s *Service) SessionUser(ctx context.Context, raw string) (*User, *Session, error) {
	if raw == "" {
		return nil, nil, fault.New(fault.Unauthenticated, "error.login.required")
	}
	sess, err := s.Store.FindSessionByHash(ctx, HashToken(raw))
	if fault.Is(err, fault.NotFound) {
		return nil, nil, fault.New(fault.Unauthenticated, "error.login.required")
	}
	if err != nil {
		return nil, nil, err
	}
	now := s.Now()
	if !sess.ExpiresAt.After(now) || now.Sub(sess.CreatedAt) > MaxSessionAge {
		return nil, nil, fault.New(fault.Unauthenticated, "error.session.expired")
	}
	if sess.PendingSecond {
		return nil, sess, fault.New(fault.Unauthenticated, "error.login.second_factor_due")
	}
	u, err := s.Store.FindUserByID(ctx, sess.UserID)
	if err != nil {
		return nil, nil, err
	}
	if u.Disabled() {
		return nil, nil, fault.New(fault.Forbidden, "error.login.disabled")
	}
	if now.Sub(sess.LastSeenAt) > time.Minute {
		sess.LastSeenAt, sess.ExpiresAt = now, now.Add(s.ttl())
		if err := s.Store.UpdateSession(ctx, sess.ID, sess.LastSeenAt, sess.ExpiresAt, sess.PendingSecond); err != nil {
			return nil, nil, err
		}
	}
	return u, sess, nil
}

// Logout ends one session.
func (s *Service) Logout(ctx context.Context, raw string, userID int64) error {
	if err := s.Store.DeleteSession(ctx, HashToken(raw)); err != nil && !fault.Is(err, fault.NotFound) {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &userID, SubjectID: &userID, Action: audit.Logout})
}

// EndSession ends one of the user's sessions, e.g. on a lost phone.
func (s *Service) EndSession(ctx context.Context, userID, id int64) error {
	if err := s.Store.DeleteUserSession(ctx, userID, id); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &userID, SubjectID: &userID, Action: audit.Logout, Detail: "session ended from account page"})
}

// LogoutEverywhere ends every session of the user, on every instance.
func (s *Service) LogoutEverywhere(ctx context.Context, userID int64) error {
	if err := s.Store.DeleteUserSessions(ctx, userID); err != nil {
		return err
	}
	return s.record(ctx, audit.Entry{ActorID: &userID, SubjectID: &userID, Action: audit.LogoutEverywhere})
}
