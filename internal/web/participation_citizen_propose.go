package web

import (
	"net/http"
	"net/url"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// pcSimilarLimit is how many similar ideas the second step shows.
const pcSimilarLimit = 5

// pcProposePage is the form to propose an idea, and its second step:
// similar ideas, "publish anyway?".
type pcProposePage struct {
	Page
	Space, SpaceLang, SpaceURL, URL string
	Slug                            string // for the live suggestions
	ServiceID                       int64  // the service the idea concerns, if any
	ServiceName                     string
	Closed                          bool // the space collects no ideas now
	Pre                             bool // pre-moderation: a moderator publishes
	Categories                      []psOption
	CategoryError                   string
	Similar                         []pcIdeaRow // the second step when set
}

// handlePCProposeForm shows the form; without a public name the person
// chooses one first and comes back.
func (s *Server) handlePCProposeForm(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.pcSpace(r)
	if err != nil {
		return err
	}
	named, err := s.pcHasName(r.Context(), currentUser(r).ID)
	if err != nil {
		return err
	}
	if !named {
		redirect(w, r, pcNameURL(r.URL.RequestURI()))
		return nil
	}
	return s.render(w, r, "participation_propose", s.pcProposePage(r, sp, nil))
}

// pcProposePage prepares the form with form's values and errors.
func (s *Server) pcProposePage(r *http.Request, sp *participation.Space, form *Form) *pcProposePage {
	p := &pcProposePage{Page: s.page(r, "participation_web.propose.title"), SpaceURL: pcSpacePath(sp.Slug), Slug: sp.Slug,
		URL: pcSpacePath(sp.Slug, "neu"), Pre: sp.Moderation == participation.PreModeration,
		Closed: participation.CurrentPhase(sp, s.now()) != participation.PhaseCollecting}
	p.Space, p.SpaceLang = pcSpaceTitle(p.Lang, sp)
	if form != nil {
		p.Form = form
		p.ServiceID, p.ServiceName = s.pcService(r.Context(), url.Values{"leistung": {form.Get("leistung")}})
	} else {
		p.ServiceID, p.ServiceName = s.pcService(r.Context(), r.URL.Query())
	}
	if len(sp.Categories) > 0 {
		sel := p.Form.Get("category")
		p.Categories = []psOption{{"", s.t(r, "participation_web.propose.no_category"), sel == ""}}
		for _, c := range sp.Categories {
			p.Categories = append(p.Categories, psOption{c, c, c == sel})
		}
		p.CategoryError = p.Form.Error("category")
	}
	return p
}

// handlePCPropose checks the proposal, shows similar ideas once
// (schritt=pruefen, the default), and publishes it (schritt=
// veroeffentlichen, or at once when nothing is similar). schritt=
// bearbeiten goes back to the form with what was typed.
func (s *Server) handlePCPropose(w http.ResponseWriter, r *http.Request) error {
	sp, err := s.pcSpace(r)
	if err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	ctx, part := r.Context(), s.opts.Participation
	i := &participation.Idea{SpaceID: sp.ID, Title: v.Get("title"), Body: v.Get("body"), Category: v.Get("category")}
	if label := strings.TrimSpace(v.Get("place")); label != "" {
		i.Place = &participation.Place{Label: label}
	}
	if id, _ := s.pcService(ctx, v); id != 0 {
		i.ServiceID = &id
	}
	step := v.Get("schritt")
	if step == "bearbeiten" {
		return s.render(w, r, "participation_propose", s.pcProposePage(r, sp, s.newForm(r, v)))
	}
	if step != "veroeffentlichen" {
		if err := participation.CheckIdea(i, sp); err != nil {
			return s.pcProposeFailed(w, r, sp, v, err)
		}
		similar, err := part.Similar(ctx, sp.ID, i.Title+" "+i.Body, pcSimilarLimit)
		if err != nil {
			return err
		}
		if len(similar) > 0 {
			p := s.pcProposePage(r, sp, s.newForm(r, v))
			p.Title = s.t(r, "participation_web.similar.title")
			for _, x := range similar {
				p.Similar = append(p.Similar, s.pcIdeaRow(r, x, false))
			}
			return s.render(w, r, "participation_propose", p)
		}
	}
	if err := part.Propose(ctx, currentUser(r).ID, i); err != nil {
		if fault.Is(err, fault.Conflict) && fault.As(err).Key == "error.participation.no_pseudonym" {
			redirect(w, r, pcNameURL(pcSpacePath(sp.Slug, "neu")))
			return nil
		}
		return s.pcProposeFailed(w, r, sp, v, err)
	}
	key := "participation_web.flash.proposed"
	if i.Moderation == participation.Pending {
		key = "participation_web.flash.proposed_pending"
	}
	return s.redirectFlash(w, r, pcIdeaPath(i.ID), key)
}

// pcProposeFailed shows the form again with what was wrong; a refusal
// of the whole proposal (the phase is over, too many ideas today) as the
// summary.
func (s *Server) pcProposeFailed(w http.ResponseWriter, r *http.Request, sp *participation.Space, v url.Values, err error) error {
	k := fault.KindOf(err)
	if k != fault.Invalid && k != fault.Conflict && k != fault.TooMany {
		return err
	}
	return s.renderStatus(w, r, statusOf(err), "participation_propose", s.pcProposePage(r, sp, s.formFor(r, v, err)))
}
