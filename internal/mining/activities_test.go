package mining

import (
	"testing"
)

func TestActivityStats(t *testing.T) {
	as := ActivityStats(buildLog(t, fourCases...))
	if len(as) != 3 {
		t.Fatalf("%d activities, want 3", len(as))
	}
	by := map[string]Activity{}
	for _, a := range as {
		by[a.Name] = a
	}
	a, b, c := by["A"], by["B"], by["C"]
	if a.Events != 4 || a.Cases != 4 || a.Repeats != 0 || a.WaitMeanS != 0 {
		t.Errorf("A = %+v, want 4 events in 4 cases, no repeats, no waiting", a)
	}
	if b.Events != 4 || b.Cases != 3 || b.Repeats != 1 {
		t.Errorf("B: %d events in %d cases, %d repeats; want 4, 3, 1", b.Events, b.Cases, b.Repeats)
	}
	approx(t, "B case share", b.CaseShare, 0.75)
	// Waiting before B: 60, 10, 10 and 90 minutes.
	approx(t, "B mean wait", b.WaitMeanS, 2550)
	approx(t, "B median wait", b.WaitMedianS, 2100)
	// Before C: 60, 30, 580 and 90 minutes.
	approx(t, "C median wait", c.WaitMedianS, 4500)
	approx(t, "C total wait", c.WaitTotalS, 45600)
	if len(a.Resources) != 2 || a.Resources[0] != (ResourceCount{"ann", 3}) || a.Resources[1] != (ResourceCount{"bob", 1}) {
		t.Errorf("A's resources = %v, want ann 3, bob 1", a.Resources)
	}
	if len(c.Resources) != 2 || c.Resources[0] != (ResourceCount{"ann", 2}) || c.Resources[1] != (ResourceCount{"cid", 2}) {
		t.Errorf("C's resources = %v, want ann 2, cid 2", c.Resources)
	}
}

func TestActivityStatsTopResourcesBounded(t *testing.T) {
	var lines []string
	for i, r := range []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7"} {
		lines = append(lines, "c"+r+" A "+string(rune('0'+i))+" "+r)
	}
	lines = append(lines, "cx A 9 r7")
	as := ActivityStats(buildLog(t, lines...))
	if len(as[0].Resources) != topResources || as[0].Resources[0] != (ResourceCount{"r7", 2}) {
		t.Errorf("resources = %v, want the %d busiest, r7 first", as[0].Resources, topResources)
	}
}
