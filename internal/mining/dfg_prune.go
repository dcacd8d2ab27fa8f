package mining

import (
	"math"
	"slices"
)

// Prune simplifies the graph like Disco's sliders: it keeps the share
// (0..1) of activities that occur most often and, among the edges between
// them, the share of most frequent paths. Every kept activity keeps its most
// frequent incoming and outgoing edge (when it has one to or from a kept
// activity), so it stays connected. Pairs stays the figure of the whole
// log. Shares at or above 1 keep everything; at least one activity is kept.
func (g *Graph) Prune(activityShare, pathShare float64) *Graph {
	out := &Graph{Cases: g.Cases, Pairs: g.Pairs}
	nKeep := keepCount(len(g.Nodes), activityShare)
	out.Nodes = slices.Clone(g.Nodes[:nKeep]) // Nodes are sorted by frequency
	kept := map[int32]bool{}
	for _, n := range out.Nodes {
		kept[n.ID] = true
	}
	var cand []int // candidate edges, most frequent first (g.Edges order)
	for i, e := range g.Edges {
		if kept[e.From] && kept[e.To] {
			cand = append(cand, i)
		}
	}
	keep := make(map[int]bool, len(cand))
	for _, i := range cand[:keepCount(len(cand), pathShare)] {
		keep[i] = true
	}
	// The first candidate into and out of each node is its most frequent.
	hasIn, hasOut := map[int32]bool{}, map[int32]bool{}
	for _, i := range cand {
		e := g.Edges[i]
		if e.From == e.To {
			continue // a self-loop connects nothing
		}
		if !hasOut[e.From] {
			hasOut[e.From] = true
			keep[i] = true
		}
		if !hasIn[e.To] {
			hasIn[e.To] = true
			keep[i] = true
		}
	}
	for _, i := range cand {
		if keep[i] {
			out.Edges = append(out.Edges, g.Edges[i])
		}
	}
	return out
}

// keepCount is how many of n items a share keeps: rounded up, at least
// one of a non-empty list.
func keepCount(n int, share float64) int {
	if n == 0 {
		return 0
	}
	k := int(math.Ceil(share * float64(n)))
	return min(max(k, 1), n)
}
