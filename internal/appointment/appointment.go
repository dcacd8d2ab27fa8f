// Package appointment books visits to the city's offices: each office's
// setup (bookable services and their durations, counters per time window,
// booking horizon, daily release time, counters kept for walk-ins), the
// free slots computed from the catalogue's opening hours and the bookings
// already held, booking without an account (held until the e-mail link is
// followed, then confirmed with a code and a calendar file, cancelled or
// moved by a secret link), reminders, a waiting list for earlier slots,
// and the office side: check-in, walk-in tickets, calling visitors to a
// counter, the waiting-room display and statistics.
//
// Capacity is decided inside the store's transaction, which locks the
// office's setup row, so two instances on one PostgreSQL can never give
// the last slot twice.
package appointment

import (
	"context"
	"time"

	"rathaus/internal/hours"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// Booking states. Held (only until HoldUntil), Confirmed, CheckedIn and
// Served occupy capacity.
const (
	Held      = "held"       // booked, waiting for the e-mail confirmation
	Confirmed = "confirmed"  // confirmed by the citizen
	Cancelled = "cancelled"  // cancelled by the citizen or the office
	Expired   = "expired"    // the hold ran out unconfirmed
	CheckedIn = "checked_in" // the citizen arrived and has a ticket
	Served    = "served"     // the visit is over
	NoShow    = "no_show"    // the citizen did not come
)

// Ticket states.
const (
	Waiting    = "waiting"
	Called     = "called"
	TicketDone = "served"
	TicketGone = "no_show" // called, but nobody came
)

// Ticket kinds.
const (
	KindAppointment = "appointment"
	KindWalkIn      = "walk_in"
)

// Process is the process name of appointment events in the process log.
const Process = "appointment"

// Setup is how one office takes appointments.
type Setup struct {
	OfficeID int64 // the catalogue office
	Enabled  bool
	// Counters is how many visitors the office serves at once, unless a
	// Window says otherwise.
	Counters int
	// Windows set the counters for a time span on some weekdays, e.g. two
	// more counters on Thursday afternoons.
	Windows []Window
	// WalkInCounters of the counters are kept for visitors without an
	// appointment (the walk-in buffer); the rest are bookable.
	WalkInCounters int
	SlotMinutes    int // the grid of start times, e.g. 10
	// The horizon: slots from today+MinDays to today+MaxDays.
	MinDays, MaxDays int
	// ReleaseMinute is when, each day, the horizon's new last day opens
	// (minutes after local midnight; 0 at midnight).
	ReleaseMinute int
	MaxPersons    int // persons one booking may bring, each needing the service
	// MaxActivePerEmail is how many held or confirmed future bookings one
	// e-mail address may have per service at this office.
	MaxActivePerEmail int
	Services          []ServiceSetup
	UpdatedAt         time.Time
	// Version is read-only: it changes with every change to the office's
	// bookings, so cached claims can be checked against the database.
	Version int64
}

// Window is a capacity span on some weekdays.
type Window struct {
	Weekdays [7]bool // indexed by time.Weekday
	From, To int     // minutes after midnight, To exclusive
	Counters int
}

// ServiceSetup is one bookable service at an office.
type ServiceSetup struct {
	ServiceID int64
	Minutes   int // for the first person
	// ExtraMinutes is added per further person (0: as Minutes).
	ExtraMinutes int
}

// Booking is one appointment.
type Booking struct {
	ID         int64
	Code       string // shown to the citizen, e.g. "K7M-4QX"
	OfficeID   int64
	ServiceIDs []int64
	Persons    int
	Start, End time.Time
	Name       string
	Email      string
	Phone      string
	UserID     *int64 // the account it was booked with
	Lang       string // language of the mails
	Status     string
	HoldUntil  time.Time
	// ConfirmHash and ManageHash are SHA-256 hashes of the secrets in the
	// confirmation and the management links.
	ConfirmHash []byte
	ManageHash  []byte
	ClientHash  string // keyed hash of the client address, for abuse checks
	CreatedAt   time.Time
	ConfirmedAt *time.Time
	CancelledAt *time.Time
	CheckedInAt *time.Time
	FinishedAt  *time.Time // served or marked no-show
}

// Busy is a booking's claim on capacity.
type Busy struct {
	OfficeID   int64
	Start, End time.Time
	BookingID  int64
	HoldUntil  time.Time // for a held booking: the claim ends then; else zero
}

// Ticket is a number in an office's waiting room on one day.
type Ticket struct {
	ID         int64
	OfficeID   int64
	Day        hours.Date
	Number     int
	Label      string // e.g. "A 017", "W 003"
	Kind       string // KindAppointment or KindWalkIn
	BookingID  *int64
	ServiceIDs []int64
	Status     string
	Counter    int
	IssuedAt   time.Time
	CalledAt   *time.Time
	FinishedAt *time.Time
	// Start is the booked start for appointment tickets.
	Start *time.Time
}

// WaitEntry asks to be told when an earlier slot becomes free.
type WaitEntry struct {
	ID         int64
	Email      string
	Lang       string
	ServiceIDs []int64
	Persons    int
	OfficeID   *int64    // nil: any office
	Before     time.Time // only slots starting before this are wanted
	TokenHash  []byte    // for the link that ends the entry
	CreatedAt  time.Time
	NotifiedAt *time.Time
}

// Effects are written in the same transaction as the change they belong
// to: mails (the outbox), jobs and process events.
type Effects struct {
	Mails  []mail.Message
	Jobs   []jobs.Job
	Events []processlog.Event
}

// Check decides, inside the store's transaction, whether a booking fits:
// it gets the capacity already claimed at the office on the booking's day
// and the number of active bookings of the same address per service.
type Check func(busy []Busy, active map[int64]int) error

// BookingFilter selects bookings.
type BookingFilter struct {
	Code     string // exact booking code
	OfficeID *int64
	UserID   *int64
	Email    string
	Statuses []string
	From, To time.Time // start within [From, To); zero for no bound
	Limit    int
}

// Store keeps setups, bookings, tickets and the waiting list.
type Store interface {
	SaveSetup(ctx context.Context, s *Setup) error
	FindSetup(ctx context.Context, officeID int64) (*Setup, error)
	FindSetups(ctx context.Context) ([]*Setup, error)

	// FindBusy returns the capacity claimed at the offices between from
	// and to: bookings Confirmed, CheckedIn or Served, and Held ones whose
	// hold lasts beyond now (with their HoldUntil; a zero now returns
	// every held one).
	FindBusy(ctx context.Context, officeIDs []int64, from, to, now time.Time) ([]Busy, error)

	// CreateBooking locks the office, runs check with the busy claims of
	// the booking's day and the address's active bookings per service, and
	// inserts b (setting ID) with fx, all in one transaction.
	CreateBooking(ctx context.Context, b *Booking, now time.Time, check Check, fx Effects) error
	// MoveBooking moves b (already changed in memory: Start, End,
	// ServiceIDs, Persons) under the same lock and check; the booking's own
	// claim is left out of busy.
	MoveBooking(ctx context.Context, b *Booking, now time.Time, check Check, fx Effects) error
	// UpdateBooking writes b's status, hashes and times when its current
	// status is one of from; else Conflict.
	UpdateBooking(ctx context.Context, b *Booking, from []string, fx Effects) error
	FindBooking(ctx context.Context, id int64) (*Booking, error)
	FindBookingByConfirmHash(ctx context.Context, hash []byte) (*Booking, error)
	FindBookingByManageHash(ctx context.Context, hash []byte) (*Booking, error)
	FindBookings(ctx context.Context, f BookingFilter) ([]*Booking, error)
	// CountBookingsSince counts bookings created since t by an address or
	// a client, for the bulk-pattern audit.
	CountBookingsSince(ctx context.Context, email, clientHash string, t time.Time) (byEmail, byClient int, err error)
	// ExpireHolds marks held bookings whose hold ended before now Expired
	// and returns them.
	ExpireHolds(ctx context.Context, now time.Time, limit int) ([]*Booking, error)
	// DeleteBookingsBefore removes bookings (and their tickets) that
	// ended before t: personal data is kept no longer than needed.
	DeleteBookingsBefore(ctx context.Context, t time.Time) (int64, error)

	// CreateTicket gives t the office's next number of the day (setting
	// ID, Number and, with prefix, Label) and, for an appointment ticket,
	// marks its booking CheckedIn, in one transaction with fx(t).
	CreateTicket(ctx context.Context, t *Ticket, prefix string, fx func(*Ticket) Effects) error
	// CallTicket marks the first waiting ticket of the office's day that
	// pick chooses Called at counter; NotFound when pick chooses none.
	CallTicket(ctx context.Context, officeID int64, day hours.Date, pick func([]*Ticket) *Ticket, counter int, now time.Time, fx func(*Ticket) Effects) (*Ticket, error)
	// FinishTicket ends a called ticket as TicketDone or TicketGone, and
	// its booking as Served or NoShow.
	FinishTicket(ctx context.Context, id int64, status string, now time.Time, fx Effects) (*Ticket, error)
	FindTicket(ctx context.Context, id int64) (*Ticket, error)
	FindTickets(ctx context.Context, officeID int64, day hours.Date) ([]*Ticket, error)

	CreateWaitEntry(ctx context.Context, w *WaitEntry) error
	// FindWaitEntries returns the entries not yet notified, for officeID or
	// any office, whose Before is after before: a slot starting at before
	// is earlier than they asked for.
	FindWaitEntries(ctx context.Context, officeID int64, before time.Time) ([]*WaitEntry, error)
	MarkWaitNotified(ctx context.Context, id int64, at time.Time, fx Effects) error
	DeleteWaitEntry(ctx context.Context, tokenHash []byte) error
	DeleteWaitEntriesBefore(ctx context.Context, t time.Time) (int64, error)
}
