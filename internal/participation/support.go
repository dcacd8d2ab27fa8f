package participation

import (
	"context"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
)

// Support records a person's support of an idea; a second support by the
// same account changes nothing. It returns the idea afterwards and
// whether the support was new. Reaching the space's threshold starts the
// promise of an official answer.
func (s *Service) Support(ctx context.Context, userID, ideaID int64) (*Idea, bool, error) {
	i, sp, err := s.open(ctx, ideaID)
	if err != nil {
		return nil, false, err
	}
	if i.AuthorID != nil && *i.AuthorID == userID {
		return nil, false, fault.New(fault.Conflict, "error.participation.own_idea")
	}
	if ph := CurrentPhase(sp, s.now()); ph != PhaseCollecting && ph != PhasePrioritising {
		return nil, false, fault.New(fault.Conflict, "error.participation.not_collecting")
	}
	now := s.now()
	return s.Store.Support(ctx, ideaID, userID, now, func(after *Idea) Effects {
		if after.ThresholdAt == nil || !after.ThresholdAt.Equal(now) {
			return Effects{}
		}
		return Effects{Events: []processlog.Event{ideaEvent(after, sp, "threshold_reached", "citizens", now)}}
	})
}

// Unsupport takes a person's support back.
func (s *Service) Unsupport(ctx context.Context, userID, ideaID int64) (*Idea, bool, error) {
	if _, _, err := s.open(ctx, ideaID); err != nil {
		return nil, false, err
	}
	return s.Store.Unsupport(ctx, ideaID, userID)
}

// Follow starts or ends following an idea (notifications of answers).
func (s *Service) Follow(ctx context.Context, userID, ideaID int64, on bool) error {
	if _, err := s.Idea(ctx, ideaID); err != nil {
		return err
	}
	return s.Store.Follow(ctx, ideaID, userID, on)
}

// open loads a published idea and its space; anything else cannot be
// supported, voted or commented.
func (s *Service) open(ctx context.Context, ideaID int64) (*Idea, *Space, error) {
	i, err := s.Store.FindIdea(ctx, ideaID)
	if err != nil {
		return nil, nil, err
	}
	if i.Moderation != Published {
		if i.Moderation == Pending {
			return nil, nil, fault.New(fault.NotFound, "error.not_found")
		}
		return nil, nil, fault.New(fault.Conflict, "error.participation.closed_idea")
	}
	sp, err := s.Store.FindSpace(ctx, i.SpaceID)
	return i, sp, err
}

// Vote gives one of a person's votes in a process's prioritising phase.
func (s *Service) Vote(ctx context.Context, userID, ideaID int64, on bool) (bool, error) {
	i, sp, err := s.open(ctx, ideaID)
	if err != nil {
		return false, err
	}
	if CurrentPhase(sp, s.now()) != PhasePrioritising || sp.VotesPerPerson <= 0 {
		return false, fault.New(fault.Conflict, "error.participation.not_prioritising")
	}
	if !on {
		return s.Store.Unvote(ctx, sp.ID, i.ID, userID)
	}
	return s.Store.Vote(ctx, sp.ID, i.ID, userID, sp.VotesPerPerson, s.now())
}
