package catalog

import (
	"context"
	"time"
)

// ServiceFilter selects services. Zero fields do not filter.
type ServiceFilter struct {
	Status   string // e.g. StatusPublished
	OfficeID *int64 // services offered at this office
	Source   string
}

// RevisionFilter selects revisions, newest first.
type RevisionFilter struct {
	ServiceID *int64
	State     string
	Limit     int // 0: no limit
}

// OfficeFilter selects offices.
type OfficeFilter struct {
	ServiceID *int64 // offices that offer this (published) service
	Source    string
}

// Store keeps the catalogue. Writes that change what the public sees bump
// the catalogue version, which search indexes in every instance poll to
// know when to rebuild.
type Store interface {
	// CreateService adds a service together with its first revision
	// (rev.ServiceID and rev.Number are set by the store). When
	// rev.State is RevisionPublished the service is published with it.
	CreateService(ctx context.Context, s *Service, rev *Revision) error
	FindServiceByID(ctx context.Context, id int64) (*Service, error)
	FindServiceByExternalID(ctx context.Context, source, externalID string) (*Service, error)
	FindServices(ctx context.Context, f ServiceFilter) ([]*Service, error)
	// SetServiceStatus archives or restores a service.
	SetServiceStatus(ctx context.Context, id int64, status string, at time.Time) error

	// CreateRevision adds a revision to a service (Number is set by the
	// store); a published one becomes the service's content at once and
	// supersedes the previous one.
	CreateRevision(ctx context.Context, rev *Revision) error
	FindRevisionByID(ctx context.Context, id int64) (*Revision, error)
	FindRevisions(ctx context.Context, f RevisionFilter) ([]*Revision, error)
	// PublishRevision makes a pending revision the service's content, in
	// one transaction; Conflict when it is no longer pending.
	PublishRevision(ctx context.Context, id int64, reviewerID *int64, note string, at time.Time) error
	// RejectRevision closes a pending revision; Conflict when it is no
	// longer pending.
	RejectRevision(ctx context.Context, id int64, reviewerID *int64, note string, at time.Time) error

	CreateOffice(ctx context.Context, o *Office) error
	UpdateOffice(ctx context.Context, o *Office) error
	FindOfficeByID(ctx context.Context, id int64) (*Office, error)
	FindOfficeByExternalID(ctx context.Context, source, externalID string) (*Office, error)
	FindOffices(ctx context.Context, f OfficeFilter) ([]*Office, error)

	// SaveLifeSituation creates or updates (by slug) a life situation.
	SaveLifeSituation(ctx context.Context, l *LifeSituation) error
	FindLifeSituationBySlug(ctx context.Context, slug string) (*LifeSituation, error)
	FindLifeSituations(ctx context.Context) ([]*LifeSituation, error)

	// CatalogVersion changes whenever published content, offices or life
	// situations change.
	CatalogVersion(ctx context.Context) (int64, error)

	CreateSearchMiss(ctx context.Context, m *SearchMiss) error
	// FindSearchMisses returns the most recent misses, newest first.
	FindSearchMisses(ctx context.Context, limit int) ([]*SearchMiss, error)
	// DeleteSearchMissesBefore removes misses older than t (retention).
	DeleteSearchMissesBefore(ctx context.Context, t time.Time) (int64, error)
}
