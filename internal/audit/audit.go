// Package audit records security-relevant events: logins, role changes,
// access to another person's data. Entries are append-only; admins read them.
package audit

import (
	"context"
	"time"
)

// Actions recorded in the log.
const (
	LoginSuccess       = "login.success"
	LoginFailure       = "login.failure"
	LoginThrottled     = "login.throttled"
	Logout             = "logout"
	LogoutEverywhere   = "logout.everywhere"
	PasswordChanged    = "password.changed"
	PasswordReset      = "password.reset"
	EmailChanged       = "email.changed"
	SecondFactorOn     = "totp.enabled"
	SecondFactorOff    = "totp.disabled"
	TokenCreated       = "token.created"
	TokenDeleted       = "token.deleted"
	RoleGranted        = "role.granted"
	RoleRevoked        = "role.revoked"
	UserCreated        = "user.created"
	UserDisabled       = "user.disabled"
	UserEnabled        = "user.enabled"
	UserDeleted        = "user.deleted"
	PersonalDataRead   = "personal_data.read"
	PersonalDataExport = "personal_data.export"
	CatalogProposed    = "catalog.proposed"  // a change to a service awaits approval
	CatalogPublished   = "catalog.published" // a service text was published
	CatalogRejected    = "catalog.rejected"
	CatalogStatus      = "catalog.status"    // a service was archived or restored
	AppointmentBulk    = "appointment.bulk"  // one address or client booked unusually often
	AppointmentSetup   = "appointment.setup" // an office's booking setup changed
	CaseDeleted        = "case.deleted"      // a case's retention period ended
)

// Entry is one audit record.
type Entry struct {
	ID        int64
	At        time.Time
	ActorID   *int64 // who acted; nil for anonymous or the system
	SubjectID *int64 // whose data or account it concerns
	Action    string
	Detail    string // short free text, never a secret
	IP        string
}

// Filter selects entries, newest first.
type Filter struct {
	ActorID   *int64
	SubjectID *int64
	Action    string
	BeforeID  int64 // for paging
	Limit     int
}

// Store keeps the log.
type Store interface {
	CreateAuditEntry(ctx context.Context, e *Entry) error
	FindAuditEntries(ctx context.Context, f Filter) ([]*Entry, error)
	// DeleteAuditEntriesBefore removes entries older than t and says how many.
	DeleteAuditEntriesBefore(ctx context.Context, t time.Time) (int64, error)
}

// Retention is how long entries are kept: long enough to investigate an
// incident, as the privacy notice promises, and no longer.
const Retention = 365 * 24 * time.Hour

// Ptr returns a pointer to id, for ActorID and SubjectID.
func Ptr(id int64) *int64 { return &id }
