package catalog

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Revision origins.
const (
	OriginEditor = "editor"
	OriginImport = "import"
)

// EditableServices lists the services (of any status) a may edit, by name.
func (c *Catalog) EditableServices(ctx context.Context, a org.Actor) ([]*Service, error) {
	all, err := c.Store.FindServices(ctx, ServiceFilter{})
	if err != nil {
		return nil, err
	}
	var out []*Service
	for _, s := range all {
		ok, err := c.CanEdit(ctx, a, s)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, s)
		}
	}
	sortByName(out)
	return out, nil
}

// Service returns a service of any status to someone who may edit it.
func (c *Catalog) Service(ctx context.Context, a org.Actor, id int64) (*Service, error) {
	s, err := c.Store.FindServiceByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := c.mayEdit(ctx, a, s); err != nil {
		return nil, err
	}
	return s, nil
}

// Propose records a change to a service. Under four-eyes it waits for a
// second editor; otherwise it is published at once.
func (c *Catalog) Propose(ctx context.Context, a org.Actor, serviceID int64, content Content, comment string) (*Revision, error) {
	s, err := c.Service(ctx, a, serviceID)
	if err != nil {
		return nil, err
	}
	content = content.Normalize()
	if err := content.Validate(); err != nil {
		return nil, err
	}
	if err := c.mayEditOrg(ctx, a, content); err != nil {
		return nil, err
	}
	rev := c.newRevision(a, content, comment)
	rev.ServiceID = s.ID
	if err := c.Store.CreateRevision(ctx, rev); err != nil {
		return nil, err
	}
	c.changed()
	c.logRevision(ctx, a, rev, s.Content.Name)
	return rev, nil
}

// CreateService adds a new service. It stays a draft, invisible to the
// public, until its first revision is published.
func (c *Catalog) CreateService(ctx context.Context, a org.Actor, content Content, comment string) (*Service, *Revision, error) {
	content = content.Normalize()
	if err := content.Validate(); err != nil {
		return nil, nil, err
	}
	if err := c.mayEditOrg(ctx, a, content); err != nil {
		return nil, nil, err
	}
	now := c.Now()
	s := &Service{Status: StatusDraft, Content: content, CreatedAt: now, UpdatedAt: now}
	rev := c.newRevision(a, content, comment)
	if err := c.Store.CreateService(ctx, s, rev); err != nil {
		return nil, nil, err
	}
	c.changed()
	c.logRevision(ctx, a, rev, content.Name)
	s, err := c.Store.FindServiceByID(ctx, s.ID)
	return s, rev, err
}

func (c *Catalog) newRevision(a org.Actor, content Content, comment string) *Revision {
	author := a.UserID
	state := RevisionPublished
	if c.FourEyes {
		state = RevisionPending
	}
	rev := &Revision{Content: content, AuthorID: &author, Origin: OriginEditor,
		Comment: strings.TrimSpace(comment), State: state, CreatedAt: c.Now()}
	if state == RevisionPublished {
		at := rev.CreatedAt
		rev.ReviewedAt = &at
	}
	return rev
}

func (c *Catalog) logRevision(ctx context.Context, a org.Actor, rev *Revision, name string) {
	action := audit.CatalogPublished
	if rev.State == RevisionPending {
		action = audit.CatalogProposed
	}
	c.log(ctx, a, action, fmt.Sprintf("service %d revision %d: %s", rev.ServiceID, rev.Number, name))
}

func (c *Catalog) log(ctx context.Context, a org.Actor, action, detail string) {
	if c.Audit == nil {
		return
	}
	actor := a.UserID
	_ = c.Audit.CreateAuditEntry(ctx, &audit.Entry{At: c.Now(), ActorID: &actor, Action: action, Detail: detail})
}

// Revision returns one revision to someone who may edit its service.
func (c *Catalog) Revision(ctx context.Context, a org.Actor, id int64) (*Revision, *Service, error) {
	rev, err := c.Store.FindRevisionByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	s, err := c.Service(ctx, a, rev.ServiceID)
	if err != nil {
		return nil, nil, err
	}
	return rev, s, nil
}

