package mining

import (
	"container/heap"
	"slices"
)

// noPath is the distance between places that no silent steps connect.
const noPath = 1 << 30

// Goal ids of the silent searches besides enabling an activity.
const (
	goalFinal = -1 // exactly the final marking
	goalCover = -2 // at least the final marking's tokens
)

// silentGoal is what a search over silent transitions looks for.
type silentGoal struct {
	id   int // the activity to enable, or goalFinal or goalCover
	done func(Marking) bool
	// h estimates the silent steps still needed, -1 when the goal is out
	// of reach; greedy searches follow it alone, the others add the steps
	// taken (A*, for the shortest sequence).
	h      func(Marking) int
	greedy bool
}

// silentDistances is dist[p*places+q]: the fewest silent transitions
// that move a token from place p to place q (noPath when none do),
// ignoring that a transition may need tokens elsewhere too.
func silentDistances(n *Net) []int {
	P := n.Places
	succ := make([][]int, P)
	for _, t := range n.Transitions {
		if t.Label != "" {
			continue
		}
		for _, p := range t.In {
			succ[p] = append(succ[p], t.Out...)
		}
	}
	dist := make([]int, P*P)
	for p := range P {
		row := dist[p*P : (p+1)*P]
		for q := range row {
			row[q] = noPath
		}
		row[p] = 0
		for queue := []int{p}; len(queue) > 0; queue = queue[1:] {
			q := queue[0]
			for _, o := range succ[q] {
				if row[o] == noPath {
					row[o] = row[q] + 1
					queue = append(queue, o)
				}
			}
		}
	}
	return dist
}

// addCosts estimates for each place how many silent transitions it takes
// to put a token there from m (see silentCosts).
func (r *replayer) addCosts(m Marking) []int { return silentCosts(r.n, r.silent, m, r.cost) }

// silentCosts estimates for each place how many silent transitions it
// takes to put a token there from m: 0 when it has one, else the cheapest
// silent transition into it plus the costs of all its input places (the
// additive heuristic of planning, which counts every branch a join waits
// for). It fills and returns cost, one entry per place. Token replay and
// the alignments' tie-breaking share it.
func silentCosts[T int | int32](n *Net, silent []int, m []T, cost []int) []int {
	for p, v := range m {
		cost[p] = noPath
		if v > 0 {
			cost[p] = 0
		}
	}
	for changed := true; changed; {
		changed = false
		for _, t := range silent {
			c := 1
			for _, p := range n.Transitions[t].In {
				c = min(c+cost[p], noPath)
			}
			if c == noPath {
				continue
			}
			for _, p := range n.Transitions[t].Out {
				if c < cost[p] {
					cost[p], changed = c, true
				}
			}
		}
	}
	return cost
}

// enableGoal looks for a marking that enables one of the transitions,
// estimating the silent steps by addCosts.
func (r *replayer) enableGoal(id int, cands []int) silentGoal {
	h := func(m Marking) int {
		cost := r.addCosts(m)
		best := -1
		for _, t := range cands {
			need := 0
			for _, q := range r.n.Transitions[t].In {
				need = min(need+cost[q], noPath)
			}
			if need < noPath && (best < 0 || need < best) {
				best = need
			}
		}
		return best
	}
	return silentGoal{id: id, h: h, done: func(m Marking) bool { return r.enabledOf(m, cands) >= 0 }}
}

// finalGoal looks for exactly the final marking, greedily moving every
// surplus token the shortest way to a final place.
func (r *replayer) finalGoal() silentGoal {
	final, P := r.n.Final, r.n.Places
	h := func(m Marking) int {
		sum := 0
		for p, v := range m {
			if v <= final[p] {
				continue
			}
			d := noPath
			for f, w := range final {
				if w > 0 {
					d = min(d, r.dist[p*P+f])
				}
			}
			if d == noPath {
				return -1
			}
			sum += (v - final[p]) * d
		}
		return sum
	}
	return silentGoal{id: goalFinal, h: h, greedy: true, done: func(m Marking) bool { return slices.Equal(m, final) }}
}

// coverGoal looks for a marking with at least the final tokens.
func (r *replayer) coverGoal() silentGoal {
	final := r.n.Final
	h := func(m Marking) int {
		cost := r.addCosts(m)
		need := 0
		for f, w := range final {
			if m[f] < w {
				need = min(need+cost[f], noPath)
			}
		}
		if need == noPath {
			return -1
		}
		return need
	}
	return silentGoal{id: goalCover, h: h, done: func(m Marking) bool { return covers(m, final) }}
}

// silentTo finds a sequence of silent transitions from m to a marking that
// reaches the goal (best first, at most maxSilentStates markings).
// Results are remembered per marking and goal.
func (r *replayer) silentTo(m Marking, g silentGoal) silentPath {
	key := r.markingKey(m, g.id)
	if sp, ok := r.paths[key]; ok {
		return sp
	}
	sp := r.searchSilent(m, g)
	r.paths[key] = sp
	return sp
}

type silentState struct {
	m      Marking
	parent int
	via    int
	steps  int
}

func (r *replayer) searchSilent(m Marking, g silentGoal) silentPath {
	if g.h(m) < 0 {
		return silentPath{t: -1}
	}
	states := []silentState{{m: slices.Clone(m), parent: -1, via: -1}}
	seen := map[string]bool{r.markingKey(m, 0): true}
	queue := silentQueue{{}}
	for queue.Len() > 0 && len(states) < maxSilentStates {
		i := heap.Pop(&queue).(silentItem).state
		cur := states[i]
		if g.done(cur.m) {
			return r.silentResult(states, i, g.id)
		}
		for _, t := range r.silent {
			if !enabled(r.n, cur.m, t) {
				continue
			}
			next := slices.Clone(cur.m)
			for _, p := range r.n.Transitions[t].In {
				next[p]--
			}
			for _, p := range r.n.Transitions[t].Out {
				next[p]++
			}
			k := r.markingKey(next, 0)
			if seen[k] {
				continue
			}
			seen[k] = true
			h := g.h(next)
			if h < 0 {
				continue
			}
			steps := cur.steps + 1
			states = append(states, silentState{m: next, parent: i, via: t, steps: steps})
			f := h
			if !g.greedy {
				f += steps
			}
			heap.Push(&queue, silentItem{f: f, steps: steps, state: len(states) - 1})
		}
	}
	return silentPath{t: -1}
}

func (r *replayer) silentResult(states []silentState, end, id int) silentPath {
	var path []int
	for s := end; s > 0; s = states[s].parent {
		path = append(path, states[s].via)
	}
	slices.Reverse(path)
	found := 0
	if id >= 0 {
		found = r.enabledOf(states[end].m, r.cands[id])
	}
	return silentPath{path: path, t: found}
}

// markingKey encodes a marking and a goal id as a map key.
func (r *replayer) markingKey(m Marking, id int) string {
	r.key = r.key[:0]
	r.key = append(r.key, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	for _, v := range m {
		r.key = append(r.key, byte(v), byte(v>>8))
	}
	return string(r.key)
}

// silentItem is a marking in the search queue, ordered by f and then
// deeper first: among equally good ways, independent silent steps (say in
// parallel branches) are not tried in every order.
type silentItem struct {
	f, steps, state int
}

type silentQueue []silentItem

func (q silentQueue) Len() int { return len(q) }
func (q silentQueue) Less(i, j int) bool {
	if q[i].f != q[j].f {
		return q[i].f < q[j].f
	}
	return q[i].steps > q[j].steps
}
func (q silentQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *silentQueue) Push(x any)   { *q = append(*q, x.(silentItem)) }
func (q *silentQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}
