package mining

import (
	"cmp"
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

// groupVariants finds the variants by hashing each trace; traces with the
// same hash are told apart by comparing them.
func groupVariants(l *eventlog.Log) variantGroups { return groupVariantsBy(l, traceHash) }

func groupVariantsBy(l *eventlog.Log, hash func([]int32) uint64) variantGroups {
	g := variantGroups{of: make([]int32, len(l.Cases))}
	heads := make(map[uint64]int32) // hash -> last variant with it
	var next []int32                // previous variant with the same hash, -1 at the end
	for i := range l.Cases {
		trace := l.Trace(i)
		h := hash(trace)
		v, ok := heads[h]
		for ok && v >= 0 && !slices.Equal(l.Trace(int(g.first[v])), trace) {
			v = next[v]
		}
		if !ok || v < 0 {
			v = int32(len(g.first))
			prev, had := heads[h]
			if !had {
				prev = -1
			}
			heads[h] = v
			next = append(next, prev)
			g.first = append(g.first, int32(i))
			g.counts = append(g.counts, 0)
		}
		g.of[i] = v
		g.counts[v]++
	}
	return g
}

// traceHash is the 64-bit FNV-1a hash of a trace's activity ids.
func traceHash(trace []int32) uint64 {
	h := uint64(14695981039346656037)
	for _, a := range trace {
		h = (h ^ uint64(uint32(a))) * 1099511628211
	}
	return h ^ uint64(len(trace))
}

// rank orders the variants by count, most frequent first, then by their
// activity names; rank[v] is the position of variant v.
func (g variantGroups) rank(l *eventlog.Log) (order, rank []int32) {
	byName := activityNameRanks(l)
	order = make([]int32, len(g.first))
	for i := range order {
		order[i] = int32(i)
	}
	traces := make([][]int32, len(g.first))
	for v, c := range g.first {
		traces[v] = l.Trace(int(c))
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(g.counts[b], g.counts[a]); c != 0 {
			return c
		}
		ta, tb := traces[a], traces[b]
		for i := range min(len(ta), len(tb)) {
			if c := cmp.Compare(byName[ta[i]], byName[tb[i]]); c != 0 {
				return c
			}
		}
		return cmp.Compare(len(ta), len(tb))
	})
	rank = make([]int32, len(order))
	for r, v := range order {
		rank[v] = int32(r)
	}
	return order, rank
}

// activityNameRanks gives each activity id its position in name order.
func activityNameRanks(l *eventlog.Log) []int32 {
	ids := make([]int32, len(l.Activities))
	for i := range ids {
		ids[i] = int32(i)
	}
	slices.SortFunc(ids, func(a, b int32) int { return cmp.Compare(l.Activities[a], l.Activities[b]) })
	ranks := make([]int32, len(ids))
	for r, a := range ids {
		ranks[a] = int32(r)
	}
	return ranks
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
		vs[i].MeanS, vs[i].MedianS = mean(buf), median(buf)
	}
}

// share is part/whole, 0 when whole is 0.
func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}
