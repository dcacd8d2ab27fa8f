package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/cases"
	"rathaus/internal/form"
)

// "My applications" (/antraege): an account's drafts and cases.

// myCasesPage lists drafts and cases.
type myCasesPage struct {
	accountPage
	Drafts []myDraftItem
	Cases  []myCaseItem
}

// myDraftItem is a saved, unfinished application.
type myDraftItem struct {
	ID               int64
	Service          string
	Updated, Expires string
	ContinueURL      string
	DiscardURL       string
}

// myCaseItem is a submitted application.
type myCaseItem struct {
	URL, Reference, Service, Submitted, State string
	Unread                                    int
}

func (s *Server) handleMyCases(w http.ResponseWriter, r *http.Request) error {
	ap, err := s.accountPage(r, "cases_web.mine.title")
	if err != nil {
		return err
	}
	p := myCasesPage{accountPage: ap}
	ctx := r.Context()
	uid := p.User.ID
	names := map[int64]string{}
	serviceName := func(id int64) string {
		if n, ok := names[id]; ok {
			return n
		}
		n := "#" + strconv.FormatInt(id, 10)
		if svc, err := s.opts.Services.PublicService(ctx, id); err == nil {
			n = svc.Name
		}
		names[id] = n
		return n
	}
	drafts, err := s.opts.Cases.MyDrafts(ctx, uid)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		p.Drafts = append(p.Drafts, myDraftItem{ID: d.ID, Service: serviceName(d.ServiceID),
			Updated: p.Date(d.UpdatedAt.In(s.opts.Location)), Expires: p.Date(d.ExpiresAt.In(s.opts.Location)),
			ContinueURL: applyDraftURL(d), DiscardURL: "/antraege/entwuerfe/" + strconv.FormatInt(d.ID, 10) + "/loeschen"})
	}
	mine, err := s.opts.Cases.Mine(ctx, uid)
	if err != nil {
		return err
	}
	flows := map[[2]int64]*cases.Workflow{}
	for _, c := range mine {
		item := myCaseItem{URL: myCaseURL(c.ID), Reference: c.Reference, Service: serviceName(c.ServiceID),
			Submitted: p.Date(c.SubmittedAt.In(s.opts.Location)), State: c.State}
		key := [2]int64{c.ServiceID, int64(c.FormVersion)}
		wf, ok := flows[key]
		if !ok {
			var f *form.Form
			if c.FormVersion > 0 {
				f, _ = s.opts.Forms.FindForm(ctx, c.ServiceID, c.FormVersion)
			}
			wf, _ = cases.WorkflowOf(f)
			flows[key] = wf
		}
		if wf != nil {
			st, _ := wf.State(c.State)
			item.State = citizenStateLabel(st, p.Lang)
		}
		msgs, err := s.opts.Cases.Store.Messages(ctx, c.ID)
		if err != nil {
			return err
		}
		for _, m := range msgs {
			if m.FromStaff && m.ReadAt == nil {
				item.Unread++
			}
		}
		p.Cases = append(p.Cases, item)
	}
	return s.render(w, r, "cases_my_list", p)
}

// handleDraftDiscard deletes one of the account's drafts.
func (s *Server) handleDraftDiscard(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	uid := currentUser(r).ID
	if err := s.opts.Cases.DiscardDraft(r.Context(), cases.Citizen{UserID: &uid}, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/antraege", "cases_web.flash.draft_deleted")
}
