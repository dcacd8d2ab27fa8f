package web

import (
	"net/http"
	"time"

	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/mining"
)

// The JSON of conformance, the digitisation check and the what-if
// simulation.

// apiConformanceJSON is a replay of a log on a model.
type apiConformanceJSON struct {
	ModelID          int64               `json:"model_id"`
	Source           string              `json:"source"`
	Fitness          float64             `json:"fitness"`
	MeanTraceFitness float64             `json:"mean_trace_fitness"`
	Cases            int                 `json:"cases"`
	FitCases         int                 `json:"fit_cases"`
	FitShare         float64             `json:"fit_share"`
	Tokens           apiTokensJSON       `json:"tokens"`
	Deviations       []apiDeviationJSON  `json:"deviations"`
	Variants         []mining.VariantFit `json:"variants"`
	NotInModel       []string            `json:"not_in_model"`
}

type apiTokensJSON struct {
	Produced  int `json:"produced"`
	Consumed  int `json:"consumed"`
	Missing   int `json:"missing"`
	Remaining int `json:"remaining"`
}

// apiDeviationJSON is a deviation with the model's steps it concerns.
type apiDeviationJSON struct {
	mining.Deviation
	Elements []string `json:"elements"` // BPMN ids of the steps; none for activities not in the model
}

// apiCheckJSON is the digitisation check of a model.
type apiCheckJSON struct {
	ModelID int64               `json:"model_id"`
	Source  string              `json:"source,omitempty"` // the log the times were measured in
	Report  digitalcheck.Report `json:"report"`
}

// apiSimulateRequest is a what-if scenario.
type apiSimulateRequest struct {
	Remove     []string           `json:"remove"`
	Automate   map[string]float64 `json:"automate"` // activity -> new time before it, in seconds
	Replicates int                `json:"replicates"`
	Seed       uint64             `json:"seed"`
}

func (s *Server) handleAPIModelConformance(w http.ResponseWriter, r *http.Request) error {
	id, err := modelID(r)
	if err != nil {
		return err
	}
	source := r.URL.Query().Get("source")
	res, pm, err := s.opts.Workshop.Conformance(r.Context(), workshopUser(r), id, source)
	if err = s.bpmnFault(r, err); err != nil {
		return err
	}
	if source == "" {
		m, _, err := s.opts.Workshop.Model(r.Context(), workshopUser(r), id)
		if err != nil {
			return err
		}
		source = m.Source
	}
	out := apiConformanceJSON{ModelID: id, Source: source, Fitness: res.Fitness, MeanTraceFitness: res.MeanTraceFitness,
		Cases: res.Cases, FitCases: res.FitCases, FitShare: res.FitShare,
		Tokens:     apiTokensJSON{res.Produced, res.Consumed, res.Missing, res.Remaining},
		Deviations: []apiDeviationJSON{}, Variants: res.Variants, NotInModel: res.NotInModel}
	if out.Variants == nil {
		out.Variants = []mining.VariantFit{}
	}
	if out.NotInModel == nil {
		out.NotInModel = []string{}
	}
	elements := stepElements(pm)
	for _, d := range res.Deviations {
		els := elements[d.Activity]
		if els == nil {
			els = []string{}
		}
		out.Deviations = append(out.Deviations, apiDeviationJSON{Deviation: d, Elements: els})
	}
	return s.writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleAPIModelCheck(w http.ResponseWriter, r *http.Request) error {
	id, res, err := s.modelCheck(r)
	if err != nil {
		return err
	}
	out := apiCheckJSON{ModelID: id, Report: res.Report}
	if res.Source != nil {
		out.Source = res.Source.Key
	}
	if out.Report.Steps == nil {
		out.Report.Steps = []digitalcheck.StepResult{}
	}
	return s.writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleAPISimulate(w http.ResponseWriter, r *http.Request) error {
	var req apiSimulateRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	var v fault.Validator
	v.Check(req.Replicates == 0 || req.Replicates >= simMinReplicates && req.Replicates <= simMaxReplicates,
		"replicates", "workshop_models.sim.error.replicates", simMinReplicates, simMaxReplicates)
	sc := mining.Scenario{Remove: req.Remove, Automate: map[string]time.Duration{}}
	for act, sec := range req.Automate {
		v.Check(sec >= 0 && sec <= 366*86400, "automate", "workshop_models.sim.error.seconds", act)
		sc.Automate[act] = time.Duration(sec * float64(time.Second))
	}
	if err := v.Err(); err != nil {
		return err
	}
	l, _, err := s.workshopLog(r)
	if err != nil {
		return err
	}
	seed := req.Seed
	if seed == 0 {
		seed = simSeed
	}
	res := mining.Simulate(l, sc, mining.SimOptions{Replicates: req.Replicates, Seed: seed})
	if len(res.Unknown) > 0 {
		return fault.Fields(fault.FieldError{Field: "remove", Key: "workshop_models.sim.error.unknown", Args: []any{res.Unknown[0]}})
	}
	return s.writeJSON(w, http.StatusOK, res)
}
