package mining

import (
	"cmp"
	"slices"

	"rathaus/internal/eventlog"
)

// ReplayResult is the outcome of token-based replay of a log on a net.
type ReplayResult struct {
	// Fitness is the log fitness 1/2(1−m/c) + 1/2(1−r/p) over the token
	// counts summed over all cases (pm4py's log_fitness).
	Fitness float64 `json:"fitness"`
	// MeanTraceFitness is the mean of the cases' own fitness.
	MeanTraceFitness float64 `json:"mean_trace_fitness"`
	Cases            int     `json:"cases"`
	FitCases         int     `json:"fit_cases"` // cases replayed without any deviation
	FitShare         float64 `json:"fit_share"` // FitCases / Cases

	// Token counts over all cases: produced, consumed, missing (added to
	// fire a transition that was not enabled) and remaining at the end.
	Produced, Consumed, Missing, Remaining int

	Transitions []TransitionReplay `json:"transitions"` // indexed like Net.Transitions
	Activities  []ActivityReplay   `json:"activities"`  // the log's activities, by name
	// PlaceRemaining are the tokens left in each place at the end of all
	// cases (beyond the final marking); PlaceMissing the tokens that had
	// to be added to each place.
	PlaceRemaining []int        `json:"place_remaining"`
	PlaceMissing   []int        `json:"place_missing"`
	Deviations     []Deviation  `json:"deviations"` // most cases first
	Variants       []VariantFit `json:"variants"`   // most cases first
	NotInModel     []string     `json:"not_in_model"`
}

// TransitionReplay counts how often a transition fired, and how often of
// these only with missing tokens (the log did it when the model did not
// allow it).
type TransitionReplay struct {
	Fired  int `json:"fired"`
	Forced int `json:"forced"`
}

// ActivityReplay sums up the replay of one activity of the log.
type ActivityReplay struct {
	Activity string `json:"activity"`
	InModel  bool   `json:"in_model"`
	Events   int    `json:"events"`  // occurrences in the log
	Forced   int    `json:"forced"`  // of these, when the model did not allow it (all when not in the model)
	Skipped  int    `json:"skipped"` // times a case ended with tokens left in front of it
}

// DeviationKind says how reality deviates from the model.
type DeviationKind string

const (
	// NotEnabled: the activity happened when the model did not allow it.
	NotEnabled DeviationKind = "not-enabled"
	// NotInModel: the activity does not occur in the model at all.
	NotInModel DeviationKind = "not-in-model"
	// Skipped: the model expected the activity but the case ended
	// without it (tokens were left in front of it).
	Skipped DeviationKind = "skipped"
)

// Deviation is one way reality deviates from the model at an activity.
type Deviation struct {
	Activity string        `json:"activity"`
	Kind     DeviationKind `json:"kind"`
	Cases    int           `json:"cases"`  // cases with this deviation
	Events   int           `json:"events"` // occurrences over all cases
}

// VariantFit is the replay of one variant.
type VariantFit struct {
	Activities []string `json:"activities"`
	Cases      int      `json:"cases"`
	Fitness    float64  `json:"fitness"`
	Fit        bool     `json:"fit"` // no missing, remaining or foreign tokens
}

