package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/mining"
)

// The analyses as JSON: GET /api/v1/workshop/sources/{key}/{analysis}
// with the filter's query parameters (workshop_log_filter.go) and each
// analysis's own (dfg: aktivitaeten, pfade; deadlines: frist; workload:
// nach). Lists are bounded (limit, default 100, at most 1000).

// workshopAPIAnalysis is one analysis of the API.
type workshopAPIAnalysisDef struct {
	name string
	run  func(r *http.Request, a *workshopAnalysis) (any, error)
}

func workshopAPIAnalyses() []workshopAPIAnalysisDef {
	return []workshopAPIAnalysisDef{
		{"overview", func(r *http.Request, a *workshopAnalysis) (any, error) { return mining.Stats(a.Log), nil }},
		{"dfg", apiDFG},
		{"variants", apiVariants},
		{"activities", func(r *http.Request, a *workshopAnalysis) (any, error) {
			acts := mining.ActivityStats(a.Log)
			return map[string]any{"activities": acts[:min(len(acts), apiLimit(r))]}, nil
		}},
		{"bottlenecks", func(r *http.Request, a *workshopAnalysis) (any, error) {
			b := mining.Bottlenecks(a.Log)
			n := apiLimit(r)
			b.Edges, b.Activities = b.Edges[:min(len(b.Edges), n)], b.Activities[:min(len(b.Activities), n)]
			return b, nil
		}},
		{"rework", func(r *http.Request, a *workshopAnalysis) (any, error) {
			rw := mining.Rework(a.Log)
			n := apiLimit(r)
			rw.Activities, rw.PingPong = rw.Activities[:min(len(rw.Activities), n)], rw.PingPong[:min(len(rw.PingPong), n)]
			return rw, nil
		}},
		{"deadlines", func(r *http.Request, a *workshopAnalysis) (any, error) {
			days, err := deadlineDays(r.URL.Query())
			if err != nil {
				return nil, err
			}
			return mining.Deadlines(a.Log, deadlineOptions(days, deadlineEnds(r.URL.Query(), a.Full))), nil
		}},
		{"workload", func(r *http.Request, a *workshopAnalysis) (any, error) {
			keys := workloadKeys(a.Full)
			by := r.URL.Query().Get("nach")
			if by == "" {
				by = keys[0]
			}
			return mining.Workload(a.Log, mining.WorkloadOptions{By: by}), nil
		}},
	}
}

// workshopAPIAnalysis adapts an analysis to a handler.
func (s *Server) workshopAPIAnalysis(run func(*http.Request, *workshopAnalysis) (any, error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := s.workshopLoadAPI(r)
		if err != nil {
			return err
		}
		v, err := run(r, a)
		if err != nil {
			return err
		}
		return s.writeJSON(w, http.StatusOK, v)
	}
}

// apiLimit is the length of lists: ?limit, default 100, at most 1000.
func apiLimit(r *http.Request) int {
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 {
		return min(n, 1000)
	}
	return 100
}

// apiDFG is the graph, pruned by aktivitaeten and pfade (percent).
func apiDFG(r *http.Request, a *workshopAnalysis) (any, error) {
	q := r.URL.Query()
	for _, k := range []string{"aktivitaeten", "pfade"} {
		if v := q.Get(k); v != "" {
			if n, err := strconv.Atoi(v); err != nil || n < 0 || n > 100 {
				return nil, fault.Fields(fault.FieldError{Field: k, Key: "workshop_logs.dfg.error.percent"})
			}
		}
	}
	d := parseDFGQuery(q)
	return mining.DFG(a.Log).Prune(float64(d.Activities)/100, float64(d.Paths)/100), nil
}

// apiVariants lists the variants with their activities named.
func apiVariants(r *http.Request, a *workshopAnalysis) (any, error) {
	vs := mining.Variants(a.Log)
	total := len(vs)
	vs = vs[:min(total, apiLimit(r))]
	return map[string]any{"cases": len(a.Log.Cases), "total": total, "variants": namedVariants(a.Log, vs)}, nil
}
