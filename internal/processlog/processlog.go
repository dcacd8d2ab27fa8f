// Package processlog is the event log of the city's processes: every step
// of an appointment, an application or a report is one Event, written in
// the same transaction as the change it records. The process workshop
// (mining, XES and OCEL export) reads it.
package processlog

import (
	"context"
	"time"
)

// Event is one step of one case.
type Event struct {
	ID       int64
	Process  string // e.g. "appointment"
	CaseID   string // the case within the process, e.g. a booking code
	Activity string // e.g. "booked", "confirmed", "called"
	At       time.Time
	OrgID    *int64 // the organisation unit responsible, when known
	Resource string // who or what performed it: "citizen", "system", "staff:<id>", "counter:3"
	// Attrs are further attributes (office, services, counter); never
	// names or contact data.
	Attrs map[string]string
}

// Filter selects events in time order.
type Filter struct {
	Process string
	CaseID  string
	From    time.Time // inclusive; zero for no bound
	To      time.Time // exclusive; zero for no bound
	AfterID int64     // for paging
	Limit   int
}

// Store reads the log; writes happen inside the domain stores' transactions.
type Store interface {
	FindEvents(ctx context.Context, f Filter) ([]*Event, error)
}

// Writer appends events that record no change of stored state (e.g. a
// case delivered to a specialist system).
type Writer interface {
	AddEvents(ctx context.Context, evs []Event) error
}
