package form

import (
	"context"
	"time"
)

// Info describes one stored form version, for lists.
type Info struct {
	ServiceID int64
	Version   int
	Status    string
	Title     Text
	UpdatedAt time.Time
	// Published is the highest published version (0: none); filled by
	// Forms only.
	Published int
}

// Store keeps every version of every service's form. A published version
// is never changed again: cases point at it.
type Store interface {
	// SaveForm inserts f as (ServiceID, Version) or replaces that version
	// while it is a draft; replacing a published version is a Conflict
	// ("error.form.published"). Publishing is saving with StatusPublished.
	SaveForm(ctx context.Context, f *Form) error
	// FindForm returns one version; NotFound when missing.
	FindForm(ctx context.Context, serviceID int64, version int) (*Form, error)
	// PublishedForm returns the highest published version of a service's
	// form; NotFound when none is published.
	PublishedForm(ctx context.Context, serviceID int64) (*Form, error)
	// LatestForm returns the highest version, draft or published;
	// NotFound when the service has no form.
	LatestForm(ctx context.Context, serviceID int64) (*Form, error)
	// FormVersions lists a service's versions, newest first.
	FormVersions(ctx context.Context, serviceID int64) ([]Info, error)
	// Forms lists the latest version of every service's form with its
	// highest published version, by service ID.
	Forms(ctx context.Context) ([]Info, error)
}
