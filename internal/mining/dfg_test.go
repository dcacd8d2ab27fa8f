package mining

import (
	"testing"

	"rathaus/internal/eventlog"
)

// edgeMap keys the edges of g by "from->to".
func edgeMap(l *eventlog.Log, g *Graph) map[string]Edge {
	m := map[string]Edge{}
	for _, e := range g.Edges {
		m[l.Activities[e.From]+"->"+l.Activities[e.To]] = e
	}
	return m
}

func TestDFG(t *testing.T) {
	l := buildLog(t, fourCases...)
	g := DFG(l)
	if g.Cases != 4 || g.Pairs != 8 || len(g.Edges) != 4 {
		t.Fatalf("cases %d, pairs %d, edges %d; want 4, 8, 4", g.Cases, g.Pairs, len(g.Edges))
	}
	e := edgeMap(l, g)
	// A->B waits 60, 10 and 90 minutes.
	ab := e["A->B"]
	if ab.Count != 3 || ab.Cases != 3 {
		t.Errorf("A->B count %d in %d cases, want 3 in 3", ab.Count, ab.Cases)
	}
	approx(t, "A->B mean", ab.MeanS, 3200)
	approx(t, "A->B median", ab.MedianS, 3600)
	approx(t, "A->B min", ab.MinS, 600)
	approx(t, "A->B max", ab.MaxS, 5400)
	approx(t, "A->B total", ab.TotalS, 9600)
	approx(t, "B->C median", e["B->C"].MedianS, 5400)
	approx(t, "B->C mean", e["B->C"].MeanS, 14600)
	if bb := e["B->B"]; bb.Count != 1 || bb.MedianS != 600 {
		t.Errorf("self-loop B->B = %+v, want once, 600 s", bb)
	}
	if ac := e["A->C"]; ac.Count != 1 || ac.MeanS != 1800 {
		t.Errorf("A->C = %+v, want once, 1800 s", ac)
	}
	if g.Edges[0].Count < g.Edges[len(g.Edges)-1].Count {
		t.Error("edges are not sorted by frequency")
	}
	want := map[string][4]int{"A": {4, 4, 4, 0}, "B": {4, 3, 0, 0}, "C": {4, 4, 0, 4}}
	for _, n := range g.Nodes {
		if w := want[n.Activity]; [4]int{n.Events, n.Cases, n.Start, n.End} != w {
			t.Errorf("node %s: events, cases, start, end = %d %d %d %d, want %v", n.Activity, n.Events, n.Cases, n.Start, n.End, w)
		}
	}
}

func TestDFGWithoutTimestamps(t *testing.T) {
	l := buildLog(t, "c1 A -", "c1 B -", "c2 A 0", "c2 B 5")
	e := edgeMap(l, DFG(l))["A->B"]
	// Both pairs count; only the timed one has a waiting time.
	if e.Count != 2 || e.MeanS != 300 || e.MedianS != 300 || e.TotalS != 300 {
		t.Errorf("A->B = %+v, want 2 pairs, 300 s from the timed one", e)
	}
}

// pruneLog: A and C occur 10 times, B 5, D 2; A->B and B->C 5, A->C 3,
// A->D and D->C 2.
func pruneLog(t *testing.T) *eventlog.Log {
	var lines []string
	add := func(n int, prefix string, acts ...string) {
		for i := range n {
			for j, a := range acts {
				lines = append(lines, prefix+string(rune('0'+i))+" "+a+" "+string(rune('0'+j)))
			}
		}
	}
	add(5, "abc", "A", "B", "C")
	add(3, "ac", "A", "C")
	add(2, "adc", "A", "D", "C")
	return buildLog(t, lines...)
}

func TestPrune(t *testing.T) {
	l := pruneLog(t)
	g := DFG(l)
	if all := g.Prune(1, 1); len(all.Nodes) != 4 || len(all.Edges) != 5 {
		t.Errorf("full sliders keep %d nodes and %d edges, want 4 and 5", len(all.Nodes), len(all.Edges))
	}
	p := g.Prune(0.75, 1) // A, C, B
	if len(p.Nodes) != 3 || len(p.Edges) != 3 || p.Pairs != g.Pairs {
		t.Errorf("three quarters of the activities: %d nodes, %d edges, %d pairs; want 3, 3, %d", len(p.Nodes), len(p.Edges), p.Pairs, g.Pairs)
	}
	for _, n := range p.Nodes {
		if n.Activity == "D" {
			t.Error("the rarest activity D is kept")
		}
	}
	// With the path slider at zero, each kept activity keeps its most
	// frequent way in and out: A->B and B->C, not the rarer A->C.
	p = g.Prune(0.75, 0)
	e := edgeMap(l, p)
	if len(e) != 2 || e["A->B"].Count != 5 || e["B->C"].Count != 5 {
		t.Errorf("minimal paths = %v, want A->B and B->C", e)
	}
	if one := g.Prune(0, 0); len(one.Nodes) != 1 || len(one.Edges) != 0 {
		t.Errorf("sliders at zero keep %d nodes and %d edges, want the most frequent activity alone", len(one.Nodes), len(one.Edges))
	}
}
