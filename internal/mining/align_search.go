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
	key       []byte
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
	return a
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

// searchNode is a state of the synchronous product: a marking and the
// number of events already aligned, with how it was reached.
type searchNode struct {
	m      Marking
	pos    int
	g      int
	parent int32
	t      int32 // transition fired, -1 for a log move
	kind   MoveKind
	closed bool
}

func (a *aligner) align(trace []int32) alignment {
	// h[i]: events from i on that no transition can match, each a log move
	h := make([]int, len(trace)+1)
	for i := len(trace) - 1; i >= 0; i-- {
		h[i] = h[i+1]
		if !a.inModel[trace[i]] {
			h[i] += moveCost
		}
	}
	s := &search{a: a, h: h, trace: trace, best: map[string]int32{}}
	s.push(slices.Clone(a.n.Initial), 0, 0, -1, -1, "")
	for s.queue.Len() > 0 {
		it := heap.Pop(&s.queue).(queueItem)
		nd := &s.nodes[it.node]
		if nd.closed || nd.g+h[nd.pos] != it.f {
			continue
		}
		nd.closed = true
		if nd.pos == len(trace) && slices.Equal(nd.m, a.n.Final) {
			return s.result(it.node)
		}
		if len(s.nodes) > a.maxStates {
			return alignment{states: len(s.nodes)}
		}
		s.expand(it.node, trace)
	}
	return alignment{states: len(s.nodes)} // the final marking cannot be reached
}

type search struct {
	a     *aligner
	h     []int
	trace []int32
	nodes []searchNode
	best  map[string]int32
	queue alignQueue
}

// expand pushes the states one move away from node i; markings are
// shared between states and never changed.
func (s *search) expand(i int32, trace []int32) {
	nd := s.nodes[i]
	if nd.pos < len(trace) {
		s.push(nd.m, nd.pos+1, nd.g+moveCost, i, -1, LogMove)
	}
	for t := range s.a.n.Transitions {
		if !enabled(s.a.n, nd.m, t) {
			continue
		}
		next := slices.Clone(nd.m)
		tr := &s.a.n.Transitions[t]
		for _, p := range tr.In {
			next[p]--
		}
		for _, p := range tr.Out {
			next[p]++
		}
		switch lab := s.a.label[t]; {
		case lab == -2:
			s.push(next, nd.pos, nd.g+silentCost, i, int32(t), "")
		default:
			if nd.pos < len(trace) && lab == trace[nd.pos] {
				s.push(next, nd.pos+1, nd.g, i, int32(t), SyncMove)
			}
			s.push(next, nd.pos, nd.g+moveCost, i, int32(t), ModelMove)
		}
	}
}

// push records a state reached at cost g unless it is known at a cost no
// higher.
func (s *search) push(m Marking, pos, g int, parent, t int32, kind MoveKind) {
	k := s.key(m, pos)
	if i, ok := s.best[k]; ok {
		nd := &s.nodes[i]
		if nd.closed || nd.g <= g {
			return
		}
		nd.g, nd.parent, nd.t, nd.kind = g, parent, t, kind
		heap.Push(&s.queue, queueItem{f: g + s.h[pos], pos: pos, node: i})
		return
	}
	i := int32(len(s.nodes))
	s.best[k] = i
	s.nodes = append(s.nodes, searchNode{m: m, pos: pos, g: g, parent: parent, t: t, kind: kind})
	heap.Push(&s.queue, queueItem{f: g + s.h[pos], pos: pos, node: i})
}

func (s *search) key(m Marking, pos int) string {
	b := s.a.key[:0]
	b = append(b, byte(pos), byte(pos>>8), byte(pos>>16), byte(pos>>24))
	for _, v := range m {
		b = append(b, byte(v), byte(v>>8))
	}
	s.a.key = b
	return string(b)
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
// detour at every event first.
type queueItem struct {
	f, pos int
	node   int32
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
