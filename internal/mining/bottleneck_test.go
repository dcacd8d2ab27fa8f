package mining

import "testing"

func TestBottlenecks(t *testing.T) {
	b := Bottlenecks(buildLog(t, fourCases...))
	approx(t, "total case time", b.TotalCaseS, 55800)
	if len(b.Edges) != 4 || b.Edges[0].From != "B" || b.Edges[0].To != "C" {
		t.Fatalf("edges = %+v, want B->C first", b.Edges)
	}
	// B->C: 60 min, 580 min and 90 min.
	bc := b.Edges[0]
	approx(t, "B->C total", bc.TotalS, 43800)
	approx(t, "B->C per case", bc.PerCase, 14600)
	approx(t, "B->C median", bc.MedianS, 5400)
	approx(t, "B->C share", bc.Share, 43800.0/55800)
	if b.Edges[1].From != "A" || b.Edges[1].To != "B" || b.Edges[3].From != "B" || b.Edges[3].To != "B" {
		t.Errorf("edge order = %+v, want A->B second and B->B last", b.Edges)
	}
	if len(b.Activities) != 3 || b.Activities[0].To != "C" || b.Activities[0].From != "" || b.Activities[2].To != "A" {
		t.Errorf("activities = %+v, want C first and A (no waiting) last", b.Activities)
	}
	approx(t, "waiting before C", b.Activities[0].TotalS, 45600)
}
