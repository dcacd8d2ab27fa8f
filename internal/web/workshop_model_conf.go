package web

import (
	"net/http"
	"net/url"
	"slices"

	"rathaus/internal/bpmn"
	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
	"rathaus/internal/workshop"
)

// Conformance: a log replayed token by token on a model, the fitness in
// plain words, the diagram with the steps where reality deviates (a class
// and a badge with the cases) and the deviations as a table. Alignments,
// the exact but costlier method, are computed on request.

// confPage is the conformance page.
type confPage struct {
	workshopPage
	modelForms
	Model      *workshop.Model
	ModelURL   string
	Source     string // the source key checked, "" when none is chosen yet
	SourceName string
	Sources    []modelOption
	Result     *mining.ReplayResult
	Fitness    string // "97,3 %"
	FitShare   string
	Deviations []confDeviation
	Variants   []confVariant
	Align      *confAlign
	AlignURL   string
	Problem    string // why the model cannot be compared, translated
	Diagram    modelDiagram
}

// confDeviation is one row of the deviation table.
type confDeviation struct {
	Activity, Kind, Explain string
	Cases, Events           int
	OnDiagram               bool
}

// confVariant is one variant with its fit.
type confVariant struct {
	Steps   []string
	Cases   int
	Fit     bool
	Fitness string
}

// confAlign summarises the alignments.
type confAlign struct {
	Fitness               string
	Cases, Fit, Uncounted int
	Moves                 []confMove
}

// confMove counts the deviating moves at one activity, over all cases.
type confMove struct {
	Activity        string
	LogMoves, Model int
}

// confMaxStates bounds the alignment search per variant.
const confMaxStates = 50000

func (s *Server) handleModelConformance(w http.ResponseWriter, r *http.Request) error {
	m, pm, err := s.loadModel(r)
	if err != nil {
		return err
	}
	ctx, a := r.Context(), workshopUser(r)
	sources, err := s.opts.Workshop.Sources(ctx, a)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &confPage{workshopPage: s.modelWorkshopPage(r, m, ""), Model: m, ModelURL: modelURL(m.ID), Source: q.Get("quelle")}
	p.Title = p.T("workshop_models.conf.title", m.Name)
	if p.Source == "" {
		p.Source = m.Source
	}
	p.Sources = sourceOptions(p.Page, sources, p.Source)[1:]
	p.Form = s.newForm(r, url.Values{"quelle": {p.Source}})
	if p.Source == "" {
		return s.render(w, r, "workshop_model_conf", p)
	}
	l, src, err := s.opts.Workshop.Log(ctx, a, p.Source)
	if err != nil {
		return err
	}
	if src.Process != "" {
		p.Process = src.Process
	}
	p.SourceName = workshopSourceName(p.Page, src)
	res, _, err := s.opts.Workshop.Conformance(ctx, a, m.ID, p.Source)
	if err = s.bpmnFault(r, err); fault.Is(err, fault.Invalid) { // the model cannot be replayed: say why, on this page
		p.Problem, _ = s.messages(r, err)
		return s.renderStatus(w, r, http.StatusBadRequest, "workshop_model_conf", p)
	}
	if err != nil {
		return err
	}
	p.AlignURL = p.ModelURL + "/konformitaet?" + url.Values{"quelle": {p.Source}, "ausrichtung": {"1"}}.Encode()
	if q.Get("ausrichtung") == "1" { // before fillConformance names the steps for people
		if p.Align, err = s.alignSummary(p, pm, l); err != nil {
			return err
		}
	}
	s.fillConformance(p, pm, res)
	return s.render(w, r, "workshop_model_conf", p)
}

// fillConformance puts a replay's figures, deviations and variants on
// the page and marks the deviating steps on the diagram.
func (s *Server) fillConformance(p *confPage, pm *bpmn.Model, res *mining.ReplayResult) {
	p.Result = res
	p.Fitness, p.FitShare = p.Pct(res.Fitness), p.Pct(res.FitShare)
	elements := stepElements(pm)
	marks, labels, worst := map[string]string{}, map[string]string{}, map[string]int{}
	for _, d := range res.Deviations {
		row := confDeviation{Activity: p.Act(d.Activity), Kind: p.T("workshop_models.conf.kind." + string(d.Kind)),
			Explain: p.T("workshop_models.conf.explain." + string(d.Kind)), Cases: d.Cases, Events: d.Events}
		for _, el := range elements[d.Activity] {
			row.OnDiagram = true
			marks[el] = "wm-deviation"
			worst[el] = max(worst[el], d.Cases)
		}
		p.Deviations = append(p.Deviations, row)
	}
	for el, n := range worst {
		labels[el] = p.T("workshop_models.badge.deviations", n)
	}
	p.Diagram = newModelDiagram(p.workshopPage, pm, p.Model.Name, "deviation", marks, labels)
	for i, v := range res.Variants {
		if i == 10 {
			break
		}
		cv := confVariant{Cases: v.Cases, Fit: v.Fit, Fitness: p.Pct(v.Fitness)}
		for _, a := range v.Activities {
			cv.Steps = append(cv.Steps, p.Act(a))
		}
		p.Variants = append(p.Variants, cv)
	}
}

// alignSummary aligns the log with the model and counts the deviating
// moves per activity.
func (s *Server) alignSummary(p *confPage, pm *bpmn.Model, l *eventlog.Log) (*confAlign, error) {
	net, err := pm.Net()
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "workshop_models."+bpmnKey(err), err)
	}
	for i := range net.Transitions {
		t := &net.Transitions[i]
		if el := pm.Element(t.Element); t.Label != "" && el != nil {
			t.Label = workshop.Activity(el)
		}
	}
	res := mining.Align(net, l, mining.AlignOptions{MaxStates: confMaxStates})
	out := &confAlign{Fitness: p.Pct(res.Fitness), Cases: res.Cases, Fit: res.FitCases, Uncounted: res.NotComputed}
	index := map[string]int{}
	for _, v := range res.Variants {
		for _, mv := range v.Moves {
			if mv.Kind == mining.SyncMove {
				continue
			}
			i, ok := index[mv.Activity]
			if !ok {
				i = len(out.Moves)
				index[mv.Activity] = i
				out.Moves = append(out.Moves, confMove{Activity: p.Act(mv.Activity)})
			}
			if mv.Kind == mining.LogMove {
				out.Moves[i].LogMoves += v.Cases
			} else {
				out.Moves[i].Model += v.Cases
			}
		}
	}
	slices.SortStableFunc(out.Moves, func(x, y confMove) int { return (y.LogMoves + y.Model) - (x.LogMoves + x.Model) })
	return out, nil
}

// bpmnKey is the translation key suffix of a BPMN error.
func bpmnKey(err error) string {
	if e, ok := err.(*bpmn.Error); ok {
		return e.Key
	}
	return "bpmn.read"
}
