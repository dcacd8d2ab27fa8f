package mining

// The splits divide a sub-log along a cut into one sub-log per part. Events
// that do not fit the cut (possible when it was found on the filtered
// graph) are left out.

// partIndex gives the part of each log activity (-1 when not in g).
func partIndex(g *traceGraph, parts [][]int) []int {
	of := make([]int, len(g.local))
	for i := range of {
		of[i] = -1
	}
	for p, nodes := range parts {
		for _, i := range nodes {
			of[g.acts[i]] = p
		}
	}
	return of
}

// splitXor puts each trace into the part that holds most of its events.
func splitXor(s subLog, g *traceGraph, parts [][]int) []subLog {
	of := partIndex(g, parts)
	bs := make([]subLogBuilder, len(parts))
	hits := make([]int, len(parts))
	var buf []int32
	for i, tr := range s.traces {
		clear(hits)
		for _, a := range tr {
			hits[of[a]]++
		}
		best := 0
		for p := range hits {
			if hits[p] > hits[best] {
				best = p
			}
		}
		buf = buf[:0]
		for _, a := range tr {
			if of[a] == best {
				buf = append(buf, a)
			}
		}
		bs[best].add(buf, s.counts[i])
	}
	return doneAll(bs)
}

// splitSeq cuts each trace where it best moves from one part to the next:
// at the point that leaves out the fewest events.
func splitSeq(s subLog, g *traceGraph, parts [][]int) []subLog {
	of := partIndex(g, parts)
	bs := make([]subLogBuilder, len(parts))
	var buf []int32
	for i, tr := range s.traces {
		from := 0
		for p := range parts {
			to := len(tr)
			if p < len(parts)-1 {
				to = splitPoint(tr, from, p, of)
			}
			buf = buf[:0]
			for _, a := range tr[from:to] {
				if of[a] == p {
					buf = append(buf, a)
				}
			}
			bs[p].add(buf, s.counts[i])
			from = to
		}
	}
	return doneAll(bs)
}

// splitPoint is the end of part p's stretch of tr from position from: the
// first position where (events of other parts before it) minus (events of
// p before it) is smallest.
func splitPoint(tr []int32, from, p int, of []int) int {
	best, bestCost, cost := from, 0, 0
	for i := from; i < len(tr); i++ {
		if of[tr[i]] == p {
			cost--
		} else {
			cost++
		}
		if cost < bestCost {
			best, bestCost = i+1, cost
		}
	}
	return best
}

// splitProject projects every trace on each part.
func splitProject(s subLog, g *traceGraph, parts [][]int) []subLog {
	of := partIndex(g, parts)
	bs := make([]subLogBuilder, len(parts))
	var buf []int32
	for i, tr := range s.traces {
		for p := range parts {
			buf = buf[:0]
			for _, a := range tr {
				if of[a] == p {
					buf = append(buf, a)
				}
			}
			bs[p].add(buf, s.counts[i])
		}
	}
	return doneAll(bs)
}

// splitLoop cuts each trace into stretches of one part each: body
// stretches go to the body, redo stretches to their part. Where a trace
// starts or ends with a redo stretch, or two redo stretches meet, the body
// gets an empty trace, since each redo is framed by the body.
func splitLoop(s subLog, g *traceGraph, parts [][]int) (body subLog, redo []subLog) {
	of := partIndex(g, parts)
	bs := make([]subLogBuilder, len(parts))
	for i, tr := range s.traces {
		c := s.counts[i]
		prev := -1 // part of the previous stretch
		for from := 0; from < len(tr); {
			p := of[tr[from]]
			to := from + 1
			for to < len(tr) && of[tr[to]] == p {
				to++
			}
			if p > 0 && prev != 0 {
				bs[0].add(nil, c)
			}
			bs[p].add(tr[from:to], c)
			prev, from = p, to
		}
		if prev > 0 {
			bs[0].add(nil, c)
		}
	}
	all := doneAll(bs)
	return all[0], all[1:]
}

func doneAll(bs []subLogBuilder) []subLog {
	out := make([]subLog, len(bs))
	for i := range bs {
		out[i] = bs[i].done()
	}
	return out
}
