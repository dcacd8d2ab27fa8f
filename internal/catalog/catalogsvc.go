package catalog

import (
	"sync"
	"sync/atomic"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/org"
)

// Catalog applies the catalogue's rules: who may edit and approve, the
// four-eyes principle, imports, and the search over published services.
type Catalog struct {
	Store Store
	Orgs  *org.Service
	Audit audit.Store
	Now   func() time.Time
	// FourEyes makes every editor's change wait for a second person's
	// approval before it is published.
	FourEyes bool

	mu    sync.Mutex // one index rebuild at a time
	index atomic.Pointer[indexState]
}
