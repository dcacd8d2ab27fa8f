package cases

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/form"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// WorkflowOf returns the workflow a form's cases follow: the one in its
// settings, else the default procedure.
func WorkflowOf(f *form.Form) (*Workflow, error) {
	if f == nil || len(f.Settings.Workflow) == 0 {
		return Default(), nil
	}
	var w Workflow
	if err := json.Unmarshal(f.Settings.Workflow, &w); err != nil {
		return nil, fault.Wrap(fault.Invalid, "error.cases.def.json", err)
	}
	if err := w.Check(); err != nil {
		return nil, err
	}
	return &w, nil
}

// workflowOf returns the workflow of the form version c was filled with.
func (s *Service) workflowOf(ctx context.Context, c *Case) (*Workflow, error) {
	if c.FormVersion == 0 {
		return Default(), nil
	}
	f, err := s.Forms.FindForm(ctx, c.ServiceID, c.FormVersion)
	if err != nil {
		return nil, err
	}
	return WorkflowOf(f)
}

// stateOf returns c's state in its workflow.
func (s *Service) stateOf(ctx context.Context, c *Case) (State, error) {
	w, err := s.workflowOf(ctx, c)
	if err != nil {
		return State{}, err
	}
	st, _ := w.State(c.State)
	return st, nil
}

func sortNewestFirst(cs []*Case) {
	slices.SortStableFunc(cs, func(a, b *Case) int { return b.SubmittedAt.Compare(a.SubmittedAt) })
}
