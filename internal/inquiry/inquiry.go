// Package inquiry holds messages to the city ("Anliegen"): free text from
// the contact form, from the assistant's handover to a human and from
// ideas. Each message gets a suggested responsible unit and category from
// a model trained on the published catalogue and on staff's corrections
// (Router); a confident suggestion puts it straight into that unit's
// queue, anything else into the triage queue of the citizens' service
// office. Staff assign (which teaches the model), reply by e-mail through
// the mail outbox, and close; closed messages are deleted after the
// retention period. It is pure domain code: no HTTP, no SQL.
//
// Privacy: a message keeps only what is needed to answer it — the text,
// an optional name and e-mail address or the signed-in account. Staff
// reading a message is recorded in the audit log. A correction keeps the
// message's text with the final unit and category as training data, never
// the contact; it outlives the message (the text is what the model
// learns from), so staff should not correct messages whose text is
// mostly personal data.
package inquiry

import (
	"context"
	"fmt"
	"time"

	"rathaus/internal/mail"
)

// Statuses of a message, in order.
const (
	StatusTriage   = "triage"   // waits for the service office to assign it
	StatusOpen     = "open"     // in a unit's queue
	StatusAnswered = "answered" // staff replied
	StatusClosed   = "closed"   // done; deleted after the retention period
)

// Statuses lists the statuses in order.
var Statuses = []string{StatusTriage, StatusOpen, StatusAnswered, StatusClosed}

// Sources of a message.
const (
	SourceForm      = "form"      // the contact form /anliegen or the API
	SourceAssistant = "assistant" // a conversation handed over by the assistant
	SourceIdea      = "idea"      // an idea from participation
)

// Limits of the input.
const (
	MaxSubject = 200
	MaxBody    = 5000
	MaxName    = 200
	MaxReply   = 10000
	// MaxHandover bounds an assistant's transcript; longer ones are cut
	// from the start (the last turns matter most).
	MaxHandover = 20000
)

// Suggestion is what the model proposes for a message.
type Suggestion struct {
	OrgID      *int64
	Category   string
	Confidence float64  // probability of the suggested unit, 0..1
	Because    []string // the words that weighed most, for "because of: Hund, Steuer"
}

// Inquiry is one message to the city.
type Inquiry struct {
	ID        int64
	Reference string // human-readable, e.g. "A-2026-000123"
	Subject   string // optional
	Body      string
	Lang      string // of the citizen, for the reply mail
	Source    string
	// Contact: optional name and e-mail address, or the signed-in account.
	Name   string
	Email  string
	UserID *int64
	// ServiceIDs are catalogue services the message concerns (from the
	// assistant's conversation).
	ServiceIDs []int64
	Suggested  Suggestion
	// OrgID is the unit whose queue holds the message (in triage: the
	// service office, nil when the office is not configured); Category
	// the assigned category (a life situation's slug, "" for none).
	OrgID     *int64
	Category  string
	Status    string
	CreatedAt time.Time
	UpdatedAt time.Time
	ClosedAt  *time.Time
	// Version increases with every change (optimistic locking).
	Version int
}

// Text is what the model reads of a message: subject and body.
func (q *Inquiry) Text() string {
	if q.Subject == "" {
		return q.Body
	}
	return q.Subject + "\n" + q.Body
}

// Reply is a staff member's answer, mailed to the citizen.
type Reply struct {
	ID        int64
	InquiryID int64
	Body      string
	AuthorID  *int64 // nil after the account was deleted
	Role      string // the author's role, e.g. "case_worker"
	At        time.Time
}

// Correction is a staff member's routing that differed from the
// suggestion: training data for the model. It keeps no contact data.
type Correction struct {
	ID       int64
	Text     string
	OrgID    int64
	Category string
	At       time.Time
}

// Filter selects messages, oldest first (a queue is worked in order).
type Filter struct {
	Statuses []string
	OrgIDs   []int64 // any of these units; empty: all
	Limit    int
	Offset   int
}

// Change is an update of a message with what goes with it, written in one
// transaction.
type Change struct {
	Reply      *Reply      // added, ID set
	Correction *Correction // added, ID set
	Mails      []mail.Message
}

// Store keeps messages, replies and corrections.
type Store interface {
	// CreateInquiry stores q with the next reference number of its
	// creation year; ID, Reference and Version (1) are set.
	CreateInquiry(ctx context.Context, q *Inquiry) error
	FindInquiry(ctx context.Context, id int64) (*Inquiry, error)
	FindInquiryByReference(ctx context.Context, ref string) (*Inquiry, error)
	// FindInquiries returns one page of the matches and their number.
	FindInquiries(ctx context.Context, f Filter) ([]*Inquiry, int, error)
	// UpdateInquiry writes q's routing, status and times when the stored
	// version is version, with ch, and sets q.Version to version+1;
	// Conflict when someone else changed it meanwhile.
	UpdateInquiry(ctx context.Context, q *Inquiry, version int, ch Change) error
	FindReplies(ctx context.Context, inquiryID int64) ([]*Reply, error)
	// FindCorrections returns every correction, oldest first.
	FindCorrections(ctx context.Context) ([]*Correction, error)
	// CorrectionsState changes whenever a correction is added or deleted:
	// their number and the largest ID.
	CorrectionsState(ctx context.Context) (n int, last int64, err error)
	// DeleteInquiriesClosedBefore deletes closed messages (and their
	// replies) closed before t and says how many.
	DeleteInquiriesClosedBefore(ctx context.Context, t time.Time) (int64, error)
}

// Reference formats a reference number: "A-2026-000123".
func Reference(year, n int) string { return fmt.Sprintf("A-%d-%06d", year, n) }
