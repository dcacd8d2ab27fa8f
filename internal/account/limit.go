package account

import (
	"context"
	"time"

	"rathaus/internal/fault"
)

// Limits on mail that anyone can trigger, so that the forms cannot be used
// to flood someone's inbox or the city's mail server. Counted in the
// database, so they hold across instances.
const (
	MailsPerAddress = 3  // registration, verification and reset mails per address and hour
	MailsPerClient  = 20 // mails one client address may trigger per hour
	mailWindow      = time.Hour
)

// Allow counts one use of key and fails with TooMany once key was used max
// times within window.
func (s *Service) Allow(ctx context.Context, key string, max int, window time.Duration) error {
	n, err := s.Store.CountLoginFailures(ctx, key, s.Now().Add(-window))
	if err != nil {
		return err
	}
	if n >= max {
		return fault.New(fault.TooMany, "error.mail.too_many")
	}
	return s.Store.RecordLoginFailure(ctx, key, s.Now())
}

// AllowMailFrom limits the mails one client address may trigger.
func (s *Service) AllowMailFrom(ctx context.Context, ip string) error {
	return s.Allow(ctx, "mail-from:"+ip, MailsPerClient, mailWindow)
}

func (s *Service) allowMailTo(ctx context.Context, email string) error {
	return s.Allow(ctx, "mail-to:"+email, MailsPerAddress, mailWindow)
}
