package impact

import (
	"context"
	"time"

	"rathaus/internal/fault"
)

// Service reads and saves the assumptions and computes the effect.
// Who may save is the caller's decision (platform and organisation
// admins, checked by the web layer's admin gate).
type Service struct {
	Store Store
	Now   func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

// Assumptions returns the saved assumptions, or the defaults when the
// city has saved none (Version 0).
func (s *Service) Assumptions(ctx context.Context) (*Assumptions, error) {
	a, err := s.Store.FindImpactAssumptions(ctx)
	if fault.Is(err, fault.NotFound) {
		return Defaults(), nil
	}
	return a, err
}

// Save validates a and saves it over version a.Version; by names who.
// Invalid input or a stale version change nothing.
func (s *Service) Save(ctx context.Context, a *Assumptions, by string) error {
	if err := Validate(a); err != nil {
		return err
	}
	a.UpdatedBy, a.UpdatedAt = by, s.now()
	return s.Store.SaveImpactAssumptions(ctx, a)
}

// Effect computes the city's effect from the stored counts.
func (s *Service) Effect(ctx context.Context) (*Result, *Assumptions, error) {
	a, err := s.Assumptions(ctx)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.Store.CountImpact(ctx)
	if err != nil {
		return nil, nil, err
	}
	return Compute(a, c), a, nil
}
