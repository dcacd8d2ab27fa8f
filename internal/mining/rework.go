package mining

import (
	"cmp"
	"slices"

	"rathaus/internal/eventlog"
)

// ReworkReport shows work done again: activities repeated within a case,
// self-loops (a -> a), ping-pong (a -> b -> a), and what rework costs in
// case duration.
type ReworkReport struct {
	Cases       int     `json:"cases"`
	ReworkCases int     `json:"rework_cases"` // cases repeating at least one activity
	Share       float64 `json:"share"`        // ReworkCases over Cases
	// Durations of the (timed) cases with and without rework, and how much
	// longer rework cases take: the difference of the means and of the
	// medians.
	With          Dist             `json:"with_rework_s"`
	Without       Dist             `json:"without_rework_s"`
	ExtraMeanS    float64          `json:"extra_mean_s"`
	ExtraMedianS  float64          `json:"extra_median_s"`
	Activities    []ReworkActivity `json:"activities"` // repeated activities, most affected cases first
	PingPong      []PingPong       `json:"ping_pong"`  // most frequent first
	SelfLoopCount int              `json:"self_loops"` // a -> a pairs in the log
}

// ReworkActivity is an activity that cases do more than once.
type ReworkActivity struct {
	Activity  string  `json:"activity"`
	Cases     int     `json:"cases"`      // cases doing it more than once
	CaseShare float64 `json:"case_share"` // of all cases
	Extra     int     `json:"extra"`      // occurrences beyond the first in those cases
	SelfLoops int     `json:"self_loops"` // directly repeated (a -> a)
}

// PingPong is a back and forth a -> b -> a.
type PingPong struct {
	A     string `json:"a"`
	B     string `json:"b"`
	Count int    `json:"count"`
	Cases int    `json:"cases"`
}

// Rework finds the rework in l.
func Rework(l *eventlog.Log) ReworkReport {
	r := ReworkReport{Cases: len(l.Cases)}
	n := len(l.Activities)
	acts := make([]ReworkActivity, n)
	seen := make([]int32, n)   // case in which the activity was last seen
	repeat := make([]int32, n) // case in which it was last counted as repeated
	for a := range n {
		seen[a], repeat[a] = -1, -1
	}
	pp := newPairIndex(n)
	var pings []PingPong
	var pingCase []int32
	with, without := []float64{}, []float64{}
	durations := caseDurations(l)
	for ci, c := range l.Cases {
		reworked := false
		for i := c.Start; i < c.End; i++ {
			a := l.Act[i]
			if seen[a] == int32(ci) {
				acts[a].Extra++
				if repeat[a] != int32(ci) {
					repeat[a] = int32(ci)
					acts[a].Cases++
				}
				reworked = true
			}
			seen[a] = int32(ci)
			if i > c.Start && l.Act[i-1] == a {
				acts[a].SelfLoops++
				r.SelfLoopCount++
			}
			if i >= c.Start+2 && l.Act[i-2] == a && l.Act[i-1] != a {
				b := l.Act[i-1]
				k, ok := pp.get(a, b)
				if !ok {
					k = int32(len(pings))
					pp.set(a, b, k)
					pings = append(pings, PingPong{A: l.Activities[a], B: l.Activities[b]})
					pingCase = append(pingCase, -1)
				}
				pings[k].Count++
				if pingCase[k] != int32(ci) {
					pingCase[k] = int32(ci)
					pings[k].Cases++
				}
			}
		}
		if reworked {
			r.ReworkCases++
		}
		if d := durations[ci]; d != noDuration && reworked {
			with = append(with, d)
		} else if d != noDuration {
			without = append(without, d)
		}
	}
	r.Share = share(r.ReworkCases, r.Cases)
	r.With, r.Without = DistOf(with), DistOf(without)
	if r.With.N > 0 && r.Without.N > 0 {
		r.ExtraMeanS = r.With.Mean - r.Without.Mean
		r.ExtraMedianS = r.With.Median - r.Without.Median
	}
	for a := range acts {
		if acts[a].Cases > 0 {
			acts[a].Activity = l.Activities[a]
			acts[a].CaseShare = share(acts[a].Cases, r.Cases)
			r.Activities = append(r.Activities, acts[a])
		}
	}
	slices.SortFunc(r.Activities, func(x, y ReworkActivity) int {
		return cmp.Or(cmp.Compare(y.Cases, x.Cases), cmp.Compare(y.Extra, x.Extra), cmp.Compare(x.Activity, y.Activity))
	})
	slices.SortFunc(pings, func(x, y PingPong) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	r.PingPong = pings
	return r
}
