package inquiry

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/org"
)

// Assignment is staff's routing of a message, with the version they saw.
type Assignment struct {
	ID       int64
	Version  int
	OrgID    int64
	Category string // a life situation's slug, "" for none
}

// Assign moves a message to a unit's queue with a category. When that
// differs from the suggestion, the text with the final unit and category
// is stored as a correction, which the router learns from at once.
func (s *Service) Assign(ctx context.Context, a org.Actor, as Assignment) (*Inquiry, error) {
	q, err := s.staffInquiry(ctx, a, as.ID)
	if err != nil {
		return nil, err
	}
	if err := s.checkAssignment(ctx, as); err != nil {
		return nil, err
	}
	if q.Status == StatusClosed {
		return nil, fault.New(fault.Conflict, "error.inquiry.closed")
	}
	next := *q
	next.OrgID, next.Category, next.UpdatedAt = &as.OrgID, as.Category, s.now()
	if next.Status == StatusTriage {
		next.Status = StatusOpen
	}
	var ch Change
	if as.Corrects(q.Suggested) {
		ch.Correction = &Correction{Text: q.Text(), OrgID: as.OrgID, Category: as.Category, At: next.UpdatedAt}
	}
	if err := s.Store.UpdateInquiry(ctx, &next, as.Version, ch); err != nil {
		return nil, err
	}
	if ch.Correction != nil && s.Router != nil {
		s.Router.Changed()
	}
	return &next, nil
}

// Corrects reports whether the assignment differs from the suggestion sg
// (another unit, or another category than suggested), so that it is
// stored as a correction.
func (as Assignment) Corrects(sg Suggestion) bool {
	return sg.OrgID == nil || *sg.OrgID != as.OrgID || as.Category != "" && as.Category != sg.Category
}

// checkAssignment checks that the unit exists and the category is one of
// the catalogue's life situations.
func (s *Service) checkAssignment(ctx context.Context, as Assignment) error {
	var v fault.Validator
	if _, err := s.Orgs.Store.FindOrgByID(ctx, as.OrgID); fault.Is(err, fault.NotFound) {
		v.Add("org", "error.inquiry.org")
	} else if err != nil {
		return err
	}
	if as.Category != "" {
		cats, err := s.Categories(ctx)
		if err != nil {
			return err
		}
		known := slices.ContainsFunc(cats, func(c *catalog.LifeSituation) bool { return c.Slug == as.Category })
		v.Check(known, "category", "error.inquiry.category")
	}
	return v.Err()
}

// Reply answers a message: the reply is kept with the message and mailed
// to the citizen (by address, or the signed-in citizen's account) in the
// same transaction; the message is then answered.
func (s *Service) Reply(ctx context.Context, a org.Actor, id int64, version int, text string) (*Inquiry, error) {
	q, err := s.staffInquiry(ctx, a, id)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(text)
	var v fault.Validator
	v.Check(text != "", "reply", "error.inquiry.reply_missing")
	v.Check(utf8.RuneCountInString(text) <= MaxReply, "reply", "error.inquiry.reply_long", MaxReply)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if q.Status == StatusClosed {
		return nil, fault.New(fault.Conflict, "error.inquiry.closed")
	}
	role, err := s.roleOf(ctx, a, q)
	if err != nil {
		return nil, err
	}
	next := *q
	next.Status, next.UpdatedAt = StatusAnswered, s.now()
	uid := a.UserID
	ch := Change{Reply: &Reply{InquiryID: q.ID, Body: text, AuthorID: &uid, Role: role, At: next.UpdatedAt}}
	if m, err := s.replyMail(ctx, q, text); err != nil {
		return nil, err
	} else if m != nil {
		ch.Mails = []mail.Message{*m}
	}
	if err := s.Store.UpdateInquiry(ctx, &next, version, ch); err != nil {
		return nil, err
	}
	return &next, nil
}

// Reachable reports whether a reply to q can be mailed.
func (q *Inquiry) Reachable() bool { return q.Email != "" || q.UserID != nil }

// replyMail is the reply as a mail to the citizen, nil when there is no
// address to send it to.
func (s *Service) replyMail(ctx context.Context, q *Inquiry, text string) (*mail.Message, error) {
	to := q.Email
	if to == "" && q.UserID != nil && s.Accounts != nil {
		u, err := s.Accounts.FindUserByID(ctx, *q.UserID)
		if err != nil && !fault.Is(err, fault.NotFound) {
			return nil, err
		}
		if u != nil {
			to = u.Email
		}
	}
	if to == "" || s.T == nil {
		return nil, nil
	}
	return &mail.Message{To: to, UserID: q.UserID, CreatedAt: s.now(),
		Subject: s.T.T(q.Lang, "mail.inquiry.reply.subject", q.Reference),
		Text:    s.T.T(q.Lang, "mail.inquiry.reply.body", q.Reference, text, s.BaseURL+"/anliegen")}, nil
}

// roleOf names the role in which a replies, for the record.
func (s *Service) roleOf(ctx context.Context, a org.Actor, q *Inquiry) (string, error) {
	if a.PlatformAdmin {
		return org.PlatformAdmin, nil
	}
	if q.OrgID != nil {
		for _, r := range staffRoles {
			if ok, err := s.Orgs.HasRole(ctx, a.UserID, r, *q.OrgID); err != nil || ok {
				return r, err
			}
		}
	}
	return org.RoleCaseWorker, nil
}

// Close closes a message; it is deleted after the retention period.
func (s *Service) Close(ctx context.Context, a org.Actor, id int64, version int) (*Inquiry, error) {
	q, err := s.staffInquiry(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if q.Status == StatusClosed {
		return nil, fault.New(fault.Conflict, "error.inquiry.closed")
	}
	next := *q
	now := s.now()
	next.Status, next.UpdatedAt, next.ClosedAt = StatusClosed, now, &now
	if err := s.Store.UpdateInquiry(ctx, &next, version, Change{}); err != nil {
		return nil, err
	}
	return &next, nil
}
