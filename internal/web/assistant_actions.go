package web

import (
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/assistant"
	"rathaus/internal/fault"
)

// handleAssistantFeedback takes "helpful" or "not helpful" for one answer
// and shows the thanks in its place; a second rating replaces the first.
func (s *Server) handleAssistantFeedback(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id := r.PathValue("conversation")
	turn, helpful, err := ratingOf(values.Get("turn"), values.Get("hilfreich"))
	if err != nil {
		return err
	}
	err = s.opts.Assistant.Feedback(r.Context(), id, turn, helpful)
	if fault.Is(err, fault.NotFound) {
		return s.renderAssistantGone(w, r)
	}
	if err != nil {
		return err
	}
	redirect(w, r, assistantPath(id)+"#"+answerAnchor(turn))
	return nil
}

// ratingOf reads a rating form: the turn and "ja" or "nein".
func ratingOf(turn, answer string) (int, bool, error) {
	n, err := strconv.Atoi(turn)
	if err != nil || n < 1 || (answer != "ja" && answer != "nein") {
		return 0, false, fault.New(fault.Invalid, "error.assistant_web.helpful")
	}
	return n, answer == "ja", nil
}

// handleAssistantHandOver sends the conversation to the Bürgerservice's
// queue, with the citizen's consent, and shows the reference.
func (s *Server) handleAssistantHandOver(w http.ResponseWriter, r *http.Request) error {
	if s.opts.Assistant.Inbox == nil {
		return errNotFound
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id := r.PathValue("conversation")
	if values.Get("consent") != "ja" {
		err := fault.Fields(fault.FieldError{Field: "consent", Key: "error.assistant_web.consent"})
		return s.renderConversation(w, r, id, values, err)
	}
	if err := s.allowAssistant(r); err != nil {
		return s.renderConversation(w, r, id, values, err)
	}
	_, err = s.opts.Assistant.HandOver(r.Context(), id, s.contactOf(r, values.Get("name"), values.Get("email"), values.Get("note")))
	switch {
	case fault.Is(err, fault.Invalid):
		return s.renderConversation(w, r, id, values, onField(err, "email"))
	case fault.Is(err, fault.NotFound):
		return s.renderAssistantGone(w, r)
	case err != nil && !fault.Is(err, fault.Conflict): // already handed over: the page shows the reference
		return err
	}
	return s.redirectFlash(w, r, assistantPath(id)+"#mensch", "assistant_web.flash.handed_over")
}

// contactOf is how the Bürgerservice may answer: the signed-in citizen's
// account, else the address given.
func (s *Server) contactOf(r *http.Request, name, email, note string) assistant.Contact {
	c := assistant.Contact{Name: strings.TrimSpace(name), Email: strings.TrimSpace(email), Note: strings.TrimSpace(note)}
	if u := currentUser(r); u != nil {
		c.UserID, c.Email = &u.ID, u.Email
		if c.Name == "" {
			c.Name = u.DisplayName
		}
	}
	return c
}
