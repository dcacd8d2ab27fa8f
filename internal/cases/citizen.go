package cases

import (
	"context"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Citizen is who asks for a case on the citizen side: an account, or the
// holder of a case's secret link.
type Citizen struct {
	UserID *int64
	Secret string
}

// Mine lists the cases of an account, newest first.
func (s *Service) Mine(ctx context.Context, userID int64) ([]*Case, error) {
	cs, _, err := s.Store.FindCases(ctx, Filter{ApplicantID: &userID, Limit: 500})
	if err != nil {
		return nil, err
	}
	sortNewestFirst(cs)
	return cs, nil
}

// citizenCase loads a case its applicant may see: by id for the account
// that submitted it, or by the secret link. Anything else is NotFound.
func (s *Service) citizenCase(ctx context.Context, who Citizen, id int64) (*Case, error) {
	if who.Secret != "" {
		c, err := s.Store.FindCaseByAccessHash(ctx, HashSecret(who.Secret))
		if err != nil || id != 0 && c.ID != id {
			return nil, fault.New(fault.NotFound, "error.not_found")
		}
		return c, nil
	}
	if who.UserID == nil {
		return nil, fault.New(fault.Unauthenticated, "error.cases.login_required")
	}
	c, err := s.Store.FindCase(ctx, id)
	if err != nil || c.ApplicantID == nil || *c.ApplicantID != *who.UserID {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return c, nil
}

// CitizenView opens a case for its applicant and marks the office's
// messages read.
func (s *Service) CitizenView(ctx context.Context, who Citizen, id int64) (*View, error) {
	c, err := s.citizenCase(ctx, who, id)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, c, false)
	if err != nil {
		return nil, err
	}
	return v, s.Store.MarkMessagesRead(ctx, c.ID, true, s.now())
}

// Reply is a message in a case's mailbox, with files already uploaded
// (see Upload).
type Reply struct {
	CaseID int64
	Body   string
	Files  []File // Key, Name, ContentType, Size, SHA256 from the upload
	Lang   string // of the notification mail
}

// CitizenMessage writes the applicant's message to the office. A reply
// while the case waits for the citizen is a process step of its own.
func (s *Service) CitizenMessage(ctx context.Context, who Citizen, r Reply) (*Message, error) {
	c, err := s.citizenCase(ctx, who, r.CaseID)
	if err != nil {
		return nil, err
	}
	if err := checkReply(r); err != nil {
		return nil, err
	}
	m := &Message{CaseID: c.ID, AuthorID: c.ApplicantID, Body: strings.TrimSpace(r.Body), Files: fileKinds(r.Files, FileMessage), At: s.now()}
	var fx Effects
	if st, _ := s.stateOf(ctx, c); st.Kind == KindWaiting {
		fx.Events = append(fx.Events, c.event("citizen_replied", c.State, Change{Actor: "citizen", Role: "applicant", At: s.now()}))
	}
	return m, s.Store.AddMessage(ctx, m, fx)
}

func checkReply(r Reply) error {
	body := strings.TrimSpace(r.Body)
	if body == "" && len(r.Files) == 0 || len(body) > 20000 {
		return fault.Fields(fault.FieldError{Field: "body", Key: "error.cases.message_body"})
	}
	if len(r.Files) > MaxMessageFiles {
		return fault.Fields(fault.FieldError{Field: "files", Key: "error.cases.message_files", Args: []any{MaxMessageFiles}})
	}
	return nil
}

// MaxMessageFiles bounds the attachments of one message.
const MaxMessageFiles = 5

func fileKinds(fs []File, kind string) []File {
	out := make([]File, len(fs))
	for i, f := range fs {
		f.Kind = kind
		out[i] = f
	}
	return out
}

// Withdraw lets the applicant take back a case that is not decided yet.
func (s *Service) Withdraw(ctx context.Context, who Citizen, id int64, version int) (*Case, error) {
	c, err := s.citizenCase(ctx, who, id)
	if err != nil {
		return nil, err
	}
	w, err := s.workflowOf(ctx, c)
	if err != nil {
		return nil, err
	}
	from := c.State
	ev, err := c.Apply(w, Change{Action: "withdraw", Version: version, Actor: "citizen", Role: "applicant", At: s.now()})
	if err != nil {
		return nil, err
	}
	h := &HistoryEntry{CaseID: c.ID, At: s.now(), Action: "withdraw", FromState: from, ToState: c.State}
	return c, s.Store.UpdateCase(ctx, c, h, Effects{Events: []processlog.Event{ev}})
}

// newsMail says that there is news in a case, and where to read it.
func (s *Service) newsMail(c *Case, lang string) mail.Message {
	link := s.BaseURL + "/antraege/" + itoa(c.ID)
	if c.ApplicantID == nil {
		link = s.BaseURL + "/antraege/status"
	}
	return mail.Message{To: c.Email, UserID: c.ApplicantID, CreatedAt: s.now(),
		Subject: s.T.T(lang, "mail.cases.news.subject", c.Reference),
		Text:    s.T.T(lang, "mail.cases.news.body", c.Reference, link, s.CityName)}
}
