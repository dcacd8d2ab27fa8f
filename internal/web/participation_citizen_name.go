package web

import (
	"net/http"

	"rathaus/internal/fault"
)

// pcNamePage is the choice of the public name (pseudonym) under which a
// person's ideas and comments appear.
type pcNamePage struct {
	Page
	Name, Next string
}

// handlePCNameForm shows the current public name and the form.
func (s *Server) handlePCNameForm(w http.ResponseWriter, r *http.Request) error {
	name, err := s.opts.Participation.Pseudonym(r.Context(), currentUser(r).ID)
	if err != nil && !fault.Is(err, fault.NotFound) {
		return err
	}
	p := &pcNamePage{Page: s.page(r, "participation_web.name.title"), Name: name,
		Next: localPathOr(r.URL.Query().Get("weiter"), "")}
	p.Form.Values.Set("pseudonym", name)
	return s.render(w, r, "participation_name", p)
}

// handlePCName saves the public name (POST pseudonym) and continues
// where the person came from (weiter).
func (s *Server) handlePCName(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	uid := currentUser(r).ID
	next := localPathOr(v.Get("weiter"), "")
	if err := s.opts.Participation.SetPseudonym(r.Context(), uid, v.Get("pseudonym")); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		name, _ := s.opts.Participation.Pseudonym(r.Context(), uid)
		p := &pcNamePage{Page: s.page(r, "participation_web.name.title"), Name: name, Next: next}
		p.Form = s.formFor(r, v, err)
		return s.renderStatus(w, r, http.StatusBadRequest, "participation_name", p)
	}
	return s.redirectFlash(w, r, localPathOr(next, "/konto/name"), "participation_web.flash.named")
}
