package mining

import (
	"cmp"
	"encoding/binary"
	"slices"

	"rathaus/internal/eventlog"
)

// Variant is a distinct activity sequence and the cases that follow it.
type Variant struct {
	Rank       int     `json:"rank"`       // 0-based position in Variants order
	Activities []int32 `json:"activities"` // activity ids (Log.Activities)
	Count      int     `json:"count"`
	Share      float64 `json:"share"` // of all cases
	FirstCase  string  `json:"first_case"`
	// Cases are the indices (Log.Cases) of the cases, in log order.
	Cases   []int32 `json:"-"`
	MeanS   float64 `json:"mean_s"`   // mean case duration
	MedianS float64 `json:"median_s"` // median case duration
}

// variantGroups is every case's variant in order of first appearance.
type variantGroups struct {
	of     []int32 // variant of each case
	first  []int32 // first case of each variant
	counts []int
}

// groupVariants finds the variants by hashing each trace.
func groupVariants(l *eventlog.Log) variantGroups {
	g := variantGroups{of: make([]int32, len(l.Cases))}
	ids := make(map[string]int32)
	var key []byte
	for i := range l.Cases {
		key = key[:0]
		for _, a := range l.Trace(i) {
			key = binary.LittleEndian.AppendUint32(key, uint32(a))
		}
		v, ok := ids[string(key)]
		if !ok {
			v = int32(len(g.first))
			ids[string(key)] = v
			g.first = append(g.first, int32(i))
			g.counts = append(g.counts, 0)
		}
		g.of[i] = v
		g.counts[v]++
	}
	return g
}

// rank orders the variants by count, most frequent first, then by their
// activity names; rank[v] is the position of variant v.
func (g variantGroups) rank(l *eventlog.Log) (order, rank []int32) {
	order = make([]int32, len(g.first))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(g.counts[b], g.counts[a]); c != 0 {
			return c
		}
		return compareTraces(l, l.Trace(int(g.first[a])), l.Trace(int(g.first[b])))
	})
	rank = make([]int32, len(order))
	for r, v := range order {
		rank[v] = int32(r)
	}
	return order, rank
}

func compareTraces(l *eventlog.Log, a, b []int32) int {
	for i := range min(len(a), len(b)) {
		if c := cmp.Compare(l.Activities[a[i]], l.Activities[b[i]]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// Variants lists the distinct activity sequences, most frequent first (ties
// ordered by activity names), with their cases and durations.
func Variants(l *eventlog.Log) []Variant {
	g := groupVariants(l)
	order, rank := g.rank(l)
	out := make([]Variant, len(order))
	// One flat slice of case indices, grouped by rank.
	cases := make([]int32, len(l.Cases))
	off := 0
	for r, v := range order {
		c := g.counts[v]
		first := int(g.first[v])
		out[r] = Variant{Rank: r, Activities: l.Trace(first), Count: c,
			Share: share(c, len(l.Cases)), FirstCase: l.Cases[first].ID, Cases: cases[off : off : off+c]}
		off += c
	}
	for i, v := range g.of {
		r := rank[v]
		out[r].Cases = append(out[r].Cases, int32(i))
	}
	variantDurations(l, out)
	return out
}

// variantDurations fills the mean and median case duration of each variant.
func variantDurations(l *eventlog.Log, vs []Variant) {
	d := caseDurations(l)
	buf := make([]float64, 0, len(l.Cases))
	for i := range vs {
		buf = buf[:0]
		for _, c := range vs[i].Cases {
			if d[c] != noDuration {
				buf = append(buf, d[c])
			}
		}
		slices.Sort(buf)
		vs[i].MeanS, vs[i].MedianS = mean(buf), Quantile(buf, 0.5)
	}
}

// share is part/whole, 0 when whole is 0.
func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}
