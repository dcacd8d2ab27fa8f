package web

import (
	"net/http"

	"rathaus/internal/assistant"
	"rathaus/internal/fault"
	"rathaus/internal/i18n"
)

// The assistant's JSON API: POST /api/v1/assistant/ask and
// /api/v1/assistant/feedback, public like the page (no token needed), under
// the same per-client limit.

// assistantAskRequest is the body of POST /api/v1/assistant/ask.
type assistantAskRequest struct {
	Question       string `json:"question"`
	ConversationID string `json:"conversation_id"`
	Lang           string `json:"lang"`
}

// assistantAnswerJSON is an answer; "answer" is the sentences with their
// footnote markers, "citations" the numbered sources they point to.
type assistantAnswerJSON struct {
	ConversationID string                 `json:"conversation_id"`
	Turn           int                    `json:"turn"`
	Kind           string                 `json:"kind"`
	Answer         string                 `json:"answer"`
	Sentences      []assistantSentenceRaw `json:"sentences"`
	Citations      []assistantCitationRaw `json:"citations"`
	Services       []assistantServiceJSON `json:"services"`
	NextSteps      []assistantStepJSON    `json:"next_steps"`
	Confidence     float64                `json:"confidence"`
	ByModel        bool                   `json:"by_model"`
	Disclosure     string                 `json:"disclosure,omitempty"`
}

type assistantSentenceRaw struct {
	Text   string `json:"text"`
	Cites  []int  `json:"cites"`
	Quoted bool   `json:"quoted"`
}

type assistantCitationRaw struct {
	N         int    `json:"n"`
	ServiceID int64  `json:"service_id"`
	Service   string `json:"service"`
	Section   string `json:"section"`
	Quote     string `json:"quote"`
	URL       string `json:"url"`
}

type assistantServiceJSON struct {
	ID         int64  `json:"id"`
	ExternalID string `json:"external_id"`
	Name       string `json:"name"`
	LeiKa      string `json:"leika"`
	URL        string `json:"url"`
}

type assistantStepJSON struct {
	Kind      string `json:"kind"`
	ServiceID int64  `json:"service_id,omitempty"`
	URL       string `json:"url"`
	Label     string `json:"label"`
}

// handleAPIAssistantAsk answers a question, the first of a conversation or
// a follow-up.
func (s *Server) handleAPIAssistantAsk(w http.ResponseWriter, r *http.Request) error {
	var req assistantAskRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	lang := req.Lang
	if lang == "" {
		lang = langOf(r)
	}
	if !i18n.Supported(lang) {
		return fault.Fields(fault.FieldError{Field: "lang", Key: "error.assistant_web.lang"})
	}
	if err := s.allowAssistant(r); err != nil {
		return err
	}
	ans, err := s.opts.Assistant.Ask(r.Context(), assistant.Question{Text: req.Question, ConversationID: req.ConversationID, Lang: lang})
	if err != nil {
		return onField(err, "question")
	}
	return s.writeJSON(w, http.StatusOK, answerJSON(*ans))
}

// answerJSON is the API's form of an answer; lists are never null.
func answerJSON(a assistant.Answer) assistantAnswerJSON {
	out := assistantAnswerJSON{ConversationID: a.ConversationID, Turn: a.Turn, Kind: a.Kind, Answer: answerText(a),
		Sentences: []assistantSentenceRaw{}, Citations: []assistantCitationRaw{}, Services: []assistantServiceJSON{},
		NextSteps: []assistantStepJSON{}, Confidence: a.Confidence, ByModel: a.ByModel, Disclosure: a.Disclosure}
	for _, sn := range a.Sentences {
		cites := append([]int{}, sn.Cites...)
		out.Sentences = append(out.Sentences, assistantSentenceRaw{Text: sn.Text, Cites: cites, Quoted: sn.Quoted})
	}
	for _, c := range a.Citations {
		out.Citations = append(out.Citations, assistantCitationRaw{N: c.N, ServiceID: c.ServiceID, Service: c.Service,
			Section: c.Section, Quote: c.Quote, URL: c.URL})
	}
	for _, sv := range a.Services {
		out.Services = append(out.Services, assistantServiceJSON{ID: sv.ID, ExternalID: sv.ExternalID, Name: sv.Name,
			LeiKa: sv.LeiKa, URL: sv.URL})
	}
	for _, st := range a.NextSteps {
		out.NextSteps = append(out.NextSteps, assistantStepJSON{Kind: st.Kind, ServiceID: st.ServiceID, URL: st.URL, Label: st.Label})
	}
	return out
}

// assistantFeedbackRequest is the body of POST /api/v1/assistant/feedback.
type assistantFeedbackRequest struct {
	ConversationID string `json:"conversation_id"`
	Turn           int    `json:"turn"`
	Helpful        *bool  `json:"helpful"`
}

// handleAPIAssistantFeedback rates one answer; a second rating replaces
// the first.
func (s *Server) handleAPIAssistantFeedback(w http.ResponseWriter, r *http.Request) error {
	var req assistantFeedbackRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if req.Helpful == nil || req.Turn < 1 {
		return fault.Fields(fault.FieldError{Field: "helpful", Key: "error.assistant_web.helpful"})
	}
	if err := s.opts.Assistant.Feedback(r.Context(), req.ConversationID, req.Turn, *req.Helpful); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
