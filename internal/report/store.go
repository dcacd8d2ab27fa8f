package report

import (
	"context"
	"time"

	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Orders of a report list.
const (
	OrderNewest     = "newest" // requested, newest first (default)
	OrderOldest     = "oldest"
	OrderUpdated    = "updated" // last change first
	OrderSupporters = "supporters"
)

// Filter selects reports. Zero fields do not filter.
type Filter struct {
	OrgID       int64
	Statuses    []Status
	CategoryIDs []int64
	UnitIDs     []int64 // nil: any; empty: none
	AreaID      string
	BBox        *BBox
	Query       string     // in the reference, description and address
	From, To    *time.Time // requested, To exclusive
	UpdatedFrom *time.Time // for update feeds
	Reference   string
	AccountID   *int64 // the reporter's account ("my reports")
	Order       string
	Limit       int // default 100, at most 1000
	Offset      int
}

// Change is what goes with an update of a report, in its transaction.
type Change struct {
	Notes       []*Note
	Corrections []*Correction
	Events      []processlog.Event // CaseID "" becomes the reference
	// Mails are queued in the outbox with the change (the reporter's
	// status mail), so a mail goes out exactly when the change commits.
	Mails []mail.Message
}

// Times are one report's figures for statistics: no personal data.
type Times struct {
	CategoryID    int64
	AreaID        string
	UnitID        int64 // the responsible unit; 0 for none
	Status        Status
	RequestedAt   time.Time
	FirstAnswerAt *time.Time
	ClosedAt      *time.Time
}

// StatsFilter selects the reports statistics count: requested in [From, To).
type StatsFilter struct {
	OrgID    int64
	From, To time.Time
}

// Store keeps categories and reports.
type Store interface {
	// CreateDefectCategory stores c and sets its ID; a code used twice in
	// one organisation is a Conflict.
	CreateDefectCategory(ctx context.Context, c *Category) error
	UpdateDefectCategory(ctx context.Context, c *Category) error
	FindDefectCategory(ctx context.Context, id int64) (*Category, error)
	// FindDefectCategories lists an organisation's categories, inactive
	// ones too, by group, position and German name.
	FindDefectCategories(ctx context.Context, orgID int64) ([]*Category, error)
	// SetDefectAreaRules replaces the organisation's area rules.
	SetDefectAreaRules(ctx context.Context, orgID int64, rules []AreaRule) error
	FindDefectAreaRules(ctx context.Context, orgID int64) ([]AreaRule, error)

	// CreateDefectReport stores r with its photos, the next reference of its
	// year, version 1 and the events, in one transaction.
	CreateDefectReport(ctx context.Context, r *Report, evs []processlog.Event) error
	FindDefectReport(ctx context.Context, id int64) (*Report, error)
	FindDefectReportByReference(ctx context.Context, ref string) (*Report, error)
	FindDefectReportByToken(ctx context.Context, token string) (*Report, error)
	// FindDefectReports returns one page of the matching reports and their number.
	FindDefectReports(ctx context.Context, f Filter) ([]*Report, int, error)
	// NearbyDefectReports returns the open, unmerged reports near a point,
	// nearest first.
	NearbyDefectReports(ctx context.Context, n Nearby) ([]*Report, error)
	// UpdateDefectReport writes r's category, location's area, status, routing,
	// flags and times at version (Conflict when it moved on), with ch.
	UpdateDefectReport(ctx context.Context, r *Report, version int, ch Change) error
	// SetDefectPhotoPublic publishes or withdraws one photo of a report.
	SetDefectPhotoPublic(ctx context.Context, reportID, photoID int64, public bool) error
	FindDefectNotes(ctx context.Context, reportID int64, publicOnly bool) ([]*Note, error)
	// FindDefectNotesFor returns the notes of many reports at once, oldest
	// first per report, keyed by report ID (reports without notes are
	// missing); only the public ones when publicOnly. For lists, where one
	// call per report would be a query per row.
	FindDefectNotesFor(ctx context.Context, reportIDs []int64, publicOnly bool) (map[int64][]*Note, error)
	FindDefectCorrections(ctx context.Context, reportID int64) ([]*Correction, error)
	// MergeDefectReports writes dup (status merged, DuplicateOf set) at
	// version, moves its supporters to the original (each once; the
	// duplicate's reporter counts as one) and returns the original's new
	// count, with ch, in one transaction.
	MergeDefectReports(ctx context.Context, dup *Report, version int, ch Change) (int, error)
	// SupportDefectReport counts supporter (an account or a device, hashed by
	// the caller) once for an open report; false when already counted.
	SupportDefectReport(ctx context.Context, reportID int64, supporter string, at time.Time, evs []processlog.Event) (bool, int, error)
	// DefectReportTimes returns the figures of the organisation's reports
	// requested in the range, merged ones left out.
	DefectReportTimes(ctx context.Context, f StatsFilter) ([]Times, error)
	// PurgeDefectContacts deletes the reporter's contact data and device
	// of reports closed before t; it returns how many it cleared.
	PurgeDefectContacts(ctx context.Context, closedBefore time.Time) (int64, error)
}
