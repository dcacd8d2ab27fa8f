package mining

import (
	"container/heap"
	"slices"

	"rathaus/internal/eventlog"
)

// aligner searches alignments of traces with one net.
type aligner struct {
	n         *Net
	acts      []string
	label     []int32 // per transition: its log activity, -1 when the log lacks it, -2 when silent
	inModel   []bool  // per log activity: some transition has its label
	maxStates int
	search    *search
	silent    []int   // the silent transitions
	byAct     [][]int // per log activity: the transitions with its label
	cost      []int   // per place, for the tie-break estimate
}

func newAligner(n *Net, l *eventlog.Log, maxStates int) *aligner {
	a := &aligner{n: n, acts: l.Activities, label: make([]int32, len(n.Transitions)),
		inModel: make([]bool, len(l.Activities)), maxStates: maxStates}
	ids := make(map[string]int32, len(l.Activities))
	for i, name := range l.Activities {
		ids[name] = int32(i)
	}
	for t, tr := range n.Transitions {
		switch id, ok := ids[tr.Label]; {
		case tr.Label == "":
			a.label[t] = -2
		case ok:
			a.label[t] = id
			a.inModel[id] = true
		default:
			a.label[t] = -1
		}
	}
	for t, lab := range a.label {
		switch {
		case lab == -2:
			a.silent = append(a.silent, t)
		case lab >= 0:
			a.byAct = growTo(a.byAct, int(lab)+1)
			a.byAct[lab] = append(a.byAct[lab], t)
		}
	}
	a.byAct = growTo(a.byAct, len(l.Activities))
	a.cost = make([]int, n.Places)
	return a
}

// clone is an aligner for another goroutine: it shares the tables and
// has its own search.
func (a *aligner) clone() *aligner {
	c := *a
	c.search = nil
	c.cost = make([]int, a.n.Places)
	return &c
}

func (a *aligner) names(trace []int32) []string {
	out := make([]string, len(trace))
	for i, x := range trace {
		out[i] = a.acts[x]
	}
	return out
}

// alignment is the search result for one trace.
type alignment struct {
	computed bool
	cost     int // deviating moves
	moves    []Move
	states   int
}

// searchNode is a state of the synchronous product: a marking (kept in
// the search's arena at node index times places) and the number of
// events already aligned, with how it was reached.
type searchNode struct {
	pos    int32
	parent int32
	t      int32 // transition fired, -1 for a log move
	next   int32 // next node with the same hash, -1 at the end
	g      int
	kind   MoveKind
	closed bool
}

// search is the A* state of one trace; it is reused between traces.
type search struct {
	a      *aligner
	h      []int
	trace  []int32
	places int
	nodes  []searchNode
	marks  []int32 // the markings of the nodes, places values each
	heads  map[uint64]int32
	queue  alignQueue
	cur    []int32 // the marking being expanded
	step   []int32 // the marking after a move
}

func (a *aligner) align(trace []int32) alignment {
	s := a.search
	if s == nil {
		s = &search{a: a, places: a.n.Places, heads: map[uint64]int32{},
			cur: make([]int32, a.n.Places), step: make([]int32, a.n.Places)}
		a.search = s
	}
	s.reset(trace)
	for p, v := range a.n.Initial {
		s.step[p] = int32(v)
	}
	s.push(0, 0, -1, -1, "")
	for s.queue.Len() > 0 {
		it := heap.Pop(&s.queue).(queueItem)
		nd := &s.nodes[it.node]
		if nd.closed || nd.g+s.h[nd.pos] != it.f {
			continue
		}
		nd.closed = true
		if int(nd.pos) == len(trace) && s.isFinal(it.node) {
			return s.result(it.node)
		}
		if len(s.nodes) > a.maxStates {
			return alignment{states: len(s.nodes)}
		}
		s.expand(it.node)
	}
	return alignment{states: len(s.nodes)} // the final marking cannot be reached
}

// reset prepares the search for a trace; h[i] counts the events from i on
// that no transition can match, each a log move.
func (s *search) reset(trace []int32) {
	s.trace = trace
	s.h = slices.Grow(s.h[:0], len(trace)+1)[:len(trace)+1]
	s.h[len(trace)] = 0
	for i := len(trace) - 1; i >= 0; i-- {
		s.h[i] = s.h[i+1]
		if !s.a.inModel[trace[i]] {
			s.h[i] += moveCost
		}
	}
	s.nodes, s.marks, s.queue = s.nodes[:0], s.marks[:0], s.queue[:0]
	clear(s.heads)
}

