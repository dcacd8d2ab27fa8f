package web

import (
	"net/http"
	"net/url"
	"strings"

	"rathaus/internal/assistant"
	"rathaus/internal/fault"
)

// assistantBase is what every assistant page says about the assistant:
// how long conversations are kept and how to reach a human.
type assistantBase struct {
	Page
	Retention   string // "24 Stunden"
	Phone       string
	CanHandOver bool // the Bürgerservice takes conversations (an Inbox is configured)
	MayUseModel bool // a language model may phrase answers
}

func (s *Server) assistantBase(r *http.Request, titleKey string) assistantBase {
	a := s.opts.Assistant
	return assistantBase{Page: s.page(r, titleKey), Retention: s.retentionWords(r), Phone: s.assistantPhone(),
		CanHandOver: a.Inbox != nil, MayUseModel: a.Model != nil}
}

// assistantConversationPage shows a conversation's turns and the forms to
// ask on, rate an answer and hand the conversation to a human.
type assistantConversationPage struct {
	assistantBase
	ID        string
	Action    string // the follow-up, rating and handover forms post below it
	Turns     []assistantTurn
	Expires   string // when it is deleted, in words
	HandedOff string // the reference at the Bürgerservice, once handed over
	Account   string // the signed-in citizen's address, where the answer goes
}

// handleAssistantStart is the intro with the question form.
func (s *Server) handleAssistantStart(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "assistant", s.assistantBase(r, "assistant_web.title"))
}

// handleAssistantAsk asks the first or a follow-up question and shows the
// answer at its heading.
func (s *Server) handleAssistantAsk(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	conv := strings.TrimSpace(values.Get("conversation"))
	if err := s.allowAssistant(r); err != nil {
		return s.assistantAskAgain(w, r, conv, values, err)
	}
	q := assistant.Question{Text: values.Get("question"), ConversationID: conv, Lang: langOf(r)}
	ans, err := s.opts.Assistant.Ask(r.Context(), q)
	if err != nil {
		return s.assistantAskAgain(w, r, conv, values, err)
	}
	redirect(w, r, assistantPath(ans.ConversationID)+"#"+answerAnchor(ans.Turn))
	return nil
}

// assistantAskAgain shows the question form again with what went wrong:
// on the intro for a first question, on the conversation for a follow-up.
func (s *Server) assistantAskAgain(w http.ResponseWriter, r *http.Request, conv string, values url.Values, err error) error {
	if fault.Is(err, fault.NotFound) {
		return s.renderAssistantGone(w, r)
	}
	if k := fault.KindOf(err); k != fault.Invalid && k != fault.TooMany {
		return err
	}
	err = onField(err, "question")
	if conv == "" {
		p := s.assistantBase(r, "assistant_web.title")
		p.Form = s.formFor(r, values, err)
		return s.renderStatus(w, r, statusOf(err), "assistant", p)
	}
	return s.renderConversation(w, r, conv, values, err)
}

// onField ties an Invalid error without field errors to field, so the
// error summary links to it; other errors pass unchanged.
func onField(err error, field string) error {
	f := fault.As(err)
	if f.Kind != fault.Invalid || len(f.Fields) > 0 {
		return err
	}
	return fault.Fields(fault.FieldError{Field: field, Key: f.Key, Args: f.Args})
}

// handleAssistantConversation shows a conversation.
func (s *Server) handleAssistantConversation(w http.ResponseWriter, r *http.Request) error {
	return s.renderConversation(w, r, r.PathValue("conversation"), nil, nil)
}

// renderConversation renders the conversation page, with a form that came
// back with formErr (nil for none); an unknown or expired conversation
// gets the friendly "gone" page.
func (s *Server) renderConversation(w http.ResponseWriter, r *http.Request, id string, values url.Values, formErr error) error {
	conv, err := s.opts.Assistant.Conversation(r.Context(), id)
	if fault.Is(err, fault.NotFound) {
		return s.renderAssistantGone(w, r)
	}
	if err != nil {
		return err
	}
	p := assistantConversationPage{assistantBase: s.assistantBase(r, "assistant_web.conversation.title"),
		ID: conv.ID, Action: assistantPath(conv.ID), HandedOff: conv.HandedOff, Expires: s.expiresWords(r, conv)}
	if u := currentUser(r); u != nil {
		p.Account = u.Email
	}
	for _, a := range conv.Answers {
		p.Turns = append(p.Turns, s.assistantTurnOf(r, a))
	}
	status := http.StatusOK
	if formErr != nil {
		p.Form = s.formFor(r, values, formErr)
		status = statusOf(formErr)
	}
	return s.renderStatus(w, r, status, "assistant_conversation", p)
}

// expiresWords says when a conversation is deleted: "am 28. November 2026
// um 14:05 Uhr".
func (s *Server) expiresWords(r *http.Request, c *assistant.Conversation) string {
	if c.Expires.IsZero() {
		return ""
	}
	t := c.Expires.In(s.opts.Location)
	p := s.page(r, "assistant_web.title")
	return s.t(r, "assistant_web.conversation.expires", p.Date(t), t.Format("15:04"))
}

// renderAssistantGone is the 404 of an unknown or expired conversation,
// with the way to start again.
func (s *Server) renderAssistantGone(w http.ResponseWriter, r *http.Request) error {
	return s.renderStatus(w, r, http.StatusNotFound, "assistant_gone", s.assistantBase(r, "assistant_web.gone.title"))
}
