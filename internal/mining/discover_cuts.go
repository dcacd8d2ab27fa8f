package mining

import "slices"

// The cuts return the parts of the graph's nodes, or nil when there is no
// such cut.

// xorCut: the graph falls apart into unconnected pieces.
func (g *traceGraph) xorCut() [][]int {
	comp, count := components(g.n, func(i, j int) bool { return g.has(i, j) || g.has(j, i) })
	if count < 2 {
		return nil
	}
	return groups(comp, count)
}

// seqCut: parts in order, every part reaching the later ones and none
// reaching back. Nodes that reach each other, or neither reaches the
// other, belong together.
func (g *traceGraph) seqCut() [][]int {
	n := g.n
	if g.stronglyConnected() {
		return nil // all in one part
	}
	reach := g.reachability()
	together := func(i, j int) bool { return reach[i*n+j] == reach[j*n+i] }
	comp, count := components(n, together)
	if count < 2 {
		return nil
	}
	parts := groups(comp, count)
	reached := func(p []int) int { // how many nodes of other parts the part reaches
		k := 0
		for j := range n {
			if reach[p[0]*n+j] && comp[j] != comp[p[0]] {
				k++
			}
		}
		return k
	}
	slices.SortStableFunc(parts, func(a, b []int) int { return reached(b) - reached(a) })
	for x := range parts {
		for y := x + 1; y < len(parts); y++ {
			for _, i := range parts[x] {
				for _, j := range parts[y] {
					if !reach[i*n+j] || reach[j*n+i] {
						return nil
					}
				}
			}
		}
	}
	return parts
}

// andCut: every node of a part is linked both ways with every node of the
// other parts, and every part has a start and an end activity. Parts
// without both are merged into the first that has them.
func (g *traceGraph) andCut() [][]int {
	comp, count := components(g.n, func(i, j int) bool { return !(g.has(i, j) && g.has(j, i)) })
	if count < 2 {
		return nil
	}
	var full, partial [][]int
	for _, p := range groups(comp, count) {
		if slices.ContainsFunc(p, func(i int) bool { return g.start[i] > 0 }) &&
			slices.ContainsFunc(p, func(i int) bool { return g.end[i] > 0 }) {
			full = append(full, p)
		} else {
			partial = append(partial, p)
		}
	}
	if len(full) < 2 {
		return nil
	}
	for _, p := range partial {
		full[0] = append(full[0], p...)
	}
	slices.Sort(full[0])
	return full
}

// loopCut: a body with every start and end activity, and redo parts that
// are entered only from every end activity and left only to every start
// activity. The body comes first.
func (g *traceGraph) loopCut() [][]int {
	n := g.n
	body := make([]bool, n)
	for i := range n {
		body[i] = g.start[i] > 0 || g.end[i] > 0
	}
	comp, count := components(n, func(i, j int) bool {
		return !body[i] && !body[j] && (g.has(i, j) || g.has(j, i))
	})
	parts := groups(comp, count)
	var redo [][]int
	for _, p := range parts {
		if body[p[0]] {
			continue
		}
		if g.redoPart(p, body) {
			redo = append(redo, p)
		} else {
			for _, i := range p {
				body[i] = true
			}
		}
	}
	// a part merged into the body may spoil a redo part found before it
	for changed := true; changed; {
		changed = false
		for k := 0; k < len(redo); k++ {
			if !g.redoPart(redo[k], body) {
				for _, i := range redo[k] {
					body[i] = true
				}
				redo = slices.Delete(redo, k, k+1)
				changed = true
				k--
			}
		}
	}
	if len(redo) == 0 {
		return nil
	}
	var b []int
	for i := range n {
		if body[i] {
			b = append(b, i)
		}
	}
	return append([][]int{b}, redo...)
}

// redoPart tells whether p can be a redo part of a loop with the body.
func (g *traceGraph) redoPart(p []int, body []bool) bool {
	for _, r := range p {
		for i := range g.n {
			if !body[i] {
				continue
			}
			if g.has(i, r) && g.end[i] == 0 { // entered from inside the body
				return false
			}
			if g.has(r, i) && g.start[i] == 0 { // leaves into the middle of the body
				return false
			}
		}
		toStart, fromEnd := false, false
		for i := range g.n {
			if g.start[i] > 0 && g.has(r, i) {
				toStart = true
			}
			if g.end[i] > 0 && g.has(i, r) {
				fromEnd = true
			}
		}
		for i := range g.n {
			if toStart && g.start[i] > 0 && !g.has(r, i) {
				return false
			}
			if fromEnd && g.end[i] > 0 && !g.has(i, r) {
				return false
			}
		}
	}
	return true
}

// stronglyConnected tells whether every node reaches every other one.
func (g *traceGraph) stronglyConnected() bool {
	forward := func(i, j int) bool { return g.has(i, j) }
	backward := func(i, j int) bool { return g.has(j, i) }
	return g.reachesAll(forward) && g.reachesAll(backward)
}

// reachesAll tells whether node 0 reaches every node along edge.
func (g *traceGraph) reachesAll(edge func(i, j int) bool) bool {
	seen := make([]bool, g.n)
	seen[0] = true
	count := 1
	for stack := []int{0}; len(stack) > 0; {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for j := range g.n {
			if !seen[j] && edge(i, j) {
				seen[j] = true
				count++
				stack = append(stack, j)
			}
		}
	}
	return count == g.n
}
