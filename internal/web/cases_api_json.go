package web

import (
	"net/http"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/form"
)

// JSON shapes of the application API; openapi.json names them (CaseItem,
// CaseDetail, StaffCase, …). Times are RFC 3339 in UTC.

// apiCaseItemJSON is a case in a list: the citizen's cases, the queue.
type apiCaseItemJSON struct {
	ID          int64      `json:"id"`
	Reference   string     `json:"reference"`
	ServiceID   int64      `json:"service_id"`
	ServiceName string     `json:"service_name"`
	State       string     `json:"state"`
	StateLabel  string     `json:"state_label"`
	StateKind   string     `json:"state_kind"`
	Version     int        `json:"version"`
	SubmittedAt time.Time  `json:"submitted_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	Deadline    *time.Time `json:"deadline"`
	ClosedAt    *time.Time `json:"closed_at"`
	FeeCents    int64      `json:"fee_cents"`
	PaidCents   int64      `json:"paid_cents"`
}

// apiStaffItemJSON is a case in the staff queue: the item plus bookkeeping.
type apiStaffItemJSON struct {
	apiCaseItemJSON
	Due        string `json:"due"` // "", "ok", "soon", "overdue"
	Channel    string `json:"channel"`
	OrgID      *int64 `json:"org_id"`
	AssigneeID *int64 `json:"assignee_id"`
	Name       string `json:"applicant_name"`
}

type apiHistoryJSON struct {
	At         time.Time `json:"at"`
	Action     string    `json:"action"`
	FromState  string    `json:"from_state"`
	ToState    string    `json:"to_state"`
	StateLabel string    `json:"state_label"` // of ToState
	Note       string    `json:"note"`
}

type apiFileJSON struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	Question    string    `json:"question,omitempty"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	CreatedAt   time.Time `json:"created_at"`
	Href        string    `json:"href"`
}

type apiPaymentJSON struct {
	ID       int64     `json:"id"`
	Cents    int64     `json:"cents"`
	BookedAt time.Time `json:"booked_at"`
}

type apiMessageJSON struct {
	ID        int64         `json:"id"`
	FromStaff bool          `json:"from_staff"`
	Body      string        `json:"body"`
	At        time.Time     `json:"at"`
	ReadAt    *time.Time    `json:"read_at"`
	Files     []apiFileJSON `json:"files"`
}

// apiBillJSON says how to pay what is left by bank transfer.
type apiBillJSON struct {
	Creditor    string `json:"creditor"`
	IBAN        string `json:"iban"`
	BIC         string `json:"bic"`
	Reference   string `json:"reference"`
	AmountCents int64  `json:"amount_cents"`
}

// apiCaseDetailJSON is the applicant's view of their case.
type apiCaseDetailJSON struct {
	apiCaseItemJSON
	Answers  form.Answers     `json:"answers"`
	History  []apiHistoryJSON `json:"history"`
	Files    []apiFileJSON    `json:"files"`
	Payments []apiPaymentJSON `json:"payments"`
	Messages []apiMessageJSON `json:"messages"`
	Bill     *apiBillJSON     `json:"bill"`
}

// apiActionJSON is a step possible from the case's state.
type apiActionJSON struct {
	Action    string `json:"action"`
	Label     string `json:"label"`
	NeedsNote bool   `json:"needs_note"`
}

type apiSummaryJSON struct {
	Page     string `json:"page"`
	Question string `json:"question"`
	Label    string `json:"label"`
	Value    string `json:"value"`
}

type apiNoteJSON struct {
	ID       int64     `json:"id"`
	AuthorID int64     `json:"author_id"`
	Body     string    `json:"body"`
	At       time.Time `json:"at"`
}

type apiApplicantJSON struct {
	Name      string `json:"name"`
	Email     string `json:"email"`
	AccountID *int64 `json:"account_id"`
}

