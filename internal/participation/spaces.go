package participation

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/org"
)

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,59}$`)

// Spaces lists the spaces.
func (s *Service) Spaces(ctx context.Context) ([]*Space, error) { return s.Store.FindSpaces(ctx) }

// Space returns the space with slug.
func (s *Service) Space(ctx context.Context, slug string) (*Space, error) {
	return s.Store.FindSpaceBySlug(ctx, slug)
}

// Ideas lists the published ideas matching f.
func (s *Service) Ideas(ctx context.Context, f IdeaFilter) ([]*Idea, int, error) {
	f.Moderation = []string{Published}
	return s.Store.FindIdeas(ctx, f)
}

// SaveSpace creates (ID 0) or changes a space; moderators and
// organisation admins of its unit, and platform admins, may.
func (s *Service) SaveSpace(ctx context.Context, a org.Actor, sp *Space) error {
	if err := s.may(ctx, a, sp, moderatorRoles); err != nil {
		return err
	}
	if err := checkSpace(sp); err != nil {
		return err
	}
	if sp.ID == 0 {
		sp.CreatedAt = s.now()
		if err := s.Store.CreateSpace(ctx, sp); err != nil {
			return err
		}
	} else if err := s.Store.UpdateSpace(ctx, sp); err != nil {
		return err
	}
	return s.log(ctx, a, "participation.space", sp.Slug)
}

// checkSpace validates a space: slug, title, moderation mode, threshold
// and phases in order without gaps or overlaps.
func checkSpace(sp *Space) error {
	var v fault.Validator
	sp.Title = strings.TrimSpace(sp.Title)
	v.Check(slugRE.MatchString(sp.Slug), "slug", "error.participation.slug")
	v.Check(sp.Title != "", "title", "error.participation.space_title")
	v.Check(sp.Moderation == PreModeration || sp.Moderation == PostModeration, "moderation", "error.participation.moderation")
	v.Check(sp.SupportThreshold >= 0 && sp.AnswerDays >= 0 && (sp.SupportThreshold == 0) == (sp.AnswerDays == 0),
		"threshold", "error.participation.threshold")
	v.Check(sp.VotesPerPerson >= 0 && sp.VotesPerPerson <= 50, "votes", "error.participation.votes")
	sort.SliceStable(sp.Phases, func(i, j int) bool { return sp.Phases[i].From.Before(sp.Phases[j].From) })
	for k, p := range sp.Phases {
		v.Check(slices.Contains(Phases, p.Kind) && p.From.Before(p.To), "phases", "error.participation.phase")
		if k > 0 {
			v.Check(!p.From.Before(sp.Phases[k-1].To), "phases", "error.participation.phase_overlap")
		}
		if p.Kind == PhasePrioritising {
			v.Check(sp.VotesPerPerson > 0, "votes", "error.participation.votes")
		}
	}
	return v.Err()
}
