package cases

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Applicant is who applies: an account, or without one the name and
// e-mail address the form asked for.
type Applicant struct {
	UserID *int64
	Name   string // the account's name; without an account taken from the answers
	Email  string
}

// Application is a completed form handed in for a service.
type Application struct {
	ServiceID int64
	Answers   form.Answers
	Lang      string // of error messages and the confirmation mail
	Applicant Applicant
	// IdempotencyKey makes a repeated submission (a double click, a
	// retried API call) return the first case.
	IdempotencyKey string
	DraftID        int64 // deleted with the submission
	// Channel is ChannelOnline unless staff record a case that arrived
	// on paper, by phone or in person (then RecordedBy is the staff
	// account and ReceivedAt when it arrived).
	Channel    string
	RecordedBy *int64
	ReceivedAt time.Time
	// EventAttrs are added to the submitted event, such as the help
	// point of an assisted application.
	EventAttrs map[string]string
}

// Submitted is the outcome of a submission.
type Submitted struct {
	Case    *Case
	Created bool // false: the idempotency key named an earlier case
	// Secret opens the case's status page without an account (only when
	// created without one); it is shown once and never stored.
	Secret string
}

// Form returns the published form of a service with the service itself;
// NotFound when the service takes no online applications.
func (s *Service) Form(ctx context.Context, serviceID int64) (*form.Form, *catalog.Service, error) {
	svc, err := s.Catalog.PublicService(ctx, serviceID)
	if err != nil {
		return nil, nil, err
	}
	f, err := s.Forms.PublishedForm(ctx, serviceID)
	if err != nil {
		return nil, nil, err
	}
	return f, svc, nil
}

// Submit validates an application against the service's published form
// and writes the case, its answers, its attachments and the confirmation
// mail in one transaction.
func (s *Service) Submit(ctx context.Context, app Application) (*Submitted, error) {
	f, svc, err := s.Form(ctx, app.ServiceID)
	if err != nil {
		return nil, err
	}
	w, err := WorkflowOf(f)
	if err != nil {
		return nil, err
	}
	if app.Channel == "" {
		app.Channel = ChannelOnline
	}
	if !slices.Contains(Channels, app.Channel) || app.Channel != ChannelOnline && app.RecordedBy == nil {
		return nil, fault.New(fault.Invalid, "error.cases.channel")
	}
	online := app.Channel == ChannelOnline
	if online && app.Applicant.UserID == nil && !f.Settings.Anonymous {
		return nil, fault.New(fault.Unauthenticated, "error.cases.login_required")
	}
	answers, err := f.Validate(app.Answers, app.Lang)
	if err != nil {
		return nil, err
	}
	name, email := applicantContact(f, answers, app.Applicant)
	if online && app.Applicant.UserID == nil && email == "" {
		return nil, fault.Fields(fault.FieldError{Field: "email", Key: "error.cases.email_required"})
	}
	files, err := s.attachments(ctx, f, answers)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(answers)
	if err != nil {
		return nil, err
	}
	at := s.now()
	if !online && !app.ReceivedAt.IsZero() && app.ReceivedAt.Before(at) {
		at = app.ReceivedAt.UTC()
	}
	c := &Case{ServiceID: svc.ID, FormVersion: f.Version, OrgID: svc.OrgID, Channel: app.Channel,
		State: w.Initial, Version: 1, ApplicantID: app.Applicant.UserID, Name: name, Email: email,
		FeeCents: f.FeeCents(answers), SubmittedAt: at, UpdatedAt: s.now()}
	if d := f.Settings.DecisionDays; d > 0 {
		due := at.AddDate(0, 0, d)
		c.Deadline = &due
	}
	out := &Submitted{Case: c, Created: true}
	sub := &Submission{Case: c, Answers: raw, Files: files, IdempotencyKey: app.IdempotencyKey,
		Prefix: s.prefix(), DraftID: app.DraftID}
	if (online || app.Channel == ChannelAssisted) && app.Applicant.UserID == nil {
		out.Secret = newSecret()
		sub.AccessHash = HashSecret(out.Secret)
	}
	actor := "citizen"
	if app.RecordedBy != nil {
		actor = staffActor(*app.RecordedBy)
	}
	sub.Effects = func(c *Case) Effects {
		ev := c.Submitted(actor)
		for k, v := range app.EventAttrs {
			ev.Attrs[k] = v
		}
		fx := Effects{Events: []processlog.Event{ev}}
		if email != "" {
			fx.Mails = append(fx.Mails, s.submittedMail(c, svc, app.Lang, out.Secret))
		}
		if s.DeliveryURL != "" {
			fx.Jobs = append(fx.Jobs, DeliveryJobFor(c))
		}
		return fx
	}
	existing, created, err := s.Store.CreateCase(ctx, sub)
	if err != nil {
		return nil, err
	}
	if !created {
		return &Submitted{Case: existing}, nil
	}
	return out, nil
}

// applicantContact is the name and e-mail address of the applicant: the
// account's, else the answers to the questions prefilled from a profile's
// name and e-mail, else the first e-mail question's answer.
func applicantContact(f *form.Form, a form.Answers, ap Applicant) (name, email string) {
	name, email = ap.Name, ap.Email
	for _, p := range f.Pages {
		for _, q := range p.Questions {
			v := a[q.ID].Text
			switch {
			case name == "" && q.Prefill == form.PrefillName:
				name = v
			case email == "" && q.Type == form.TypeEmail && v != "":
				email = v
			}
		}
	}
	return strings.TrimSpace(name), strings.TrimSpace(email)
}

func staffActor(id int64) string { return "staff:" + itoa(id) }

// newSecret returns 32 random bytes, base64url without padding.
func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret is how a secret link is stored.
func HashSecret(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// submittedMail tells the applicant the case arrived: the reference and
// where to follow it, never the answers.
func (s *Service) submittedMail(c *Case, svc *catalog.Service, lang, secret string) mail.Message {
	link := s.BaseURL + "/antraege/" + itoa(c.ID)
	if secret != "" {
		link = s.BaseURL + "/antraege/status?s=" + secret
	}
	return mail.Message{To: c.Email, UserID: c.ApplicantID, CreatedAt: s.now(),
		Subject: s.T.T(lang, "mail.cases.submitted.subject", c.Reference),
		Text:    s.T.T(lang, "mail.cases.submitted.body", svc.Name, c.Reference, link, s.CityName)}
}
