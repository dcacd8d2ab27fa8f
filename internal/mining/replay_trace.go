package mining

import (
	"slices"

	"rathaus/internal/eventlog"
)

// maxSilentStates bounds the markings searched for silent transitions
// that enable a transition or reach the final marking.
const maxSilentStates = 2048

type devKey struct {
	activity string
	kind     DeviationKind
}

// traceReplay is the replay of one trace.
type traceReplay struct {
	p, c, m, r    int
	foreign       int
	fired, forced []int // per transition
	actForced     []int // per log activity: events forced or not in the model
	left          []int // tokens left per place
	missingAt     []int // tokens added per place
	devs          map[devKey]int
}

func (tc *traceReplay) fitness() float64 { return tokenFitness(tc.m, tc.c, tc.r, tc.p) }

func (tc *traceReplay) fit() bool { return tc.m == 0 && tc.r == 0 && tc.foreign == 0 }

// replayer replays traces on one net.
type replayer struct {
	n      *Net
	names  []string
	cands  [][]int    // per log activity: the transitions with its label
	silent []int      // the silent transitions
	next   [][]string // per place: the activities that take its tokens, directly or after silent transitions
	dist   []int      // silentDistances of the net
	cost   []int      // per place, for addCosts
	paths  map[string]silentPath
	key    []byte
}

type silentPath struct {
	path []int
	t    int // the transition it enables, -1 when none was found
}

func newReplayer(n *Net, l *eventlog.Log) *replayer {
	r := &replayer{n: n, names: l.Activities, cands: make([][]int, len(l.Activities)), paths: map[string]silentPath{}}
	for t, tr := range n.Transitions {
		if tr.Label == "" {
			r.silent = append(r.silent, t)
			continue
		}
		for a, name := range l.Activities {
			if name == tr.Label {
				r.cands[a] = append(r.cands[a], t)
			}
		}
	}
	r.dist = silentDistances(n)
	r.cost = make([]int, n.Places)
	r.next = make([][]string, n.Places)
	for p := range n.Places {
		r.next[p] = r.visibleAfter(p)
	}
	return r
}

// visibleAfter lists the activities that take tokens from place p,
// directly or through silent transitions.
func (r *replayer) visibleAfter(p int) []string {
	var out []string
	seen := make([]bool, r.n.Places)
	seen[p] = true
	queue := []int{p}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		for _, t := range r.n.Transitions {
			if !slices.Contains(t.In, q) {
				continue
			}
			if t.Label != "" {
				if !slices.Contains(out, t.Label) {
					out = append(out, t.Label)
				}
				continue
			}
			for _, o := range t.Out {
				if !seen[o] {
					seen[o] = true
					queue = append(queue, o)
				}
			}
		}
	}
	return out
}

func (r *replayer) replay(trace []int32) *traceReplay {
	n := r.n
	tc := &traceReplay{fired: make([]int, len(n.Transitions)), forced: make([]int, len(n.Transitions)),
		actForced: make([]int, len(r.names)), left: make([]int, n.Places), missingAt: make([]int, n.Places), devs: map[devKey]int{}}
	mk := slices.Clone(n.Initial)
	for _, v := range mk {
		tc.p += v
	}
	for _, a := range trace {
		cands := r.cands[a]
		if len(cands) == 0 {
			tc.foreign++
			tc.m, tc.c, tc.p, tc.r = tc.m+1, tc.c+1, tc.p+1, tc.r+1
			tc.devs[devKey{r.names[a], NotInModel}]++
			tc.actForced[a]++
			continue
		}
		t := r.enabledOf(mk, cands)
		if t < 0 {
			sp := r.silentTo(mk, r.enableGoal(int(a), cands))
			for _, s := range sp.path {
				r.fire(tc, mk, s)
			}
			t = sp.t
		}
		if t < 0 {
			t = r.leastMissing(mk, cands)
			in := n.Transitions[t].In
			for _, p := range in { // take the tokens, adding those missing
				if mk[p] == 0 {
					mk[p]++
					tc.m++
					tc.missingAt[p]++
				}
				mk[p]--
			}
			for _, p := range in { // and put them back for fire
				mk[p]++
			}
			tc.forced[t]++
			tc.devs[devKey{r.names[a], NotEnabled}]++
			tc.actForced[a]++
		}
		r.fire(tc, mk, t)
	}
	r.finish(tc, mk)
	return tc
}

// finish moves to the final marking through silent transitions when it
// can and counts missing and remaining tokens.
func (r *replayer) finish(tc *traceReplay, mk Marking) {
	final := r.n.Final
	if !slices.Equal(mk, final) {
		sp := r.silentTo(mk, r.finalGoal())
		if sp.t < 0 {
			sp = r.silentTo(mk, r.coverGoal())
		}
		if sp.t >= 0 {
			for _, s := range sp.path {
				r.fire(tc, mk, s)
			}
		}
	}
	for p, want := range final {
		tc.c += want
		if mk[p] < want {
			tc.m += want - mk[p]
			tc.missingAt[p] += want - mk[p]
		} else if mk[p] > want {
			extra := mk[p] - want
			tc.r += extra
			tc.left[p] += extra
			for _, a := range r.next[p] {
				tc.devs[devKey{a, Skipped}] += extra
			}
		}
	}
}

func covers(m, want Marking) bool {
	for p, w := range want {
		if m[p] < w {
			return false
		}
	}
	return true
}

// enabledOf is the first of the transitions enabled in m, -1 when none is.
func (r *replayer) enabledOf(m Marking, ts []int) int {
	for _, t := range ts {
		if enabled(r.n, m, t) {
			return t
		}
	}
	return -1
}

// leastMissing is the transition of ts that lacks the fewest tokens in m.
func (r *replayer) leastMissing(m Marking, ts []int) int {
	best, bestMiss := ts[0], -1
	for _, t := range ts {
		miss := 0
		for _, p := range r.n.Transitions[t].In {
			if m[p] == 0 {
				miss++
			}
		}
		if bestMiss < 0 || miss < bestMiss {
			best, bestMiss = t, miss
		}
	}
	return best
}

func (r *replayer) fire(tc *traceReplay, m Marking, t int) {
	tr := &r.n.Transitions[t]
	for _, p := range tr.In {
		m[p]--
	}
	for _, p := range tr.Out {
		m[p]++
	}
	tc.c += len(tr.In)
	tc.p += len(tr.Out)
	tc.fired[t]++
}

// enabled tells whether t has a token on each input arc in m.
func enabled(n *Net, m Marking, t int) bool {
	in := n.Transitions[t].In
	for i, p := range in {
		need := 1
		for _, q := range in[:i] {
			if q == p {
				need++
			}
		}
		if m[p] < need {
			return false
		}
	}
	return true
}
