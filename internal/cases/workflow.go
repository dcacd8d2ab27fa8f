// Package cases holds the rules of applications once submitted: the
// workflow of states and transitions each service defines (a default
// after the usual administrative procedure), reference numbers, channels,
// deadlines and optimistic locking. The store, the citizen's mailbox and
// the staff queues build on it.
package cases

import (
	"fmt"
	"regexp"
	"slices"

	"rathaus/internal/fault"
)

// Kinds of state: what a state means for queues, the citizen's status
// page and process mining, whatever a service calls it.
const (
	KindOpen     = "open"     // the office works on it
	KindWaiting  = "waiting"  // waiting for the citizen; deadlines pause
	KindDecided  = "decided"  // a decision was made
	KindClosed   = "closed"   // nothing more happens
	KindReceived = "received" // submitted, nobody has looked yet
)

// State is one state of a workflow.
type State struct {
	ID      string `json:"id"`   // slug, e.g. "in_progress"
	Kind    string `json:"kind"` // one of the Kind constants
	LabelDE string `json:"label_de"`
	LabelEN string `json:"label_en,omitempty"`
	// Outcome is "approved" or "rejected" for decided states.
	Outcome string `json:"outcome,omitempty"`
}

// Transition is an action that moves a case from one of From to To.
type Transition struct {
	Action  string   `json:"action"` // slug, e.g. "decide_approve"
	From    []string `json:"from"`
	To      string   `json:"to"`
	LabelDE string   `json:"label_de"`
	LabelEN string   `json:"label_en,omitempty"`
	// NeedsNote: the worker must give a reason (shown to the citizen for
	// requests and rejections).
	NeedsNote bool `json:"needs_note,omitempty"`
	// NeedsDocument: a decision document is produced from a template.
	NeedsDocument bool `json:"needs_document,omitempty"`
}

// Workflow is the life of a case of one service.
type Workflow struct {
	Initial     string       `json:"initial"`
	States      []State      `json:"states"`
	Transitions []Transition `json:"transitions"`
}

// Default is the usual administrative procedure: received → in progress
// → (waiting for the citizen ↔ in progress) → approved or rejected →
// closed; a case can be withdrawn until it is decided.
func Default() *Workflow {
	return &Workflow{
		Initial: "received",
		States: []State{
			{ID: "received", Kind: KindReceived, LabelDE: "Eingegangen", LabelEN: "Received"},
			{ID: "in_progress", Kind: KindOpen, LabelDE: "In Bearbeitung", LabelEN: "In progress"},
			{ID: "waiting", Kind: KindWaiting, LabelDE: "Wartet auf Ihre Rückmeldung", LabelEN: "Waiting for your reply"},
			{ID: "approved", Kind: KindDecided, Outcome: "approved", LabelDE: "Bewilligt", LabelEN: "Approved"},
			{ID: "rejected", Kind: KindDecided, Outcome: "rejected", LabelDE: "Abgelehnt", LabelEN: "Rejected"},
			{ID: "withdrawn", Kind: KindClosed, LabelDE: "Zurückgezogen", LabelEN: "Withdrawn"},
			{ID: "closed", Kind: KindClosed, LabelDE: "Abgeschlossen", LabelEN: "Closed"},
		},
		Transitions: []Transition{
			{Action: "start", From: []string{"received"}, To: "in_progress", LabelDE: "Bearbeitung beginnen", LabelEN: "Start work"},
			{Action: "ask", From: []string{"received", "in_progress"}, To: "waiting", NeedsNote: true, LabelDE: "Rückfrage stellen", LabelEN: "Ask the applicant"},
			{Action: "resume", From: []string{"waiting"}, To: "in_progress", LabelDE: "Bearbeitung fortsetzen", LabelEN: "Resume work"},
			{Action: "approve", From: []string{"in_progress"}, To: "approved", NeedsDocument: true, LabelDE: "Bewilligen", LabelEN: "Approve"},
			{Action: "reject", From: []string{"in_progress"}, To: "rejected", NeedsNote: true, NeedsDocument: true, LabelDE: "Ablehnen", LabelEN: "Reject"},
			{Action: "withdraw", From: []string{"received", "in_progress", "waiting"}, To: "withdrawn", LabelDE: "Zurückziehen", LabelEN: "Withdraw"},
			{Action: "close", From: []string{"approved", "rejected"}, To: "closed", LabelDE: "Abschließen", LabelEN: "Close"},
		},
	}
}

var slug = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

var kinds = []string{KindReceived, KindOpen, KindWaiting, KindDecided, KindClosed}

// Check validates a workflow a service owner defined: slugs, known
// kinds, transitions between existing states, the initial state, every
// state reachable and every non-closed state with a way out.
func (w *Workflow) Check() error {
	var v fault.Validator
	seen := map[string]bool{}
	for i, s := range w.States {
		f := fmt.Sprintf("states.%d", i)
		v.Check(slug.MatchString(s.ID), f, "error.cases.def.slug")
		v.Check(!seen[s.ID], f, "error.cases.def.duplicate")
		v.Check(slices.Contains(kinds, s.Kind), f, "error.cases.def.kind")
		v.Check(s.LabelDE != "", f, "error.cases.def.label")
		v.Check((s.Kind == KindDecided) == (s.Outcome == "approved" || s.Outcome == "rejected"), f, "error.cases.def.outcome")
		seen[s.ID] = true
	}
	v.Check(seen[w.Initial], "initial", "error.cases.def.initial")
	actions := map[string]bool{}
	for i, t := range w.Transitions {
		f := fmt.Sprintf("transitions.%d", i)
		v.Check(slug.MatchString(t.Action) && !actions[t.Action], f, "error.cases.def.action")
		actions[t.Action] = true
		v.Check(seen[t.To] && len(t.From) > 0, f, "error.cases.def.target")
		for _, from := range t.From {
			v.Check(seen[from], f, "error.cases.def.source")
		}
		v.Check(t.LabelDE != "", f, "error.cases.def.label")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return w.checkGraph()
}

// checkGraph finds states nobody can reach and open states without exit.
func (w *Workflow) checkGraph() error {
	var v fault.Validator
	reach := map[string]bool{w.Initial: true}
	for changed := true; changed; {
		changed = false
		for _, t := range w.Transitions {
			if !reach[t.To] && slices.ContainsFunc(t.From, func(f string) bool { return reach[f] }) {
				reach[t.To], changed = true, true
			}
		}
	}
	for i, s := range w.States {
		v.Check(reach[s.ID], fmt.Sprintf("states.%d", i), "error.cases.def.unreachable")
		if s.Kind != KindClosed {
			v.Check(len(w.Actions(s.ID)) > 0, fmt.Sprintf("states.%d", i), "error.cases.def.dead_end")
		}
	}
	return v.Err()
}

// State returns the state with id.
func (w *Workflow) State(id string) (State, bool) {
	i := slices.IndexFunc(w.States, func(s State) bool { return s.ID == id })
	if i < 0 {
		return State{}, false
	}
	return w.States[i], true
}

// Actions lists the transitions possible from a state, in order.
func (w *Workflow) Actions(state string) []Transition {
	var out []Transition
	for _, t := range w.Transitions {
		if slices.Contains(t.From, state) {
			out = append(out, t)
		}
	}
	return out
}

// Next returns the transition action takes from state, or a Conflict
// error when the action is not possible there (e.g. the case moved on).
func (w *Workflow) Next(state, action string) (Transition, error) {
	for _, t := range w.Actions(state) {
		if t.Action == action {
			return t, nil
		}
	}
	return Transition{}, fault.New(fault.Conflict, "error.cases.transition", action)
}
