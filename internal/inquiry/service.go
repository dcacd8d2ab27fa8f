package inquiry

import (
	"context"
	"log/slog"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// Accounts is what the service needs of accounts: the address of a
// signed-in citizen for the reply mail.
type Accounts interface {
	FindUserByID(ctx context.Context, id int64) (*account.User, error)
}

// Translator renders mail texts.
type Translator interface {
	T(lang, key string, args ...any) string
}

// Defaults of Service.
const (
	DefaultOffice    = "buergerservice"
	DefaultRetention = 180 * 24 * time.Hour
)

// Service applies the rules of messages to the city.
type Service struct {
	Store    Store
	Router   *Router
	Orgs     *org.Service
	Accounts Accounts
	Audit    audit.Store
	T        Translator
	Log      *slog.Logger // nil: slog.Default()
	Now      func() time.Time
	BaseURL  string
	// Office is the slug of the citizens' service office's unit, whose
	// staff work the triage queue; default DefaultOffice.
	Office string
	// Retention is how long a closed message is kept; default DefaultRetention.
	Retention time.Duration
}

// staffRoles may work the messages of their units.
var staffRoles = []string{org.RoleCaseWorker, org.RoleServiceOwner, org.RoleOrgAdmin}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

func (s *Service) log() *slog.Logger {
	if s.Log == nil {
		return slog.Default()
	}
	return s.Log
}

func (s *Service) retention() time.Duration {
	if s.Retention > 0 {
		return s.Retention
	}
	return DefaultRetention
}

// OfficeOrg returns the service office's unit; NotFound when the
// configured slug names none.
func (s *Service) OfficeOrg(ctx context.Context) (*org.Org, error) {
	slug := s.Office
	if slug == "" {
		slug = DefaultOffice
	}
	return s.Orgs.Store.FindOrgBySlug(ctx, slug)
}

// officeID is the office's ID, nil when there is none.
func (s *Service) officeID(ctx context.Context) (*int64, error) {
	o, err := s.OfficeOrg(ctx)
	if fault.Is(err, fault.NotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &o.ID, nil
}
