package mining

import (
	"time"

	"rathaus/internal/eventlog"
)

// Scenario is a what-if change to a process: steps taken out or automated.
//
// The time attributed to an event is the gap since the previous event of
// its case (the waiting and working time before it); a case's throughput
// time is the sum of these gaps. Removing an activity drops the gaps of its
// events; automating it replaces each of their gaps by the given duration
// (0 for a step that happens at once). The first event of a case has no
// gap, so removing or automating it changes nothing.
type Scenario struct {
	Remove   []string                 // activities taken out of the process
	Automate map[string]time.Duration // activity -> new time before it
}

// SimOptions tune Simulate. Zero values take the defaults.
type SimOptions struct {
	Replicates int    // bootstrap replicates; default 200
	SampleSize int    // cases drawn per replicate; default min(cases, 10000)
	Seed       uint64 // the same seed gives the same result
}

// Interval is a 95% interval (the 2.5th to the 97.5th percentile over the
// bootstrap replicates), in seconds.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Estimate summarises throughput times (or savings) in seconds over all
// timed cases of the log, with the uncertainty of the median and the mean.
type Estimate struct {
	Median   float64  `json:"median"`
	Mean     float64  `json:"mean"`
	P10      float64  `json:"p10"`
	P90      float64  `json:"p90"`
	MedianCI Interval `json:"median_ci"`
	MeanCI   Interval `json:"mean_ci"`
}

// SimResult is the outcome of Simulate.
type SimResult struct {
	Cases      int `json:"cases"`    // timed cases simulated
	Untimed    int `json:"untimed"`  // cases left out: an event without a timestamp, or no events
	Affected   int `json:"affected"` // cases the scenario changes
	Replicates int `json:"replicates"`
	SampleSize int `json:"sample_size"`

	Baseline  Estimate `json:"baseline"`  // throughput time as measured
	Projected Estimate `json:"projected"` // throughput time under the scenario
	// Saving is the per-case difference baseline - projected; its median
	// is the median of the differences, not the difference of the medians.
	Saving Estimate `json:"saving"`

	// Unknown lists scenario activities the log does not have.
	Unknown []string `json:"unknown,omitempty"`
}

// Simulate projects the throughput time of l's cases under s. It
// rebuilds every timed case with the changed gaps (see Scenario) and then
// draws o.Replicates bootstrap samples of cases (with replacement) to
// estimate how uncertain the median and mean are. The result depends only
// on l, s and o: the same Seed gives the same intervals.
func Simulate(l *eventlog.Log, s Scenario, o SimOptions) SimResult {
	rule, unknown := simRules(l, s)
	base, proj, untimed, affected := simCases(l, rule)
	r := SimResult{Cases: len(base), Untimed: untimed, Affected: affected, Unknown: unknown}
	if len(base) == 0 {
		return r
	}
	saving := make([]float64, len(base))
	for i := range base {
		saving[i] = base[i] - proj[i]
	}
	r.Replicates, r.SampleSize = simDefaults(o, len(base))
	ci := bootstrap(o.Seed, r.Replicates, r.SampleSize, base, proj, saving)
	r.Baseline = estimate(base, ci[0])
	r.Projected = estimate(proj, ci[1])
	r.Saving = estimate(saving, ci[2])
	return r
}

func simDefaults(o SimOptions, cases int) (replicates, size int) {
	replicates, size = o.Replicates, o.SampleSize
	if replicates <= 0 {
		replicates = 200
	}
	if size <= 0 {
		size = min(cases, 10000)
	}
	return replicates, size
}

// keepGap marks an activity whose measured gaps stay as they are.
const keepGap = -1

// simRules is, per activity, the new gap in nanoseconds (0 for a removed
// activity) or keepGap, and the scenario's activities missing from l.
func simRules(l *eventlog.Log, s Scenario) ([]int64, []string) {
	rule := make([]int64, len(l.Activities))
	for i := range rule {
		rule[i] = keepGap
	}
	index := make(map[string]int, len(l.Activities))
	for i, a := range l.Activities {
		index[a] = i
	}
	var unknown []string
	set := func(a string, gap int64) {
		i, ok := index[a]
		if !ok {
			unknown = append(unknown, a)
			return
		}
		rule[i] = gap
	}
	for a, d := range s.Automate {
		set(a, max(int64(d), 0))
	}
	for _, a := range s.Remove { // removing wins over automating
		set(a, 0)
	}
	return rule, unknown
}

// simCases is the baseline and projected throughput time in seconds of
// every timed case, in case order, with the number of untimed cases and of
// cases the rules change.
func simCases(l *eventlog.Log, rule []int64) (base, proj []float64, untimed, affected int) {
	base = make([]float64, 0, len(l.Cases))
	proj = make([]float64, 0, len(l.Cases))
	for _, c := range l.Cases {
		b, p, ok := simCase(l, rule, c)
		if !ok {
			untimed++
			continue
		}
		if b != p {
			affected++
		}
		base = append(base, float64(b)/1e9)
		proj = append(proj, float64(p)/1e9)
	}
	return base, proj, untimed, affected
}

// simCase rebuilds one case: its measured and projected duration in
// nanoseconds; ok is false when an event lacks a timestamp.
func simCase(l *eventlog.Log, rule []int64, c eventlog.Case) (base, proj int64, ok bool) {
	if c.End <= c.Start {
		return 0, 0, false
	}
	prev := l.Time[c.Start]
	if prev == eventlog.NoTime {
		return 0, 0, false
	}
	for j := c.Start + 1; j < c.End; j++ {
		t := l.Time[j]
		if t == eventlog.NoTime {
			return 0, 0, false
		}
		gap := t - prev
		prev = t
		base += gap
		if g := rule[l.Act[j]]; g != keepGap {
			gap = g
		}
		proj += gap
	}
	return base, proj, true
}
