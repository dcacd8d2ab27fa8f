package cases

import (
	"context"
	"slices"
	"strings"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// staffRoles may see and work the cases of their units.
var staffRoles = []string{org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin}

// Units returns the organisation units whose cases a may work; all is
// true for a platform admin.
func (s *Service) Units(ctx context.Context, a org.Actor) (ids []int64, all bool, err error) {
	if a.PlatformAdmin {
		return nil, true, nil
	}
	ids, err = s.Orgs.Units(ctx, a.UserID, staffRoles...)
	return ids, false, err
}

// IsStaff reports whether a works cases at all (has a queue).
func (s *Service) IsStaff(ctx context.Context, a org.Actor) (bool, error) {
	ids, all, err := s.Units(ctx, a)
	return all || len(ids) > 0, err
}

// Queue returns one page of the cases a may see that match f, and the
// number of matches. f.OrgIDs narrows to some of a's units.
func (s *Service) Queue(ctx context.Context, a org.Actor, f Filter) ([]*Case, int, error) {
	ids, all, err := s.Units(ctx, a)
	if err != nil {
		return nil, 0, err
	}
	if !all {
		if len(ids) == 0 {
			return nil, 0, notStaff()
		}
		if len(f.OrgIDs) == 0 {
			f.OrgIDs = ids
		} else {
			f.OrgIDs = slices.DeleteFunc(slices.Clone(f.OrgIDs), func(id int64) bool { return !slices.Contains(ids, id) })
			if len(f.OrgIDs) == 0 {
				return nil, 0, nil
			}
		}
	}
	return s.Store.FindCases(ctx, f)
}

func notStaff() error { return fault.New(fault.Forbidden, "error.cases.not_staff") }

// staffCase loads a case a may work; a case outside a's units is NotFound,
// so IDs cannot be probed.
func (s *Service) staffCase(ctx context.Context, a org.Actor, id int64) (*Case, error) {
	c, err := s.Store.FindCase(ctx, id)
	if err != nil {
		return nil, err
	}
	ids, all, err := s.Units(ctx, a)
	if err != nil {
		return nil, err
	}
	if !all && (c.OrgID == nil || !slices.Contains(ids, *c.OrgID)) {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return c, nil
}

// StaffView opens a case for staff and records in the audit log that a
// read the applicant's personal data.
func (s *Service) StaffView(ctx context.Context, a org.Actor, id int64) (*View, error) {
	c, err := s.staffCase(ctx, a, id)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, c, true)
	if err != nil {
		return nil, err
	}
	if s.Audit != nil {
		uid := a.UserID
		err = s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), ActorID: &uid, SubjectID: c.ApplicantID,
			Action: audit.PersonalDataRead, Detail: "case " + c.Reference})
	}
	return v, err
}

// Step is a staff change of a case: a transition, with the version the
// worker saw.
type Step struct {
	CaseID  int64
	Version int
	Action  string
	Note    string // reason or request, shown to the citizen
	Lang    string // of the applicant's mail and documents
}

// Transition moves a case by a workflow action. Asking back writes the
// request into the mailbox; deciding produces the decision document.
func (s *Service) Transition(ctx context.Context, a org.Actor, st Step) (*Case, error) {
	c, err := s.staffCase(ctx, a, st.CaseID)
	if err != nil {
		return nil, err
	}
	v, err := s.frame(ctx, c)
	if err != nil {
		return nil, err
	}
	from := c.State
	t, err := v.Workflow.Next(c.State, st.Action)
	if err != nil {
		return nil, err
	}
	note := strings.TrimSpace(st.Note)
	ev, err := c.Apply(v.Workflow, Change{Action: st.Action, Version: st.Version, Note: note,
		Actor: staffActor(a.UserID), Role: "case_worker", At: s.now()})
	if err != nil {
		return nil, err
	}
	fx := Effects{Events: []processlog.Event{ev}}
	pauseDeadline(v, from, s.now())
	to, _ := v.Workflow.State(t.To)
	if t.NeedsDocument && to.Kind == KindDecided {
		f, err := s.decide(ctx, v, to.Outcome, note, st.Lang)
		if err != nil {
			return nil, err
		}
		fx.Files = append(fx.Files, *f)
	}
	if c.Email != "" && (to.Kind == KindWaiting || to.Kind == KindDecided) {
		fx.Mails = append(fx.Mails, s.newsMail(c, st.Lang))
	}
	uid := a.UserID
	h := &HistoryEntry{CaseID: c.ID, At: s.now(), Action: t.Action, FromState: from, ToState: c.State, Note: note, ActorID: &uid}
	if err := s.Store.UpdateCase(ctx, c, h, fx); err != nil {
		return nil, err
	}
	return c, nil
}

// pauseDeadline moves a case's deadline on by the time it waited for the
// citizen, when it leaves a waiting state: the clock stops while the
// office cannot work.
func pauseDeadline(v *View, from string, now time.Time) {
	c := v.Case
	st, _ := v.Workflow.State(from)
	if c.Deadline == nil || st.Kind != KindWaiting {
		return
	}
	for i := len(v.History) - 1; i >= 0; i-- {
		if h := v.History[i]; h.ToState == from && h.FromState != from {
			if waited := now.Sub(h.At); waited > 0 {
				d := c.Deadline.Add(waited)
				c.Deadline = &d
			}
			return
		}
	}
}