// apiStaffCaseJSON is a case as the staff see it.
type apiStaffCaseJSON struct {
	apiStaffItemJSON
	Applicant apiApplicantJSON `json:"applicant"`
	Answers   form.Answers     `json:"answers"`
	Labelled  []apiSummaryJSON `json:"answers_labelled"`
	History   []apiHistoryJSON `json:"history"`
	Files     []apiFileJSON    `json:"files"`
	Payments  []apiPaymentJSON `json:"payments"`
	Messages  []apiMessageJSON `json:"messages"`
	Notes     []apiNoteJSON    `json:"notes"`
	Actions   []apiActionJSON  `json:"actions"`
}

// label picks the German or English label (German when there is none).
func apiLabel(r *http.Request, de, en string) string {
	if langOf(r) == "en" && en != "" {
		return en
	}
	return de
}

func apiStateLabel(r *http.Request, w *cases.Workflow, id string) string {
	st, ok := w.State(id)
	if !ok {
		return id
	}
	return apiLabel(r, st.LabelDE, st.LabelEN)
}

func apiCaseItem(r *http.Request, c *cases.Case, w *cases.Workflow, serviceName string) apiCaseItemJSON {
	st, _ := w.State(c.State)
	return apiCaseItemJSON{ID: c.ID, Reference: c.Reference, ServiceID: c.ServiceID, ServiceName: serviceName,
		State: c.State, StateLabel: apiStateLabel(r, w, c.State), StateKind: st.Kind, Version: c.Version,
		SubmittedAt: c.SubmittedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(), Deadline: apiUTC(c.Deadline),
		ClosedAt: apiUTC(c.ClosedAt), FeeCents: c.FeeCents, PaidCents: c.PaidCents}
}

func apiUTC(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func apiHistory(r *http.Request, w *cases.Workflow, hs []cases.HistoryEntry) []apiHistoryJSON {
	out := []apiHistoryJSON{}
	for _, h := range hs {
		out = append(out, apiHistoryJSON{At: h.At.UTC(), Action: h.Action, FromState: h.FromState, ToState: h.ToState,
			StateLabel: apiStateLabel(r, w, h.ToState), Note: h.Note})
	}
	return out
}

func apiFiles(fs []cases.File) []apiFileJSON {
	out := []apiFileJSON{}
	for _, f := range fs {
		out = append(out, apiFileJSON{ID: f.ID, Kind: f.Kind, Question: f.Question, Name: f.Name,
			ContentType: f.ContentType, Size: f.Size, CreatedAt: f.CreatedAt.UTC(),
			Href: cases.ExportFileHref(f.CaseID, f.ID)})
	}
	return out
}

// caseFiles are the case's own files: those of messages are listed with
// their message.
func apiCaseFiles(v *cases.View) []cases.File {
	var out []cases.File
	for _, f := range v.Files {
		if f.MessageID == nil && f.Kind != cases.FileMessage {
			f.CaseID = v.Case.ID
			out = append(out, f)
		}
	}
	return out
}

func apiPayments(ps []cases.Payment) []apiPaymentJSON {
	out := []apiPaymentJSON{}
	for _, p := range ps {
		out = append(out, apiPaymentJSON{ID: p.ID, Cents: p.Cents, BookedAt: p.BookedAt.UTC()})
	}
	return out
}

func apiMessages(caseID int64, ms []cases.Message) []apiMessageJSON {
	out := []apiMessageJSON{}
	for _, m := range ms {
		for i := range m.Files {
			m.Files[i].CaseID = caseID
		}
		out = append(out, apiMessageJSON{ID: m.ID, FromStaff: m.FromStaff, Body: m.Body, At: m.At.UTC(),
			ReadAt: apiUTC(m.ReadAt), Files: apiFiles(m.Files)})
	}
	return out
}

func apiActions(r *http.Request, ts []cases.Transition) []apiActionJSON {
	out := []apiActionJSON{}
	for _, t := range ts {
		out = append(out, apiActionJSON{Action: t.Action, Label: apiLabel(r, t.LabelDE, t.LabelEN), NeedsNote: t.NeedsNote})
	}
	return out
}

func apiAnswers(a form.Answers) form.Answers {
	if a == nil {
		return form.Answers{}
	}
	return a
}
