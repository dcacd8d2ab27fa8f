package mining

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

// The reference figures were computed independently (stdlib Python, and
// pm4py for the receipt log's directly-follows frequencies).
const eventlogData = "../../../shared/data/eventlogs"

type reference struct {
	Cases           int            `json:"cases"`
	Events          int            `json:"events"`
	Activities      int            `json:"activities"`
	ActivityCounts  map[string]int `json:"activity_counts"`
	Variants        int            `json:"variants"`
	StartActivities map[string]int `json:"start_activities"`
	EndActivities   map[string]int `json:"end_activities"`
	TopVariants     []struct {
		Count int      `json:"count"`
		Trace []string `json:"trace"`
	} `json:"top_variants"`
	DFG []struct {
		From    string  `json:"from"`
		To      string  `json:"to"`
		Count   int     `json:"count"`
		MeanS   float64 `json:"mean_s"`
		MedianS float64 `json:"median_s"`
		MinS    float64 `json:"min_s"`
		MaxS    float64 `json:"max_s"`
	} `json:"dfg"`
	Duration map[string]float64 `json:"case_duration_s"`
}

// readData opens a file of the shared data, skipping the test when the
// data is not there.
func readData(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(eventlogData, name))
	if os.IsNotExist(err) {
		t.Skipf("shared test data %s is not available", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readXES(t *testing.T, name string) *eventlog.Log {
	t.Helper()
	readData(t, name) // skips when absent
	l, _, err := eventlog.ReadXESFile(filepath.Join(eventlogData, name), eventlog.XESOptions{})
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return l
}

func TestGoldenReceipt(t *testing.T) {
	l := readXES(t, "08_receipt.xes.gz")
	ref := checkReference(t, l, "receipt_reference.json")
	// The figures the issue names, so that a wrong reference file shows.
	o := Stats(l)
	if o.Cases != 1434 || o.Events != 8577 || o.Activities != 27 || o.Variants != 116 {
		t.Errorf("receipt: %d cases, %d events, %d activities, %d variants; want 1434, 8577, 27, 116",
			o.Cases, o.Events, o.Activities, o.Variants)
	}
	g := DFG(l)
	if len(g.Edges) != 99 || g.Pairs != 7143 || len(ref.DFG) != 99 {
		t.Errorf("receipt DFG: %d edges, %d pairs; want 99 and 7143", len(g.Edges), g.Pairs)
	}
	if math.Abs(o.Duration.Median-2868.5835) > 1e-3 {
		t.Errorf("receipt median case duration = %v s, want 2868.5835", o.Duration.Median)
	}
	checkNotebookDFG(t, l, g)
}

func TestGoldenRunningExample(t *testing.T) {
	checkReference(t, readXES(t, "running-example.xes"), "running-example_reference.json")
}

func TestGoldenRoadTraffic(t *testing.T) {
	checkReference(t, readXES(t, "roadtraffic100traces.xes"), "roadtraffic100traces_reference.json")
}

// checkNotebookDFG compares the edge frequencies with pm4py's output.
func checkNotebookDFG(t *testing.T, l *eventlog.Log, g *Graph) {
	var pm4py [][3]any
	if err := json.Unmarshal(readData(t, "receipt_pm4py_notebook_dfg.json"), &pm4py); err != nil {
		t.Fatal(err)
	}
	got := edgesByName(l, g)
	if len(pm4py) != len(got) {
		t.Errorf("%d edges, pm4py has %d", len(got), len(pm4py))
	}
	for _, e := range pm4py {
		from, to, count := e[0].(string), e[1].(string), int(e[2].(float64))
		if got[from+" -> "+to].Count != count {
			t.Errorf("edge %s -> %s: %d, pm4py %d", from, to, got[from+" -> "+to].Count, count)
		}
	}
}

func edgesByName(l *eventlog.Log, g *Graph) map[string]Edge {
	m := map[string]Edge{}
	for _, e := range g.Edges {
		m[l.Activities[e.From]+" -> "+l.Activities[e.To]] = e
	}
	return m
}

// checkReference compares the analyses of l with a reference file.
func checkReference(t *testing.T, l *eventlog.Log, file string) reference {
	t.Helper()
	var ref reference
	if err := json.Unmarshal(readData(t, "reference/"+file), &ref); err != nil {
		t.Fatal(err)
	}
	o := Stats(l)
	if o.Cases != ref.Cases || o.Events != ref.Events || o.Activities != ref.Activities || o.Variants != ref.Variants {
		t.Errorf("%d cases, %d events, %d activities, %d variants; reference %d, %d, %d, %d",
			o.Cases, o.Events, o.Activities, o.Variants, ref.Cases, ref.Events, ref.Activities, ref.Variants)
	}
	for _, a := range ActivityStats(l) {
		if a.Events != ref.ActivityCounts[a.Name] {
			t.Errorf("activity %q: %d events, reference %d", a.Name, a.Events, ref.ActivityCounts[a.Name])
		}
	}
	checkCounts(t, "start", o.StartActivities, ref.StartActivities)
	checkCounts(t, "end", o.EndActivities, ref.EndActivities)
	checkVariants(t, l, ref)
	checkDFG(t, l, ref)
	checkDurations(t, l, o.Duration, ref.Duration)
	return ref
}

// checkDurations compares the case duration distribution. The reference
// takes its quartiles as the value at 0-based rank floor(q·n) of the sorted
// durations, where Dist interpolates like numpy (position q·(n-1)); the
// quartiles are checked at the reference's rank, so the durations
// themselves must agree, and Dist's must lie next to that value.
func checkDurations(t *testing.T, l *eventlog.Log, got Dist, want map[string]float64) {
	t.Helper()
	for name, v := range map[string]float64{"min": got.Min, "median": got.Median, "mean": got.Mean, "max": got.Max} {
		if math.Abs(v-want[name]) > 1e-3 {
			t.Errorf("case duration %s = %.4f s, reference %.4f", name, v, want[name])
		}
	}
	d := timedOnly(caseDurations(l))
	slices.Sort(d)
	for _, q := range []struct {
		name string
		q    float64
		got  float64
	}{{"p25", 0.25, got.P25}, {"p75", 0.75, got.P75}} {
		k := int(q.q * float64(len(d)))
		if math.Abs(d[k]-want[q.name]) > 1e-3 {
			t.Errorf("case duration at the rank of %s = %.4f s, reference %.4f", q.name, d[k], want[q.name])
		}
		lo, hi := d[max(k-1, 0)], d[min(k+1, len(d)-1)]
		if q.got < lo-1e-9 || q.got > hi+1e-9 {
			t.Errorf("case duration %s = %.4f s, not between %.4f and %.4f", q.name, q.got, lo, hi)
		}
	}
}

func checkCounts(t *testing.T, what string, got []ActivityCount, want map[string]int) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d %s activities, reference %d", len(got), what, len(want))
	}
	for _, c := range got {
		if c.Count != want[c.Activity] {
			t.Errorf("%s activity %q: %d, reference %d", what, c.Activity, c.Count, want[c.Activity])
		}
	}
}

