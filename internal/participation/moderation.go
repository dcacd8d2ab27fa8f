package participation

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// Report reasons a person can give.
var ReportReasons = []string{"offensive", "spam", "personal_data", "off_topic", "other"}

// Report files a person's report of an idea or comment for the
// moderators.
func (s *Service) Report(ctx context.Context, userID int64, target string, id int64, reason, note string) error {
	if !slices.Contains(ReportReasons, reason) {
		return fault.Fields(fault.FieldError{Field: "reason", Key: "error.participation.reason"})
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > MaxReason {
		return fault.Fields(fault.FieldError{Field: "note", Key: "error.participation.note_long", Args: []any{MaxReason}})
	}
	if _, err := s.target(ctx, target, id); err != nil {
		return err
	}
	uid := userID
	return s.Store.AddReport(ctx, &Report{Target: target, TargetID: id, ReporterID: &uid, Reason: reason, Note: note, At: s.now()})
}

// target finds the space of a reported idea or comment.
func (s *Service) target(ctx context.Context, target string, id int64) (*Space, error) {
	ideaID := id
	switch target {
	case TargetComment:
		c, err := s.Store.FindComment(ctx, id)
		if err != nil {
			return nil, err
		}
		ideaID = c.IdeaID
	case TargetIdea:
	default:
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	i, err := s.Store.FindIdea(ctx, ideaID)
	if err != nil {
		return nil, err
	}
	return s.Store.FindSpace(ctx, i.SpaceID)
}

// Moderate publishes (approves) or hides an idea or comment; hiding
// needs a public reason. The target's open reports are resolved and the
// decision is in the audit log.
func (s *Service) Moderate(ctx context.Context, a org.Actor, target string, id int64, state, reason string) error {
	sp, err := s.target(ctx, target, id)
	if err != nil {
		return err
	}
	if err := s.may(ctx, a, sp, moderatorRoles); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case state == Hidden && (reason == "" || utf8.RuneCountInString(reason) > MaxReason):
		return fault.Fields(fault.FieldError{Field: "reason", Key: "error.participation.hide_reason", Args: []any{MaxReason}})
	case state != Hidden && state != Published:
		return fault.Fields(fault.FieldError{Field: "state", Key: "error.participation.state"})
	}
	if state == Published {
		reason = ""
	}
	outcome := "kept"
	if state == Hidden {
		outcome = "hidden"
	}
	uid := a.UserID
	now := s.now()
	var fx Effects
	if target == TargetIdea {
		if i, err := s.Store.FindIdea(ctx, id); err == nil {
			fx.Events = []processlog.Event{ideaEvent(i, sp, "moderated_"+outcome, staffResource(a), now)}
		}
	}
	if err := s.Store.Moderate(ctx, target, id, state, reason, &uid, outcome, now, fx); err != nil {
		return err
	}
	return s.log(ctx, a, "participation."+outcome, target+" "+itoa(id))
}

// Merge folds a duplicate idea into another of the same space: its
// supports (each person once), comments and followers move over, and the
// duplicate links to the one it went into.
func (s *Service) Merge(ctx context.Context, a org.Actor, from, into int64) error {
	if from == into {
		return fault.Fields(fault.FieldError{Field: "into", Key: "error.participation.merge_self"})
	}
	f, err := s.Store.FindIdea(ctx, from)
	if err != nil {
		return err
	}
	t, err := s.Store.FindIdea(ctx, into)
	if err != nil || t.SpaceID != f.SpaceID || t.Moderation == Merged {
		return fault.Fields(fault.FieldError{Field: "into", Key: "error.participation.merge_target"})
	}
	sp, err := s.Store.FindSpace(ctx, f.SpaceID)
	if err != nil {
		return err
	}
	if err := s.may(ctx, a, sp, moderatorRoles); err != nil {
		return err
	}
	now := s.now()
	fx := Effects{Events: []processlog.Event{ideaEvent(f, sp, "merged", staffResource(a), now)}}
	if err := s.Store.MergeIdeas(ctx, from, into, now, fx); err != nil {
		return err
	}
	return s.log(ctx, a, "participation.merged", itoa(from)+" -> "+itoa(into))
}

// Queue lists the open reports and the pending contributions of the
// spaces a moderates.
func (s *Service) Queue(ctx context.Context, a org.Actor, spaceID int64) ([]*Report, []*Idea, error) {
	sp, err := s.Store.FindSpace(ctx, spaceID)
	if err != nil {
		return nil, nil, err
	}
	if err := s.may(ctx, a, sp, moderatorRoles); err != nil {
		return nil, nil, err
	}
	reports, err := s.Store.FindReports(ctx, ReportFilter{SpaceID: spaceID, Open: true, Limit: 200})
	if err != nil {
		return nil, nil, err
	}
	pending, _, err := s.Store.FindIdeas(ctx, IdeaFilter{SpaceID: spaceID, Moderation: []string{Pending}, Limit: 200})
	return reports, pending, err
}

func (s *Service) log(ctx context.Context, a org.Actor, action, detail string) error {
	if s.Audit == nil {
		return nil
	}
	uid := a.UserID
	return s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), ActorID: &uid, Action: action, Detail: detail})
}
