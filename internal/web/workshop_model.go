package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The workshop's process models: the list with import and discovery
// (workshop_model_list.go), one model with its diagram, settings,
// download and deletion (workshop_model_page.go), the annotation editor
// of a step (workshop_model_step.go), conformance (workshop_model_conf.go),
// the digitisation check with its PDF (workshop_model_check.go), the
// what-if simulation of a log (workshop_sim.go) and the JSON API of all
// of it (workshop_model_api*.go). The workshop.Service decides who may see
// and change what; a case worker gets 403.

// workshopModelRoutes are the pages and JSON of process models,
// conformance, the digitisation check and the what-if simulation.
func (s *Server) workshopModelRoutes() []route {
	u := func(h handlerFunc) handlerFunc { return s.requireUser(s.withModels(h)) }
	a := func(h handlerFunc) handlerFunc { return s.requireAPIUser(s.withModels(h)) }
	return []route{
		{"GET /amt/prozesse/modelle", u(s.handleModelList)},
		{"POST /amt/prozesse/modelle", u(s.handleModelImport)},
		{"POST /amt/prozesse/modelle/entdecken", u(s.handleModelDiscover)},
		{"GET /amt/prozesse/modelle/{id}", u(s.handleModelView)}, // also {id}.bpmn
		{"POST /amt/prozesse/modelle/{id}", u(s.handleModelSettings)},
		{"GET /amt/prozesse/modelle/{id}/loeschen", u(s.handleModelDeleteForm)},
		{"POST /amt/prozesse/modelle/{id}/loeschen", u(s.handleModelDelete)},
		{"GET /amt/prozesse/modelle/{id}/schritte/{element}", u(s.handleModelStepForm)},
		{"POST /amt/prozesse/modelle/{id}/schritte/{element}", u(s.handleModelStepSave)},
		{"GET /amt/prozesse/modelle/{id}/konformitaet", u(s.handleModelConformance)},
		{"GET /amt/prozesse/modelle/{id}/digitalcheck", u(s.handleModelCheck)},
		{"GET /amt/prozesse/modelle/{id}/digitalcheck.pdf", u(s.handleModelCheckPDF)},
		{"GET /amt/prozesse/protokolle/{key}/simulation", u(s.handleSimulation)},

		{"GET /api/v1/workshop/models", a(s.handleAPIModels)},
		{"POST /api/v1/workshop/models", a(s.handleAPIModelImport)},
		{"POST /api/v1/workshop/models/discover", a(s.handleAPIModelDiscover)},
		{"GET /api/v1/workshop/models/{id}", a(s.handleAPIModel)},
		{"DELETE /api/v1/workshop/models/{id}", a(s.handleAPIModelDelete)},
		{"PUT /api/v1/workshop/models/{id}/steps/{element}", a(s.handleAPIModelStep)},
		{"GET /api/v1/workshop/models/{id}/conformance", a(s.handleAPIModelConformance)},
		{"GET /api/v1/workshop/models/{id}/check", a(s.handleAPIModelCheck)},
		{"POST /api/v1/workshop/sources/{key}/simulate", a(s.handleAPISimulate)},
	}
}

