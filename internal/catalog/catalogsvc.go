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
	// Freshness is how long a search trusts the catalogue version it last
	// read from the database before reading it again. Changes made through
	// this Catalog are seen at once; changes made by other instances after
	// at most Freshness. Zero reads the version on every call.
	Freshness time.Duration

	mu      sync.Mutex // one snapshot rebuild at a time
	index   atomic.Pointer[indexState]
	checked atomic.Int64 // monotonic nanoseconds of the last version read; 0 after a local change
}

// epoch anchors the monotonic clock for Freshness.
var epoch = time.Now()

// changed makes the next read check the catalogue version, after a write
// through this Catalog.
func (c *Catalog) changed() { c.checked.Store(0) }
