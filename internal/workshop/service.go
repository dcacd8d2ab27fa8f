package workshop

import (
	"context"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/org"
)

// Service is the process workshop: who may analyse what, the logs to
// analyse (the platform's own and imported ones), and process models.
type Service struct {
	Store Store
	Orgs  *org.Service
	Files filestore.Store
	Audit audit.Store
	// ServiceName names a catalogue service for the list of processes;
	// nil shows the ID.
	ServiceName func(ctx context.Context, id int64) string
	// MaxUpload bounds an imported file (bytes, as stored); 0 means 512 MiB.
	MaxUpload int64
	// CacheEvents bounds the events of parsed logs kept in memory; 0
	// means 20 million.
	CacheEvents int
	Now         func() time.Time
	// Retention is how long imported logs are kept; 0 means
	// DefaultRetention.
	Retention time.Duration
	// Location is the zone of times written without one in imported
	// files (CSV, OCEL); nil means UTC. The city's own zone is right:
	// specialist systems write local time.
	Location *time.Location

	cache logCache
}

// Roles that open the workshop: process owners and unit administrators.
var Roles = []string{org.RoleServiceOwner, org.RoleOrgAdmin}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Scope is what an actor may see: nil for everything (platform admins),
// else the units where they own processes or administer, and below.
// Forbidden when they may see nothing.
func (s *Service) Scope(ctx context.Context, a org.Actor) ([]int64, error) {
	if a.PlatformAdmin {
		return nil, nil
	}
	units, err := s.Orgs.Units(ctx, a.UserID, Roles...)
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		return nil, fault.New(fault.Forbidden, "error.workshop.forbidden")
	}
	return units, nil
}

// MayUse reports whether a may open the workshop at all, for navigation.
func (s *Service) MayUse(ctx context.Context, a org.Actor) bool {
	_, err := s.Scope(ctx, a)
	return err == nil
}

// inScope reports whether a row of unit orgID is visible in scope.
func inScope(scope []int64, orgID *int64) bool {
	if scope == nil || orgID == nil {
		return true
	}
	for _, id := range scope {
		if id == *orgID {
			return true
		}
	}
	return false
}

func (s *Service) record(ctx context.Context, a org.Actor, action, detail string) error {
	if s.Audit == nil {
		return nil
	}
	uid := a.UserID
	return s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), ActorID: &uid, Action: action, Detail: detail})
}
