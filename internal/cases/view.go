package cases

import (
	"context"
	"encoding/json"

	"rathaus/internal/catalog"
	"rathaus/internal/form"
)

// View is a case with everything its page shows. Notes are filled for
// staff only.
type View struct {
	Case     *Case
	Service  *catalog.Service
	Form     *form.Form // the version the case was filled with
	Workflow *Workflow
	Answers  form.Answers
	Files    []File
	History  []HistoryEntry
	Messages []Message
	Payments []Payment
	Notes    []Note
}

// State is the case's current state in its workflow.
func (v *View) State() State {
	st, _ := v.Workflow.State(v.Case.State)
	return st
}

// Attachments are the files answering form questions.
func (v *View) Attachments() []File { return v.filesOf(FileAttachment) }

// Decisions are the decision documents.
func (v *View) Decisions() []File { return v.filesOf(FileDecision) }

func (v *View) filesOf(kind string) []File {
	var out []File
	for _, f := range v.Files {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// Kinds of case files.
const (
	FileAttachment = "attachment"
	FileReceipt    = "receipt"
	FileDecision   = "decision"
	FileMessage    = "message"
)

// frame loads what every step of a case needs: its service, form
// version, workflow and history.
func (s *Service) frame(ctx context.Context, c *Case) (*View, error) {
	v := &View{Case: c}
	var err error
	if v.Service, err = s.Catalog.PublicService(ctx, c.ServiceID); err != nil {
		v.Service = &catalog.Service{ID: c.ServiceID}
		v.Service.Name = "#" + itoa(c.ServiceID)
	}
	if c.FormVersion > 0 {
		if v.Form, err = s.Forms.FindForm(ctx, c.ServiceID, c.FormVersion); err != nil {
			return nil, err
		}
	}
	if v.Workflow, err = WorkflowOf(v.Form); err != nil {
		return nil, err
	}
	if v.History, err = s.Store.History(ctx, c.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// view loads c's page; staff also get the internal notes.
func (s *Service) view(ctx context.Context, c *Case, staff bool) (*View, error) {
	v, err := s.frame(ctx, c)
	if err != nil {
		return nil, err
	}
	raw, err := s.Store.CaseAnswers(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &v.Answers); err != nil {
			return nil, err
		}
	}
	if v.Files, err = s.Store.CaseFiles(ctx, c.ID); err != nil {
		return nil, err
	}
	if v.Messages, err = s.Store.Messages(ctx, c.ID); err != nil {
		return nil, err
	}
	if v.Payments, err = s.Store.Payments(ctx, c.ID); err != nil {
		return nil, err
	}
	if staff {
		if v.Notes, err = s.Store.Notes(ctx, c.ID); err != nil {
			return nil, err
		}
	}
	return v, nil
}
