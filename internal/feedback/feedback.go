// Package feedback holds what citizens tell the city about its services:
// "Was this page helpful?" on a service page (yes or no, then an optional
// comment) and one satisfaction answer ("How satisfied were you?", five
// points, an optional comment) after an application, an appointment or a
// report. Owners of a service see the figures and comments of their
// services; comments are free text and never public. Page feedback is
// anonymous: only a keyed hash of the client address is kept, to limit
// the rate and to count one answer per client, page and day. Everything
// is deleted after Retention.
package feedback

import (
	"context"
	"strconv"
	"time"

	"rathaus/internal/processlog"
)

// Kinds of subjects a satisfaction answer is about.
const (
	KindCase        = "case"        // an online application
	KindAppointment = "appointment" // a booked appointment
	KindReport      = "report"      // a report of a problem in town
)

// Kinds lists the subject kinds in display order.
var Kinds = []string{KindCase, KindAppointment, KindReport}

// Rating bounds: 1 is very dissatisfied, 5 very satisfied.
const (
	MinRating = 1
	MaxRating = 5
)

// MaxComment is the longest comment in characters.
const MaxComment = 1000

// Process is the process name of satisfaction events in the process log.
const Process = "feedback"

// Subject is what a satisfaction answer is about.
type Subject struct {
	Kind string
	ID   int64
}

// String is the subject as "kind:id", the case ID of its events.
func (s Subject) String() string { return s.Kind + ":" + strconv.FormatInt(s.ID, 10) }

// Helpful is one answer to "Was this page helpful?".
type Helpful struct {
	ID         int64
	ServiceID  int64
	Helpful    bool
	Comment    string
	ClientHash string // keyed hash of the client address; never the address
	Day        string // the city's calendar day of the answer, "2006-01-02"
	At         time.Time
}

// Satisfaction is the one answer about a subject; a second answer
// replaces the first.
type Satisfaction struct {
	ID        int64
	Subject   Subject
	ServiceID int64  // the service it was about, 0 when none
	OrgID     *int64 // the responsible unit, when known
	Rating    int
	Comment   string
	At        time.Time // first answer
	UpdatedAt time.Time // last change
}

// Filter selects feedback of services in a period.
type Filter struct {
	ServiceIDs []int64   // empty: all services
	From       time.Time // inclusive; zero for no bound
	To         time.Time // exclusive; zero for no bound
	Limit      int       // comments only; 0 for the store's default
}

// HelpfulCount is the helpful answers of one service.
type HelpfulCount struct {
	ServiceID int64
	Yes, No   int
}

// RatingCount is how often a service got one rating.
type RatingCount struct {
	ServiceID int64
	Rating    int
	Count     int
}

// Comment is a comment of either kind, for the service owner.
type Comment struct {
	ServiceID int64
	Kind      string // "page" for page feedback, else the subject kind
	Helpful   *bool  // page feedback: the answer
	Rating    int    // satisfaction: the rating
	Text      string
	At        time.Time
}

// KindPage marks comments on page feedback.
const KindPage = "page"

// Store keeps feedback.
type Store interface {
	// AddHelpful stores h (setting ID) unless the same client already
	// answered for the same service on h.Day; then it stores nothing and
	// reports false.
	AddHelpful(ctx context.Context, h *Helpful) (bool, error)
	// CountHelpfulSince counts the page answers of a client since t.
	CountHelpfulSince(ctx context.Context, clientHash string, t time.Time) (int, error)
	// FindHelpful returns a page answer; NotFound when missing.
	FindHelpful(ctx context.Context, id int64) (*Helpful, error)
	// SetHelpfulComment sets the comment of a page answer that has none
	// yet and was given by clientHash; Conflict "error.feedback.comment_done" otherwise.
	SetHelpfulComment(ctx context.Context, id int64, clientHash, comment string) error

	// SaveSatisfaction inserts the answer about s.Subject or replaces
	// its rating and comment (setting ID, At and UpdatedAt from the
	// stored row), and appends ev to the process log in the same
	// transaction. It reports whether an earlier answer was changed.
	SaveSatisfaction(ctx context.Context, s *Satisfaction, ev processlog.Event) (bool, error)
	// FindSatisfaction returns the answer about a subject; NotFound when none.
	FindSatisfaction(ctx context.Context, subj Subject) (*Satisfaction, error)

	// HelpfulCounts counts page answers per service (by At).
	HelpfulCounts(ctx context.Context, f Filter) ([]HelpfulCount, error)
	// RatingCounts counts satisfaction ratings per service (by UpdatedAt).
	RatingCounts(ctx context.Context, f Filter) ([]RatingCount, error)
	// Comments lists the comments of both kinds, newest first.
	Comments(ctx context.Context, f Filter) ([]Comment, error)
	// DeleteFeedbackBefore deletes page answers and satisfaction answers
	// last changed before t, reporting how many.
	DeleteFeedbackBefore(ctx context.Context, t time.Time) (int64, error)
}
