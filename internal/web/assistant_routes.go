package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"rathaus/internal/fault"
)

// The assistant "Frag die Stadt" (assistant_*.go): a citizen asks in
// everyday words and gets an answer quoted from the catalogue's service
// descriptions, each statement with its source. Everything works as plain
// forms (post/redirect/get); static/assistant.js only saves the reload.
// Anyone may ask, without an account; a per-client limit keeps the
// service (and the Bürgerservice's queue) from being flooded.
func (s *Server) assistantRoutes() []route {
	a := s.withAssistant
	return []route{
		{"GET /frag-die-stadt", a(s.handleAssistantStart)},
		{"POST /frag-die-stadt", a(s.handleAssistantAsk)},
		{"GET /frag-die-stadt/{conversation}", a(s.handleAssistantConversation)},
		{"POST /frag-die-stadt/{conversation}/rueckmeldung", a(s.handleAssistantFeedback)},
		{"POST /frag-die-stadt/{conversation}/mensch", a(s.handleAssistantHandOver)},
		{"POST /api/v1/assistant/ask", a(s.handleAPIAssistantAsk)},
		{"POST /api/v1/assistant/feedback", a(s.handleAPIAssistantFeedback)},
	}
}

// withAssistant answers 404 when the server has no assistant.
func (s *Server) withAssistant(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Assistant == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// The per-client limit on questions and handovers. A citizen asks a
// handful of questions; a script asking hundreds is stopped. The count
// lives in the database (account.Service.Allow), so it holds across
// instances.
const (
	assistantPerClient = 40
	assistantWindow    = 10 * time.Minute
)

// allowAssistant counts one question or handover of the client and fails
// with TooMany over the limit. Without an account service (some tests)
// nothing is counted.
func (s *Server) allowAssistant(r *http.Request) error {
	if s.opts.Accounts == nil {
		return nil
	}
	err := s.opts.Accounts.Allow(r.Context(), "assistant:"+s.clientIP(r), assistantPerClient, assistantWindow)
	if fault.Is(err, fault.TooMany) {
		return fault.New(fault.TooMany, "error.assistant_web.too_many")
	}
	return err
}

// assistantPath is the page of a conversation.
func assistantPath(conversation string) string {
	return "/frag-die-stadt/" + url.PathEscape(conversation)
}

// answerAnchor is the id of a turn's heading, the focus target after
// asking.
func answerAnchor(turn int) string { return "antwort-" + strconv.Itoa(turn) }
