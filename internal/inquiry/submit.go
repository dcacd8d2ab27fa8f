package inquiry

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/account"
	"rathaus/internal/fault"
)

// Submission is a citizen's message as entered.
type Submission struct {
	Subject    string
	Body       string
	Lang       string // "de" or "en"; default "de"
	Source     string // default SourceForm
	Name       string
	Email      string
	UserID     *int64 // the signed-in citizen
	ServiceIDs []int64
}

// Submit validates a message, stores it in the triage queue and then
// routes it: a confident suggestion moves it to the suggested unit's
// queue; a message from the assistant stays with the service office.
// Storing comes first, so no routing trouble loses a citizen's message;
// a failed routing only leaves it in triage.
func (s *Service) Submit(ctx context.Context, sub Submission) (*Inquiry, error) {
	q, err := s.newInquiry(ctx, sub)
	if err != nil {
		return nil, err
	}
	if err := s.Store.CreateInquiry(ctx, q); err != nil {
		return nil, err
	}
	if err := s.route(ctx, q); err != nil {
		s.log().Warn("inquiry routing failed; the message stays in triage", "reference", q.Reference, "error", err)
	}
	return q, nil
}

// newInquiry checks sub and returns the message it makes, in triage.
func (s *Service) newInquiry(ctx context.Context, sub Submission) (*Inquiry, error) {
	sub.Subject, sub.Body = strings.TrimSpace(sub.Subject), strings.TrimSpace(sub.Body)
	sub.Name, sub.Email = strings.TrimSpace(sub.Name), account.NormalizeEmail(sub.Email)
	if sub.Source == "" {
		sub.Source = SourceForm
	}
	if sub.Lang != "en" {
		sub.Lang = "de"
	}
	max := MaxBody
	if sub.Source == SourceAssistant {
		max = MaxHandover
	}
	var v fault.Validator
	v.Check(slices.Contains([]string{SourceForm, SourceAssistant, SourceIdea}, sub.Source), "source", "error.inquiry.source")
	v.Check(utf8.RuneCountInString(sub.Subject) <= MaxSubject, "subject", "error.inquiry.subject_long", MaxSubject)
	v.Check(sub.Body != "", "body", "error.inquiry.body_missing")
	v.Check(utf8.RuneCountInString(sub.Body) <= max, "body", "error.inquiry.body_long", max)
	v.Check(utf8.RuneCountInString(sub.Name) <= MaxName, "name", "error.inquiry.name_long", MaxName)
	v.Check(sub.Email == "" || account.ValidEmail(sub.Email), "email", "error.inquiry.email")
	if err := v.Err(); err != nil {
		return nil, err
	}
	office, err := s.officeID(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	return &Inquiry{Subject: sub.Subject, Body: sub.Body, Lang: sub.Lang, Source: sub.Source,
		Name: sub.Name, Email: sub.Email, UserID: sub.UserID, ServiceIDs: sub.ServiceIDs,
		OrgID: office, Status: StatusTriage, CreatedAt: now, UpdatedAt: now}, nil
}

// route stores the router's suggestion for a stored message and, when
// the router is sure and the message is not the office's own, moves it
// to the suggested unit.
func (s *Service) route(ctx context.Context, q *Inquiry) error {
	if s.Router == nil {
		return nil
	}
	sg, err := s.Router.Suggest(ctx, q.Text())
	if err != nil || sg.OrgID == nil {
		return err
	}
	next := *q
	next.Suggested = sg
	if s.Router.Sure(sg) && q.Source != SourceAssistant {
		next.OrgID, next.Category, next.Status = sg.OrgID, sg.Category, StatusOpen
	}
	if err := s.Store.UpdateInquiry(ctx, &next, q.Version, Change{}); err != nil {
		return err
	}
	*q = next
	return nil
}

// Handover takes a conversation the assistant hands to a human: a
// message from the assistant in the service office's triage queue, with
// the citizen's note first and the transcript below (its last part when
// it is long). It returns the message's reference.
func (s *Service) Handover(ctx context.Context, lang, transcript string, serviceIDs []int64,
	name, email string, userID *int64, note string) (string, error) {
	transcript = strings.TrimSpace(transcript)
	if r := []rune(transcript); len(r) > MaxHandover-MaxBody-2 {
		transcript = "…" + string(r[len(r)-(MaxHandover-MaxBody-3):])
	}
	body := strings.TrimSpace(note)
	if body != "" && transcript != "" {
		body += "\n\n"
	}
	body += transcript
	subject := ""
	if s.T != nil {
		subject = s.T.T(lang, "inquiry.handover.subject")
	}
	q, err := s.Submit(ctx, Submission{Subject: subject, Body: body, Lang: lang, Source: SourceAssistant,
		Name: name, Email: email, UserID: userID, ServiceIDs: serviceIDs})
	if err != nil {
		return "", err
	}
	return q.Reference, nil
}

// ByReference returns a message by its reference, for the citizen's
// confirmation page (which shows only reference, status and unit).
func (s *Service) ByReference(ctx context.Context, ref string) (*Inquiry, error) {
	return s.Store.FindInquiryByReference(ctx, ref)
}
