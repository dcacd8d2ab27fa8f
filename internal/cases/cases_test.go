package cases

import (
	"testing"
	"time"

	"rathaus/internal/fault"
)

func TestDefaultWorkflowIsValid(t *testing.T) {
	if err := Default().Check(); err != nil {
		t.Fatalf("the default workflow fails its own check: %v", err)
	}
}

func TestWorkflowCheckFindsMistakes(t *testing.T) {
	cases := map[string]func(w *Workflow){
		"unknown initial":  func(w *Workflow) { w.Initial = "nowhere" },
		"duplicate state":  func(w *Workflow) { w.States = append(w.States, w.States[0]) },
		"bad slug":         func(w *Workflow) { w.States[1].ID = "In Arbeit" },
		"unknown kind":     func(w *Workflow) { w.States[1].Kind = "busy" },
		"decided, no end":  func(w *Workflow) { w.States[3].Outcome = "" },
		"missing label":    func(w *Workflow) { w.Transitions[0].LabelDE = "" },
		"unknown target":   func(w *Workflow) { w.Transitions[0].To = "nowhere" },
		"unknown source":   func(w *Workflow) { w.Transitions[0].From = []string{"nowhere"} },
		"duplicate action": func(w *Workflow) { w.Transitions[1].Action = w.Transitions[0].Action },
		"unreachable": func(w *Workflow) {
			w.States = append(w.States, State{ID: "limbo", Kind: KindClosed, LabelDE: "Limbus"})
		},
		"dead end": func(w *Workflow) { w.Transitions = w.Transitions[:len(w.Transitions)-1] }, // nothing closes a decision
	}
	for name, spoil := range cases {
		w := Default()
		spoil(w)
		if err := w.Check(); !fault.Is(err, fault.Invalid) {
			t.Errorf("%s: Check() = %v, want an Invalid error", name, err)
		}
	}
}

func TestApplyFollowsWorkflowAndVersion(t *testing.T) {
	w := Default()
	at := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	org := int64(7)
	c := &Case{Reference: Reference("JENA", 2026, 123), ServiceID: 4, OrgID: &org, Channel: ChannelOnline, State: w.Initial, Version: 1}
	if _, err := c.Apply(w, Change{Action: "approve", Version: 1, At: at}); !fault.Is(err, fault.Conflict) {
		t.Errorf("approving a case nobody worked on: %v, want Conflict", err)
	}
	ev, err := c.Apply(w, Change{Action: "start", Version: 1, Actor: "staff:3", Role: "case_worker", At: at})
	if err != nil {
		t.Fatal(err)
	}
	if c.State != "in_progress" || c.Version != 2 {
		t.Errorf("after start: state %s version %d", c.State, c.Version)
	}
	if ev.CaseID != "JENA-2026-000123" || ev.Activity != "start" || ev.Attrs["from"] != "received" || ev.Attrs["role"] != "case_worker" || *ev.OrgID != 7 {
		t.Errorf("event %+v", ev)
	}
	// A colleague still looking at version 1 cannot overwrite the change.
	if _, err := c.Apply(w, Change{Action: "ask", Version: 1, Note: "Bitte Foto nachreichen", At: at}); !fault.Is(err, fault.Conflict) {
		t.Errorf("a change on a stale version: %v, want Conflict", err)
	}
	if _, err := c.Apply(w, Change{Action: "ask", Version: 2, At: at}); !fault.Is(err, fault.Invalid) {
		t.Errorf("asking without a note: %v, want Invalid", err)
	}
	if c.State != "in_progress" || c.Version != 2 {
		t.Fatalf("a refused change altered the case: %s %d", c.State, c.Version)
	}
	for _, step := range []Change{
		{Action: "ask", Note: "Bitte Foto nachreichen"}, {Action: "resume"}, {Action: "approve"}, {Action: "close"},
	} {
		step.Version, step.At = c.Version, at
		if _, err := c.Apply(w, step); err != nil {
			t.Fatalf("%s: %v", step.Action, err)
		}
	}
	if c.State != "closed" || c.ClosedAt == nil || c.Version != 6 {
		t.Errorf("after the whole procedure: %s, closed %v, version %d", c.State, c.ClosedAt, c.Version)
	}
}

func TestDue(t *testing.T) {
	w := Default()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	deadline := func(d time.Duration) *time.Time { t := now.Add(d); return &t }
	for _, c := range []struct {
		state    string
		deadline *time.Time
		want     string
	}{
		{"in_progress", nil, DueNone},
		{"in_progress", deadline(10 * 24 * time.Hour), DueOK},
		{"in_progress", deadline(2 * 24 * time.Hour), DueSoon},
		{"received", deadline(-time.Hour), DueOverdue},
		{"approved", deadline(-time.Hour), DueNone},
	} {
		cs := &Case{State: c.state, Deadline: c.deadline}
		if got := cs.Due(w, now, 3*24*time.Hour); got != c.want {
			t.Errorf("%s with deadline %v: %q, want %q", c.state, c.deadline, got, c.want)
		}
	}
}

func TestReference(t *testing.T) {
	if got := Reference("JENA", 2026, 123); got != "JENA-2026-000123" || !ValidReference(got) {
		t.Errorf("Reference = %q", got)
	}
	for _, bad := range []string{"jena-2026-000123", "JENA-26-000123", "JENA-2026-12", "JENA2026000123"} {
		if ValidReference(bad) {
			t.Errorf("%q accepted as a reference", bad)
		}
	}
}
