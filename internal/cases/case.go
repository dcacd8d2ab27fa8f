package cases

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
)

// Channels a case arrives by; staff record paper, phone and in-person
// cases too, so digital and analogue can be compared.
const (
	ChannelOnline   = "online"
	ChannelPaper    = "paper"
	ChannelPhone    = "phone"
	ChannelInPerson = "in_person"
	ChannelMail     = "email"
	// ChannelAssisted: staff at a help point filed it with and for the
	// citizen (internal/helppoint).
	ChannelAssisted = "assisted"
)

// Channels lists the channels in display order.
var Channels = []string{ChannelOnline, ChannelPaper, ChannelInPerson, ChannelPhone, ChannelMail, ChannelAssisted}

// RecordedChannels are the channels staff record a case by afterwards
// (an assisted application is filed at a help point instead).
var RecordedChannels = []string{ChannelPaper, ChannelInPerson, ChannelPhone, ChannelMail}

// Process is the process name of case events in the process log.
const Process = "case"

// Case is one application and its state.
type Case struct {
	ID          int64
	Reference   string // e.g. "JENA-2026-000123"
	ServiceID   int64
	FormVersion int    // the form version it was filled with
	OrgID       *int64 // the responsible unit
	Channel     string
	State       string
	// Version increases with every change; a change names the version it
	// was made on, so two workers never overwrite each other unnoticed.
	Version     int
	ApplicantID *int64 // the account, when submitted with one
	Name, Email string
	AssigneeID  *int64
	FeeCents    int64
	PaidCents   int64
	Deadline    *time.Time // legal or promised date for a decision
	SubmittedAt time.Time
	UpdatedAt   time.Time
	ClosedAt    *time.Time
}

// referenceRE is the shape of a reference: prefix, year, six digits.
var referenceRE = regexp.MustCompile(`^[A-Z]{2,10}-\d{4}-\d{6,}$`)

// Reference formats the n-th case of a year: Reference("JENA", 2026, 123)
// is "JENA-2026-000123".
func Reference(prefix string, year, n int) string {
	return fmt.Sprintf("%s-%04d-%06d", prefix, year, n)
}

// ValidReference reports whether s looks like a reference number.
func ValidReference(s string) bool { return referenceRE.MatchString(s) }

// Warning levels of a deadline.
const (
	DueNone    = ""        // no deadline, or decided
	DueOK      = "ok"      // more than the warning time left
	DueSoon    = "soon"    // within the warning time
	DueOverdue = "overdue" // passed
)

// Due says how a case stands against its deadline at now, warning when
// less than warn is left. Decided and closed cases have nothing due.
func (c *Case) Due(w *Workflow, now time.Time, warn time.Duration) string {
	st, _ := w.State(c.State)
	if c.Deadline == nil || st.Kind == KindDecided || st.Kind == KindClosed {
		return DueNone
	}
	switch {
	case !now.Before(*c.Deadline):
		return DueOverdue
	case c.Deadline.Sub(now) <= warn:
		return DueSoon
	}
	return DueOK
}

// Change is one transition a person asks for.
type Change struct {
	Action  string
	Version int // the case version the person saw
	Note    string
	Actor   string // "citizen", "staff:<id>", "system"
	Role    string // the actor's role, for the process log
	At      time.Time
}

// Apply moves c by ch's action if the workflow allows it from c's state
// and c is still at the version the person saw; it returns the process
// event to write with the change. c is changed only on success.
func (c *Case) Apply(w *Workflow, ch Change) (processlog.Event, error) {
	if ch.Version != c.Version {
		return processlog.Event{}, fault.New(fault.Conflict, "error.cases.stale")
	}
	t, err := w.Next(c.State, ch.Action)
	if err != nil {
		return processlog.Event{}, err
	}
	if t.NeedsNote && ch.Note == "" {
		return processlog.Event{}, fault.Fields(fault.FieldError{Field: "note", Key: "error.cases.note_required"})
	}
	from := c.State
	c.State, c.Version, c.UpdatedAt = t.To, c.Version+1, ch.At
	if st, _ := w.State(t.To); st.Kind == KindClosed {
		at := ch.At
		c.ClosedAt = &at
	}
	return c.event(t.Action, from, ch), nil
}

// event is the process-log record of a step of c.
func (c *Case) event(activity, from string, ch Change) processlog.Event {
	attrs := map[string]string{
		"service": strconv.FormatInt(c.ServiceID, 10),
		"channel": c.Channel,
		"from":    from,
		"state":   c.State,
	}
	if ch.Role != "" {
		attrs["role"] = ch.Role
	}
	return processlog.Event{Process: Process, CaseID: c.Reference, Activity: activity, At: ch.At,
		OrgID: c.OrgID, Resource: ch.Actor, Attrs: attrs}
}

// Submitted is the first event of a case.
func (c *Case) Submitted(actor string) processlog.Event {
	return c.event("submitted", "", Change{Actor: actor, At: c.SubmittedAt, Role: "applicant"})
}
