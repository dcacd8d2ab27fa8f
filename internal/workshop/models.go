package workshop

import (
	"bytes"
	"context"
	"io"
	"strings"
	"unicode/utf8"

	"rathaus/internal/bpmn"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
	"rathaus/internal/org"
)

// maxModelBytes bounds an imported BPMN file.
const maxModelBytes = 8 << 20

// ActivityProp is the model property that names a step's activity in the
// event log when the step's label differs ("approve" for "Antrag bewilligen").
const ActivityProp = "log.activity"

// Activity is the event-log activity a BPMN step stands for.
func Activity(e *bpmn.Element) string {
	if a := e.Props[ActivityProp]; a != "" {
		return a
	}
	return e.Name
}

// Models lists the models a may see.
func (s *Service) Models(ctx context.Context, a org.Actor) ([]*Model, error) {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return nil, err
	}
	return s.Store.FindModels(ctx, scope)
}

// Model returns a stored model and its parsed form.
func (s *Service) Model(ctx context.Context, a org.Actor, id int64) (*Model, *bpmn.Model, error) {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	m, err := s.Store.FindModel(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if !inScope(scope, m.OrgID) {
		return nil, nil, fault.New(fault.NotFound, "error.not_found")
	}
	pm, _, err := bpmn.Parse(bytes.NewReader(m.BPMN))
	if err != nil {
		return nil, nil, modelError(err)
	}
	return m, pm, nil
}

// NewModel is a model to create.
type NewModel struct {
	Name   string
	Source string // the log it describes, "" for none
	OrgID  *int64
	Origin string
}

// ImportModel stores a BPMN file after reading it leniently; a model
// without a diagram gets one laid out. Its warnings are returned.
func (s *Service) ImportModel(ctx context.Context, a org.Actor, nm NewModel, r io.Reader) (*Model, *bpmn.Report, error) {
	pm, rep, err := bpmn.Parse(io.LimitReader(r, maxModelBytes))
	if err != nil {
		return nil, nil, modelError(err)
	}
	if nm.Origin == "" {
		nm.Origin = OriginImported
	}
	m, err := s.createModel(ctx, a, nm, pm)
	return m, rep, err
}

// DiscoverModel discovers a model from a source's log (Inductive Miner
// with the noise threshold) and stores it.
func (s *Service) DiscoverModel(ctx context.Context, a org.Actor, nm NewModel, noise float64) (*Model, error) {
	if noise < 0 || noise > 1 {
		return nil, fault.Fields(fault.FieldError{Field: "noise", Key: "error.workshop.noise"})
	}
	l, _, err := s.Log(ctx, a, nm.Source)
	if err != nil {
		return nil, err
	}
	if len(l.Cases) == 0 {
		return nil, fault.New(fault.Invalid, "error.workshop.empty_log")
	}
	if strings.TrimSpace(nm.Name) == "" {
		nm.Name = l.Name
	}
	nm.Origin = OriginDiscovered
	return s.createModel(ctx, a, nm, bpmn.FromTree(mining.Discover(l, noise), nm.Name))
}

func (s *Service) createModel(ctx context.Context, a org.Actor, nm NewModel, pm *bpmn.Model) (*Model, error) {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return nil, err
	}
	if nm.OrgID == nil && scope != nil {
		nm.OrgID = &scope[0]
	}
	if !inScope(scope, nm.OrgID) {
		return nil, fault.New(fault.Forbidden, "error.workshop.forbidden")
	}
	nm.Name = strings.TrimSpace(nm.Name)
	if nm.Name == "" {
		nm.Name = pm.Name
	}
	if nm.Name == "" || utf8.RuneCountInString(nm.Name) > 200 {
		return nil, fault.Fields(fault.FieldError{Field: "name", Key: "error.workshop.name"})
	}
	if nm.Source != "" {
		if _, _, _, err := ParseSourceKey(nm.Source); err != nil {
			return nil, fault.Fields(fault.FieldError{Field: "source", Key: "error.workshop.source"})
		}
	}
	if pm.Diagram == nil {
		pm.Layout()
	}
	var buf bytes.Buffer
	if err := pm.WriteXML(&buf); err != nil {
		return nil, err
	}
	now := s.now()
	m := &Model{Name: nm.Name, OrgID: nm.OrgID, Source: nm.Source, Origin: nm.Origin, BPMN: buf.Bytes(),
		CreatedBy: &a.UserID, UpdatedBy: &a.UserID, CreatedAt: now, UpdatedAt: now}
	return m, s.Store.CreateModel(ctx, m)
}

// SetModel changes a model's name and source; version is the one read.
func (s *Service) SetModel(ctx context.Context, a org.Actor, id int64, version int, name, source string) (*Model, error) {
	m, _, err := s.Model(ctx, a, id)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return nil, fault.Fields(fault.FieldError{Field: "name", Key: "error.workshop.name"})
	}
	if source != "" {
		if _, _, _, err := ParseSourceKey(source); err != nil {
			return nil, fault.Fields(fault.FieldError{Field: "source", Key: "error.workshop.source"})
		}
	}
	m.Name, m.Source, m.Version, m.UpdatedBy, m.UpdatedAt = name, source, version, &a.UserID, s.now()
	return m, s.Store.UpdateModel(ctx, m)
}

// DeleteModel removes a model.
func (s *Service) DeleteModel(ctx context.Context, a org.Actor, id int64) error {
	if _, _, err := s.Model(ctx, a, id); err != nil {
		return err
	}
	return s.Store.DeleteModel(ctx, id)
}

// modelError makes a BPMN reader's error one the user can act on.
func modelError(err error) error {
	if e, ok := err.(*bpmn.Error); ok {
		fe := fault.Wrap(fault.Invalid, "error."+e.Key, err)
		fe.Args = []any{e.Line}
		return fe
	}
	return err
}
