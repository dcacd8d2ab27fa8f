package report

import (
	"slices"
	"strconv"

	"rathaus/internal/fault"
)

// Actor is who acts on a report, as the web layer resolved it from the
// organisation's roles.
type Actor struct {
	UserID *int64
	// Units are the units whose reports the actor works on (case worker
	// or above, sub-units included); Admin may work on every report.
	Units []int64
	Admin bool
}

// Resource names the actor in process events: never a name.
func (a Actor) Resource() string {
	if a.UserID == nil {
		return "system"
	}
	return "staff:" + strconv.FormatInt(*a.UserID, 10)
}

// CanWork reports whether a may change r: the responsible unit's staff,
// or an admin. A report without a unit is the admins' to route.
func (a Actor) CanWork(r *Report) bool {
	if a.Admin {
		return true
	}
	return r.UnitID != nil && slices.Contains(a.Units, *r.UnitID)
}

// transitions are the status changes staff may make. Merged is reached
// only by Merge and never left.
var transitions = map[Status][]Status{
	StatusReceived:       {StatusInProgress, StatusDone, StatusNotResponsible},
	StatusInProgress:     {StatusReceived, StatusDone, StatusNotResponsible},
	StatusDone:           {StatusInProgress}, // reopened
	StatusNotResponsible: {StatusReceived, StatusInProgress},
}

// CanMove reports whether staff may move a report from one status to another.
func CanMove(from, to Status) bool { return slices.Contains(transitions[from], to) }

// Next returns the statuses staff may choose for r.
func Next(r *Report) []Status { return transitions[r.Status] }

// CheckMove checks a status change by a on r; forwardedTo is required for
// not_responsible.
func CheckMove(a Actor, r *Report, to Status, forwardedTo string) error {
	if !a.CanWork(r) {
		return fault.New(fault.Forbidden, "error.reports.forbidden")
	}
	if !CanMove(r.Status, to) {
		return fault.New(fault.Conflict, "error.reports.transition")
	}
	if to == StatusNotResponsible && forwardedTo == "" {
		return fault.Fields(fault.FieldError{Field: "forwarded_to", Key: "error.reports.forwarded_to"})
	}
	if tooLong(forwardedTo, MaxLine) {
		return fault.Fields(fault.FieldError{Field: "forwarded_to", Key: "error.reports.too_long", Args: []any{MaxLine}})
	}
	return nil
}

// CheckMerge checks that a may merge dup into orig: both of one
// organisation, different, orig not merged itself, dup still open or
// merely received, and a works on dup.
func CheckMerge(a Actor, dup, orig *Report) error {
	switch {
	case !a.CanWork(dup):
		return fault.New(fault.Forbidden, "error.reports.forbidden")
	case dup.ID == orig.ID || dup.OrgID != orig.OrgID:
		return fault.New(fault.Invalid, "error.reports.merge_self")
	case dup.Status == StatusMerged || orig.Status == StatusMerged:
		return fault.New(fault.Conflict, "error.reports.merge_merged")
	}
	return nil
}

// AreaRule overrides a category's unit within one area: category × area
// -> unit (e.g. street lights in Lobeda go to the contractor's unit).
type AreaRule struct {
	ID         int64
	OrgID      int64
	CategoryID int64
	AreaID     string
	UnitID     int64
}

// Route returns the responsible unit of a report in category c and area:
// the area rule of the category or its nearest parent, else the unit of
// the category or its nearest parent; nil when none is set.
func Route(t *Tree, c *Category, area string, rules []AreaRule) *int64 {
	chain := t.Ancestors(c)
	if area != "" {
		for _, cat := range chain {
			for _, r := range rules {
				if r.CategoryID == cat.ID && r.AreaID == area {
					u := r.UnitID
					return &u
				}
			}
		}
	}
	for _, cat := range chain {
		if cat.UnitID != nil {
			u := *cat.UnitID
			return &u
		}
	}
	return nil
}

// Suggester proposes a category code for a description (the AI routing).
// An empty code means no suggestion.
type Suggester interface {
	Suggest(text string) (categoryCode string, confidence float64)
}
