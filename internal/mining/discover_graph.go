package mining

import "slices"

// traceGraph is the directly-follows graph of a sub-log over its own
// activities, numbered 0..n-1 in order of their names.
type traceGraph struct {
	acts  []int32 // log activity id of each node
	local []int32 // node of each log activity, -1 when absent
	n     int
	edge  []int // edge[i*n+j]: how often j directly follows i
	start []int // how often each node starts a trace
	end   []int // how often each node ends a trace
}

func newTraceGraph(s subLog, names []string) *traceGraph {
	return graphWithout(s, names, -1)
}

// graphWithout is the graph of s with the events of activity skip left
// out (-1: none), without building that sub-log.
func graphWithout(s subLog, names []string, skip int32) *traceGraph {
	g := &traceGraph{local: make([]int32, len(names))}
	for i := range g.local {
		g.local[i] = -1
	}
	for _, tr := range s.traces {
		for _, a := range tr {
			if a != skip && g.local[a] < 0 {
				g.local[a] = 0
				g.acts = append(g.acts, a)
			}
		}
	}
	slices.SortFunc(g.acts, func(x, y int32) int {
		if c := compareStrings(names[x], names[y]); c != 0 {
			return c
		}
		return int(x - y)
	})
	for i, a := range g.acts {
		g.local[a] = int32(i)
	}
	g.n = len(g.acts)
	g.edge = make([]int, g.n*g.n)
	g.start = make([]int, g.n)
	g.end = make([]int, g.n)
	for i, tr := range s.traces {
		c := s.counts[i]
		prev := int32(-1)
		for _, a := range tr {
			if a == skip {
				continue
			}
			if prev < 0 {
				g.start[g.local[a]] += c
			} else {
				g.edge[int(g.local[prev])*g.n+int(g.local[a])] += c
			}
			prev = a
		}
		if prev >= 0 {
			g.end[g.local[prev]] += c
		}
	}
	return g
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (g *traceGraph) has(i, j int) bool { return g.edge[i*g.n+j] > 0 }

// filtered is a copy of g without infrequent edges: an edge stays when its
// count is at least noise times the strongest way out of its source (an
// edge or ending there); start and end activities stay when they are at
// least noise times the most frequent one.
func (g *traceGraph) filtered(noise float64) *traceGraph {
	f := *g
	f.edge = slices.Clone(g.edge)
	f.start = keepFrequent(g.start, noise)
	f.end = keepFrequent(g.end, noise)
	for i := range g.n {
		strongest := g.end[i]
		for j := range g.n {
			strongest = max(strongest, g.edge[i*g.n+j])
		}
		for j := range g.n {
			if float64(f.edge[i*g.n+j]) < noise*float64(strongest) {
				f.edge[i*g.n+j] = 0
			}
		}
	}
	return &f
}

func keepFrequent(counts []int, noise float64) []int {
	out := slices.Clone(counts)
	top := slices.Max(counts)
	for i, c := range out {
		if float64(c) < noise*float64(top) {
			out[i] = 0
		}
	}
	return out
}

// components numbers the connected components of the undirected graph in
// which linked(i, j) joins i and j; it returns the component of each node
// and how many there are. Components are numbered by their first node.
func components(n int, linked func(i, j int) bool) (comp []int, count int) {
	comp = make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	stack := []int{}
	for s := range n {
		if comp[s] >= 0 {
			continue
		}
		comp[s] = count
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for j := range n {
				if comp[j] < 0 && linked(i, j) {
					comp[j] = count
					stack = append(stack, j)
				}
			}
		}
		count++
	}
	return comp, count
}

// groups turns a component numbering into lists of nodes.
func groups(comp []int, count int) [][]int {
	out := make([][]int, count)
	for i, c := range comp {
		out[c] = append(out[c], i)
	}
	return out
}

// reachability is reach[i*n+j]: j can be reached from i by one or more edges.
func (g *traceGraph) reachability() []bool {
	n := g.n
	succ := make([][]int, n)
	for i := range n {
		for j := range n {
			if g.has(i, j) {
				succ[i] = append(succ[i], j)
			}
		}
	}
	reach := make([]bool, n*n)
	stack := []int{}
	for s := range n {
		row := reach[s*n : (s+1)*n]
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, j := range succ[i] {
				if !row[j] {
					row[j] = true
					stack = append(stack, j)
				}
			}
		}
	}
	return reach
}
