package appointment

import (
	"context"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/catalog"
	"rathaus/internal/org"
)

// Catalog is what booking needs from the service catalogue.
type Catalog interface {
	Office(ctx context.Context, id int64) (*catalog.Office, error)
	PublicService(ctx context.Context, id int64) (*catalog.Service, error)
}

// Translator renders mail texts in the citizen's language.
type Translator interface {
	T(lang, key string, args ...any) string
}

// Service applies the booking rules.
type Service struct {
	Store    Store
	Catalog  Catalog
	Orgs     *org.Service
	Audit    audit.Store
	T        Translator
	Now      func() time.Time
	Location *time.Location // the city's time zone
	BaseURL  string         // public address, for links in mails
	Secret   string         // keys the hash of client addresses
	CityName string         // shown in mails and calendar entries

	// HoldFor is how long an unconfirmed booking holds its slot.
	HoldFor time.Duration
	// RemindBefore is how long before the appointment the reminder goes.
	RemindBefore time.Duration
	// BulkLimit is how many bookings one address or client may make per
	// day before each further one is written to the audit log.
	BulkLimit int

	slots slotCache
}

// Defaults for the zero values of Service's settings.
const (
	DefaultHoldFor      = 30 * time.Minute
	DefaultRemindBefore = 24 * time.Hour
	DefaultBulkLimit    = 5
	// Retention: bookings are deleted this long after the appointment,
	// long enough for statistics and questions, no longer.
	Retention = 90 * 24 * time.Hour
)

func (s *Service) now() time.Time { return s.Now().UTC() }

func (s *Service) loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

func (s *Service) holdFor() time.Duration {
	if s.HoldFor <= 0 {
		return DefaultHoldFor
	}
	return s.HoldFor
}

func (s *Service) remindBefore() time.Duration {
	if s.RemindBefore <= 0 {
		return DefaultRemindBefore
	}
	return s.RemindBefore
}

func (s *Service) bulkLimit() int {
	if s.BulkLimit <= 0 {
		return DefaultBulkLimit
	}
	return s.BulkLimit
}

// office returns an office with its setup, NotFound unless it takes
// bookings.
func (s *Service) office(ctx context.Context, id int64) (*catalog.Office, *Setup, error) {
	st, err := s.Store.FindSetup(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if !st.Enabled {
		return nil, nil, notBookable()
	}
	o, err := s.Catalog.Office(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return o, st, nil
}

// servedOffice returns an office with its setup whether or not it takes
// online bookings: its counters, waiting room and figures work either way.
func (s *Service) servedOffice(ctx context.Context, id int64) (*catalog.Office, *Setup, error) {
	st, err := s.Store.FindSetup(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	o, err := s.Catalog.Office(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return o, st, nil
}
