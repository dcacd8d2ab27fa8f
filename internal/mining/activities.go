package mining

import (
	"cmp"
	"slices"

	"rathaus/internal/eventlog"
)

// Activity is what happens with one activity across the log.
type Activity struct {
	ID        int32   `json:"id"` // index into Log.Activities
	Name      string  `json:"activity"`
	Events    int     `json:"events"`
	Cases     int     `json:"cases"`      // cases with it at least once
	CaseShare float64 `json:"case_share"` // Cases over all cases
	// Repeats counts the occurrences beyond the first within a case
	// (Events - Cases): how often work is done again.
	Repeats int `json:"repeats"`
	// The waiting before the activity: time since the previous event of
	// the case, over the events that have one with a timestamp.
	WaitMeanS   float64         `json:"wait_mean_s"`
	WaitMedianS float64         `json:"wait_median_s"`
	WaitTotalS  float64         `json:"wait_total_s"`
	Resources   []ResourceCount `json:"top_resources"` // most events first, at most topResources
}

// ResourceCount is a resource with its number of events.
type ResourceCount struct {
	Resource string `json:"resource"`
	Count    int    `json:"count"`
}

// topResources bounds Activity.Resources.
const topResources = 5

// ActivityStats describes every activity, most frequent first.
func ActivityStats(l *eventlog.Log) []Activity {
	nodes := activityNodes(l)
	out := make([]Activity, len(nodes))
	pos := make([]int, len(l.Activities)) // activity id -> position in out, -1 when absent
	for a := range pos {
		pos[a] = -1
	}
	for i, n := range nodes {
		out[i] = Activity{ID: n.ID, Name: n.Activity, Events: n.Events, Cases: n.Cases,
			CaseShare: share(n.Cases, len(l.Cases)), Repeats: n.Events - n.Cases}
		pos[n.ID] = i
	}
	waits, off := waitsByActivity(l)
	for _, n := range nodes {
		s := waits[off[n.ID]:off[n.ID+1]]
		o := &out[pos[n.ID]]
		o.WaitMeanS, o.WaitMedianS = mean(s), median(s)
		o.WaitTotalS = o.WaitMeanS * float64(len(s))
	}
	for a, rs := range topResourcesByActivity(l) {
		if pos[a] >= 0 {
			out[pos[a]].Resources = rs
		}
	}
	return out
}

// waitsByActivity collects the waiting time before each event in one flat
// slice grouped by activity: those of activity a are waits[off[a]:off[a+1]].
func waitsByActivity(l *eventlog.Log) (waits []float64, off []int) {
	off = make([]int, len(l.Activities)+1)
	timed := func(i int) bool { return l.Time[i-1] != eventlog.NoTime && l.Time[i] != eventlog.NoTime }
	for _, c := range l.Cases {
		for i := c.Start + 1; i < c.End; i++ {
			if timed(i) {
				off[l.Act[i]+1]++
			}
		}
	}
	for a := range l.Activities {
		off[a+1] += off[a]
	}
	next := slices.Clone(off)
	waits = make([]float64, off[len(l.Activities)])
	for _, c := range l.Cases {
		for i := c.Start + 1; i < c.End; i++ {
			if timed(i) {
				a := l.Act[i]
				waits[next[a]] = seconds(l.Time[i] - l.Time[i-1])
				next[a]++
			}
		}
	}
	return waits, off
}

// topResourcesByActivity lists the busiest resources of each activity.
func topResourcesByActivity(l *eventlog.Log) [][]ResourceCount {
	ids, names := denseValues(l.Resource, len(l.Values))
	out := make([][]ResourceCount, len(l.Activities))
	if len(names) == 0 {
		return out
	}
	counts := newPairCounter(len(l.Activities), len(names))
	for i, r := range l.Resource {
		if r >= 0 {
			counts.add(l.Act[i], ids[r])
		}
	}
	counts.each(func(a, r int32, n int) {
		out[a] = append(out[a], ResourceCount{Resource: l.Values[names[r]], Count: n})
	})
	for a := range out {
		slices.SortFunc(out[a], func(x, y ResourceCount) int {
			return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Resource, y.Resource))
		})
		out[a] = out[a][:min(len(out[a]), topResources)]
	}
	return out
}

// denseValues numbers the dictionary values that occur in col 0, 1, 2...:
// ids[v] is the dense number of value v (-1 when absent), names[d] the
// value of dense number d.
func denseValues(col []int32, nValues int) (ids []int32, names []int32) {
	ids = make([]int32, nValues)
	for i := range ids {
		ids[i] = -1
	}
	for _, v := range col {
		if v >= 0 && ids[v] < 0 {
			ids[v] = int32(len(names))
			names = append(names, v)
		}
	}
	return ids, names
}

// pairCounter counts pairs (a, b) with a < na and b < nb: in a table when
// it is small, in a map otherwise.
type pairCounter struct {
	na, nb int
	dense  []int
	sparse map[int64]int
}

const maxDenseCells = 1 << 22

func newPairCounter(na, nb int) *pairCounter {
	p := &pairCounter{na: na, nb: nb}
	if na*nb <= maxDenseCells {
		p.dense = make([]int, na*nb)
	} else {
		p.sparse = map[int64]int{}
	}
	return p
}

func (p *pairCounter) add(a, b int32) {
	if p.dense != nil {
		p.dense[int(a)*p.nb+int(b)]++
		return
	}
	p.sparse[int64(a)*int64(p.nb)+int64(b)]++
}

// each calls f for every pair counted at least once.
func (p *pairCounter) each(f func(a, b int32, n int)) {
	if p.dense != nil {
		for k, n := range p.dense {
			if n > 0 {
				f(int32(k/p.nb), int32(k%p.nb), n)
			}
		}
		return
	}
	for k, n := range p.sparse {
		f(int32(k/int64(p.nb)), int32(k%int64(p.nb)), n)
	}
}
