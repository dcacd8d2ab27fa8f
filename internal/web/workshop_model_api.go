package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/bpmn"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The JSON API of process models (openapi.json, tag "workshop"): list,
// import (the BPMN XML in a JSON body), discovery, one model with its
// steps and annotations, deletion and annotating a step.

// apiModelJSON is a model in the list.
type apiModelJSON struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Origin    string    `json:"origin"`
	Source    string    `json:"source,omitempty"`
	OrgID     *int64    `json:"org_id,omitempty"`
	Version   int       `json:"version"`
	Steps     int       `json:"steps"`
	Annotated int       `json:"annotated"`
	Score     *int      `json:"score,omitempty"` // readiness of the annotations, when any step is annotated
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Href      string    `json:"href"`
	BPMNHref  string    `json:"bpmn_href"`
}

// apiModelDetailJSON is one model with its steps.
type apiModelDetailJSON struct {
	apiModelJSON
	StepList []apiStepJSON `json:"step_list"`
	Warnings []string      `json:"warnings,omitempty"` // of an import
}

// apiStepJSON is one step of a model.
type apiStepJSON struct {
	ID         string                   `json:"id"`
	Name       string                   `json:"name"`
	Kind       string                   `json:"kind"`
	Activity   string                   `json:"activity"`
	Annotated  bool                     `json:"annotated"`
	Annotation *digitalcheck.Annotation `json:"annotation,omitempty"`
}

type apiModelListJSON struct {
	Models []apiModelJSON `json:"models"`
}

// apiModelImportRequest imports a BPMN file.
type apiModelImportRequest struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	OrgID  *int64 `json:"org_id"`
	BPMN   string `json:"bpmn"` // the BPMN 2.0 XML
}

// apiDiscoverRequest discovers a model from a log.
type apiDiscoverRequest struct {
	Source string   `json:"source"`
	Name   string   `json:"name"`
	OrgID  *int64   `json:"org_id"`
	Noise  *float64 `json:"noise"` // 0–1; default 0.2
}

// apiStepRequest annotates a step.
type apiStepRequest struct {
	Version    int                     `json:"version"`
	Annotation digitalcheck.Annotation `json:"annotation"`
}

func apiModel(m *workshop.Model, pm *bpmn.Model) apiModelJSON {
	out := apiModelJSON{ID: m.ID, Name: m.Name, Origin: m.Origin, Source: m.Source, OrgID: m.OrgID, Version: m.Version,
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, Href: modelURL(m.ID), BPMNHref: modelURL(m.ID) + ".bpmn"}
	if pm == nil {
		return out
	}
	var steps []digitalcheck.Step
	for _, st := range modelSteps(pm) {
		out.Steps++
		if st.Annotated {
			out.Annotated++
		}
		steps = append(steps, digitalcheck.Step{ID: st.ID, Name: st.Name, Annotation: st.Annotation})
	}
	if out.Annotated > 0 {
		score := digitalcheck.Check(steps, nil).Score
		out.Score = &score
	}
	return out
}

func apiModelDetail(m *workshop.Model, pm *bpmn.Model) apiModelDetailJSON {
	d := apiModelDetailJSON{apiModelJSON: apiModel(m, pm), StepList: []apiStepJSON{}}
	for _, st := range modelSteps(pm) {
		js := apiStepJSON{ID: st.ID, Name: st.Name, Kind: st.Kind, Activity: st.Activity, Annotated: st.Annotated}
		if st.Annotated {
			ann := st.Annotation
			js.Annotation = &ann
		}
		d.StepList = append(d.StepList, js)
	}
	return d
}

func (s *Server) handleAPIModels(w http.ResponseWriter, r *http.Request) error {
	ws, err := s.workshopService()
	if err != nil {
		return err
	}
	models, err := ws.Models(r.Context(), workshopUser(r))
	if err != nil {
		return err
	}
	out := apiModelListJSON{Models: []apiModelJSON{}}
	for _, m := range models {
		pm, _, _ := bpmn.Parse(bytes.NewReader(m.BPMN)) // an unreadable model is listed without steps
		out.Models = append(out.Models, apiModel(m, pm))
	}
	return s.writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleAPIModel(w http.ResponseWriter, r *http.Request) error {
	m, pm, err := s.loadModel(r)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, apiModelDetail(m, pm))
}

func (s *Server) handleAPIModelImport(w http.ResponseWriter, r *http.Request) error {
	var req apiModelImportRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.BPMN) == "" {
		return fault.Fields(fault.FieldError{Field: "bpmn", Key: "workshop_models.error.file"})
	}
	ctx, a := r.Context(), workshopUser(r)
	m, rep, err := s.opts.Workshop.ImportModel(ctx, a, workshop.NewModel{Name: req.Name, Source: req.Source, OrgID: req.OrgID},
		strings.NewReader(req.BPMN))
	if err = s.bpmnFault(r, err); err != nil {
		return err
	}
	return s.writeCreatedModel(w, r, m, rep)
}

func (s *Server) handleAPIModelDiscover(w http.ResponseWriter, r *http.Request) error {
	var req apiDiscoverRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	noise := 0.2
	if req.Noise != nil {
		noise = *req.Noise
	}
	if req.Source == "" {
		return fault.Fields(fault.FieldError{Field: "source", Key: "workshop_models.error.source"})
	}
	m, err := s.opts.Workshop.DiscoverModel(r.Context(), workshopUser(r), workshop.NewModel{Name: req.Name, Source: req.Source, OrgID: req.OrgID}, noise)
	if err != nil {
		return err
	}
	return s.writeCreatedModel(w, r, m, nil)
}

// writeCreatedModel answers 201 with the new model and its import warnings.
func (s *Server) writeCreatedModel(w http.ResponseWriter, r *http.Request, m *workshop.Model, rep *bpmn.Report) error {
	_, pm, err := s.opts.Workshop.Model(r.Context(), workshopUser(r), m.ID)
	if err != nil {
		return err
	}
	d := apiModelDetail(m, pm)
	if rep != nil {
		for _, e := range rep.Warnings {
			d.Warnings = append(d.Warnings, s.t(r, "workshop_models.warning", s.t(r, "workshop_models."+e.Key), e.Line, e.Detail))
		}
	}
	w.Header().Set("Location", "/api/v1/workshop/models/"+strconv.FormatInt(m.ID, 10))
	return s.writeJSON(w, http.StatusCreated, d)
}

func (s *Server) handleAPIModelDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := modelID(r)
	if err != nil {
		return err
	}
	if err := s.opts.Workshop.DeleteModel(r.Context(), workshopUser(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// handleAPIModelStep annotates a step; the answer is the model with the
// new version.
func (s *Server) handleAPIModelStep(w http.ResponseWriter, r *http.Request) error {
	var req apiStepRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	id, err := modelID(r)
	if err != nil {
		return err
	}
	ctx, a := r.Context(), workshopUser(r)
	if _, err := s.opts.Workshop.Annotate(ctx, a, id, req.Version, r.PathValue("element"), req.Annotation); err != nil {
		return apiAnnotationFields(err)
	}
	m, pm, err := s.opts.Workshop.Model(ctx, a, id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, apiModelDetail(m, pm))
}

// apiAnnotationFields names the fields of annotation errors as the JSON
// does ("annotation.form").
func apiAnnotationFields(err error) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	f := *fault.As(err)
	fields := make([]fault.FieldError, len(f.Fields))
	for i, fe := range f.Fields {
		fe.Field = "annotation." + strings.TrimPrefix(fe.Field, digitalcheck.Prefix)
		fields[i] = fe
	}
	f.Fields = fields
	return &f
}
