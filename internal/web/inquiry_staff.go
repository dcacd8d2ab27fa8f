package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
	"rathaus/internal/org"
)

// inquiryQueueLink is one queue in the queue navigation.
type inquiryQueueLink struct {
	Label, URL string
	Current    bool
}

// inquiryRow is one message in a queue's table.
type inquiryRow struct {
	URL, Reference, Subject string
	Lang                    string // of the message
	Received                string
	Suggestion              string
	Because                 string
	Status                  badge
}

// inquiryQueuePage is the staff's list of one queue.
type inquiryQueuePage struct {
	Page
	Queues     []inquiryQueueLink
	QueueLabel string
	Rows       []inquiryRow
	Total      int
	Closed     bool
	ToggleURL  string
}

// inquiryQueueLabel names a queue.
func (s *Server) inquiryQueueLabel(r *http.Request, q inquiry.Queue) string {
	if q.Triage() {
		return s.t(r, "inquiry.staff.triage")
	}
	return q.Org.Name
}

func inquiryQueueURL(key string, closed bool) string {
	v := url.Values{"queue": {key}}
	if closed {
		v.Set("closed", "1")
	}
	return "/amt/anliegen?" + v.Encode()
}

// handleInquiryQueue lists one queue: the one asked for, else the first.
func (s *Server) handleInquiryQueue(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actorOf(r)
	queues, err := s.opts.Inquiries.Queues(ctx, a)
	if err != nil {
		return err
	}
	p := inquiryQueuePage{Page: s.page(r, "inquiry.staff.title"), Closed: r.URL.Query().Get("closed") == "1"}
	if len(queues) == 0 {
		return s.render(w, r, "inquiry_staff_queue", p)
	}
	key := r.URL.Query().Get("queue")
	if key == "" {
		key = queues[0].Key
	}
	for _, q := range queues {
		cur := q.Key == key
		p.Queues = append(p.Queues, inquiryQueueLink{Label: s.inquiryQueueLabel(r, q), URL: inquiryQueueURL(q.Key, p.Closed), Current: cur})
		if cur {
			p.QueueLabel = s.inquiryQueueLabel(r, q)
		}
	}
	if p.QueueLabel == "" {
		return errNotFound
	}
	p.ToggleURL = inquiryQueueURL(key, !p.Closed)
	list, total, err := s.opts.Inquiries.List(ctx, a, inquiry.QueueQuery{Queue: key, Closed: p.Closed, Limit: 200})
	if err != nil {
		return err
	}
	names, err := s.orgNames(ctx)
	if err != nil {
		return err
	}
	p.Total = total
	for _, q := range list {
		p.Rows = append(p.Rows, inquiryRow{URL: inquiryStaffURL(q.ID), Reference: q.Reference, Subject: inquirySubject(q), Lang: q.Lang,
			Received: s.inquiryWhen(p.Page, q.CreatedAt), Suggestion: s.suggestionText(r, q.Suggested, names),
			Because: s.becauseText(r, q.Suggested), Status: s.inquiryStatusBadge(r, q)})
	}
	return s.render(w, r, "inquiry_staff_queue", p)
}

// inquirySubject is the subject, or the message's first words.
func inquirySubject(q *inquiry.Inquiry) string {
	if q.Subject != "" {
		return q.Subject
	}
	words := strings.Fields(q.Body)
	if len(words) > 8 {
		return strings.Join(words[:8], " ") + " …"
	}
	return strings.Join(words, " ")
}

// suggestionText is "Team X (72 %)", or "no suggestion".
func (s *Server) suggestionText(r *http.Request, sg inquiry.Suggestion, names map[int64]*org.Org) string {
	if sg.OrgID == nil || names[*sg.OrgID] == nil {
		return s.t(r, "inquiry.suggestion.none")
	}
	return s.t(r, "inquiry.suggestion.text", names[*sg.OrgID].Name, int(sg.Confidence*100+0.5))
}

// becauseText is "because of: Hund, Steuer", "" without words.
func (s *Server) becauseText(r *http.Request, sg inquiry.Suggestion) string {
	if sg.OrgID == nil || len(sg.Because) == 0 {
		return ""
	}
	return s.t(r, "inquiry.suggestion.because", strings.Join(sg.Because, ", "))
}

// pathInquiry reads the {id} of the path.
func pathInquiry(r *http.Request) (int64, int, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	v, _ := strconv.Atoi(r.FormValue("version"))
	return id, v, nil
}

// inquiryFormError re-renders the message's page with a form error.
func (s *Server) inquiryFormError(w http.ResponseWriter, r *http.Request, id int64, values url.Values, err error) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	p, perr := s.inquiryView(r, id)
	if perr != nil {
		return perr
	}
	p.Form = s.formFor(r, values, err)
	return s.renderStatus(w, r, statusOf(err), "inquiry_staff_view", p)
}

// handleInquiryAssign assigns a message to a unit and category.
func (s *Server) handleInquiryAssign(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, version, err := pathInquiry(r)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(values.Get("org"), 10, 64)
	as := inquiry.Assignment{ID: id, Version: version, OrgID: orgID, Category: values.Get("category")}
	q, err := s.opts.Inquiries.Assign(r.Context(), actorOf(r), as)
	if err != nil {
		return s.inquiryFormError(w, r, id, values, err)
	}
	flash := "inquiry.flash.assigned"
	if as.Corrects(q.Suggested) {
		flash = "inquiry.flash.corrected"
	}
	to := inquiryStaffURL(q.ID)
	if ok, _ := s.mayStillSee(r, q.ID); !ok {
		to = "/amt/anliegen"
	}
	return s.redirectFlash(w, r, to, flash)
}

// mayStillSee reports whether the actor may still open a message (after
// assigning it to another team, they may not).
func (s *Server) mayStillSee(r *http.Request, id int64) (bool, error) {
	_, err := s.opts.Inquiries.Peek(r.Context(), actorOf(r), id)
	if fault.Is(err, fault.NotFound) {
		return false, nil
	}
	return err == nil, err
}

// handleInquiryReply replies to a message by mail.
func (s *Server) handleInquiryReply(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, version, err := pathInquiry(r)
	if err != nil {
		return err
	}
	q, err := s.opts.Inquiries.Reply(r.Context(), actorOf(r), id, version, values.Get("reply"))
	if err != nil {
		return s.inquiryFormError(w, r, id, values, err)
	}
	flash := "inquiry.flash.replied"
	if !q.Reachable() {
		flash = "inquiry.flash.replied_no_mail"
	}
	return s.redirectFlash(w, r, inquiryStaffURL(id), flash)
}

// handleInquiryClose closes a message.
func (s *Server) handleInquiryClose(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	id, version, err := pathInquiry(r)
	if err != nil {
		return err
	}
	if _, err := s.opts.Inquiries.Close(r.Context(), actorOf(r), id, version); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/amt/anliegen", "inquiry.flash.closed")
}
