package participation

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// answerRoles may answer ideas for the space's unit.
var answerRoles = []string{org.RoleCaseWorker, org.RoleServiceOwner, org.RoleModerator, org.RoleOrgAdmin}

// moderatorRoles may moderate a space.
var moderatorRoles = []string{org.RoleModerator, org.RoleOrgAdmin}

func staffResource(a org.Actor) string { return "staff:" + itoa(a.UserID) }

// may checks that a holds one of roles on the space's unit (or above),
// or is a platform admin; else Forbidden.
func (s *Service) may(ctx context.Context, a org.Actor, sp *Space, roles []string) error {
	if a.PlatformAdmin {
		return nil
	}
	if sp.OrgID != nil && s.Orgs != nil && a.UserID != 0 {
		for _, r := range roles {
			if ok, err := s.Orgs.HasRole(ctx, a.UserID, r, *sp.OrgID); err != nil || ok {
				return err
			}
		}
	}
	return fault.New(fault.Forbidden, "error.participation.not_staff")
}

func (s *Service) mayAnswer(ctx context.Context, a org.Actor, sp *Space) error {
	return s.may(ctx, a, sp, answerRoles)
}

// MayAnswer reports whether a answers ideas of the space.
func (s *Service) MayAnswer(ctx context.Context, a org.Actor, sp *Space) bool {
	return s.mayAnswer(ctx, a, sp) == nil
}

// MayModerate reports whether a moderates the space.
func (s *Service) MayModerate(ctx context.Context, a org.Actor, sp *Space) bool {
	return s.may(ctx, a, sp, moderatorRoles) == nil
}

// Answer gives an idea a status with a public answer; "not possible"
// needs the reason. The timeline keeps every answer; the followers hear
// that there is news. Two staff answering at once: the second gets the
// stale-version conflict.
func (s *Service) Answer(ctx context.Context, a org.Actor, ideaID int64, version int, status, answer, lang string) (*Idea, error) {
	i, err := s.Store.FindIdea(ctx, ideaID)
	if err != nil {
		return nil, err
	}
	sp, err := s.Store.FindSpace(ctx, i.SpaceID)
	if err != nil {
		return nil, err
	}
	if err := s.mayAnswer(ctx, a, sp); err != nil {
		return nil, err
	}
	answer = strings.TrimSpace(answer)
	var v fault.Validator
	v.Check(slices.Contains(Statuses, status), "status", "error.participation.status")
	v.Check(utf8.RuneCountInString(answer) <= MaxBody, "answer", "error.participation.answer_long", MaxBody)
	v.Check(answer != "" || status == StatusReceived, "answer", "error.participation.answer_needed")
	if err := v.Err(); err != nil {
		return nil, err
	}
	if i.Version != version {
		return nil, fault.New(fault.Conflict, "error.participation.stale")
	}
	now := s.now()
	uid := a.UserID
	ch := &StatusChange{IdeaID: i.ID, From: i.Status, To: status, Answer: answer, ActorID: &uid, At: now}
	i.Status, i.Answer, i.Version, i.UpdatedAt = status, answer, i.Version+1, now
	if i.AnswerDue != nil && i.AnsweredAt == nil {
		i.AnsweredAt = &now
	}
	fx := Effects{Events: []processlog.Event{ideaEvent(i, sp, "answered", staffResource(a), now)}}
	if fx.Mails, err = s.followerMails(ctx, i, a.UserID, lang); err != nil {
		return nil, err
	}
	if err := s.Store.UpdateIdeaStatus(ctx, i, ch, fx); err != nil {
		return nil, err
	}
	return i, nil
}

// Timeline is an idea's public history of answers.
func (s *Service) Timeline(ctx context.Context, ideaID int64) ([]StatusChange, error) {
	return s.Store.Timeline(ctx, ideaID)
}

// Stats are a space's public figures.
func (s *Service) Stats(ctx context.Context, spaceID int64) (*Stats, error) {
	return s.Store.SpaceStats(ctx, spaceID, s.now())
}
