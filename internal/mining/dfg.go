package mining

import (
	"cmp"
	"slices"

	"rathaus/internal/eventlog"
)

// Graph is a directly-follows graph: which activity follows which within
// the cases, how often, and how long the case waited in between.
type Graph struct {
	Cases int    `json:"cases"`
	Pairs int    `json:"pairs"` // directly-follows pairs in the log (before any pruning)
	Nodes []Node `json:"nodes"` // most frequent first
	Edges []Edge `json:"edges"` // most frequent first
}

// Node is an activity of the graph.
type Node struct {
	ID       int32  `json:"id"` // index into Log.Activities
	Activity string `json:"activity"`
	Events   int    `json:"events"`
	Cases    int    `json:"cases"` // cases with the activity at least once
	Start    int    `json:"start"` // cases starting with it
	End      int    `json:"end"`   // cases ending with it
}

// Edge is a directly-follows relation From -> To (activity ids) with the
// waiting time between the two events. The times cover the pairs where both
// events have a timestamp.
type Edge struct {
	From    int32   `json:"from"`
	To      int32   `json:"to"`
	Count   int     `json:"count"`
	Cases   int     `json:"cases"` // cases with the pair at least once
	MeanS   float64 `json:"mean_s"`
	MedianS float64 `json:"median_s"`
	MinS    float64 `json:"min_s"`
	MaxS    float64 `json:"max_s"`
	TotalS  float64 `json:"total_s"`
}

// DFG computes the directly-follows graph of l.
func DFG(l *eventlog.Log) *Graph {
	g := &Graph{Cases: len(l.Cases), Nodes: activityNodes(l)}
	idx := newPairIndex(len(l.Activities))
	var timed []int // timed pairs per edge
	lastCase := []int32{}
	for ci, c := range l.Cases {
		for i := c.Start + 1; i < c.End; i++ {
			k, ok := idx.get(l.Act[i-1], l.Act[i])
			if !ok {
				k = int32(len(g.Edges))
				idx.set(l.Act[i-1], l.Act[i], k)
				g.Edges = append(g.Edges, Edge{From: l.Act[i-1], To: l.Act[i]})
				timed = append(timed, 0)
				lastCase = append(lastCase, -1)
			}
			e := &g.Edges[k]
			e.Count++
			if lastCase[k] != int32(ci) {
				lastCase[k] = int32(ci)
				e.Cases++
			}
			if l.Time[i-1] != eventlog.NoTime && l.Time[i] != eventlog.NoTime {
				timed[k]++
			}
		}
		g.Pairs += max(c.End-c.Start-1, 0)
	}
	edgeTimes(l, idx, g.Edges, timed)
	slices.SortFunc(g.Edges, func(a, b Edge) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return g
}

// edgeTimes collects the waiting times of all edges in one flat slice
// grouped by edge and summarises each group (with an exact median).
func edgeTimes(l *eventlog.Log, idx *pairIndex, edges []Edge, timed []int) {
	off := make([]int, len(edges)+1)
	for k, n := range timed {
		off[k+1] = off[k] + n
	}
	pos := slices.Clone(off[:len(edges)])
	durs := make([]float64, off[len(edges)])
	for _, c := range l.Cases {
		for i := c.Start + 1; i < c.End; i++ {
			if l.Time[i-1] == eventlog.NoTime || l.Time[i] == eventlog.NoTime {
				continue
			}
			k, _ := idx.get(l.Act[i-1], l.Act[i])
			durs[pos[k]] = seconds(l.Time[i] - l.Time[i-1])
			pos[k]++
		}
	}
	for k := range edges {
		s := durs[off[k]:off[k+1]]
		e := &edges[k]
		e.MinS, e.MaxS, e.MeanS, e.MedianS = summary(s)
		e.TotalS = e.MeanS * float64(len(s))
	}
}

// activityNodes counts events, cases, starts and ends per activity that
// occurs, most frequent first.
func activityNodes(l *eventlog.Log) []Node {
	nodes := make([]Node, len(l.Activities))
	lastCase := make([]int32, len(l.Activities))
	for a := range nodes {
		nodes[a] = Node{ID: int32(a), Activity: l.Activities[a]}
		lastCase[a] = -1
	}
	for ci, c := range l.Cases {
		if c.End == c.Start {
			continue
		}
		nodes[l.Act[c.Start]].Start++
		nodes[l.Act[c.End-1]].End++
		for _, a := range l.Act[c.Start:c.End] {
			nodes[a].Events++
			if lastCase[a] != int32(ci) {
				lastCase[a] = int32(ci)
				nodes[a].Cases++
			}
		}
	}
	// A filtered log shares the dictionary of its source: leave out the
	// activities that no longer occur.
	nodes = slices.DeleteFunc(nodes, func(n Node) bool { return n.Events == 0 })
	slices.SortStableFunc(nodes, func(a, b Node) int { return cmp.Compare(b.Events, a.Events) })
	return nodes
}

// pairIndex maps an activity pair to a number: a dense table for up to
// 1024 activities, a map beyond.
type pairIndex struct {
	n      int
	dense  []int32
	sparse map[int64]int32
}

const maxDensePairs = 1024

func newPairIndex(n int) *pairIndex {
	p := &pairIndex{n: n}
	if n <= maxDensePairs {
		p.dense = make([]int32, n*n)
		for i := range p.dense {
			p.dense[i] = -1
		}
	} else {
		p.sparse = make(map[int64]int32)
	}
	return p
}

func (p *pairIndex) get(a, b int32) (int32, bool) {
	if p.dense != nil {
		k := p.dense[int(a)*p.n+int(b)]
		return k, k >= 0
	}
	k, ok := p.sparse[int64(a)*int64(p.n)+int64(b)]
	return k, ok
}

func (p *pairIndex) set(a, b, k int32) {
	if p.dense != nil {
		p.dense[int(a)*p.n+int(b)] = k
		return
	}
	p.sparse[int64(a)*int64(p.n)+int64(b)] = k
}
