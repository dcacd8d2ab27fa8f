package web

import (
	"net/http"
	"net/url"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
)

// The per-client limit on messages: a citizen writes a few; a script
// sending hundreds is stopped. The count lives in the database
// (account.Service.Allow), so it holds across instances.
const (
	inquiryPerClient = 10
	inquiryWindow    = time.Hour
)

// allowInquiry counts one message of the client and fails with TooMany
// over the limit; without an account service nothing is counted.
func (s *Server) allowInquiry(r *http.Request) error {
	if s.opts.Accounts == nil {
		return nil
	}
	err := s.opts.Accounts.Allow(r.Context(), "inquiry:"+s.clientIP(r), inquiryPerClient, inquiryWindow)
	if fault.Is(err, fault.TooMany) {
		return fault.New(fault.TooMany, "error.inquiry.too_many")
	}
	return err
}

// inquiryCookie carries the reference of the message just sent to the
// confirmation page, so the page is not reachable by guessing.
const inquiryCookie = "rathaus_inquiry"

// inquiryFormPage is the citizens' form.
type inquiryFormPage struct {
	Page
	MaxBody       int
	RetentionDays int
	SignedIn      bool
}

func (s *Server) inquiryForm(r *http.Request, values url.Values, err error) inquiryFormPage {
	p := inquiryFormPage{Page: s.page(r, "inquiry.form.title"), MaxBody: inquiry.MaxBody,
		RetentionDays: s.inquiryRetentionDays(), SignedIn: currentUser(r) != nil}
	if err != nil {
		p.Form = s.formFor(r, values, err)
	} else if values != nil {
		p.Form = s.newForm(r, values)
	}
	return p
}

func (s *Server) inquiryRetentionDays() int {
	d := s.opts.Inquiries.Retention
	if d <= 0 {
		d = inquiry.DefaultRetention
	}
	return int(d.Hours() / 24)
}

// handleInquiryForm shows the empty form.
func (s *Server) handleInquiryForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "inquiry_form", s.inquiryForm(r, nil, nil))
}

// handleInquirySubmit takes a message; bad input comes back with errors
// and nothing stored.
func (s *Server) handleInquirySubmit(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	sub := inquiry.Submission{Subject: values.Get("subject"), Body: values.Get("body"), Name: values.Get("name"),
		Email: values.Get("email"), Lang: langOf(r), Source: inquiry.SourceForm}
	if u := currentUser(r); u != nil {
		sub.UserID = &u.ID
	}
	if err := s.allowInquiry(r); err != nil {
		return err
	}
	q, err := s.opts.Inquiries.Submit(r.Context(), sub)
	if err != nil {
		return s.renderStatus(w, r, statusOf(err), "inquiry_form", s.inquiryForm(r, values, err))
	}
	s.setSignedCookie(w, inquiryCookie, q.Reference, 3600)
	redirect(w, r, "/anliegen/eingegangen")
	return nil
}

// inquiryThanksPage confirms a message with its reference.
type inquiryThanksPage struct {
	Page
	Reference string
	Unit      string // the team it went to; "" when it is in triage
	Reachable bool
}

// handleInquiryThanks confirms the message named by the cookie.
func (s *Server) handleInquiryThanks(w http.ResponseWriter, r *http.Request) error {
	ref, ok := s.signedCookie(r, inquiryCookie)
	if !ok {
		redirect(w, r, "/anliegen")
		return nil
	}
	q, err := s.opts.Inquiries.ByReference(r.Context(), ref)
	if err != nil {
		return err
	}
	p := inquiryThanksPage{Page: s.page(r, "inquiry.thanks.title"), Reference: q.Reference, Reachable: q.Reachable()}
	if q.Status != inquiry.StatusTriage && q.OrgID != nil {
		if o, err := s.opts.Orgs.Store.FindOrgByID(r.Context(), *q.OrgID); err == nil {
			p.Unit = o.Name
		}
	}
	return s.render(w, r, "inquiry_thanks", p)
}
