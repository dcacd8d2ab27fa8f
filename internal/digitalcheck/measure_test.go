package digitalcheck

import (
	"fmt"
	"math"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

func TestMeasure(t *testing.T) {
	start := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	b := eventlog.NewBuilder("m", 0)
	// Four cases over half a year; "Prüfen" waits 1, 2, 3 and 10 days
	// after "Eingang"; case 3 checks twice (rework, another day later).
	for i, wait := range []int{1, 2, 3, 10} {
		c := b.Case(fmt.Sprint(i))
		t0 := start.AddDate(0, i, 0)
		b.Event(c, "Eingang", t0.UnixNano(), "")
		b.Event(c, "Prüfen", t0.AddDate(0, 0, wait).UnixNano(), "")
		if i == 3 {
			b.Event(c, "Prüfen", t0.AddDate(0, 0, wait+1).UnixNano(), "")
		}
	}
	l := b.Log()
	m := Measure(l)
	p := m["Prüfen"]
	if p.Cases != 4 || m["Eingang"].Cases != 4 {
		t.Errorf("cases %d and %d, want 4 each", p.Cases, m["Eingang"].Cases)
	}
	// Gaps 1, 2, 3, 10 and 1 days: median 2, mean 17/5.
	if p.WaitMedianS != 2*day || math.Abs(p.WaitMeanS-17*day/5) > 1e-6 {
		t.Errorf("wait median %v, mean %v", p.WaitMedianS/day, p.WaitMeanS/day)
	}
	span := start.AddDate(0, 3, 11).Sub(start).Seconds()
	if want := 4 * secondsPerYear / span; math.Abs(p.CasesPerYear-want) > 1e-9 {
		t.Errorf("cases per year %v, want %v", p.CasesPerYear, want)
	}
	if n, perYear := Volume(l); n != 4 || math.Abs(perYear-p.CasesPerYear) > 1e-9 {
		t.Errorf("volume %d cases, %v a year", n, perYear)
	}
	if e := m["Eingang"]; e.WaitMedianS != 0 || e.WaitMeanS != 0 {
		t.Errorf("the first step has a wait: %+v", e)
	}
}
