package participation

import (
	"context"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
)

// Process is the process name of participation events.
const Process = "participation"

// CurrentPhase is the phase of a space at t: PhaseCollecting for a space
// without phases, "" before the first and after the last phase.
func CurrentPhase(sp *Space, t time.Time) string {
	if len(sp.Phases) == 0 {
		return PhaseCollecting
	}
	for _, p := range sp.Phases {
		if !t.Before(p.From) && t.Before(p.To) {
			return p.Kind
		}
	}
	last := sp.Phases[len(sp.Phases)-1]
	if !t.Before(last.To) && last.Kind == PhaseResults {
		return PhaseResults
	}
	return ""
}

// Propose publishes a citizen's idea under their pseudonym, or holds it
// for a moderator when the space pre-moderates or a rule flags it. The
// author follows their idea.
func (s *Service) Propose(ctx context.Context, userID int64, i *Idea) error {
	sp, err := s.Store.FindSpace(ctx, i.SpaceID)
	if err != nil {
		return err
	}
	if CurrentPhase(sp, s.now()) != PhaseCollecting {
		return fault.New(fault.Conflict, "error.participation.not_collecting")
	}
	prof, err := s.profile(ctx, userID)
	if err != nil {
		return err
	}
	if err := checkIdea(i, sp); err != nil {
		return err
	}
	if err := s.flood(ctx, userID, true); err != nil {
		return err
	}
	flags := s.Flags(i.Title, i.Body)
	now := s.now()
	uid := userID
	i.AuthorID, i.AuthorName, i.Status, i.Version = &uid, prof.Pseudonym, StatusReceived, 1
	i.Moderation = Published
	if sp.Moderation == PreModeration || len(flags) > 0 {
		i.Moderation = Pending
	}
	i.CreatedAt, i.UpdatedAt = now, now
	i.Supports, i.Comments, i.Votes = 0, 0, 0
	ev := ideaEvent(i, sp, "proposed", "citizen", now)
	if s.Router != nil {
		// The routing hook suggests the responsible unit; the suggestion is
		// recorded for the process workshop, the space's unit still answers.
		if org, err := s.Router.Suggest(ctx, i); err == nil && org != nil {
			ev.Attrs["suggested_org"] = itoa(*org)
		}
	}
	if err := s.Store.CreateIdea(ctx, i, Effects{Events: []processlog.Event{ev}}); err != nil {
		return err
	}
	if err := s.Store.Follow(ctx, i.ID, userID, true); err != nil {
		return err
	}
	return s.autoReports(ctx, TargetIdea, i.ID, flags)
}

// autoReports files the automatic flags as reports for the moderators.
func (s *Service) autoReports(ctx context.Context, target string, id int64, flags []string) error {
	for _, f := range flags {
		if err := s.Store.AddReport(ctx, &Report{Target: target, TargetID: id, Reason: f, At: s.now()}); err != nil {
			return err
		}
	}
	return nil
}

// flood refuses a contribution beyond the per-account limits.
func (s *Service) flood(ctx context.Context, userID int64, idea bool) error {
	now := s.now()
	since := now.Add(-time.Hour)
	if idea {
		since = now.Add(-24 * time.Hour)
	}
	ideas, comments, err := s.Store.CountRecent(ctx, userID, since)
	if err != nil {
		return err
	}
	if idea && ideas >= s.ideasPerDay() || !idea && comments >= s.commentsPerHour() {
		return fault.New(fault.TooMany, "error.participation.flood")
	}
	return nil
}

// EventCaseID names an idea in the process log.
func EventCaseID(id int64) string { return "idea-" + strconv.FormatInt(id, 10) }

// ideaEvent is the process-log record of a step of an idea.
func ideaEvent(i *Idea, sp *Space, activity, resource string, at time.Time) processlog.Event {
	attrs := map[string]string{"space": sp.Slug, "status": i.Status}
	if i.Category != "" {
		attrs["category"] = i.Category
	}
	if i.ServiceID != nil {
		attrs["service"] = strconv.FormatInt(*i.ServiceID, 10)
	}
	caseID := ""
	if i.ID != 0 {
		caseID = EventCaseID(i.ID)
	}
	return processlog.Event{Process: Process, CaseID: caseID, Activity: activity,
		At: at, OrgID: sp.OrgID, Resource: resource, Attrs: attrs}
}

// Idea returns an idea as the public may see it: published, or hidden
// or merged (the page then shows the reason or the link). Pending ideas
// are visible to their author and moderators only (see IdeaFor).
func (s *Service) Idea(ctx context.Context, id int64) (*Idea, error) {
	i, err := s.Store.FindIdea(ctx, id)
	if err != nil {
		return nil, err
	}
	if i.Moderation == Pending {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return i, nil
}

// IdeaFor returns an idea for a viewer: their own pending idea too.
func (s *Service) IdeaFor(ctx context.Context, userID *int64, id int64) (*Idea, error) {
	i, err := s.Store.FindIdea(ctx, id)
	if err != nil {
		return nil, err
	}
	if i.Moderation == Pending && (userID == nil || i.AuthorID == nil || *i.AuthorID != *userID) {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return i, nil
}
