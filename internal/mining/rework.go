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
	s := newReworkScan(l)
	var with, without []float64
	durations := caseDurations(l)
	for ci := range l.Cases {
		reworked := s.scanCase(ci)
		if reworked {
			r.ReworkCases++
		}
		switch d := durations[ci]; {
		case d == noDuration:
		case reworked:
			with = append(with, d)
		default:
			without = append(without, d)
		}
	}
	r.Share = share(r.ReworkCases, r.Cases)
	r.With, r.Without = DistOf(with), DistOf(without)
	if r.With.N > 0 && r.Without.N > 0 {
		r.ExtraMeanS = r.With.Mean - r.Without.Mean
		r.ExtraMedianS = r.With.Median - r.Without.Median
	}
	r.SelfLoopCount = s.selfLoops
	r.Activities, r.PingPong = s.results(r.Cases)
	return r
}

// reworkScan collects the rework of one case after the other.
type reworkScan struct {
	l         *eventlog.Log
	acts      []ReworkActivity // by activity id
	seen      []int32          // case in which the activity was last seen
	repeat    []int32          // case in which it was last counted as repeated
	pairs     *pairIndex       // (a, b) -> index in pings
	pings     []PingPong
	pingCase  []int32 // case in which a ping-pong was last counted
	selfLoops int
}

func newReworkScan(l *eventlog.Log) *reworkScan {
	n := len(l.Activities)
	s := &reworkScan{l: l, acts: make([]ReworkActivity, n), seen: make([]int32, n),
		repeat: make([]int32, n), pairs: newPairIndex(n)}
	for a := range n {
		s.seen[a], s.repeat[a] = -1, -1
	}
	return s
}

// scanCase counts the repetitions, self-loops and ping-pongs of case ci
// and tells whether it repeats any activity.
func (s *reworkScan) scanCase(ci int) (reworked bool) {
	c, act := s.l.Cases[ci], s.l.Act
	for i := c.Start; i < c.End; i++ {
		a := act[i]
		if s.seen[a] == int32(ci) {
			reworked = true
			s.acts[a].Extra++
			if s.repeat[a] != int32(ci) {
				s.repeat[a] = int32(ci)
				s.acts[a].Cases++
			}
		}
		s.seen[a] = int32(ci)
		if i > c.Start && act[i-1] == a {
			s.acts[a].SelfLoops++
			s.selfLoops++
		}
		if i >= c.Start+2 && act[i-2] == a && act[i-1] != a {
			s.pingPong(ci, a, act[i-1])
		}
	}
	return reworked
}

// pingPong counts a -> b -> a in case ci.
func (s *reworkScan) pingPong(ci int, a, b int32) {
	k, ok := s.pairs.get(a, b)
	if !ok {
		k = int32(len(s.pings))
		s.pairs.set(a, b, k)
		s.pings = append(s.pings, PingPong{A: s.l.Activities[a], B: s.l.Activities[b]})
		s.pingCase = append(s.pingCase, -1)
	}
	s.pings[k].Count++
	if s.pingCase[k] != int32(ci) {
		s.pingCase[k] = int32(ci)
		s.pings[k].Cases++
	}
}

// results lists the repeated activities (most affected cases first) and
// the ping-pongs (most frequent first).
func (s *reworkScan) results(cases int) ([]ReworkActivity, []PingPong) {
	var acts []ReworkActivity
	for a, ra := range s.acts {
		if ra.Cases > 0 {
			ra.Activity = s.l.Activities[a]
			ra.CaseShare = share(ra.Cases, cases)
			acts = append(acts, ra)
		}
	}
	slices.SortFunc(acts, func(x, y ReworkActivity) int {
		return cmp.Or(cmp.Compare(y.Cases, x.Cases), cmp.Compare(y.Extra, x.Extra), cmp.Compare(x.Activity, y.Activity))
	})
	slices.SortFunc(s.pings, func(x, y PingPong) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return acts, s.pings
}