// checkVariants compares the top variants: the counts in order, and each
// reference trace's count (ties may be ordered differently).
func checkVariants(t *testing.T, l *eventlog.Log, ref reference) {
	t.Helper()
	vs := Variants(l)
	byTrace := map[string]int{}
	for _, v := range vs {
		names := make([]string, len(v.Activities))
		for i, a := range v.Activities {
			names[i] = l.Activities[a]
		}
		byTrace[strings.Join(names, "\x00")] = v.Count
	}
	for i, rv := range ref.TopVariants {
		if i < len(vs) && vs[i].Count != rv.Count {
			t.Errorf("variant %d has %d cases, reference %d", i, vs[i].Count, rv.Count)
		}
		if got := byTrace[strings.Join(rv.Trace, "\x00")]; got != rv.Count {
			t.Errorf("variant %v: %d cases, reference %d", rv.Trace, got, rv.Count)
		}
	}
	if !slices.IsSortedFunc(vs, func(a, b Variant) int { return b.Count - a.Count }) {
		t.Error("variants are not sorted by count")
	}
}

func checkDFG(t *testing.T, l *eventlog.Log, ref reference) {
	t.Helper()
	got := edgesByName(l, DFG(l))
	if len(got) != len(ref.DFG) {
		t.Errorf("%d edges, reference %d", len(got), len(ref.DFG))
	}
	for _, re := range ref.DFG {
		e, ok := got[re.From+" -> "+re.To]
		if !ok {
			t.Errorf("edge %s -> %s missing", re.From, re.To)
			continue
		}
		if e.Count != re.Count || math.Abs(e.MeanS-re.MeanS) > 1e-3 || math.Abs(e.MedianS-re.MedianS) > 1e-3 ||
			math.Abs(e.MinS-re.MinS) > 1e-3 || math.Abs(e.MaxS-re.MaxS) > 1e-3 {
			t.Errorf("edge %s -> %s: count %d mean %.3f median %.3f min %.3f max %.3f; reference %d %.3f %.3f %.3f %.3f",
				re.From, re.To, e.Count, e.MeanS, e.MedianS, e.MinS, e.MaxS, re.Count, re.MeanS, re.MedianS, re.MinS, re.MaxS)
		}
	}
}

// TestGoldenReceiptFiltersAndReports checks the other analyses on the
// receipt log where the reference or the log itself tells the answer.
func TestGoldenReceiptFiltersAndReports(t *testing.T) {
	l := readXES(t, "08_receipt.xes.gz")
	// The reference's top variant has 713 cases.
	top := Apply(l, Filter{Variants: []int{0}})
	if o := Stats(top); o.Cases != 713 || o.Variants != 1 || o.Events != 713*6 {
		t.Errorf("top variant: %d cases, %d variants, %d events; want 713, 1, %d", o.Cases, o.Variants, o.Events, 713*6)
	}
	// Before and after a moment, every case is on one side.
	mid := Stats(l).First.Add(180 * 24 * time.Hour)
	before, after := Apply(l, Filter{To: mid}), Apply(l, Filter{From: mid})
	if len(before.Cases)+len(after.Cases) != 1434 || len(before.Cases) == 0 || len(after.Cases) == 0 {
		t.Errorf("cases before and after %v: %d + %d, want 1434 in all", mid, len(before.Cases), len(after.Cases))
	}
	// Every trace has an xs:dateTime deadline.
	col := l.CaseAttr("deadline")
	if col == nil {
		t.Fatal("the receipt log has no case attribute deadline")
	}
	r := Deadlines(l, DeadlineOptions{CaseAttr: "deadline"})
	if r.Cases != 1434 || r.NoDeadline != 0 || r.OnTime+r.Late != r.Closed || r.Closed != 1434 {
		t.Errorf("deadlines: %d cases, %d without, %d on time, %d late; want all 1434 read and judged",
			r.Cases, r.NoDeadline, r.OnTime, r.Late)
	}
	// Workload by the event attribute org:group and by the case attribute
	// group covers every event once.
	for _, by := range []string{"org:group", "group", "resource"} {
		w := Workload(l, WorkloadOptions{By: by})
		sum := 0
		for _, u := range w.Units {
			sum += u.Events
		}
		if sum != 8577 || len(w.Units) < 2 {
			t.Errorf("workload by %s: %d events in %d units, want 8577 in several", by, sum, len(w.Units))
		}
	}
}
