package mining

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"rathaus/internal/eventlog"
)

// AlignOptions bound the alignment search.
type AlignOptions struct {
	// MaxStates is the most search states per variant (0: 200000); a
	// variant that needs more is left "not computed".
	MaxStates int
}

// AlignResult is the outcome of aligning a log with a net.
type AlignResult struct {
	// Fitness is 1 − Σcost / Σworst-case cost over the computed cases
	// (pm4py's log_fitness); MeanTraceFitness the mean of the cases' own
	// fitness. Both leave out cases that were not computed.
	Fitness          float64            `json:"fitness"`
	MeanTraceFitness float64            `json:"mean_trace_fitness"`
	Cases            int                `json:"cases"`
	FitCases         int                `json:"fit_cases"`    // computed with cost 0
	NotComputed      int                `json:"not_computed"` // cases whose variant exceeded MaxStates
	Variants         []VariantAlignment `json:"variants"`     // most cases first
}

// VariantAlignment is the optimal alignment of one variant.
type VariantAlignment struct {
	Activities []string `json:"activities"`
	Cases      int      `json:"cases"`
	Computed   bool     `json:"computed"`
	Cost       int      `json:"cost"`    // log moves plus visible model moves
	Fitness    float64  `json:"fitness"` // 1 − Cost / (trace length + shortest model run)
	Moves      []Move   `json:"moves"`   // silent model moves left out
	States     int      `json:"states"`  // search states visited
}

// MoveKind is the kind of an alignment move.
type MoveKind string

const (
	SyncMove  MoveKind = "sync"  // log and model agree
	LogMove   MoveKind = "log"   // the log did it, the model cannot
	ModelMove MoveKind = "model" // the model needs it, the log did not
)

// Move is one step of an alignment.
type Move struct {
	Kind       MoveKind `json:"kind"`
	Activity   string   `json:"activity"`
	Transition int      `json:"transition"` // index into Net.Transitions, -1 for a log move
}

// Costs of the moves: a silent step costs a tiny epsilon so that short
// runs are preferred, never enough to outweigh a real deviation.
const (
	moveCost   = 1 << 20
	silentCost = 1
)

// Align computes optimal alignments of every variant with the net by A*
// search over the synchronous product (log move 1, visible model move 1,
// synchronous and silent moves 0 plus a small epsilon for silent moves).
// The heuristic counts the trace's remaining events that no transition
// can match. Alignment fitness is 1 − cost / worst-case cost, the worst
// case being every event a log move plus the shortest run of the model.
func Align(n *Net, l *eventlog.Log, o AlignOptions) *AlignResult {
	if o.MaxStates <= 0 {
		o.MaxStates = 200000
	}
	a := newAligner(n, l, o.MaxStates)
	res := &AlignResult{}
	empty := a.align(nil)
	modelRun := 0
	if empty.computed {
		modelRun = empty.cost
	}
	s := logVariants(l)
	aligned := alignAll(a, s.traces)
	var sumCost, sumWorst, sumFit float64
	for i, tr := range s.traces {
		k := s.counts[i]
		res.Cases += k
		al := aligned[i]
		va := VariantAlignment{Activities: a.names(tr), Cases: k, Computed: al.computed, States: al.states}
		if !al.computed {
			res.NotComputed += k
			res.Variants = append(res.Variants, va)
			continue
		}
		va.Cost, va.Moves = al.cost, al.moves
		worst := len(tr) + modelRun
		va.Fitness = 1
		if worst > 0 {
			va.Fitness = 1 - float64(al.cost)/float64(worst)
		}
		if al.cost == 0 {
			res.FitCases += k
		}
		sumCost += float64(al.cost * k)
		sumWorst += float64(worst * k)
		sumFit += va.Fitness * float64(k)
		res.Variants = append(res.Variants, va)
	}
	res.Fitness = 1
	if sumWorst > 0 {
		res.Fitness = 1 - sumCost/sumWorst
	}
	if computed := res.Cases - res.NotComputed; computed > 0 {
		res.MeanTraceFitness = sumFit / float64(computed)
	}
	slices.SortStableFunc(res.Variants, func(x, y VariantAlignment) int { return y.Cases - x.Cases })
	return res
}

// alignAll aligns the traces on all processors, each worker with its own
// search.
func alignAll(a *aligner, traces [][]int32) []alignment {
	out := make([]alignment, len(traces))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(runtime.GOMAXPROCS(0), len(traces)) {
		worker := a
		if w > 0 {
			worker = a.clone()
		}
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(traces) {
					return
				}
				out[i] = worker.align(traces[i])
			}
		})
	}
	wg.Wait()
	return out
}
