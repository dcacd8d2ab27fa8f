package georeport

import (
	"context"
	"time"

	"rathaus/internal/fault"
)

// Service issues, checks and revokes keys and counts their use.
type Service struct {
	Store Store
	Now   func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Issue validates c, gives it a new key and stores it; the key is
// returned once and never again.
func (s *Service) Issue(ctx context.Context, c *Client, by *int64) (string, error) {
	if c.HourlyLimit == 0 {
		c.HourlyLimit = DefaultHourlyLimit
	}
	if err := Validate(c); err != nil {
		return "", err
	}
	key, err := NewKey()
	if err != nil {
		return "", err
	}
	c.KeyHash, c.KeyHint = HashKey(key), key[:len(KeyPrefix)+4]
	c.CreatedBy, c.CreatedAt, c.RevokedAt = by, s.now(), nil
	if err := s.Store.CreateOpen311Client(ctx, c); err != nil {
		return "", err
	}
	return key, nil
}

// Revoke ends a key; revoking twice keeps the first time.
func (s *Service) Revoke(ctx context.Context, id int64) error {
	return s.Store.RevokeOpen311Client(ctx, id, s.now())
}

// List returns every client, newest first.
func (s *Service) List(ctx context.Context) ([]*Client, error) {
	return s.Store.FindOpen311Clients(ctx)
}

// Authenticate returns the active client of key: Forbidden for an
// unknown or revoked key.
func (s *Service) Authenticate(ctx context.Context, key string) (*Client, error) {
	c, err := s.Store.FindOpen311ClientByKeyHash(ctx, HashKey(key))
	if fault.Is(err, fault.NotFound) || (err == nil && !c.Active()) {
		return nil, fault.New(fault.Forbidden, "error.georeport.key")
	}
	return c, err
}

// Use counts one service request of the client in the current hour:
// TooMany when the hour's limit is used up (the request is not made).
func (s *Service) Use(ctx context.Context, c *Client) error {
	now := s.now()
	window := now.Truncate(time.Hour)
	n, err := s.Store.CountOpen311Use(ctx, c.ID, window, window.Add(-24*time.Hour))
	if err != nil {
		return err
	}
	if n > c.HourlyLimit {
		return fault.New(fault.TooMany, "error.georeport.rate", c.HourlyLimit)
	}
	return nil
}

// RetryAfter is how long until the current hour's counter resets.
func (s *Service) RetryAfter() time.Duration {
	now := s.now()
	return now.Truncate(time.Hour).Add(time.Hour).Sub(now)
}
