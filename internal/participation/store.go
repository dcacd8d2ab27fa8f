package participation

import (
	"context"
	"time"

	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Effects are written in the same transaction as the change they belong
// to: mails to followers (the outbox) and process events.
type Effects struct {
	Mails  []mail.Message
	Events []processlog.Event
}

// Sort orders of idea lists.
const (
	SortNew      = "new"      // newest first (default)
	SortSupports = "supports" // most supported first
	SortComments = "comments" // most discussed first
	SortVotes    = "votes"    // most votes first (process results)
	SortDue      = "due"      // answer due soonest first
)

// IdeaFilter selects ideas.
type IdeaFilter struct {
	SpaceID    int64
	Statuses   []string
	Category   string
	ServiceID  int64
	AuthorID   *int64
	FollowerID *int64   // ideas this account follows
	Moderation []string // default: Published only
	Query      string   // in title or body, case-insensitive
	// AnswerOverdue selects ideas whose official answer was due before
	// this time and has not been given.
	AnswerOverdue *time.Time
	Sort          string
	Limit         int
	Offset        int
}

// ReportFilter selects reports, newest first.
type ReportFilter struct {
	SpaceID int64 // of the reported idea (or the comment's idea)
	Open    bool  // not resolved yet
	Limit   int
}

// Stats are a space's figures for the "what became of your ideas" page.
type Stats struct {
	Ideas            int            // published ideas (not merged or hidden)
	ByStatus         map[string]int // published ideas per status
	Supports         int            // all supports of published ideas
	Comments         int
	Due              int     // ideas over the threshold
	AnsweredInTime   int     // of those, answered by their due date
	AnsweredLate     int     // answered after it
	Overdue          int     // not answered and past due
	MedianAnswerDays float64 // from threshold to answer, of the answered
}

// Store keeps spaces, ideas and everything around them. Every method that
// changes counts (supports, comments, votes) does so in one transaction
// with the change, so counts stay exact under concurrent use by several
// instances.
type Store interface {
	CreateSpace(ctx context.Context, s *Space) error
	UpdateSpace(ctx context.Context, s *Space) error
	FindSpace(ctx context.Context, id int64) (*Space, error)
	FindSpaceBySlug(ctx context.Context, slug string) (*Space, error)
	FindSpaces(ctx context.Context) ([]*Space, error)

	// CreateIdea inserts i (setting ID) with fx; events without a CaseID
	// get EventCaseID of the new idea.
	CreateIdea(ctx context.Context, i *Idea, fx Effects) error
	FindIdea(ctx context.Context, id int64) (*Idea, error)
	// FindIdeas returns one page of matching ideas and the total.
	FindIdeas(ctx context.Context, f IdeaFilter) ([]*Idea, int, error)

	// Support records userID's support of an idea once. It returns the
	// idea afterwards and whether the support was new; a repeated support
	// changes nothing. When the supports reach the space's threshold for
	// the first time, ThresholdAt and AnswerDue (at + the space's
	// AnswerDays) are set in the same transaction, and fx (called with the
	// idea afterwards, only when the support was new) is written with it.
	Support(ctx context.Context, ideaID, userID int64, at time.Time, fx func(*Idea) Effects) (*Idea, bool, error)
	// Unsupport takes a support back; false when there was none.
	Unsupport(ctx context.Context, ideaID, userID int64) (*Idea, bool, error)
	Supported(ctx context.Context, ideaID, userID int64) (bool, error)

	// UpdateIdeaStatus writes i's Status, Answer, AnsweredAt and Version
	// if the stored version is i.Version-1 (else Conflict
	// "error.participation.stale"), with the timeline entry and fx.
	UpdateIdeaStatus(ctx context.Context, i *Idea, ch *StatusChange, fx Effects) error
	Timeline(ctx context.Context, ideaID int64) ([]StatusChange, error)

	// Moderate sets the moderation state (and public reason) of an idea
	// or comment, keeping the idea's comment count right, and resolves
	// the target's open reports with outcome, in one transaction.
	Moderate(ctx context.Context, target string, id int64, state, reason string, by *int64, outcome string, at time.Time, fx Effects) error
	// MergeIdeas merges idea from into idea into: supports move over
	// (a person who supported both counts once), comments and followers
	// move over, from becomes Merged with MergedInto set; counts are
	// recomputed; one transaction.
	MergeIdeas(ctx context.Context, from, into int64, at time.Time, fx Effects) error

	// AddComment inserts c (setting ID); a published comment counts on
	// its idea.
	AddComment(ctx context.Context, c *Comment, fx Effects) error
	FindComment(ctx context.Context, id int64) (*Comment, error)
	// FindComments lists an idea's comments in order of writing; with
	// all, also pending and hidden ones (for moderators).
	FindComments(ctx context.Context, ideaID int64, all bool) ([]*Comment, error)

	// Follow starts (on) or ends following an idea; idempotent.
	Follow(ctx context.Context, ideaID, userID int64, on bool) error
	Following(ctx context.Context, ideaID, userID int64) (bool, error)
	Followers(ctx context.Context, ideaID int64) ([]int64, error)

	AddReport(ctx context.Context, r *Report) error
	FindReports(ctx context.Context, f ReportFilter) ([]*Report, error)

	// Vote gives userID's vote to an idea in a space's prioritising
	// phase: once per idea, at most limit per space (Conflict
	// "error.participation.votes_used" beyond). It returns whether the
	// vote was new. Unvote takes one back.
	Vote(ctx context.Context, spaceID, ideaID, userID int64, limit int, at time.Time) (bool, error)
	Unvote(ctx context.Context, spaceID, ideaID, userID int64) (bool, error)
	VotesOf(ctx context.Context, spaceID, userID int64) ([]int64, error)

	SaveProfile(ctx context.Context, p *Profile) error
	// FindProfile returns NotFound when the account chose no pseudonym.
	FindProfile(ctx context.Context, userID int64) (*Profile, error)
	// PseudonymTaken reports whether another account uses the name
	// (compared case-insensitively).
	PseudonymTaken(ctx context.Context, name string, userID int64) (bool, error)

	// CountRecent counts an account's ideas and comments since t, for
	// flood limits.
	CountRecent(ctx context.Context, userID int64, since time.Time) (ideas, comments int, err error)
	SpaceStats(ctx context.Context, spaceID int64, now time.Time) (*Stats, error)
}
