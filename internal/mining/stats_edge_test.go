package mining

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

// allReports runs every analysis on l, as the web layer would before
// serving them as JSON.
func allReports(l *eventlog.Log) []any {
	return []any{Stats(l), DFG(l), DFG(l).Prune(0.5, 0.5), Variants(l), ActivityStats(l), Bottlenecks(l),
		Rework(l), Deadlines(l, DeadlineOptions{Target: time.Hour, EndActivities: []string{"C"}}),
		Workload(l, WorkloadOptions{By: "resource"}), Workload(l, WorkloadOptions{By: "nothing"})}
}

func TestReportsServeAsJSON(t *testing.T) {
	for name, l := range map[string]*eventlog.Log{
		"hand-built": buildLog(t, fourCases...),
		"empty":      buildLog(t),
		"untimed":    buildLog(t, "c1 A -", "c1 B -", "c2 A -"),
		"one event":  buildLog(t, "c1 A 0"),
		"filtered":   Apply(buildLog(t, fourCases...), Filter{Variants: []int{7}}),
	} {
		for _, r := range allReports(l) {
			if _, err := json.Marshal(r); err != nil {
				t.Errorf("%s log: %T does not marshal: %v", name, r, err)
			}
		}
	}
}

func TestStatsOfUntimedLog(t *testing.T) {
	o := Stats(buildLog(t, "c1 A -", "c1 B -", "c2 A -"))
	if o.Cases != 2 || o.Events != 3 || o.Variants != 2 || o.Duration.N != 0 || len(o.Throughput.Points) != 0 || !o.First.IsZero() {
		t.Errorf("untimed overview = %+v, want counts without durations or throughput", o)
	}
	w := Workload(buildLog(t, "c1 A - ann"), WorkloadOptions{})
	if len(w.Units) != 1 || w.Units[0].Events != 1 || len(w.Periods) != 0 {
		t.Errorf("untimed workload = %+v, want ann's event without periods", w)
	}
}

// manyActivities is a log with more activities than the dense tables
// hold: one case through activities 0..n-1 by resources 0..n-1, and a
// second case repeating the first two steps.
func manyActivities(t *testing.T, n int) *eventlog.Log {
	lines := make([]string, 0, n+2)
	for i := range n {
		lines = append(lines, "c1 a"+strconv.Itoa(i)+" "+strconv.Itoa(i)+" r"+strconv.Itoa(i))
	}
	lines = append(lines, "c2 a0 0 r1", "c2 a1 1 r1")
	return buildLog(t, lines...)
}

func TestManyActivities(t *testing.T) {
	n := 2100 // beyond maxDensePairs activities and maxDenseCells activity-resource pairs
	l := manyActivities(t, n)
	g := DFG(l)
	if len(g.Edges) != n-1 || g.Edges[0].Count != 2 || l.Activities[g.Edges[0].From] != "a0" || g.Edges[0].MeanS != 60 {
		t.Errorf("%d edges, first %+v; want %d, a0->a1 twice, 60 s", len(g.Edges), g.Edges[0], n-1)
	}
	as := ActivityStats(l)
	if a := as[0]; a.Name != "a0" || len(a.Resources) != 2 || a.Resources[0] != (ResourceCount{"r0", 1}) || a.Resources[1] != (ResourceCount{"r1", 1}) {
		t.Errorf("a0 = %+v, want resources r0 and r1 once each", a)
	}
	if a := as[1]; a.Name != "a1" || len(a.Resources) != 1 || a.Resources[0] != (ResourceCount{"r1", 2}) {
		t.Errorf("a1 = %+v, want r1 twice", a)
	}
}
