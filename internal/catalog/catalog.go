// Package catalog holds the city's catalogue of services after FIM/XZuFi
// (what a citizen or company can do with the administration, with LeiKa
// keys), the offices that provide them, and the life situations that group
// them. Service texts are versioned: every change is a revision with author
// and time, published directly or after a second person's approval.
package catalog

import (
	"time"

	"rathaus/internal/hours"
)

// Target groups of a service.
const (
	TargetPeople    = "people"
	TargetCompanies = "companies"
)

// Service states.
const (
	StatusDraft     = "draft"     // created, never published; not public
	StatusPublished = "published" // public and searchable
	StatusArchived  = "archived"  // no longer offered; not public
)

// Service is one administrative service as the catalogue publishes it.
type Service struct {
	ID         int64
	Source     string // where it came from: "" (written here), "dldb:muenchen", ...
	ExternalID string // the source's own id; unique per Source
	Status     string
	Version    int // number of the published revision, 0 before the first
	Content
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Content is the editable part of a service; revisions carry one each.
// JSON names are those of rathaus' own exchange format.
type Content struct {
	LeiKa          []string     `json:"leika,omitempty"` // 14-digit LeiKa keys
	Name           string       `json:"name"`
	Summary        string       `json:"summary,omitempty"`     // one or two sentences
	Description    string       `json:"description,omitempty"` // plain text, paragraphs separated by blank lines
	Prerequisites  []string     `json:"prerequisites,omitempty"`
	Documents      []string     `json:"documents,omitempty"` // what to bring or upload
	Fees           []Fee        `json:"fees,omitempty"`
	FeesText       string       `json:"fees_text,omitempty"`
	Deadlines      string       `json:"deadlines,omitempty"`
	ProcessingTime string       `json:"processing_time,omitempty"`
	LegalBases     []LegalBasis `json:"legal_bases,omitempty"`
	OrgID          *int64       `json:"org_id,omitempty"`    // responsible organisation unit
	Authority      string       `json:"authority,omitempty"` // responsible authority by name, for imported services without an org
	OfficeIDs      []int64      `json:"office_ids,omitempty"`
	Links          []Link       `json:"links,omitempty"`
	Keywords       []string     `json:"keywords,omitempty"`        // terms and colloquial synonyms citizens use
	LifeSituations []string     `json:"life_situations,omitempty"` // slugs
	TargetGroups   []string     `json:"target_groups,omitempty"`
	OZGLevel       int          `json:"ozg_level"`                  // OZG maturity 0-4
	OnlineURL      string       `json:"online_url,omitempty"`       // online application, when there is one
	AppointmentURL string       `json:"appointment_url,omitempty"`  // appointment booking, when there is one
	EasyLanguage   string       `json:"easy_language,omitempty"`    // short explanation in Leichte Sprache
	Duration       int          `json:"duration_minutes,omitempty"` // typical time at the counter
}

// Fee is one structured fee. Amounts are in euro cents; MaxCents > 0 makes
// it a range ("from Cents to MaxCents").
type Fee struct {
	Label    string `json:"label"`
	Cents    int64  `json:"cents"`
	MaxCents int64  `json:"max_cents,omitempty"`
	Note     string `json:"note,omitempty"`
}

// LegalBasis cites a norm, with a link to its text where one exists.
type LegalBasis struct {
	Citation string `json:"citation"` // e.g. "§ 17 Bundesmeldegesetz (BMG)"
	URL      string `json:"url,omitempty"`
}

// Link kinds.
const (
	LinkForm = "form" // a form to download or fill in
	LinkInfo = "info" // further information
)

// Link is a form or further information.
type Link struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Office is a place where services are provided.
type Office struct {
	ID            int64
	Source        string
	ExternalID    string
	Name          string
	OrgID         *int64
	Authority     string // organisation by name, for imported offices
	Address       Address
	Lat, Lon      *float64 // WGS84
	Phone         string
	Email         string
	Website       string
	Hours         hours.Hours
	Accessibility Accessibility
	ServiceIDs    []int64 // read-only: the published services that name this office
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Address is a postal address.
type Address struct {
	Street     string `json:"street"`
	HouseNo    string `json:"house_number,omitempty"`
	PostalCode string `json:"postal_code"`
	City       string `json:"city"`
	Hint       string `json:"hint,omitempty"` // e.g. "Eingang Löbdergraben, 2. Etage"
}

// Accessibility describes how the building can be reached.
type Accessibility struct {
	StepFree        bool   `json:"step_free"`        // entrance without steps, or a ramp
	Lift            bool   `json:"lift"`             // lift to all public floors
	AccessibleWC    bool   `json:"accessible_wc"`    // toilet for wheelchair users
	HearingLoop     bool   `json:"hearing_loop"`     // induction loop at the counter
	DisabledParking bool   `json:"disabled_parking"` // parking for disabled people nearby
	Note            string `json:"note,omitempty"`
}

// Known reports whether anything is known about the building. Imported
// offices (DLDB exports carry no such data) know nothing, and "no lift"
// must not be claimed for a building nobody described.
func (a Accessibility) Known() bool { return a != Accessibility{} }

// LifeSituation groups services around an event in life ("Umzug", "Geburt").
type LifeSituation struct {
	ID          int64
	Slug        string
	Name        string
	Description string
	Position    int // display order
}

// Revision states.
const (
	RevisionPending    = "pending"    // waits for a second person
	RevisionPublished  = "published"  // the service's current text
	RevisionSuperseded = "superseded" // was published, replaced by a later one
	RevisionRejected   = "rejected"
)

// Revision is one version of a service's content, kept forever as its
// history.
type Revision struct {
	ID         int64
	ServiceID  int64
	Number     int // 1, 2, ... per service
	Content    Content
	AuthorID   *int64 // nil for imports
	Origin     string // "editor", "import", "demo"
	Comment    string // the author's summary of the change
	State      string
	ReviewerID *int64
	ReviewNote string
	ReviewedAt *time.Time
	CreatedAt  time.Time
}

// SearchMiss is a search that found nothing, optionally with what the
// citizen says was missing. It holds no personal data.
type SearchMiss struct {
	ID        int64
	Query     string
	Message   string
	CreatedAt time.Time
}
