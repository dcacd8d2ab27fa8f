package participation

import (
	"context"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// Comment writes a reply to an idea (or, with parentID, to a comment of
// it) under the person's pseudonym. Staff of the responsible unit write
// official comments, which notify the followers. Flags or
// pre-moderation hold a comment for a moderator.
func (s *Service) Comment(ctx context.Context, a org.Actor, ideaID int64, parentID *int64, body, lang string) (*Comment, error) {
	i, sp, err := s.open(ctx, ideaID)
	if err != nil {
		return nil, err
	}
	body, err = checkComment(body)
	if err != nil {
		return nil, err
	}
	if parentID != nil {
		p, err := s.Store.FindComment(ctx, *parentID)
		if err != nil || p.IdeaID != ideaID {
			return nil, fault.Fields(fault.FieldError{Field: "parent", Key: "error.participation.parent"})
		}
	}
	prof, err := s.profile(ctx, a.UserID)
	if err != nil {
		return nil, err
	}
	if err := s.flood(ctx, a.UserID, false); err != nil {
		return nil, err
	}
	official := s.mayAnswer(ctx, a, sp)
	uid := a.UserID
	c := &Comment{IdeaID: ideaID, ParentID: parentID, AuthorID: &uid, AuthorName: prof.Pseudonym, Official: official == nil,
		Body: body, Moderation: Published, CreatedAt: s.now()}
	flags := s.Flags(body)
	if !c.Official && (sp.Moderation == PreModeration || len(flags) > 0) {
		c.Moderation = Pending
	}
	fx := Effects{}
	if c.Official {
		fx.Events = []processlog.Event{ideaEvent(i, sp, "official_comment", staffResource(a), s.now())}
		if fx.Mails, err = s.followerMails(ctx, i, a.UserID, lang); err != nil {
			return nil, err
		}
	}
	if err := s.Store.AddComment(ctx, c, fx); err != nil {
		return nil, err
	}
	if !c.Official {
		return c, s.autoReports(ctx, TargetComment, c.ID, flags)
	}
	return c, nil
}

// Comments lists an idea's visible comments (hidden ones keep their
// place with the public reason).
func (s *Service) Comments(ctx context.Context, ideaID int64) ([]*Comment, error) {
	all, err := s.Store.FindComments(ctx, ideaID, true)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, c := range all {
		if c.Moderation != Pending {
			out = append(out, c)
		}
	}
	return out, nil
}

// followerMails tells the followers of an idea (but not the one acting)
// that there is news, with the link; the mails name no person.
func (s *Service) followerMails(ctx context.Context, i *Idea, actor int64, lang string) ([]mail.Message, error) {
	ids, err := s.Store.Followers(ctx, i.ID)
	if err != nil {
		return nil, err
	}
	var out []mail.Message
	link := s.BaseURL + "/ideen/" + itoa(i.ID)
	for _, id := range ids {
		if id == actor {
			continue
		}
		u, err := s.Accounts.FindUserByID(ctx, id)
		if err != nil {
			continue // an account deleted meanwhile
		}
		uid := u.ID
		out = append(out, mail.Message{To: u.Email, UserID: &uid, CreatedAt: s.now(),
			Subject: s.T.T(lang, "mail.participation.news.subject", i.Title),
			Text:    s.T.T(lang, "mail.participation.news.body", i.Title, link)})
	}
	return out, nil
}
