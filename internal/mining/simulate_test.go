package mining

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

var simStart = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC).UnixNano()

// reviewLog has n cases Receive -> Check -> Decide: Check always comes one
// hour after Receive, Decide 1 to 48 hours after Check.
func reviewLog(n int, seed uint64) *eventlog.Log {
	rng := rand.New(rand.NewPCG(seed, 1))
	b := eventlog.NewBuilder("review", 3*n)
	for i := range n {
		c := b.Case(fmt.Sprintf("c%d", i))
		t := simStart + int64(i)*int64(time.Hour)
		b.Event(c, "Receive", t, "")
		t += int64(time.Hour)
		b.Event(c, "Check", t, "")
		t += int64(time.Duration(1+rng.IntN(48)) * time.Hour)
		b.Event(c, "Decide", t, "")
	}
	return b.Log()
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestSimulateRemovingAStepCutsItsTime(t *testing.T) {
	l := reviewLog(501, 7)
	hour := time.Hour.Seconds()
	for name, s := range map[string]Scenario{
		"remove":          {Remove: []string{"Check"}},
		"automate to 0":   {Automate: map[string]time.Duration{"Check": 0}},
		"remove and auto": {Remove: []string{"Check"}, Automate: map[string]time.Duration{"Check": time.Hour}},
	} {
		r := Simulate(l, s, SimOptions{Seed: 1})
		if r.Cases != 501 || r.Affected != 501 || r.Untimed != 0 {
			t.Errorf("%s: cases %d, affected %d, untimed %d", name, r.Cases, r.Affected, r.Untimed)
		}
		if !near(r.Baseline.Median-r.Projected.Median, hour) || !near(r.Baseline.Mean-r.Projected.Mean, hour) {
			t.Errorf("%s: median %v -> %v, mean %v -> %v; want one hour less", name,
				r.Baseline.Median, r.Projected.Median, r.Baseline.Mean, r.Projected.Mean)
		}
		if !near(r.Saving.Median, hour) || !near(r.Saving.MeanCI.Lo, hour) || !near(r.Saving.MeanCI.Hi, hour) {
			t.Errorf("%s: saving %+v; every case saves exactly one hour", name, r.Saving)
		}
	}
}

func TestSimulateAutomatingToAShorterTime(t *testing.T) {
	l := reviewLog(300, 3)
	r := Simulate(l, Scenario{Automate: map[string]time.Duration{"Check": 15 * time.Minute}}, SimOptions{Seed: 2})
	if want := 45 * time.Minute.Seconds(); !near(r.Saving.Median, want) || !near(r.Baseline.P90-r.Projected.P90, want) {
		t.Errorf("saving %v, p90 %v -> %v; want 45 minutes", r.Saving.Median, r.Baseline.P90, r.Projected.P90)
	}
	none := Simulate(l, Scenario{}, SimOptions{Seed: 2})
	if none.Affected != 0 || none.Saving.Mean != 0 || none.Baseline != none.Projected {
		t.Errorf("an empty scenario changed something: %+v", none)
	}
}

func TestSimulateReportsUnknownActivitiesAndUntimedCases(t *testing.T) {
	b := eventlog.NewBuilder("x", 0)
	c := b.Case("timed")
	b.Event(c, "A", simStart, "")
	b.Event(c, "B", simStart+int64(time.Hour), "")
	u := b.Case("untimed")
	b.Event(u, "A", simStart, "")
	b.Event(u, "B", eventlog.NoTime, "")
	r := Simulate(b.Log(), Scenario{Remove: []string{"B", "Nope"}}, SimOptions{})
	if r.Cases != 1 || r.Untimed != 1 || !slices.Equal(r.Unknown, []string{"Nope"}) {
		t.Errorf("cases %d, untimed %d, unknown %v", r.Cases, r.Untimed, r.Unknown)
	}
	if r.Projected.Median != 0 || r.Baseline.Median != time.Hour.Seconds() {
		t.Errorf("baseline %v, projected %v", r.Baseline.Median, r.Projected.Median)
	}
	empty := Simulate(eventlog.NewBuilder("e", 0).Log(), Scenario{}, SimOptions{})
	if empty.Cases != 0 || empty.Replicates != 0 {
		t.Errorf("empty log: %+v", empty)
	}
}

// expLog has n two-event cases whose duration is exponential with the
// given median.
func expLog(n int, median float64, seed uint64) *eventlog.Log {
	rng := rand.New(rand.NewPCG(seed, 2))
	b := eventlog.NewBuilder("exp", 2*n)
	for i := range n {
		c := b.Case(fmt.Sprint(i))
		d := rng.ExpFloat64() * median / math.Ln2
		b.Event(c, "Start", simStart, "")
		b.Event(c, "End", simStart+int64(d*1e9), "")
	}
	return b.Log()
}

// TestSimulateIntervalsCoverTheTrueValue draws 40 logs from a known
// distribution; the 95% intervals of the median and the mean should
// contain the true values in about 95% of them.
func TestSimulateIntervalsCoverTheTrueValue(t *testing.T) {
	const median = 3600.0
	trueMean := median / math.Ln2
	var coverMedian, coverMean int
	for i := range 40 {
		r := Simulate(expLog(400, median, uint64(i)), Scenario{}, SimOptions{Seed: uint64(i)})
		if r.Baseline.MedianCI.Lo <= median && median <= r.Baseline.MedianCI.Hi {
			coverMedian++
		}
		if r.Baseline.MeanCI.Lo <= trueMean && trueMean <= r.Baseline.MeanCI.Hi {
			coverMean++
		}
		if w := r.Baseline.MedianCI.Hi - r.Baseline.MedianCI.Lo; w <= 0 || w > median {
			t.Errorf("log %d: median interval %+v is empty or implausibly wide", i, r.Baseline.MedianCI)
		}
	}
	if coverMedian < 33 || coverMean < 33 {
		t.Errorf("the intervals contain the true median in %d and the true mean in %d of 40 logs; want about 38", coverMedian, coverMean)
	}
}

func TestSimulateIsReproducible(t *testing.T) {
	l := reviewLog(400, 11)
	s := Scenario{Automate: map[string]time.Duration{"Decide": time.Hour}}
	a := Simulate(l, s, SimOptions{Seed: 42})
	b := Simulate(l, s, SimOptions{Seed: 42})
	c := Simulate(l, s, SimOptions{Seed: 43})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the same seed gave\n%+v\n%+v", a, b)
	}
	if a.Baseline.MeanCI == c.Baseline.MeanCI {
		t.Errorf("seeds 42 and 43 gave the same interval %+v", a.Baseline.MeanCI)
	}
	if a.Baseline.Median != c.Baseline.Median {
		t.Errorf("the point estimate depends on the seed: %v vs %v", a.Baseline.Median, c.Baseline.Median)
	}
}

func TestMedianInPlaceMatchesSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for n := 1; n < 60; n++ {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(rng.IntN(10)) // many ties
		}
		s := slices.Clone(v)
		slices.Sort(s)
		if got, want := medianInPlace(v), Quantile(s, 0.5); got != want {
			t.Fatalf("n=%d: median %v, want %v", n, got, want)
		}
	}
}

// bigLog has about a million events: 100,000 cases of ten events.
func bigLog() *eventlog.Log {
	acts := []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"}
	b := eventlog.NewBuilder("big", 1_000_000)
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 100_000 {
		c := b.Case(fmt.Sprint(i))
		t := simStart
		for _, a := range acts {
			t += int64(rng.IntN(3600)) * 1e9
			b.Event(c, a, t, "")
		}
	}
	return b.Log()
}

func BenchmarkSimulateMillionEvents(b *testing.B) {
	l := bigLog()
	s := Scenario{Remove: []string{"C"}, Automate: map[string]time.Duration{"F": 0}}
	b.ResetTimer()
	for b.Loop() {
		Simulate(l, s, SimOptions{Seed: 1})
	}
}
