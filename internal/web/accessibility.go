package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
)

// accessibilityPage is the accessibility statement with its feedback form.
type accessibilityPage struct {
	Page
	StatementDate  time.Time
	Contact        string
	EnforcementURL string
	MaxMessage     int
}

// Limits of the feedback form.
const (
	maxFeedbackName    = 100
	maxFeedbackMessage = 5000
)

func (s *Server) accessibilityPage(r *http.Request) accessibilityPage {
	return accessibilityPage{
		Page:           s.page(r, "a11y.title"),
		StatementDate:  s.opts.StatementDate,
		Contact:        s.opts.AccessibilityContact,
		EnforcementURL: s.opts.City.EnforcementURL,
		MaxMessage:     maxFeedbackMessage,
	}
}

// handleAccessibility shows the accessibility statement (BITV 2.0).
func (s *Server) handleAccessibility(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "accessibility", s.accessibilityPage(r))
}

// handleAccessibilityFeedback queues a feedback message to the
// accessibility contact, or shows the form again with its errors.
func (s *Server) handleAccessibilityFeedback(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	fb := feedback{
		Name:    strings.TrimSpace(values.Get("name")),
		Email:   account.NormalizeEmail(values.Get("email")),
		Message: strings.TrimSpace(values.Get("message")),
	}
	if err := fb.validate(); err != nil {
		return s.feedbackForm(w, r, values, err)
	}
	if s.opts.Mail == nil {
		return fault.New(fault.Internal, "error.internal")
	}
	if s.opts.Accounts != nil {
		if err := s.opts.Accounts.AllowMailFrom(r.Context(), s.clientIP(r)); err != nil {
			p := s.accessibilityPage(r)
			p.Form = s.formFor(r, values, err)
			return s.renderStatus(w, r, statusOf(err), "accessibility", p)
		}
	}
	if err := s.opts.Mail.EnqueueMessages(r.Context(), []mail.Message{s.feedbackMail(fb)}); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/barrierefreiheit#feedback", "flash.feedback_sent")
}

func (s *Server) feedbackForm(w http.ResponseWriter, r *http.Request, values url.Values, err error) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	p := s.accessibilityPage(r)
	p.Form = s.formFor(r, values, err)
	return s.renderStatus(w, r, statusOf(err), "accessibility", p)
}

// feedback is one message from the accessibility feedback form.
type feedback struct{ Name, Email, Message string }

func (f feedback) validate() error {
	var v fault.Validator
	v.Check(utf8.RuneCountInString(f.Name) <= maxFeedbackName, "name", "error.name.long", maxFeedbackName)
	v.Check(f.Email == "" || account.ValidEmail(f.Email), "email", "error.email.invalid")
	v.Check(f.Message != "", "message", "error.feedback.message_required")
	v.Check(utf8.RuneCountInString(f.Message) <= maxFeedbackMessage, "message", "error.feedback.message_long", maxFeedbackMessage)
	return v.Err()
}

// feedbackMail addresses the city's accessibility contact, in German: the
// office works in German whatever language the sender used.
func (s *Server) feedbackMail(f feedback) mail.Message {
	none := s.tr.T("de", "mail.accessibility_feedback.none")
	name, email := f.Name, f.Email
	if name == "" {
		name = none
	}
	if email == "" {
		email = none
	}
	return mail.Message{
		To:        s.opts.AccessibilityContact,
		Subject:   s.tr.T("de", "mail.accessibility_feedback.subject"),
		Text:      s.tr.T("de", "mail.accessibility_feedback.body", mail.Sanitize(name), email, f.Message),
		CreatedAt: s.now(),
	}
}
