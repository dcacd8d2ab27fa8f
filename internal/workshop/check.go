package workshop

import (
	"bytes"
	"context"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
	"rathaus/internal/org"
)

// Annotate records the digitisation check's annotation of one step;
// version is the model version the editor read.
func (s *Service) Annotate(ctx context.Context, a org.Actor, id int64, version int, elementID string, ann digitalcheck.Annotation) (*Model, error) {
	m, pm, err := s.Model(ctx, a, id)
	if err != nil {
		return nil, err
	}
	el := pm.Element(elementID)
	if el == nil || !bpmn.IsTask(el.Kind) && !bpmn.IsSubProcess(el.Kind) {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	if err := ann.Validate(); err != nil {
		return nil, err
	}
	props := map[string]string{}
	for k, v := range el.Props {
		if !isCheckProp(k) {
			props[k] = v
		}
	}
	for k, v := range ann.ToProps() {
		props[k] = v
	}
	el.Props = props
	var buf bytes.Buffer
	if err := pm.WriteXML(&buf); err != nil {
		return nil, err
	}
	m.BPMN, m.Version, m.UpdatedBy, m.UpdatedAt = buf.Bytes(), version, &a.UserID, s.now()
	return m, s.Store.UpdateModel(ctx, m)
}

func isCheckProp(k string) bool { return len(k) > 3 && k[:3] == "dc." }

// CheckResult is a model's digitisation check with what it was measured on.
type CheckResult struct {
	Model  *Model
	BPMN   *bpmn.Model
	Report digitalcheck.Report
	// Source is the log the times come from; nil when the model names
	// none (the check then flags obstacles without savings).
	Source *Source
}

// Check runs the digitisation check over a model's annotated steps with
// the measured times of the log the model describes.
func (s *Service) Check(ctx context.Context, a org.Actor, id int64) (*CheckResult, error) {
	m, pm, err := s.Model(ctx, a, id)
	if err != nil {
		return nil, err
	}
	res := &CheckResult{Model: m, BPMN: pm}
	byActivity := map[string]digitalcheck.Measured{}
	if m.Source != "" {
		l, src, err := s.Log(ctx, a, m.Source)
		if err != nil && !fault.Is(err, fault.NotFound) {
			return nil, err
		}
		if err == nil {
			byActivity, res.Source = digitalcheck.Measure(l), src
		}
	}
	var steps []digitalcheck.Step
	measured := map[string]digitalcheck.Measured{}
	for _, t := range pm.Tasks() {
		ann, err := digitalcheck.FromProps(t.Props)
		if err != nil {
			return nil, err
		}
		name := t.Name
		if name == "" {
			name = t.ID
		}
		steps = append(steps, digitalcheck.Step{ID: t.ID, Name: name, Annotation: ann})
		if mm, ok := byActivity[Activity(t)]; ok {
			measured[name] = mm
		}
	}
	res.Report = digitalcheck.Check(steps, measured)
	return res, nil
}

// Conformance replays a source's log on a model: how well reality fits
// the model and where it deviates.
func (s *Service) Conformance(ctx context.Context, a org.Actor, id int64, source string) (*mining.ReplayResult, *bpmn.Model, error) {
	m, pm, err := s.Model(ctx, a, id)
	if err != nil {
		return nil, nil, err
	}
	if source == "" {
		source = m.Source
	}
	if source == "" {
		return nil, nil, fault.Fields(fault.FieldError{Field: "source", Key: "error.workshop.source"})
	}
	l, _, err := s.Log(ctx, a, source)
	if err != nil {
		return nil, nil, err
	}
	net, err := pm.Net()
	if err != nil {
		return nil, nil, modelError(err)
	}
	relabel(net, pm)
	return mining.Replay(net, l), pm, nil
}

// relabel names each visible transition by the activity its step stands
// for, so a model with readable labels replays a log of activity ids.
func relabel(n *mining.Net, pm *bpmn.Model) {
	for i := range n.Transitions {
		t := &n.Transitions[i]
		if t.Label == "" || t.Element == "" {
			continue
		}
		if el := pm.Element(t.Element); el != nil {
			t.Label = Activity(el)
		}
	}
}
