package cases

import (
	"context"
	"encoding/json"
	"time"

	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Submission is what CreateCase writes in one transaction: the case, the
// answers as filled (JSON of the form package's answers), the references
// of its files (already stored by the file store under their keys) and
// the effects. Either all of it exists afterwards or none of it.
type Submission struct {
	Case    *Case
	Answers json.RawMessage
	Files   []File
	// IdempotencyKey is chosen by the client for one submission (a hidden
	// form field, an API header): a second submission with the same key
	// by the same applicant returns the first case instead of a new one.
	IdempotencyKey string
	// AccessHash is the SHA-256 of the secret link of a case submitted
	// without an account; nil with an account.
	AccessHash []byte
	// Prefix of the reference, e.g. "JENA"; the store appends the year of
	// SubmittedAt and the next number of that year.
	Prefix string
	// DraftID is deleted in the same transaction, when set.
	DraftID int64
	// Effects returns what to write with the case once it has its ID and
	// reference (the confirmation mail names the reference); nil: none.
	Effects func(*Case) Effects
}

// File is a stored file that belongs to a case: an attachment, the
// receipt, a decision or a message attachment.
type File struct {
	ID          int64
	CaseID      int64
	MessageID   *int64
	Kind        string // "attachment", "receipt", "decision", "message"
	Question    string // the form question an attachment answers
	Key         string // the file store's key
	Name        string // as uploaded, for display only
	ContentType string // sniffed from the content
	Size        int64
	SHA256      string
	CreatedAt   time.Time
}

// HistoryEntry is a step of a case as the citizen and staff see it.
type HistoryEntry struct {
	ID        int64
	CaseID    int64
	At        time.Time
	Action    string // the transition, "submitted", or "assigned"
	FromState string
	ToState   string
	Note      string // shown to the citizen (requests, reasons)
	ActorID   *int64 // staff account; nil for the citizen or the system
}

// Note is an internal note staff keep on a case; citizens never see it.
type Note struct {
	ID       int64
	CaseID   int64
	AuthorID int64
	Body     string
	At       time.Time
}

// Message is one message in a case's mailbox, either way.
type Message struct {
	ID        int64
	CaseID    int64
	FromStaff bool
	AuthorID  *int64 // staff account, or the citizen's account if any
	Body      string
	Files     []File
	At        time.Time
	ReadAt    *time.Time // when the other side first read it
}

// Draft is an application saved to be finished later, in an account or
// behind a secret link.
type Draft struct {
	ID          int64
	UserID      *int64
	AccessHash  []byte
	ServiceID   int64
	FormVersion int
	Answers     json.RawMessage
	PageID      string // where the citizen stopped
	UpdatedAt   time.Time
	ExpiresAt   time.Time
	// Campaign is the code of the promotion campaign the application came
	// from ("" none); stored when the draft is created, never changed.
	Campaign string
	// FunnelMonth is the month ("2006-01", Europe/Berlin) the draft was
	// counted as a started application; "" when it is not counted.
	FunnelMonth string
	// Reached is how far the application got: the index in the form's
	// pages of the furthest page it stopped at (the pages before it were
	// passed). The store keeps the largest value.
	Reached int
	// Progress, when set, moves the form funnel on with this save: a new
	// draft counts as started, and each passed page counts once per
	// draft. Not stored; nil counts nothing.
	Progress *Progress
}

// Progress is how far an application is, for the form funnel: the pages
// of the applicant's path passed so far and the index in the form's
// pages of the page they are on now (len(pages) at the check page).
type Progress struct {
	Passed  []PagePassed
	Reached int
}

// PagePassed names a form page by its ID and index in the form's pages.
type PagePassed struct {
	ID    string
	Index int
}

// Effects are written in the same transaction as the change they belong
// to: mails (the outbox), jobs (e.g. delivery to a specialist system) and
// process events.
type Effects struct {
	Mails  []mail.Message
	Jobs   []jobs.Job
	Events []processlog.Event
	// Files are case files written with the change (a decision document
	// with the decision); their CaseID is set by the store, IDs are set.
	Files []File
}

// Payment is one incoming payment booked against a case: from a bank
// statement (camt.053) or an e-payment provider.
type Payment struct {
	ID     int64
	CaseID int64
	Cents  int64
	// Source and EntryRef identify the payment at its source ("camt:<IBAN>"
	// and the bank's entry reference, or the provider's name and its
	// transaction id); a second import of the same payment is ignored.
	Source   string
	EntryRef string
	Debtor   string // payer's name as the bank gave it
	Text     string // remittance information
	BookedAt time.Time
	At       time.Time // when it was recorded here
}

// Filter selects cases for queues, the citizen's overview and exports.
type Filter struct {
	OrgIDs      []int64 // any of these units (a worker's units and below)
	ApplicantID *int64
	AssigneeID  *int64
	Unassigned  bool
	ServiceID   int64
	States      []string
	Channel     string
	DueBefore   *time.Time // deadline before this
	Unpaid      bool       // fee above what was paid
	From, To    *time.Time // submitted in [From, To)
	// ClosedBefore selects cases closed before this time.
	ClosedBefore *time.Time
	Reference    string // exact
	Query        string // in reference or applicant name, case-insensitive
	Limit        int
	Offset       int
}

// Store keeps cases and everything around them.
type Store interface {
	// CreateCase writes a submission in one transaction, setting Case.ID,
	// Case.Reference and the files' IDs. When the applicant (account or,
	// without one, e-mail) already submitted with the same idempotency
	// key, it writes nothing and returns that case with created false.
	CreateCase(ctx context.Context, s *Submission) (existing *Case, created bool, err error)
	FindCase(ctx context.Context, id int64) (*Case, error)
	FindCaseByReference(ctx context.Context, ref string) (*Case, error)
	FindCaseByAccessHash(ctx context.Context, hash []byte) (*Case, error)
	// FindCases returns one page of matching cases, deadline first (cases
	// without a deadline last, then oldest submission first), and the
	// total number of matches.
	FindCases(ctx context.Context, f Filter) ([]*Case, int, error)
	CaseAnswers(ctx context.Context, caseID int64) (json.RawMessage, error)
	CaseFiles(ctx context.Context, caseID int64) ([]File, error)

	// UpdateCase writes c (state, assignee, deadline, fee, paid, closed)
	// if the stored version is c.Version-1, and sets the stored version to
	// c.Version; else Conflict ("error.cases.stale"). The history entry
	// (when not nil) and fx go in the same transaction.
	UpdateCase(ctx context.Context, c *Case, h *HistoryEntry, fx Effects) error
	History(ctx context.Context, caseID int64) ([]HistoryEntry, error)

	AddNote(ctx context.Context, n *Note) error
	Notes(ctx context.Context, caseID int64) ([]Note, error)

	// AddMessage writes a message with its files and fx in one
	// transaction.
	AddMessage(ctx context.Context, m *Message, fx Effects) error
	Messages(ctx context.Context, caseID int64) ([]Message, error)
	// MarkMessagesRead marks the messages of one side (fromStaff) of a
	// case read at at, if not read yet.
	MarkMessagesRead(ctx context.Context, caseID int64, fromStaff bool, at time.Time) error

	// AddPayment records p and adds its amount to the case's PaidCents,
	// with fx, in one transaction. A payment with the same Source and
	// EntryRef already recorded writes nothing and returns false.
	AddPayment(ctx context.Context, p *Payment, fx Effects) (bool, error)
	Payments(ctx context.Context, caseID int64) ([]Payment, error)

	// DeleteCase removes a case and everything that belongs to it, and
	// returns the file store keys of its files for the caller to delete.
	DeleteCase(ctx context.Context, id int64) ([]string, error)

	// AddUpload records an upload no case holds yet; StaleUploads lists
	// those stored before t that no case and no draft names;
	// DeleteUpload forgets one.
	AddUpload(ctx context.Context, key string, at time.Time) error
	StaleUploads(ctx context.Context, t time.Time, limit int) ([]string, error)
	DeleteUpload(ctx context.Context, key string) error

	SaveDraft(ctx context.Context, d *Draft) error // insert (ID 0) or update
	FindDraft(ctx context.Context, id int64) (*Draft, error)
	FindDraftByAccessHash(ctx context.Context, hash []byte) (*Draft, error)
	FindDrafts(ctx context.Context, userID int64) ([]*Draft, error)
	DeleteDraft(ctx context.Context, id int64) error
	// DeleteExpiredDrafts removes drafts whose ExpiresAt is before t.
	DeleteExpiredDrafts(ctx context.Context, t time.Time) (int64, error)
}
