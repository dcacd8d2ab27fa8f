package participation

import (
	"context"
	"strconv"

	"rathaus/internal/fault"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Pseudonym returns the account's public name; NotFound until chosen.
func (s *Service) Pseudonym(ctx context.Context, userID int64) (string, error) {
	p, err := s.Store.FindProfile(ctx, userID)
	if err != nil {
		return "", err
	}
	return p.Pseudonym, nil
}

// SetPseudonym chooses the public name an account's contributions show.
// It must be unique; the account's real name is never shown.
func (s *Service) SetPseudonym(ctx context.Context, userID int64, name string) error {
	name, err := checkPseudonym(name)
	if err != nil {
		return err
	}
	taken, err := s.Store.PseudonymTaken(ctx, name, userID)
	if err != nil {
		return err
	}
	if taken {
		return fault.Fields(fault.FieldError{Field: "pseudonym", Key: "error.participation.pseudonym_taken"})
	}
	return s.Store.SaveProfile(ctx, &Profile{UserID: userID, Pseudonym: name, UpdatedAt: s.now()})
}

// profile is the account's profile; without a pseudonym the person must
// choose one first (Conflict "error.participation.no_pseudonym").
func (s *Service) profile(ctx context.Context, userID int64) (*Profile, error) {
	p, err := s.Store.FindProfile(ctx, userID)
	if fault.Is(err, fault.NotFound) {
		return nil, fault.New(fault.Conflict, "error.participation.no_pseudonym")
	}
	return p, err
}
