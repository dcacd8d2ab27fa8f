package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"rathaus/internal/cases"
	"rathaus/internal/form"
	"rathaus/internal/org"
)

// csCasePage is one case for staff: what was applied for, the files, the
// history, payments, the mailbox, internal notes, and the forms that
// move it on.
type csCasePage struct {
	Page
	Case      *cases.Case
	URL       string
	Service   string
	State     string
	Due, Fee  *badge
	Channel   string
	Submitted string
	Deadline  string // for people; "" without one
	DueDate   string // YYYY-MM-DD, for the date input
	FeeText   string
	PaidText  string
	Assignee  string
	Unit      string
	Answers   []form.SummaryRow
	Files     []csFile
	History   []csHistory
	Payments  []csPayment
	Messages  []csMessage
	Notes     []csNote
	Actions   []csAction
	Assignees []csOption
	Units     []csOption
	// Conflict is the message when a change came too late: someone else
	// changed the case since the worker loaded it.
	Conflict string
	// NoEmail: the applicant has no e-mail address, so messages reach
	// them only on the status page or by post.
	NoEmail bool
}

// csFile is a case file with its download link.
type csFile struct {
	Name, URL, Kind, Size, When string
}

// csHistory is one step of the case.
type csHistory struct {
	When, Label, Note, Actor string
}

// csPayment is one booked payment.
type csPayment struct {
	When, Amount, Debtor, Text, Source string
}

// csMessage is one message of the mailbox.
type csMessage struct {
	When, Author, Body string
	FromStaff          bool
	Read               string // when the other side read it
	Files              []csFile
}

// csNote is an internal note.
type csNote struct {
	When, Author, Body string
}

// csAction is a workflow action possible from the case's state.
type csAction struct {
	Action, Label string
	NeedsNote     bool
	NoteLabel     string
	NoteHint      string
	Danger        bool
}

// handleCSCase shows a case. Opening it is recorded in the audit log (the
// applicant's personal data was read).
func (s *Server) handleCSCase(w http.ResponseWriter, r *http.Request) error {
	p, err := s.csCase(r)
	if err != nil {
		return err
	}
	if err := s.opts.Cases.MarkReadByStaff(r.Context(), actorOf(r), p.Case.ID); err != nil {
		return err
	}
	return s.render(w, r, "cases_staff_case", p)
}

// csCase loads the path's case and prepares its page.
func (s *Server) csCase(r *http.Request) (*csCasePage, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx, a := r.Context(), actorOf(r)
	v, err := s.opts.Cases.StaffView(ctx, a, id)
	if err != nil {
		return nil, err
	}
	lang, c, l := langOf(r), v.Case, s.csLookup(ctx)
	p := &csCasePage{Page: s.page(r, "cases_staff.case.title"), Case: c, URL: csPath(c.ID), Service: v.Service.Name,
		State: csStateLabel(lang, v.State()), Due: csDueBadge(r, s, s.opts.Cases.Due(c, v.Workflow)), Fee: csFeeBadge(r, s, c),
		Channel: csChannelLabel(r, s, c.Channel), Submitted: s.csTime(r, c.SubmittedAt),
		FeeText: euro(lang, c.FeeCents), PaidText: euro(lang, c.PaidCents),
		Assignee: l.person(c.AssigneeID), Unit: l.unit(c.OrgID), NoEmail: c.Email == ""}
	p.Title = s.t(r, "cases_staff.case.title", c.Reference)
	if c.Deadline != nil {
		p.Deadline = s.csDate(lang, *c.Deadline)
		p.DueDate = c.Deadline.In(s.opts.Location).Format("2006-01-02")
	}
	if v.Form != nil {
		p.Answers = v.Form.Summary(v.Answers, lang)
	}
	s.csFilesOf(r, p, v)
	for _, h := range v.History {
		p.History = append(p.History, csHistory{When: s.csTime(r, h.At), Label: s.csHistoryLabel(r, v.Workflow, h),
			Note: h.Note, Actor: l.person(h.ActorID)})
	}
	for _, pm := range v.Payments {
		p.Payments = append(p.Payments, csPayment{When: s.csDate(lang, pm.BookedAt), Amount: euro(lang, pm.Cents),
			Debtor: pm.Debtor, Text: pm.Text, Source: pm.Source})
	}
	s.csMessagesOf(r, p, v, l)
	for _, n := range v.Notes {
		p.Notes = append(p.Notes, csNote{When: s.csTime(r, n.At), Author: l.person(&n.AuthorID), Body: n.Body})
	}
	for _, t := range v.Workflow.Actions(c.State) {
		act := csAction{Action: t.Action, Label: csTransitionLabel(lang, t), NeedsNote: t.NeedsNote}
		if to, _ := v.Workflow.State(t.To); to.Outcome == "rejected" || to.Kind == cases.KindClosed && t.Action == "withdraw" {
			act.Danger = true
		}
		if t.NeedsNote {
			act.NoteLabel, act.NoteHint = s.t(r, "cases_staff.step.note"), s.t(r, "cases_staff.step.note_hint")
			if to, _ := v.Workflow.State(t.To); to.Kind == cases.KindWaiting {
				act.NoteLabel, act.NoteHint = s.t(r, "cases_staff.step.question"), s.t(r, "cases_staff.step.question_hint")
			} else if to.Outcome == "rejected" {
				act.NoteLabel, act.NoteHint = s.t(r, "cases_staff.step.reason"), s.t(r, "cases_staff.step.reason_hint")
			}
		}
		p.Actions = append(p.Actions, act)
	}
	if err := s.csAssignChoices(r, p, a, l); err != nil {
		return nil, err
	}
	return p, nil
}