// Replay replays the log on the net token by token (each variant once,
// weighted by its cases). For each event a transition with its label
// fires; when none is enabled, a short sequence of silent transitions
// that enables one is fired first (a best-first search over at most
// maxSilentStates markings, guided by how many silent steps each place is
// from a token), and failing that the missing tokens are added. At the
// end silent transitions lead to the final marking when they can; tokens
// left over count as remaining, final tokens not there as missing.
//
// A case's fitness is 1/2(1−m/c) + 1/2(1−r/p). An activity the model does
// not have counts as a transition with its own input and output place:
// one missing, one consumed, one produced and one remaining token (pm4py
// leaves such events out of the token counts and only marks the case as
// not fitting).
func Replay(n *Net, l *eventlog.Log) *ReplayResult {
	r := newReplayer(n, l)
	res := &ReplayResult{
		Transitions:    make([]TransitionReplay, len(n.Transitions)),
		PlaceRemaining: make([]int, n.Places),
		PlaceMissing:   make([]int, n.Places),
	}
	devs := map[devKey]*Deviation{}
	acts := make([]ActivityReplay, len(l.Activities))
	for a, name := range l.Activities {
		acts[a] = ActivityReplay{Activity: name, InModel: len(r.cands[a]) > 0}
	}
	s := logVariants(l)
	sumFit := 0.0
	for i, tr := range s.traces {
		tc := r.replay(tr)
		k := s.counts[i]
		res.add(tc, k)
		for _, a := range tr {
			acts[a].Events += k
		}
		for a, f := range tc.actForced {
			acts[a].Forced += f * k
		}
		sumFit += tc.fitness() * float64(k)
		for key, events := range tc.devs {
			d := devs[key]
			if d == nil {
				d = &Deviation{Activity: key.activity, Kind: key.kind}
				devs[key] = d
			}
			d.Cases += k
			d.Events += events * k
		}
		names := make([]string, len(tr))
		for j, a := range tr {
			names[j] = l.Activities[a]
		}
		res.Variants = append(res.Variants, VariantFit{Activities: names, Cases: k, Fitness: tc.fitness(), Fit: tc.fit()})
	}
	res.finish(sumFit, devs, acts)
	return res
}

func (res *ReplayResult) add(tc *traceReplay, k int) {
	res.Cases += k
	if tc.fit() {
		res.FitCases += k
	}
	res.Produced += tc.p * k
	res.Consumed += tc.c * k
	res.Missing += tc.m * k
	res.Remaining += tc.r * k
	for t, f := range tc.fired {
		res.Transitions[t].Fired += f * k
	}
	for t, f := range tc.forced {
		res.Transitions[t].Forced += f * k
	}
	for p, v := range tc.left {
		res.PlaceRemaining[p] += v * k
	}
	for p, v := range tc.missingAt {
		res.PlaceMissing[p] += v * k
	}
}

func (res *ReplayResult) finish(sumFit float64, devs map[devKey]*Deviation, acts []ActivityReplay) {
	res.Fitness = tokenFitness(res.Missing, res.Consumed, res.Remaining, res.Produced)
	if res.Cases > 0 {
		res.MeanTraceFitness = sumFit / float64(res.Cases)
		res.FitShare = float64(res.FitCases) / float64(res.Cases)
	} else {
		res.Fitness = 1
	}
	for _, d := range devs {
		res.Deviations = append(res.Deviations, *d)
		if d.Kind == NotInModel {
			res.NotInModel = append(res.NotInModel, d.Activity)
		}
	}
	slices.Sort(res.NotInModel)
	for _, d := range res.Deviations {
		if d.Kind != Skipped {
			continue
		}
		for i := range acts {
			if acts[i].Activity == d.Activity {
				acts[i].Skipped += d.Events
			}
		}
	}
	slices.SortFunc(acts, func(a, b ActivityReplay) int { return cmp.Compare(a.Activity, b.Activity) })
	res.Activities = acts
	slices.SortFunc(res.Deviations, func(a, b Deviation) int {
		return cmp.Or(b.Cases-a.Cases, cmp.Compare(a.Activity, b.Activity), cmp.Compare(a.Kind, b.Kind))
	})
	slices.SortStableFunc(res.Variants, func(a, b VariantFit) int { return b.Cases - a.Cases })
}

// tokenFitness is 1/2(1−m/c) + 1/2(1−r/p), taking a zero denominator as
// nothing to miss.
func tokenFitness(m, c, r, p int) float64 {
	f := 1.0
	if c > 0 {
		f -= 0.5 * float64(m) / float64(c)
	}
	if p > 0 {
		f -= 0.5 * float64(r) / float64(p)
	}
	return f
}
