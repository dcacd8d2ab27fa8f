package participation

import "time"

// Idea statuses: the public answer's state.
const (
	StatusReceived   = "received"    // new, nobody answered yet
	StatusReview     = "review"      // under review
	StatusPlanned    = "planned"     // the city will do it
	StatusInProgress = "in_progress" // being done
	StatusDone       = "done"
	StatusRejected   = "rejected" // not possible; the answer gives the reason
)

// Statuses lists the statuses in display order.
var Statuses = []string{StatusReceived, StatusReview, StatusPlanned, StatusInProgress, StatusDone, StatusRejected}

// Moderation states of a contribution (idea or comment).
const (
	Pending   = "pending"   // waits for a moderator (pre-moderation, or flagged)
	Published = "published" // visible
	Hidden    = "hidden"    // hidden by a moderator, with a public reason
	Merged    = "merged"    // an idea merged into another (MergedInto)
)

// Moderation modes of a space.
const (
	PreModeration  = "pre"  // contributions appear after a moderator's approval
	PostModeration = "post" // contributions appear at once; reports go to moderators
)

// Phases of a participation process.
const (
	PhaseInformation  = "information"  // the topic is explained; nothing to do yet
	PhaseCollecting   = "collecting"   // ideas are proposed, supported and discussed
	PhasePrioritising = "prioritising" // each person gives a limited number of votes
	PhaseResults      = "results"      // results are published
)

// Phases lists the phase kinds in order.
var Phases = []string{PhaseInformation, PhaseCollecting, PhasePrioritising, PhaseResults}

// Space is where ideas are collected: the permanent "ideas and wishes"
// space, or a participation process with phases.
type Space struct {
	ID          int64
	Slug        string
	Title       string
	TitleEN     string
	Description string
	OrgID       *int64 // responsible unit: its staff answer and moderate
	Moderation  string // PreModeration or PostModeration
	// SupportThreshold: an idea with this many supports gets an official
	// answer within AnswerDays (0: no threshold).
	SupportThreshold int
	AnswerDays       int
	// Phases, when set, make the space a process; empty: always collecting.
	Phases []Phase
	// VotesPerPerson is the number of votes in the prioritising phase.
	VotesPerPerson int
	Categories     []string
	CreatedAt      time.Time
}

// Phase is one step of a process, from From (inclusive) to To (exclusive).
type Phase struct {
	Kind string    `json:"kind"`
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	Note string    `json:"note,omitempty"` // what happens in it, shown publicly
}

// Place is where an idea is about, optional.
type Place struct {
	Label string   `json:"label"`
	Lat   *float64 `json:"lat,omitempty"`
	Lon   *float64 `json:"lon,omitempty"`
}

// Idea is one proposal.
type Idea struct {
	ID         int64
	SpaceID    int64
	Title      string
	Body       string
	Category   string
	ServiceID  *int64 // the service it concerns, optional
	Place      *Place
	AuthorID   *int64 // nil after the author's account was deleted
	AuthorName string // the public pseudonym at the time of writing
	Status     string
	Answer     string // the current public answer
	Moderation string // Pending, Published, Hidden or Merged
	// HiddenReason is shown publicly instead of a hidden idea.
	HiddenReason string
	MergedInto   *int64
	Supports     int
	Comments     int
	Votes        int
	// ThresholdAt is when the supports reached the space's threshold;
	// AnswerDue when the official answer is due; AnsweredAt when staff
	// first answered after that (nil: not yet).
	ThresholdAt *time.Time
	AnswerDue   *time.Time
	AnsweredAt  *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Version increases with every change by staff (optimistic locking).
	Version int
}

// StatusChange is one entry of an idea's public timeline.
type StatusChange struct {
	ID      int64
	IdeaID  int64
	From    string
	To      string
	Answer  string
	ActorID *int64 // staff; never shown publicly, the unit is
	At      time.Time
}

// Comment is a reply to an idea or to another comment.
type Comment struct {
	ID           int64
	IdeaID       int64
	ParentID     *int64
	AuthorID     *int64
	AuthorName   string
	Official     bool // written by staff for the responsible unit
	Body         string
	Moderation   string
	HiddenReason string
	CreatedAt    time.Time
}

// Report is a flag on an idea or a comment, by a person or automatic.
type Report struct {
	ID         int64
	Target     string // "idea" or "comment"
	TargetID   int64
	ReporterID *int64 // nil for automatic flags
	Reason     string // "offensive", "spam", "personal_data", "off_topic", "other"; automatic: "auto:<rule>"
	Note       string
	At         time.Time
	ResolvedAt *time.Time
	ResolvedBy *int64
	Outcome    string // "kept", "hidden"
}

// Profile is a person's public face: the pseudonym shown with their
// contributions.
type Profile struct {
	UserID    int64
	Pseudonym string
	UpdatedAt time.Time
}

// Targets of reports.
const (
	TargetIdea    = "idea"
	TargetComment = "comment"
)
