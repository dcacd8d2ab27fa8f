package inquiry

import (
	"context"
	"slices"
	"strconv"

	"rathaus/internal/audit"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// QueueTriage names the service office's triage queue; other queues are
// named by their unit's ID.
const QueueTriage = "triage"

// Queue is one queue a staff member may work.
type Queue struct {
	Key string   // QueueTriage or the unit's ID
	Org *org.Org // the unit; the office for the triage queue (nil when not configured)
}

// Triage reports whether this is the triage queue.
func (q Queue) Triage() bool { return q.Key == QueueTriage }

// units returns the units whose messages a works; all for a platform admin.
func (s *Service) units(ctx context.Context, a org.Actor) (ids []int64, all bool, err error) {
	if a.PlatformAdmin {
		return nil, true, nil
	}
	if a.UserID == 0 {
		return nil, false, nil
	}
	ids, err = s.Orgs.Units(ctx, a.UserID, staffRoles...)
	return ids, false, err
}

// IsStaff reports whether a works any queue.
func (s *Service) IsStaff(ctx context.Context, a org.Actor) (bool, error) {
	ids, all, err := s.units(ctx, a)
	return all || len(ids) > 0, err
}

// Queues returns the queues a works: triage for the service office's
// staff, then the units a works (every unit for a platform admin).
func (s *Service) Queues(ctx context.Context, a org.Actor) ([]Queue, error) {
	ids, all, err := s.units(ctx, a)
	if err != nil {
		return nil, err
	}
	office, err := s.OfficeOrg(ctx)
	if err != nil && !fault.Is(err, fault.NotFound) {
		return nil, err
	}
	var out []Queue
	if all || office != nil && slices.Contains(ids, office.ID) {
		out = append(out, Queue{Key: QueueTriage, Org: office})
	}
	orgs, err := s.Orgs.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		if all || slices.Contains(ids, o.ID) {
			out = append(out, Queue{Key: strconv.FormatInt(o.ID, 10), Org: o})
		}
	}
	return out, nil
}

// QueueQuery selects a page of a queue.
type QueueQuery struct {
	Queue  string // QueueTriage or a unit's ID
	Closed bool   // the closed messages instead of the open ones
	Limit  int
	Offset int
}

// List returns one page of a queue a works and the number of its
// messages; Forbidden for a queue a does not work.
func (s *Service) List(ctx context.Context, a org.Actor, qq QueueQuery) ([]*Inquiry, int, error) {
	queues, err := s.Queues(ctx, a)
	if err != nil {
		return nil, 0, err
	}
	if !slices.ContainsFunc(queues, func(q Queue) bool { return q.Key == qq.Queue }) {
		return nil, 0, fault.New(fault.Forbidden, "error.inquiry.not_staff")
	}
	f := Filter{Statuses: []string{StatusOpen, StatusAnswered}, Limit: qq.Limit, Offset: qq.Offset}
	if qq.Closed {
		f.Statuses = []string{StatusClosed}
	}
	if qq.Queue == QueueTriage {
		f.Statuses = []string{StatusTriage}
	} else {
		id, _ := strconv.ParseInt(qq.Queue, 10, 64)
		f.OrgIDs = []int64{id}
	}
	return s.Store.FindInquiries(ctx, f)
}

// staffInquiry loads a message a may work: in triage for the office's
// staff, else for the staff of its unit. Others get NotFound, so IDs
// cannot be probed.
func (s *Service) staffInquiry(ctx context.Context, a org.Actor, id int64) (*Inquiry, error) {
	q, err := s.Store.FindInquiry(ctx, id)
	if err != nil {
		return nil, err
	}
	ids, all, err := s.units(ctx, a)
	if err != nil || all {
		return q, err
	}
	if q.Status == StatusTriage {
		office, err := s.officeID(ctx)
		if err != nil {
			return nil, err
		}
		if office != nil && slices.Contains(ids, *office) {
			return q, nil
		}
	} else if q.OrgID != nil && slices.Contains(ids, *q.OrgID) {
		return q, nil
	}
	return nil, fault.New(fault.NotFound, "error.not_found")
}

// View is a message with its replies, for staff.
type View struct {
	Inquiry *Inquiry
	Replies []*Reply
}

// Open returns a message for staff and records in the audit log that a
// read the citizen's message and contact.
func (s *Service) Open(ctx context.Context, a org.Actor, id int64) (*View, error) {
	q, err := s.staffInquiry(ctx, a, id)
	if err != nil {
		return nil, err
	}
	replies, err := s.Store.FindReplies(ctx, id)
	if err != nil {
		return nil, err
	}
	if s.Audit != nil {
		uid := a.UserID
		err = s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), ActorID: &uid, SubjectID: q.UserID,
			Action: audit.PersonalDataRead, Detail: "inquiry " + q.Reference})
	}
	return &View{Inquiry: q, Replies: replies}, err
}

// Categories are the categories staff may assign: the catalogue's life
// situations, in their order.
func (s *Service) Categories(ctx context.Context) ([]*catalog.LifeSituation, error) {
	if s.Router == nil {
		return nil, nil
	}
	return s.Router.Catalog.FindLifeSituations(ctx)
}

// Peek returns a message a may work without recording a read: for
// deciding where to go after a change.
func (s *Service) Peek(ctx context.Context, a org.Actor, id int64) (*Inquiry, error) {
	return s.staffInquiry(ctx, a, id)
}