// csFilesOf lists the case's files, except message attachments (shown
// with their message).
func (s *Server) csFilesOf(r *http.Request, p *csCasePage, v *cases.View) {
	for _, f := range v.Files {
		if f.Kind != cases.FileMessage {
			p.Files = append(p.Files, s.csFile(r, v.Case.ID, f))
		}
	}
}

func (s *Server) csFile(r *http.Request, caseID int64, f cases.File) csFile {
	return csFile{Name: f.Name, URL: fmt.Sprintf("%s/dateien/%d", csPath(caseID), f.ID),
		Kind: s.t(r, "cases_staff.file."+f.Kind), Size: csFileSize(langOf(r), f.Size), When: s.csTime(r, f.CreatedAt)}
}

// csFileSize writes a size in kB or MB.
func csFileSize(lang string, n int64) string {
	sep := ","
	if lang == "en" {
		sep = "."
	}
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d%s%d MB", n>>20, sep, (n%(1<<20))*10>>20)
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " kB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

func (s *Server) csMessagesOf(r *http.Request, p *csCasePage, v *cases.View, l *csLookup) {
	for _, m := range v.Messages {
		msg := csMessage{When: s.csTime(r, m.At), Body: m.Body, FromStaff: m.FromStaff}
		if m.FromStaff {
			msg.Author = l.person(m.AuthorID)
		} else {
			msg.Author = v.Case.Name
			if msg.Author == "" {
				msg.Author = s.t(r, "cases_staff.mail.applicant")
			}
		}
		if m.ReadAt != nil {
			msg.Read = s.csTime(r, *m.ReadAt)
		}
		for _, f := range m.Files {
			msg.Files = append(msg.Files, s.csFile(r, v.Case.ID, f))
		}
		p.Messages = append(p.Messages, msg)
	}
}

// csHistoryLabel names a step of the history.
func (s *Server) csHistoryLabel(r *http.Request, w *cases.Workflow, h cases.HistoryEntry) string {
	lang := langOf(r)
	switch h.Action {
	case "submitted", "assigned":
		return s.t(r, "cases_staff.history."+h.Action)
	}
	to, _ := w.State(h.ToState)
	for _, t := range w.Transitions {
		if t.Action == h.Action {
			return s.t(r, "cases_staff.history.step", csTransitionLabel(lang, t), csStateLabel(lang, to))
		}
	}
	return s.t(r, "cases_staff.history.step", h.Action, csStateLabel(lang, to))
}

// csAssignChoices are the people the case can be assigned to (the user,
// colleagues who work the case's unit, nobody) and the units it can be
// forwarded to.
func (s *Server) csAssignChoices(r *http.Request, p *csCasePage, a org.Actor, l *csLookup) error {
	ctx, c := r.Context(), p.Case
	me := currentUser(r).ID
	sel := func(id int64) bool { return c.AssigneeID != nil && *c.AssigneeID == id }
	p.Assignees = []csOption{{"", s.t(r, "cases_staff.assign.nobody"), c.AssigneeID == nil},
		{strconv.FormatInt(me, 10), s.t(r, "cases_staff.assign.me"), sel(me)}}
	people, err := s.csColleagues(r, c.OrgID)
	if err != nil {
		return err
	}
	if c.AssigneeID != nil && *c.AssigneeID != me && !slices.Contains(people, *c.AssigneeID) {
		people = append(people, *c.AssigneeID)
	}
	for _, id := range people {
		if id != me {
			p.Assignees = append(p.Assignees, csOption{strconv.FormatInt(id, 10), l.person(&id), sel(id)})
		}
	}
	units, err := s.csUnits(ctx, a)
	if err != nil {
		return err
	}
	cur := ""
	if c.OrgID != nil {
		cur = strconv.FormatInt(*c.OrgID, 10)
	}
	p.Units = csUnitOptions(units, cur)
	return nil
}

// csColleagues are the accounts that work the cases of a unit: staff
// roles granted on it or on a node above.
func (s *Server) csColleagues(r *http.Request, orgID *int64) ([]int64, error) {
	if orgID == nil {
		return nil, nil
	}
	ctx := r.Context()
	nodes, err := s.opts.Orgs.Ancestors(ctx, *orgID)
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, o := range nodes { // the unit itself and the nodes above it
		grants, err := s.opts.Orgs.Store.FindGrants(ctx, org.GrantFilter{OrgID: &o.ID})
		if err != nil {
			return nil, err
		}
		for _, g := range grants {
			switch g.Role {
			case org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin:
				if !slices.Contains(out, g.UserID) {
					out = append(out, g.UserID)
				}
			}
		}
	}
	return out, nil
}

// Area prepares a textarea of one of the page's forms with translated
// label and hint, keeping what was typed when the form came back.
func (p *csCasePage) Area(name, label, hint string) Field {
	return Field{Form: p.Form, ID: fieldID(name), Name: name, Label: label, Hint: hint, Type: "text",
		Value: p.Form.Get(name), Error: p.Form.Error(name), Rows: 4}
}

// csFileTable is the files table with its translated headers ("cs-files").
type csFileTable struct {
	Caption, Name, Kind, Size, When string
	Files                           []csFile
}

// FileTable prepares the files table.
func (p *csCasePage) FileTable(files []csFile) csFileTable {
	return csFileTable{Caption: p.T("cases_staff.files.heading"), Name: p.T("cases_staff.col.file"), Kind: p.T("cases_staff.col.kind"),
		Size: p.T("cases_staff.col.size"), When: p.T("cases_staff.col.when"), Files: files}
}