// Edit is a staff change of a case's assignment, deadline or unit.
type Edit struct {
	CaseID   int64
	Version  int
	Assignee *int64     // nil: unassigned
	Deadline *time.Time // nil: none
	OrgID    *int64     // nil: unchanged
}

// Update writes an edit of the case's bookkeeping; it is not a workflow
// step, but the history and the process log record assignments.
func (s *Service) Update(ctx context.Context, a org.Actor, e Edit) (*Case, error) {
	c, err := s.staffCase(ctx, a, e.CaseID)
	if err != nil {
		return nil, err
	}
	if e.Version != c.Version {
		return nil, fault.New(fault.Conflict, "error.cases.stale")
	}
	if e.OrgID != nil && (c.OrgID == nil || *e.OrgID != *c.OrgID) {
		if ids, all, err := s.Units(ctx, a); err != nil {
			return nil, err
		} else if !all && !slices.Contains(ids, *e.OrgID) {
			return nil, fault.Fields(fault.FieldError{Field: "org", Key: "error.cases.org"})
		}
		c.OrgID = e.OrgID
	}
	var fx Effects
	var h *HistoryEntry
	uid := a.UserID
	if !sameID(c.AssigneeID, e.Assignee) {
		if err := s.mayBeAssigned(ctx, c, e.Assignee); err != nil {
			return nil, err
		}
		c.AssigneeID = e.Assignee
		h = &HistoryEntry{CaseID: c.ID, At: s.now(), Action: "assigned", FromState: c.State, ToState: c.State, ActorID: &uid}
		fx.Events = append(fx.Events, c.event("assigned", c.State, Change{Actor: staffActor(uid), Role: "case_worker", At: s.now()}))
	}
	c.Deadline = e.Deadline
	c.Version++
	c.UpdatedAt = s.now()
	if err := s.Store.UpdateCase(ctx, c, h, fx); err != nil {
		return nil, err
	}
	return c, nil
}

// mayBeAssigned checks that a case goes to nobody or to staff of its unit.
func (s *Service) mayBeAssigned(ctx context.Context, c *Case, who *int64) error {
	if who == nil {
		return nil
	}
	if c.OrgID != nil {
		for _, r := range staffRoles {
			if ok, err := s.Orgs.HasRole(ctx, *who, r, *c.OrgID); err != nil || ok {
				return err
			}
		}
	}
	return fault.Fields(fault.FieldError{Field: "assignee", Key: "error.cases.assignee"})
}

func sameID(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// AddNote keeps an internal note on a case.
func (s *Service) AddNote(ctx context.Context, a org.Actor, caseID int64, body string) error {
	body = strings.TrimSpace(body)
	if body == "" || len(body) > 10000 {
		return fault.Fields(fault.FieldError{Field: "body", Key: "error.cases.note_body"})
	}
	if _, err := s.staffCase(ctx, a, caseID); err != nil {
		return err
	}
	return s.Store.AddNote(ctx, &Note{CaseID: caseID, AuthorID: a.UserID, Body: body, At: s.now()})
}

// Due says how a case stands against its deadline now.
func (s *Service) Due(c *Case, w *Workflow) string { return c.Due(w, s.now(), s.WarnPeriod()) }

// Record writes a case that arrived on paper, by phone or in person, as
// staff of the service's unit typed it in.
func (s *Service) Record(ctx context.Context, a org.Actor, app Application) (*Submitted, error) {
	_, svc, err := s.Form(ctx, app.ServiceID)
	if err != nil {
		return nil, err
	}
	ids, all, err := s.Units(ctx, a)
	if err != nil {
		return nil, err
	}
	if !all && (svc.OrgID == nil || !slices.Contains(ids, *svc.OrgID)) {
		return nil, notStaff()
	}
	uid := a.UserID
	app.RecordedBy = &uid
	app.Applicant.UserID = nil
	if !slices.Contains(RecordedChannels, app.Channel) {
		return nil, fault.Fields(fault.FieldError{Field: "channel", Key: "error.cases.channel"})
	}
	return s.Submit(ctx, app)
}

// StaffMessage writes the office's message to the applicant, who gets a
// mail that there is news (never the message itself).
func (s *Service) StaffMessage(ctx context.Context, a org.Actor, r Reply) (*Message, error) {
	c, err := s.staffCase(ctx, a, r.CaseID)
	if err != nil {
		return nil, err
	}
	if err := checkReply(r); err != nil {
		return nil, err
	}
	uid := a.UserID
	m := &Message{CaseID: c.ID, FromStaff: true, AuthorID: &uid, Body: strings.TrimSpace(r.Body), Files: fileKinds(r.Files, FileMessage), At: s.now()}
	var fx Effects
	if c.Email != "" {
		fx.Mails = []mail.Message{s.newsMail(c, r.Lang)}
	}
	fx.Events = []processlog.Event{c.event("message_sent", c.State, Change{Actor: staffActor(uid), Role: "case_worker", At: s.now()})}
	return m, s.Store.AddMessage(ctx, m, fx)
}
