package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	fb "rathaus/internal/feedback"
)

// Feedback pages (feedback_*.go): "Was this page helpful?" under a
// service page, the satisfaction question after an application or an
// appointment, and the results for service owners. The service page is
// in the page cache, so its widget is a plain form without any state of
// the visitor; what the visitor answered travels in a signed cookie to
// the follow-up page, where a comment may be added.
func (s *Server) feedbackRoutes() []route {
	f := s.withFeedback
	return []route{
		{"POST /feedback/seite", f(s.handleHelpful)},
		{"GET /feedback/seite/{service}/danke", f(s.handleHelpfulThanks)},
		{"POST /feedback/seite/{service}/kommentar", f(s.handleHelpfulComment)},
		{"GET /feedback/zufriedenheit/{kind}/{id}", f(s.handleSatisfactionForm)},
		{"POST /feedback/zufriedenheit/{kind}/{id}", f(s.handleSatisfaction)},
		{"GET /amt/zufriedenheit", f(s.requireUser(s.handleFeedbackResults))},
		{"GET /amt/zufriedenheit.csv", f(s.requireUser(s.handleFeedbackCSV))},
	}
}

// withFeedback answers 404 when the server collects no feedback.
func (s *Server) withFeedback(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Feedback == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// feedbackCookie holds "<service>:<answer id>" of the page answer just
// given, or "<service>:0" when it was a repeat, for the follow-up page.
const feedbackCookie = "rathaus_feedback"

func helpfulThanksURL(service int64) string {
	return "/feedback/seite/" + strconv.FormatInt(service, 10) + "/danke"
}

// handleHelpful takes the yes or no of a service page.
func (s *Server) handleHelpful(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if s.opts.Services == nil {
		return errNotFound
	}
	id, err := strconv.ParseInt(values.Get("service"), 10, 64)
	answer := values.Get("hilfreich")
	if err != nil || (answer != "ja" && answer != "nein") {
		return fault.New(fault.Invalid, "error.feedback.helpful")
	}
	if _, err := s.opts.Services.PublicService(r.Context(), id); err != nil {
		return err
	}
	h, added, err := s.opts.Feedback.AnswerPage(r.Context(), fb.PageAnswer{ServiceID: id, Helpful: answer == "ja", Client: s.clientIP(r)})
	if err != nil {
		return err
	}
	entry := int64(0)
	if added {
		entry = h.ID
	}
	s.setSignedCookie(w, feedbackCookie, strconv.FormatInt(id, 10)+":"+strconv.FormatInt(entry, 10), 3600)
	redirect(w, r, helpfulThanksURL(id))
	return nil
}

// helpfulThanksPage thanks for a page answer and offers the comment.
type helpfulThanksPage struct {
	Page
	ServiceName string
	ServiceURL  string
	Action      string
	Repeat      bool // the visitor had already answered today
	CanComment  bool
	MaxComment  int
}

// helpfulEntry is the page answer the visitor's cookie names for service
// id: its ID, or 0 for a repeat; false without a matching cookie.
func (s *Server) helpfulEntry(r *http.Request, service int64) (int64, bool) {
	v, ok := s.signedCookie(r, feedbackCookie)
	sid, entry, _ := strings.Cut(v, ":")
	if !ok || sid != strconv.FormatInt(service, 10) {
		return 0, false
	}
	n, err := strconv.ParseInt(entry, 10, 64)
	return n, err == nil
}

func (s *Server) helpfulThanks(r *http.Request, values url.Values, err error) (helpfulThanksPage, error) {
	id, perr := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if perr != nil || s.opts.Services == nil {
		return helpfulThanksPage{}, errNotFound
	}
	sv, serr := s.opts.Services.PublicService(r.Context(), id)
	if serr != nil {
		return helpfulThanksPage{}, serr
	}
	p := helpfulThanksPage{Page: s.page(r, "feedback.thanks.title"), ServiceName: sv.Name, ServiceURL: serviceURL(id),
		Action: "/feedback/seite/" + strconv.FormatInt(id, 10) + "/kommentar", MaxComment: fb.MaxComment}
	entry, ok := s.helpfulEntry(r, id)
	p.Repeat, p.CanComment = ok && entry == 0, ok && entry > 0
	if p.Repeat {
		p.Title = s.t(r, "feedback.thanks.repeat_title")
	}
	if err != nil {
		p.Form = s.formFor(r, values, err)
	}
	return p, nil
}

// handleHelpfulThanks is the follow-up page of a page answer.
func (s *Server) handleHelpfulThanks(w http.ResponseWriter, r *http.Request) error {
	p, err := s.helpfulThanks(r, nil, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "feedback_thanks", p)
}

// handleHelpfulComment adds the optional comment to the page answer.
func (s *Server) handleHelpfulComment(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return errNotFound
	}
	entry, ok := s.helpfulEntry(r, id)
	if !ok || entry == 0 {
		return fault.New(fault.Conflict, "error.feedback.comment_done")
	}
	err = s.opts.Feedback.CommentPage(r.Context(), entry, s.clientIP(r), values.Get("comment"))
	if fault.Is(err, fault.Invalid) {
		p, perr := s.helpfulThanks(r, values, err)
		if perr != nil {
			return perr
		}
		return s.renderStatus(w, r, statusOf(err), "feedback_thanks", p)
	}
	if err != nil {
		return err
	}
	s.deleteCookie(w, feedbackCookie)
	return s.redirectFlash(w, r, serviceURL(id), "feedback.flash.comment")
}