// withModels answers Not Found when the server has no workshop, so the
// routes can be registered (and documented) either way.
func (s *Server) withModels(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Workshop == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// modelID reads the {id} path value; a malformed one is Not Found.
func modelID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// loadModel reads the model of the {id} path value for the current user.
func (s *Server) loadModel(r *http.Request) (*workshop.Model, *bpmn.Model, error) {
	id, err := modelID(r)
	if err != nil {
		return nil, nil, err
	}
	return s.opts.Workshop.Model(r.Context(), workshopUser(r), id)
}

// modelURL is a model's page; parts are further path segments (escaped).
func modelURL(id int64, parts ...string) string {
	p := "/amt/prozesse/modelle/" + strconv.FormatInt(id, 10)
	for _, x := range parts {
		p += "/" + url.PathEscape(x)
	}
	return p
}

// stepURL is the annotation editor of one step.
func stepURL(id int64, element string) string { return modelURL(id, "schritte", element) }

// modelStep is one task of a model with its annotation.
type modelStep struct {
	ID, Name, Kind string
	Activity       string // the event-log activity it stands for
	Annotated      bool
	Annotation     digitalcheck.Annotation
	Invalid        bool // its stored annotation cannot be read
}

// modelSteps lists the model's tasks in diagram order.
func modelSteps(pm *bpmn.Model) []modelStep {
	var out []modelStep
	for _, t := range pm.Tasks() {
		ann, err := digitalcheck.FromProps(t.Props)
		out = append(out, modelStep{ID: t.ID, Name: stepName(t), Kind: t.Kind, Activity: workshop.Activity(t),
			Annotated: digitalcheck.Annotated(t.Props), Annotation: ann, Invalid: err != nil})
	}
	return out
}

// stepName is a step's label: its name, else its id.
func stepName(e *bpmn.Element) string {
	if n := strings.Join(strings.Fields(e.Name), " "); n != "" {
		return n
	}
	return e.ID
}

// stepElements maps event-log activities to the ids of the steps that
// stand for them, for highlighting what the log says on the diagram.
func stepElements(pm *bpmn.Model) map[string][]string {
	out := map[string][]string{}
	for _, t := range pm.Tasks() {
		a := workshop.Activity(t)
		out[a] = append(out[a], t.ID)
	}
	return out
}

// modelForms gives the model pages' templates their select fields.
type modelForms struct{}

// modelSelect is a labelled select with its options.
type modelSelect struct {
	Field
	Options []modelOption
}

// modelOption is an option of a select.
type modelOption struct {
	Value, Label string
	Selected     bool
}

// Select describes a select for the "wm-select" partial; hintKey may be
// empty. The submitted value (when the form came back) selects its option.
func (modelForms) Select(f *Form, name, labelKey, hintKey string, opts []modelOption) modelSelect {
	fd := Field{Form: f, ID: fieldID(name), Name: name, Label: f.T(labelKey), Error: f.Error(name)}
	if hintKey != "" {
		fd.Hint = f.T(hintKey)
	}
	if v, ok := f.Values[name]; ok && len(v) > 0 {
		out := make([]modelOption, len(opts))
		for i, o := range opts {
			o.Selected = o.Value == v[0]
			out[i] = o
		}
		opts = out
	}
	return modelSelect{Field: fd, Options: opts}
}

// bpmnFault gives a BPMN reader's error (key "error.bpmn.…" with the
// line, made by the workshop service) the model pages' own text
// ("workshop_models.bpmn.…"), with the line when it is known.
func (s *Server) bpmnFault(r *http.Request, err error) error {
	if err == nil || fault.KindOf(err) == fault.Internal {
		return err
	}
	orig := fault.As(err)
	k, ok := strings.CutPrefix(orig.Key, "error.bpmn.")
	if !ok {
		return err
	}
	f := *orig
	text := s.t(r, "workshop_models.bpmn."+k)
	f.Key, f.Args = "workshop_models.bpmn.plain", []any{text}
	if len(orig.Args) > 0 {
		if line, _ := orig.Args[0].(int); line > 0 {
			f.Key, f.Args = "workshop_models.bpmn.at_line", []any{text, line}
		}
	}
	return &f
}

// modelSVG draws a model's diagram with the steps named as the pages name
// them (platform activities translated). It renames the tasks of pm, so
// call it after everything that reads their names.
// modelDiagram is a model's diagram with its heading and legend, as the
// model, conformance and check pages show it (partial "wm-diagram-section").
type modelDiagram struct {
	SVG             template.HTML
	Marked          int    // steps marked on it
	Kind            string // "obstacle" or "deviation": the legend's swatch
	Heading, Legend string
	Region          string // the scrolling region's accessible name
}

// modelDiagramKeys are the heading, legend and no-marks legend per kind.
var modelDiagramKeys = map[string][3]string{
	"obstacle":  {"workshop_models.view.diagram", "workshop_models.view.legend", "workshop_models.view.legend_none"},
	"deviation": {"workshop_models.conf.diagram", "workshop_models.conf.legend", "workshop_models.conf.legend_none"},
}

// newModelDiagram draws pm named name with marks (element -> CSS class)
// and badge labels.
func newModelDiagram(p workshopPage, pm *bpmn.Model, name, kind string, marks, labels map[string]string) modelDiagram {
	keys := modelDiagramKeys[kind]
	d := modelDiagram{Marked: len(marks), Kind: kind, Heading: p.T(keys[0]), Legend: p.T(keys[2]),
		Region: p.T("workshop_models.view.diagram_region"),
		SVG:    modelSVG(p, pm, bpmn.SVGOptions{Title: p.T("workshop_models.view.diagram_title", name), Highlight: marks, Labels: labels})}
	if d.Marked > 0 {
		d.Legend = p.T(keys[1])
	}
	return d
}

func modelSVG(p workshopPage, pm *bpmn.Model, o bpmn.SVGOptions) template.HTML {
	pm.Walk(func(e *bpmn.Element) {
		if bpmn.IsTask(e.Kind) && e.Name != "" {
			e.Name = p.Act(e.Name)
		}
	})
	return template.HTML(pm.SVG(o)) // the bpmn package escapes every text it draws
}
