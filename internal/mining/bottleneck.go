package mining

import (
	"cmp"
	"slices"

	"rathaus/internal/eventlog"
)

// BottleneckReport ranks where cases wait longest: the paths
// (directly-follows edges) and the activities by the total waiting time
// they account for.
type BottleneckReport struct {
	// TotalCaseS is the sum of all case durations, the whole time cases
	// spend in the process; Share figures are parts of it.
	TotalCaseS float64    `json:"total_case_s"`
	Edges      []WaitStat `json:"edges"`
	Activities []WaitStat `json:"activities"`
}

// WaitStat is the waiting on one path (From -> To) or before one activity
// (To only, From empty).
type WaitStat struct {
	From    string  `json:"from,omitempty"`
	To      string  `json:"to"`
	Count   int     `json:"count"` // occurrences
	Cases   int     `json:"cases"` // cases with at least one
	TotalS  float64 `json:"total_s"`
	MeanS   float64 `json:"mean_s"`     // per occurrence
	MedianS float64 `json:"median_s"`   // per occurrence
	PerCase float64 `json:"per_case_s"` // TotalS over Cases
	Share   float64 `json:"share"`      // TotalS over TotalCaseS
}

// Bottlenecks ranks the paths and activities of l by the waiting time
// they account for, longest first.
func Bottlenecks(l *eventlog.Log) BottleneckReport {
	var b BottleneckReport
	for _, d := range caseDurations(l) {
		if d != noDuration {
			b.TotalCaseS += d
		}
	}
	g := DFG(l)
	for _, e := range g.Edges {
		b.Edges = append(b.Edges, b.stat(l.Activities[e.From], l.Activities[e.To],
			e.Count, e.Cases, e.TotalS, e.MeanS, e.MedianS))
	}
	for _, a := range ActivityStats(l) {
		b.Activities = append(b.Activities, b.stat("", a.Name, a.Events, a.Cases,
			a.WaitTotalS, a.WaitMeanS, a.WaitMedianS))
	}
	byTotal := func(x, y WaitStat) int {
		return cmp.Or(cmp.Compare(y.TotalS, x.TotalS), cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To))
	}
	slices.SortFunc(b.Edges, byTotal)
	slices.SortFunc(b.Activities, byTotal)
	return b
}

func (b *BottleneckReport) stat(from, to string, count, cases int, total, mean, median float64) WaitStat {
	w := WaitStat{From: from, To: to, Count: count, Cases: cases, TotalS: total, MeanS: mean, MedianS: median}
	if cases > 0 {
		w.PerCase = total / float64(cases)
	}
	if b.TotalCaseS > 0 {
		w.Share = total / b.TotalCaseS
	}
	return w
}