func (s *search) marking(i int32) []int32 {
	return s.marks[int(i)*s.places : (int(i)+1)*s.places]
}

func (s *search) isFinal(i int32) bool {
	for p, v := range s.marking(i) {
		if int(v) != s.a.n.Final[p] {
			return false
		}
	}
	return true
}

// expand pushes the states one move away from node i.
func (s *search) expand(i int32) {
	copy(s.cur, s.marking(i))
	nd := s.nodes[i]
	pos, g := int(nd.pos), nd.g
	if pos < len(s.trace) {
		copy(s.step, s.cur)
		s.push(pos+1, g+moveCost, i, -1, LogMove)
	}
	for t := range s.a.n.Transitions {
		tr := &s.a.n.Transitions[t]
		if !enabledIn(s.cur, tr.In) {
			continue
		}
		copy(s.step, s.cur)
		for _, p := range tr.In {
			s.step[p]--
		}
		for _, p := range tr.Out {
			s.step[p]++
		}
		switch lab := s.a.label[t]; {
		case lab == -2:
			s.push(pos, g+silentCost, i, int32(t), "")
		default:
			if pos < len(s.trace) && lab == s.trace[pos] {
				s.push(pos+1, g, i, int32(t), SyncMove)
			}
			s.push(pos, g+moveCost, i, int32(t), ModelMove)
		}
	}
}

func enabledIn(m []int32, in []int) bool {
	for i, p := range in {
		need := int32(1)
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

// push records the state (s.step, pos) reached at cost g unless it is
// known at a cost no higher.
func (s *search) push(pos, g int, parent, t int32, kind MoveKind) {
	h := uint64(14695981039346656037) ^ uint64(pos)
	for _, v := range s.step {
		h = (h ^ uint64(uint32(v))) * 1099511628211
	}
	head, ok := s.heads[h]
	if !ok {
		head = -1
	}
	for i := head; i >= 0; i = s.nodes[i].next {
		if int(s.nodes[i].pos) != pos || !slices.Equal(s.marking(i), s.step) {
			continue
		}
		nd := &s.nodes[i]
		if nd.closed || nd.g <= g {
			return
		}
		nd.g, nd.parent, nd.t, nd.kind = g, parent, t, kind
		heap.Push(&s.queue, queueItem{f: g + s.h[pos], pos: pos, near: s.a.closeness(s.step, s.trace, pos), node: i})
		return
	}
	i := int32(len(s.nodes))
	s.heads[h] = i
	s.nodes = append(s.nodes, searchNode{pos: int32(pos), g: g, parent: parent, t: t, kind: kind, next: head})
	s.marks = append(s.marks, s.step...)
	heap.Push(&s.queue, queueItem{f: g + s.h[pos], pos: pos, near: s.a.closeness(s.step, s.trace, pos), node: i})
}

func (s *search) result(end int32) alignment {
	al := alignment{computed: true, cost: s.nodes[end].g / moveCost, states: len(s.nodes)}
	trans := s.a.n.Transitions
	for i := end; s.nodes[i].parent >= 0; i = s.nodes[i].parent {
		nd := &s.nodes[i]
		switch nd.kind {
		case LogMove:
			al.moves = append(al.moves, Move{Kind: LogMove, Activity: s.a.acts[s.trace[s.nodes[nd.parent].pos]], Transition: -1})
		case SyncMove, ModelMove:
			al.moves = append(al.moves, Move{Kind: nd.kind, Activity: trans[nd.t].Label, Transition: int(nd.t)})
		}
	}
	slices.Reverse(al.moves)
	return al
}

// queueItem is a state in the A* queue. The queue is ordered by the
// deviating moves in f = g + h, then deeper states first, then by f with
// its silent steps: a search by deviation cost that finishes alignments
// without deviations straight away instead of trying every short silent
// detour at every event first. Between states equal in both, the one
// closer to matching the next event (near) goes first.
type queueItem struct {
	f, pos, near int
	node         int32
}

type alignQueue []queueItem

func (q alignQueue) Len() int { return len(q) }
func (q alignQueue) Less(i, j int) bool {
	if di, dj := q[i].f/moveCost, q[j].f/moveCost; di != dj {
		return di < dj
	}
	if q[i].pos != q[j].pos {
		return q[i].pos > q[j].pos
	}
	if q[i].near != q[j].near {
		return q[i].near < q[j].near
	}
	return q[i].f < q[j].f
}
func (q alignQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *alignQueue) Push(x any)   { *q = append(*q, x.(queueItem)) }
func (q *alignQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}
