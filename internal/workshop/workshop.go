// Package workshop is the process workshop's domain: the event logs staff
// import from specialist systems, the process models (BPMN) they import,
// discover or annotate, and the event logs of the platform's own processes
// (applications per service, appointments, ideas, feedback), all read
// through one Service that checks who may see what. The analyses live in
// package mining, the formats in eventlog and bpmn, the legal and technical
// view in digitalcheck.
package workshop

import (
	"context"
	"time"

	"rathaus/internal/processlog"
)

// Formats of imported logs.
const (
	FormatXES      = "xes"
	FormatCSV      = "csv"
	FormatOCELJSON = "ocel-json"
	FormatOCELXML  = "ocel-xml"
)

// StoredLog is an imported event log: the original file is kept in the
// file store and read again (and cached) when an analysis needs it.
type StoredLog struct {
	ID       int64
	Name     string
	Format   string
	FileKey  string
	Size     int64
	Settings Settings // how the file is read
	// Figures of the import, for the list.
	Cases, Events, Activities int
	Warnings                  []string
	OrgID                     *int64
	CreatedBy                 *int64
	CreatedAt                 time.Time
}

// Settings say how a stored file becomes a log.
type Settings struct {
	// CSV: the column mapping.
	CaseColumn      string `json:"case_column,omitempty"`
	ActivityColumn  string `json:"activity_column,omitempty"`
	TimestampColumn string `json:"timestamp_column,omitempty"`
	ResourceColumn  string `json:"resource_column,omitempty"`
	TimeLayout      string `json:"time_layout,omitempty"`
	// OCEL: the object type whose objects become cases.
	ObjectType string `json:"object_type,omitempty"`
	// XES: check the file against the schema's rules.
	Strict bool `json:"strict,omitempty"`
}

// Model is a stored process model: BPMN 2.0 XML, with the digitisation
// check's annotations on its steps as rathaus extension properties.
type Model struct {
	ID     int64
	Name   string
	OrgID  *int64
	Source string // the log it describes: a source key ("log:3", "case:12"); "" for none
	Origin string // OriginImported, OriginDiscovered or OriginDemo
	BPMN   []byte
	// Version counts changes; an update must name the version it read.
	Version   int
	CreatedBy *int64
	UpdatedBy *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Origins of a model.
const (
	OriginImported   = "imported"
	OriginDiscovered = "discovered"
	OriginDemo       = "demo"
)

// Store keeps imported logs and models.
type Store interface {
	CreateStoredLog(ctx context.Context, l *StoredLog) error
	FindStoredLog(ctx context.Context, id int64) (*StoredLog, error)
	FindStoredLogs(ctx context.Context, orgIDs []int64) ([]*StoredLog, error)
	DeleteStoredLog(ctx context.Context, id int64) error

	CreateModel(ctx context.Context, m *Model) error
	FindModel(ctx context.Context, id int64) (*Model, error)
	FindModels(ctx context.Context, orgIDs []int64) ([]*Model, error)
	// UpdateModel writes m when the stored version is m.Version and
	// increments it; a different stored version is a Conflict.
	UpdateModel(ctx context.Context, m *Model) error
	DeleteModel(ctx context.Context, id int64) error

	// ProcessCounts summarises the platform's own event log per process
	// (and per service for applications).
	ProcessCounts(ctx context.Context) ([]ProcessCount, error)
	// EventsVersion is a number that changes whenever events of process
	// are added (e.g. the largest event ID), for caching.
	EventsVersion(ctx context.Context, process string) (int64, error)
	// ScanEvents calls fn for every platform event f selects, in time
	// order, streaming: a log of millions of events is never a slice of
	// structs. fn must not keep the event.
	ScanEvents(ctx context.Context, f EventFilter, fn func(*processlog.Event) error) error
}

// EventFilter selects platform events.
type EventFilter struct {
	Process   string
	ServiceID int64   // applications of one service; 0 for all
	OrgIDs    []int64 // events of these units (and events without one); nil for all
}

// ProcessCount is the size of one platform process's log.
type ProcessCount struct {
	Process     string
	ServiceID   int64 // applications: the service; 0 otherwise
	OrgID       *int64
	Cases       int
	Events      int
	First, Last time.Time
}
