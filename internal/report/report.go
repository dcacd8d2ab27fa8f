// Package report holds citizens' defect reports ("Mängelmelder"): illegal
// dumping, a broken street light, a pothole, a traffic-light defect. It
// keeps the category tree per organisation (the shape Open311 GeoReport
// v2 service definitions need), the reports with their location, photos
// and reporter, the status rules, merging duplicates, routing by category
// and area, staff corrections, statistics and the Store contract. No
// HTTP, no SQL.
package report

import (
	"fmt"
	"time"
)

// Status is where a report stands.
type Status string

// The statuses. Received and in progress are open (Open311 "open"); the
// rest are closed.
const (
	StatusReceived       Status = "received"
	StatusInProgress     Status = "in_progress"
	StatusDone           Status = "done"
	StatusNotResponsible Status = "not_responsible" // with ForwardedTo
	StatusMerged         Status = "merged"          // a duplicate, see DuplicateOf
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusReceived, StatusInProgress, StatusDone, StatusNotResponsible, StatusMerged}

// Open reports whether the report still waits for the city.
func (s Status) Open() bool { return s == StatusReceived || s == StatusInProgress }

// Open311 is the GeoReport v2 status: "open" or "closed".
func (s Status) Open311() string {
	if s.Open() {
		return "open"
	}
	return "closed"
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Sources of a report.
const (
	SourceWeb     = "web"
	SourceOpen311 = "open311"
	SourceStaff   = "staff" // taken by phone or at the counter
)

// Location is where the defect is: WGS 84 coordinates and/or an address.
type Location struct {
	Lat, Long *float64 // both or neither
	Address   string   // address_string
	AddressID string   // address_id of the city's address register
	Zipcode   string
	AreaID    string // district or area of the city's GeoJSON areas; set by the service
}

// HasPoint reports whether the location has coordinates.
func (l Location) HasPoint() bool { return l.Lat != nil && l.Long != nil }

// Photo is a stored picture of a report. Photos are shown to the public
// only after staff blurred faces and number plates and approved it.
type Photo struct {
	ID          int64
	Key         string // file store key
	ContentType string
	Size        int64
	Width       int
	Height      int
	Public      bool
}

// Contact is the reporter: personal data, never public, deleted after
// the retention period once the report is closed.
type Contact struct {
	Email     string
	Name      string
	Phone     string
	AccountID *int64
}

// Empty reports whether no contact data is left.
func (c Contact) Empty() bool {
	return c.Email == "" && c.Name == "" && c.Phone == "" && c.AccountID == nil
}

// Suggestion is the category the Suggester proposed for the text.
type Suggestion struct {
	Code       string
	Confidence float64
}

// Report is one citizen's report.
type Report struct {
	ID          int64
	Reference   string // public, e.g. "M-2026-00042"
	OrgID       int64  // the organisation (jurisdiction) whose categories it uses
	CategoryID  int64
	Location    Location
	Description string
	// Answers to the category's attributes by attribute code; a list
	// answer has several values.
	Answers  map[string][]string
	Photos   []Photo
	Contact  Contact
	DeviceID string
	Status   Status
	// ForwardedTo names who is responsible instead (not_responsible).
	ForwardedTo    string
	UnitID         *int64 // the responsible unit
	DuplicateOf    *int64 // the report this one was merged into
	Supporters     int    // "me too", including merged duplicates
	PersonalHidden bool   // staff hid personal data the text or photos gave away
	Suggested      Suggestion
	Source         string // web, open311, staff
	ClientID       string // the Open311 client (API key's application), if any
	Token          string // for asynchronous creation (Open311 token), if any
	RequestedAt    time.Time
	UpdatedAt      time.Time
	ExpectedAt     *time.Time
	FirstAnswerAt  *time.Time // first public status change or note
	ClosedAt       *time.Time
	Version        int
}

// Reference formats the public reference of the n-th report of a year.
func Reference(year, n int) string { return fmt.Sprintf("M-%d-%05d", year, n) }

// Note is a public status note (the report's history the reporter and the
// public see) or an internal note for staff.
type Note struct {
	ID       int64
	ReportID int64
	Public   bool
	Status   Status // the status the note came with
	Text     string
	AuthorID *int64
	At       time.Time
}

// Correction records that staff changed the category or unit from what to
// what; the AI routing learns from them.
type Correction struct {
	ID       int64
	ReportID int64
	Field    string // "category" (codes) or "unit" (unit IDs)
	From, To string
	StaffID  *int64
	At       time.Time
}

// The corrected fields.
const (
	FieldCategory = "category"
	FieldUnit     = "unit"
)
