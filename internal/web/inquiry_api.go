package web

import (
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
)

// The inquiry API (described in openapi.json): citizens send a message
// (anonymously or with a token), staff list a queue and assign a message,
// which teaches the routing like the page does. Lists leave the contact
// out; only the staff page shows it, and records the read.

// inquiryReceiptJSON answers a citizen's message.
type inquiryReceiptJSON struct {
	Reference string        `json:"reference"`
	Status    string        `json:"status"`
	Unit      *inquiryOrgJS `json:"unit"` // the team it went to; null in triage
}

type inquiryOrgJS struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type inquirySubmitRequest struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Name    string `json:"name"`
	Email   string `json:"email"`
	Lang    string `json:"lang"`
}

// handleAPIInquirySubmit takes a citizen's message.
func (s *Server) handleAPIInquirySubmit(w http.ResponseWriter, r *http.Request) error {
	var req inquirySubmitRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	lang := req.Lang
	if lang == "" {
		lang = langOf(r)
	}
	sub := inquiry.Submission{Subject: req.Subject, Body: req.Body, Name: req.Name, Email: req.Email, Lang: lang}
	if u := currentUser(r); u != nil {
		sub.UserID = &u.ID
	}
	if err := s.allowInquiry(r); err != nil {
		return err
	}
	q, err := s.opts.Inquiries.Submit(r.Context(), sub)
	if err != nil {
		return err
	}
	out := inquiryReceiptJSON{Reference: q.Reference, Status: q.Status}
	if q.Status != inquiry.StatusTriage && q.OrgID != nil {
		if o, err := s.opts.Orgs.Store.FindOrgByID(r.Context(), *q.OrgID); err == nil {
			out.Unit = &inquiryOrgJS{ID: o.ID, Name: o.Name}
		}
	}
	return s.writeJSON(w, http.StatusCreated, out)
}

// inquiryJSON is a message as staff's API clients see it, without contact.
type inquiryJSON struct {
	ID         int64                 `json:"id"`
	Reference  string                `json:"reference"`
	Subject    string                `json:"subject"`
	Body       string                `json:"body"`
	Lang       string                `json:"lang"`
	Source     string                `json:"source"`
	Status     string                `json:"status"`
	OrgID      *int64                `json:"org_id"`
	Category   string                `json:"category"`
	Suggestion inquirySuggestionJSON `json:"suggestion"`
	Reachable  bool                  `json:"reachable"`
	CreatedAt  time.Time             `json:"created_at"`
	UpdatedAt  time.Time             `json:"updated_at"`
	Version    int                   `json:"version"`
}

type inquirySuggestionJSON struct {
	OrgID      *int64   `json:"org_id"`
	Category   string   `json:"category"`
	Confidence float64  `json:"confidence"`
	Because    []string `json:"because"`
}

func inquiryToJSON(q *inquiry.Inquiry) inquiryJSON {
	because := q.Suggested.Because
	if because == nil {
		because = []string{}
	}
	return inquiryJSON{ID: q.ID, Reference: q.Reference, Subject: q.Subject, Body: q.Body, Lang: q.Lang, Source: q.Source,
		Status: q.Status, OrgID: q.OrgID, Category: q.Category, Reachable: q.Reachable(),
		Suggestion: inquirySuggestionJSON{OrgID: q.Suggested.OrgID, Category: q.Suggested.Category,
			Confidence: q.Suggested.Confidence, Because: because},
		CreatedAt: q.CreatedAt, UpdatedAt: q.UpdatedAt, Version: q.Version}
}

// handleAPIInquiries lists a queue: ?queue=triage or a unit's ID.
func (s *Server) handleAPIInquiries(w http.ResponseWriter, r *http.Request) error {
	qv := r.URL.Query()
	queue := qv.Get("queue")
	if queue == "" {
		return fault.Fields(fault.FieldError{Field: "queue", Key: "error.inquiry.queue"})
	}
	limit, _ := strconv.Atoi(qv.Get("limit"))
	offset, _ := strconv.Atoi(qv.Get("offset"))
	list, total, err := s.opts.Inquiries.List(r.Context(), actorOf(r), inquiry.QueueQuery{Queue: queue,
		Closed: qv.Get("closed") == "true", Limit: min(max(limit, 0), 200), Offset: max(offset, 0)})
	if err != nil {
		return err
	}
	out := []inquiryJSON{}
	for _, q := range list {
		out = append(out, inquiryToJSON(q))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"inquiries": out, "total": total})
}

type inquiryAssignRequest struct {
	OrgID    int64  `json:"org_id"`
	Category string `json:"category"`
	Version  int    `json:"version"`
}

// handleAPIInquiryAssign assigns a message; a difference from the
// suggestion is stored as a correction.
func (s *Server) handleAPIInquiryAssign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req inquiryAssignRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	q, err := s.opts.Inquiries.Assign(r.Context(), actorOf(r),
		inquiry.Assignment{ID: id, Version: req.Version, OrgID: req.OrgID, Category: req.Category})
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, inquiryToJSON(q))
}
