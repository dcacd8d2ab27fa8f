package search

import (
	"slices"
	"sort"
)

// corrections returns the known words other than w nearest to it within maxD edits
// (Damerau-Levenshtein, optimal string alignment), most frequent first, at
// most three, and their distance; maxD+1 when there are none. The deletion
// index proposes the words that can be that near; each is then measured.
func (ix *Index) corrections(w string, maxD int) ([]int32, int) {
	best := maxD + 1
	var cands []int32
	found := ix.dels.candidates(make([]int32, 0, 32), w, maxD)
	slices.Sort(found)
	found = slices.Compact(found)
	rows := newOSARows(len(w) + maxD + 1)
	for _, pos := range found {
		if ix.words[pos].folded == w {
			continue
		}
		d := rows.distance(w, ix.words[pos].folded, min(best, maxD))
		switch {
		case d < best:
			best, cands = d, append(cands[:0], pos)
		case d == best && d <= maxD:
			cands = append(cands, pos)
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := ix.words[cands[i]], ix.words[cands[j]]
		if a.df != b.df {
			return a.df > b.df
		}
		return a.folded < b.folded
	})
	if len(cands) > 3 {
		cands = cands[:3]
	}
	return cands, best
}

// osaRows is scratch space for distance, reused across one scan.
type osaRows struct{ prev2, prev, cur []int }

func newOSARows(n int) *osaRows {
	return &osaRows{make([]int, n+1), make([]int, n+1), make([]int, n+1)}
}

// distance returns the optimal string alignment distance of a and b, or
// k+1 as soon as it must exceed k.
func (r *osaRows) distance(a, b string, k int) int {
	if abs(len(a)-len(b)) > k {
		return k + 1
	}
	prev2, prev, cur := r.prev2[:len(b)+1], r.prev[:len(b)+1], r.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > k {
		return k + 1
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