// Approve publishes a pending revision. The four-eyes principle: its
// author cannot approve it.
func (c *Catalog) Approve(ctx context.Context, a org.Actor, revisionID int64, note string) error {
	rev, s, err := c.Revision(ctx, a, revisionID)
	if err != nil {
		return err
	}
	if rev.AuthorID != nil && *rev.AuthorID == a.UserID {
		return fault.New(fault.Forbidden, "error.catalog.own_change")
	}
	if err := c.mayEditOrg(ctx, a, rev.Content); err != nil {
		return err
	}
	if rev.Number < s.Version {
		// A later change was published meanwhile; approving this one
		// would silently undo it. The author must redo it on the new text.
		return fault.New(fault.Conflict, "error.catalog.stale")
	}
	reviewer := a.UserID
	if err := c.Store.PublishRevision(ctx, rev.ID, &reviewer, strings.TrimSpace(note), c.Now()); err != nil {
		return err
	}
	c.changed()
	c.log(ctx, a, audit.CatalogPublished, fmt.Sprintf("service %d revision %d: %s", s.ID, rev.Number, rev.Content.Name))
	return nil
}

// Reject closes a pending revision with a reason the author will read.
func (c *Catalog) Reject(ctx context.Context, a org.Actor, revisionID int64, note string) error {
	note = strings.TrimSpace(note)
	if note == "" {
		return fault.Fields(fault.FieldError{Field: "note", Key: "error.catalog.reject_note"})
	}
	rev, s, err := c.Revision(ctx, a, revisionID)
	if err != nil {
		return err
	}
	reviewer := a.UserID
	if err := c.Store.RejectRevision(ctx, rev.ID, &reviewer, note, c.Now()); err != nil {
		return err
	}
	c.log(ctx, a, audit.CatalogRejected, fmt.Sprintf("service %d revision %d", s.ID, rev.Number))
	return nil
}

// Pending lists the revisions awaiting approval that a may review,
// oldest first (including a's own, which a cannot approve).
func (c *Catalog) Pending(ctx context.Context, a org.Actor) ([]*Revision, error) {
	revs, err := c.Store.FindRevisions(ctx, RevisionFilter{State: RevisionPending})
	if err != nil {
		return nil, err
	}
	var out []*Revision
	for _, r := range revs {
		s, err := c.Store.FindServiceByID(ctx, r.ServiceID)
		if err != nil {
			return nil, err
		}
		if ok, err := c.CanEdit(ctx, a, s); err != nil {
			return nil, err
		} else if ok {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// History lists a service's revisions, newest first.
func (c *Catalog) History(ctx context.Context, a org.Actor, serviceID int64) ([]*Revision, error) {
	if _, err := c.Service(ctx, a, serviceID); err != nil {
		return nil, err
	}
	return c.Store.FindRevisions(ctx, RevisionFilter{ServiceID: &serviceID})
}

// SetStatus archives a service or restores it. Restoring publishes again
// only a service that has a published revision; others go back to draft.
func (c *Catalog) SetStatus(ctx context.Context, a org.Actor, serviceID int64, archived bool) error {
	s, err := c.Service(ctx, a, serviceID)
	if err != nil {
		return err
	}
	status := StatusArchived
	if !archived {
		status = StatusDraft
		if s.Version > 0 {
			status = StatusPublished
		}
	}
	if err := c.Store.SetServiceStatus(ctx, s.ID, status, c.Now()); err != nil {
		return err
	}
	c.changed()
	c.log(ctx, a, audit.CatalogStatus, fmt.Sprintf("service %d: %s", s.ID, status))
	return nil
}

// Misses lists recent searches that found nothing, for editors.
func (c *Catalog) Misses(ctx context.Context, a org.Actor, limit int) ([]*SearchMiss, error) {
	ok, err := c.IsEditor(ctx, a)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fault.New(fault.Forbidden, "error.catalog.not_editor")
	}
	return c.Store.FindSearchMisses(ctx, limit)
}
