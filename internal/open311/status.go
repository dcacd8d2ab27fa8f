package open311

import "strings"

// UpdateStatus is the status of an entry in FixMyStreet's
// servicerequestupdates feed: open and closed from GeoReport v2, and the finer
// states FixMyStreet's extension adds. Written in lower case.
type UpdateStatus string

// The statuses of FixMyStreet's updates feed.
const (
	UpdateOpen                     UpdateStatus = "open"
	UpdateInvestigating            UpdateStatus = "investigating"
	UpdateInProgress               UpdateStatus = "in_progress"
	UpdateActionScheduled          UpdateStatus = "action_scheduled"
	UpdateClosed                   UpdateStatus = "closed"
	UpdateFixed                    UpdateStatus = "fixed"
	UpdateDuplicate                UpdateStatus = "duplicate"
	UpdateNotCouncilsResponsiblity UpdateStatus = "not_councils_responsibility"
	UpdateNoFurtherAction          UpdateStatus = "no_further_action"
	UpdateInternalReferral         UpdateStatus = "internal_referral"
)

var updateOpen = map[UpdateStatus]bool{
	UpdateOpen: true, UpdateInvestigating: true, UpdateInProgress: true, UpdateActionScheduled: true,
	UpdateClosed: false, UpdateFixed: false, UpdateDuplicate: false, UpdateNotCouncilsResponsiblity: false,
	UpdateNoFurtherAction: false, UpdateInternalReferral: false,
}

// ParseUpdateStatus reads a status in any case ("IN_PROGRESS", "fixed");
// ok is false for one the feed does not know.
func ParseUpdateStatus(s string) (UpdateStatus, bool) {
	u := UpdateStatus(strings.ToLower(strings.TrimSpace(s)))
	_, ok := updateOpen[u]
	return u, ok
}

// Status maps the fine status to GeoReport v2's open or closed: a request is
// open while it is being looked at or worked on; fixed, a duplicate, not the
// city's responsibility (forwarded), no further action and referred
// elsewhere are closed. An unknown status counts as open.
func (u UpdateStatus) Status() Status {
	if open, ok := updateOpen[u]; ok && !open {
		return Closed
	}
	return Open
}

// ParseStatus reads "open" or "closed" (any case).
func ParseStatus(s string) (Status, bool) {
	switch st := Status(strings.ToLower(strings.TrimSpace(s))); st {
	case Open, Closed:
		return st, true
	}
	return "", false
}
