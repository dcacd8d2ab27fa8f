package cases

import (
	"strconv"
	"time"

	"rathaus/internal/form"
)

// ExportFormat names the JSON format of Export. A change that breaks
// consumers gets a new number; fields may be added within a version.
// docs/case-export.md describes every field.
const ExportFormat = "rathaus-case/1"

// Export is a case as specialist systems (Fachverfahren) receive it: by
// the delivery webhook and from the API.
type Export struct {
	Format    string          `json:"format"` // ExportFormat
	Case      ExportCaseData  `json:"case"`
	Applicant ExportApplicant `json:"applicant"`
	// Answers are the raw answers by question ID; a file's ID in them is
	// the ID of its entry in Files.
	Answers  form.Answers    `json:"answers"`
	Labelled []ExportAnswer  `json:"answers_labelled"` // for people, in German
	Files    []ExportFile    `json:"files"`
	History  []ExportHistory `json:"history"`
	Payments []ExportPayment `json:"payments"`
}

// ExportCaseData is the case's metadata. Times are RFC 3339 in UTC.
type ExportCaseData struct {
	ID          int64   `json:"id"`
	Reference   string  `json:"reference"`
	ServiceID   int64   `json:"service_id"`
	FormVersion int     `json:"form_version"`
	OrgID       *int64  `json:"org_id"`
	State       string  `json:"state"`
	Channel     string  `json:"channel"`
	SubmittedAt string  `json:"submitted_at"`
	UpdatedAt   string  `json:"updated_at"`
	Deadline    *string `json:"deadline"`
	ClosedAt    *string `json:"closed_at"`
	FeeCents    int64   `json:"fee_cents"`
	PaidCents   int64   `json:"paid_cents"`
}

// ExportApplicant is who applied.
type ExportApplicant struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	// AccountID is the applicant's account; null without one.
	AccountID *int64 `json:"account_id"`
}

// ExportAnswer is one question of a page the applicant saw, with its
// answer written for people.
type ExportAnswer struct {
	Page      string `json:"page"`       // page ID
	PageTitle string `json:"page_title"` // German
	Question  string `json:"question"`   // question ID, the key in Answers
	Type      string `json:"type"`       // question type, e.g. "date"
	Label     string `json:"label"`      // German
	Value     string `json:"value"`      // German display value; "" when not answered
}

// ExportFile is a file of the case; Href is its path under the API.
type ExportFile struct {
	ID          int64  `json:"id"`
	Kind        string `json:"kind"`
	Question    string `json:"question,omitempty"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	CreatedAt   string `json:"created_at"`
	Href        string `json:"href"`
}

// ExportHistory is one step of the case.
type ExportHistory struct {
	At        string `json:"at"`
	Action    string `json:"action"`
	FromState string `json:"from_state"`
	ToState   string `json:"to_state"`
	Note      string `json:"note"`
	// ActorID is the staff account; null for the applicant or the system.
	ActorID *int64 `json:"actor_id"`
}

// ExportPayment is one payment booked against the case.
type ExportPayment struct {
	ID       int64  `json:"id"`
	Cents    int64  `json:"cents"`
	Source   string `json:"source"`
	EntryRef string `json:"entry_ref"`
	Debtor   string `json:"debtor"`
	Text     string `json:"text"`
	BookedAt string `json:"booked_at"`
	At       string `json:"at"`
}

// ExportCase builds the export of c, filled with form f (the version
// c.FormVersion; without it, nil, answers_labelled is empty), with its
// answers, files, history and payments.
func ExportCase(c *Case, f *form.Form, answers form.Answers, files []File, history []HistoryEntry, payments []Payment) Export {
	e := Export{
		Format: ExportFormat,
		Case: ExportCaseData{ID: c.ID, Reference: c.Reference, ServiceID: c.ServiceID,
			FormVersion: c.FormVersion, OrgID: c.OrgID, State: c.State, Channel: c.Channel,
			SubmittedAt: exportTime(c.SubmittedAt), UpdatedAt: exportTime(c.UpdatedAt),
			Deadline: exportTimePtr(c.Deadline), ClosedAt: exportTimePtr(c.ClosedAt),
			FeeCents: c.FeeCents, PaidCents: c.PaidCents},
		Applicant: ExportApplicant{Name: c.Name, Email: c.Email, AccountID: c.ApplicantID},
		Answers:   exportAnswers(answers, files),
		Labelled:  []ExportAnswer{},
		Files:     []ExportFile{},
		History:   []ExportHistory{},
		Payments:  []ExportPayment{},
	}
	var rows []form.SummaryRow
	if f != nil {
		rows = f.Summary(answers, "de")
	}
	for _, r := range rows {
		typ := ""
		if q, _ := f.Question(r.QuestionID); q != nil {
			typ = q.Type
		}
		e.Labelled = append(e.Labelled, ExportAnswer{Page: r.PageID, PageTitle: r.PageTitle,
			Question: r.QuestionID, Type: typ, Label: r.Label, Value: r.Value})
	}
	for _, fl := range files {
		e.Files = append(e.Files, ExportFile{ID: fl.ID, Kind: fl.Kind, Question: fl.Question,
			Name: fl.Name, ContentType: fl.ContentType, Size: fl.Size, SHA256: fl.SHA256,
			CreatedAt: exportTime(fl.CreatedAt), Href: ExportFileHref(c.ID, fl.ID)})
	}
	for _, h := range history {
		e.History = append(e.History, ExportHistory{At: exportTime(h.At), Action: h.Action,
			FromState: h.FromState, ToState: h.ToState, Note: h.Note, ActorID: h.ActorID})
	}
	for _, p := range payments {
		e.Payments = append(e.Payments, ExportPayment{ID: p.ID, Cents: p.Cents, Source: p.Source,
			EntryRef: p.EntryRef, Debtor: p.Debtor, Text: p.Text,
			BookedAt: exportTime(p.BookedAt), At: exportTime(p.At)})
	}
	return e
}

// exportAnswers copies answers, replacing the file store's key of each
// file (which the export never shows) by the ID of the case's file with
// that key, or "" when there is none.
func exportAnswers(answers form.Answers, files []File) form.Answers {
	out := make(form.Answers, len(answers))
	for id, v := range answers {
		if len(v.Files) > 0 {
			refs := make([]form.FileRef, len(v.Files))
			for i, ref := range v.Files {
				ref.ID = exportFileID(ref.ID, files)
				refs[i] = ref
			}
			v.Files = refs
		}
		out[id] = v
	}
	return out
}

func exportFileID(key string, files []File) string {
	for _, f := range files {
		if f.Key == key && key != "" {
			return strconv.FormatInt(f.ID, 10)
		}
	}
	return ""
}

// ExportFileHref is the API path of a case's file, relative to the
// site's address.
func ExportFileHref(caseID, fileID int64) string {
	return "/api/v1/cases/" + strconv.FormatInt(caseID, 10) + "/files/" + strconv.FormatInt(fileID, 10)
}

// exportTime writes t as RFC 3339 in UTC; "" for the zero time.
func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func exportTimePtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := exportTime(*t)
	return &s
}
