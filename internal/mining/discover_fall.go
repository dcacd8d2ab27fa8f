package mining

// fallThrough is the miner's way out when the graph has no cut: the
// first pattern that applies, the flower model at last.
func (m *miner) fallThrough(s subLog, g *traceGraph) *Tree {
	if t := m.oncePerTrace(s, g); t != nil {
		return t
	}
	if t := m.concurrentActivity(s, g); t != nil {
		return t
	}
	if t := m.tauLoop(s, g, true); t != nil {
		return t
	}
	if t := m.tauLoop(s, g, false); t != nil {
		return t
	}
	return flower(g, m.names)
}

// oncePerTrace: an activity that occurs exactly once in every trace runs
// in parallel with the rest.
func (m *miner) oncePerTrace(s subLog, g *traceGraph) *Tree {
	if g.n < 2 {
		return nil
	}
	seen := make([]int, g.n)
	once := make([]bool, g.n)
	for i := range once {
		once[i] = true
	}
	for _, tr := range s.traces {
		clear(seen)
		for _, a := range tr {
			seen[g.local[a]]++
		}
		for i, k := range seen {
			once[i] = once[i] && k == 1
		}
	}
	for i, ok := range once {
		if ok {
			a := g.acts[i]
			return node(OpAnd, leaf(m.names[a]), m.mine(without(s, a)))
		}
	}
	return nil
}

// concurrentActivity: an activity without which the rest has a cut runs
// in parallel with the rest.
func (m *miner) concurrentActivity(s subLog, g *traceGraph) *Tree {
	if g.n < 2 {
		return nil
	}
	for _, a := range g.acts {
		h := graphWithout(s, m.names, a)
		if h.xorCut() != nil || h.seqCut() != nil || h.andCut() != nil || h.loopCut() != nil {
			return node(OpAnd, m.mine(only(s, a)), m.mine(without(s, a)))
		}
	}
	return nil
}

// tauLoop cuts traces before every start activity (strict: only where an
// end activity is followed by a start activity) and, when that makes more
// traces, loops over the result.
func (m *miner) tauLoop(s subLog, g *traceGraph, strict bool) *Tree {
	var b subLogBuilder
	split := false
	for i, tr := range s.traces {
		from := 0
		for j := 1; j < len(tr); j++ {
			if g.start[g.local[tr[j]]] == 0 || (strict && g.end[g.local[tr[j-1]]] == 0) {
				continue
			}
			b.add(tr[from:j], s.counts[i])
			from, split = j, true
		}
		b.add(tr[from:], s.counts[i])
	}
	if !split {
		return nil
	}
	return node(OpLoop, m.mine(b.done()), tauLeaf())
}

// flower allows every activity any number of times in any order.
func flower(g *traceGraph, names []string) *Tree {
	if g.n == 1 {
		return node(OpLoop, tauLeaf(), leaf(names[g.acts[0]]))
	}
	x := &Tree{Op: OpXor}
	for _, a := range g.acts {
		x.Children = append(x.Children, leaf(names[a]))
	}
	return node(OpLoop, tauLeaf(), x)
}

// without is s with every event of activity a left out.
func without(s subLog, a int32) subLog {
	return filterEvents(s, func(b int32) bool { return b != a })
}

// only is s projected on activity a.
func only(s subLog, a int32) subLog {
	return filterEvents(s, func(b int32) bool { return b == a })
}

func filterEvents(s subLog, keep func(int32) bool) subLog {
	var b subLogBuilder
	var buf []int32
	for i, tr := range s.traces {
		buf = buf[:0]
		for _, a := range tr {
			if keep(a) {
				buf = append(buf, a)
			}
		}
		b.add(buf, s.counts[i])
	}
	return b.done()
}
