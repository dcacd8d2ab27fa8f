package catalog

import "rathaus/internal/hours"

// BundleFormat identifies rathaus' own catalogue exchange format.
const BundleFormat = "rathaus-catalog/1"

// Bundle is rathaus' own exchange format for a catalogue (and the format
// of the demo catalogue). Services and offices refer to each other and to
// organisations by stable keys, never by database ids, so a bundle moves
// between installations. Importing a bundle updates what has the same
// Source and Key and never duplicates.
type Bundle struct {
	Format         string                `json:"format"` // BundleFormat
	Source         string                `json:"source"` // Source of every service and office in it, e.g. "jena"
	LifeSituations []BundleLifeSituation `json:"life_situations,omitempty"`
	Offices        []BundleOffice        `json:"offices,omitempty"`
	Services       []BundleService       `json:"services,omitempty"`
}

// BundleLifeSituation is a life situation in a bundle.
type BundleLifeSituation struct {
	Slug        string `json:"slug"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Position    int    `json:"position,omitempty"`
}

// BundleOffice is an office in a bundle; Key is its ExternalID.
type BundleOffice struct {
	Key           string        `json:"key"`
	Name          string        `json:"name"`
	Org           string        `json:"org,omitempty"` // organisation slug
	Authority     string        `json:"authority,omitempty"`
	Address       Address       `json:"address"`
	Lat           *float64      `json:"lat,omitempty"`
	Lon           *float64      `json:"lon,omitempty"`
	Phone         string        `json:"phone,omitempty"`
	Email         string        `json:"email,omitempty"`
	Website       string        `json:"website,omitempty"`
	Hours         hours.Hours   `json:"hours"`
	Accessibility Accessibility `json:"accessibility"`
}

// BundleService is a service in a bundle; Key is its ExternalID. Org and
// Offices name the organisation by slug and the offices by key; the
// embedded Content's OrgID and OfficeIDs are ignored on import and left
// empty on export.
type BundleService struct {
	Key     string   `json:"key"`
	Status  string   `json:"status,omitempty"` // default published
	Org     string   `json:"org,omitempty"`
	Offices []string `json:"offices,omitempty"`
	Content
}
