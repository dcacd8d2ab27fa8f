package mining

import (
	"slices"

	"rathaus/internal/eventlog"
)

// Discover finds a process tree for the log with the Inductive Miner
// infrequent (IMf, Leemans et al. 2013). In every step the miner looks for
// an exclusive-choice, sequence, parallel or loop cut in the
// directly-follows graph of the sub-log, first on the full graph and then,
// when noise > 0, on the graph without infrequent edges: an edge is dropped
// when its count is below noise times the strongest outgoing edge of its
// source. Events that do not fit a cut found on the filtered graph are left
// out when the sub-log is split. Without any cut it falls through to the
// patterns empty traces, activity once per trace, concurrent activity,
// strict tau loop, tau loop and, last, the flower model.
//
// With noise 0 this is the plain Inductive Miner: the tree fits every
// trace and has every activity of the log. With noise, activities whose
// events were all filtered out are left out. The miner works on
// distinct traces with their counts, so its cost grows with the number of
// variants, not of events.
func Discover(l *eventlog.Log, noise float64) *Tree {
	m := &miner{noise: max(0, min(noise, 1)), names: l.Activities}
	return simplify(m.mine(logVariants(l)))
}

// subLog is a sub-log of the miner: distinct traces and how often each
// occurs. Activities are ids into the log's Activities.
type subLog struct {
	traces [][]int32
	counts []int
}

func (s *subLog) total() int {
	n := 0
	for _, c := range s.counts {
		n += c
	}
	return n
}

// logVariants groups the traces of l.
func logVariants(l *eventlog.Log) subLog {
	var b subLogBuilder
	for i := range l.Cases {
		b.add(l.Trace(i), 1)
	}
	return b.done()
}

// subLogBuilder collects traces, merging equal ones.
type subLogBuilder struct {
	s   subLog
	idx map[string]int
	key []byte
}

// add adds count occurrences of trace; the builder keeps its own copy.
func (b *subLogBuilder) add(trace []int32, count int) {
	if b.idx == nil {
		b.idx = map[string]int{}
	}
	b.key = b.key[:0]
	for _, a := range trace {
		b.key = append(b.key, byte(a), byte(a>>8), byte(a>>16), byte(a>>24))
	}
	if i, ok := b.idx[string(b.key)]; ok {
		b.s.counts[i] += count
		return
	}
	b.idx[string(b.key)] = len(b.s.traces)
	b.s.traces = append(b.s.traces, slices.Clone(trace))
	b.s.counts = append(b.s.counts, count)
}

func (b *subLogBuilder) done() subLog { return b.s }

// miner holds the settings of one discovery.
type miner struct {
	noise float64
	names []string
}

func (m *miner) mine(s subLog) *Tree {
	total := s.total()
	if total == 0 {
		return tauLeaf()
	}
	t, rest, done := m.emptyTraces(s, total)
	if done {
		return t
	}
	s = rest
	g := newTraceGraph(s, m.names)
	if t = m.baseCase(s, g); t != nil {
		return t
	}
	if t := m.cutAndSplit(s, g); t != nil {
		return t
	}
	if m.noise > 0 {
		if t := m.cutAndSplit(s, g.filtered(m.noise)); t != nil {
			return t
		}
	}
	return m.fallThrough(s, g)
}

// emptyTraces handles the empty traces of s: when they are frequent
// (more than noise times the cases) the result is a choice between
// skipping and the rest, otherwise they are dropped.
func (m *miner) emptyTraces(s subLog, total int) (t *Tree, rest subLog, done bool) {
	empty := 0
	for i, tr := range s.traces {
		if len(tr) == 0 {
			empty += s.counts[i]
		}
	}
	if empty == 0 {
		return nil, s, false
	}
	var b subLogBuilder
	for i, tr := range s.traces {
		if len(tr) > 0 {
			b.add(tr, s.counts[i])
		}
	}
	rest = b.done()
	if empty == total {
		return tauLeaf(), rest, true
	}
	if float64(empty) > m.noise*float64(total) {
		return node(OpXor, tauLeaf(), m.mine(rest)), rest, true
	}
	return nil, rest, false
}

// baseCase is a single activity: the leaf when every trace is that
// activity once (or the others are infrequent), else a loop over it.
func (m *miner) baseCase(s subLog, g *traceGraph) *Tree {
	if len(g.acts) != 1 {
		return nil
	}
	a := leaf(m.names[g.acts[0]])
	other, total := 0, 0
	for i, tr := range s.traces {
		total += s.counts[i]
		if len(tr) != 1 {
			other += s.counts[i]
		}
	}
	if other == 0 || (m.noise > 0 && float64(other) < m.noise*float64(total)) {
		return a
	}
	return node(OpLoop, a, tauLeaf())
}

// cutAndSplit finds a cut in g (xor, sequence, parallel, loop), splits s
// along it and mines the parts.
func (m *miner) cutAndSplit(s subLog, g *traceGraph) *Tree {
	if parts := g.xorCut(); parts != nil {
		return m.children(OpXor, splitXor(s, g, parts))
	}
	if parts := g.seqCut(); parts != nil {
		return m.children(OpSeq, splitSeq(s, g, parts))
	}
	if parts := g.andCut(); parts != nil {
		return m.children(OpAnd, splitProject(s, g, parts))
	}
	if parts := g.loopCut(); parts != nil {
		body, redo := splitLoop(s, g, parts)
		var r *Tree
		if len(redo) == 1 {
			r = m.mine(redo[0])
		} else {
			r = m.children(OpXor, redo)
		}
		return node(OpLoop, m.mine(body), r)
	}
	return nil
}

func (m *miner) children(op Op, logs []subLog) *Tree {
	t := &Tree{Op: op}
	for _, s := range logs {
		t.Children = append(t.Children, m.mine(s))
	}
	return t
}

func leaf(a string) *Tree { return &Tree{Op: OpLeaf, Activity: a} }

func tauLeaf() *Tree { return &Tree{Op: OpLeaf} }

func node(op Op, children ...*Tree) *Tree { return &Tree{Op: op, Children: children} }
