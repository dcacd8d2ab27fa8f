package search

import (
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanCorrections is the obvious way to find corrections: measure every
// known word. The deletion index must give the same answer.
func scanCorrections(ix *Index, w string, maxD int) ([]int32, int) {
	best := maxD + 1
	var cands []int32
	rows := newOSARows(len(w) + maxD + 1)
	for pos, e := range ix.words {
		if e.folded == w {
			continue
		}
		d := rows.distance(w, e.folded, maxD)
		switch {
		case d < best:
			best, cands = d, []int32{int32(pos)}
		case d == best && d <= maxD:
			cands = append(cands, int32(pos))
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := ix.words[cands[i]], ix.words[cands[j]]
		if a.df != b.df {
			return a.df > b.df
		}
		return a.folded < b.folded
	})
	return cands[:min(len(cands), 3)], best
}

// misspellings returns w with one or two bytes dropped, doubled, swapped
// or replaced, at a few positions.
func misspellings(w string) []string {
	out := []string{w}
	for _, i := range []int{0, len(w) / 3, len(w) / 2, len(w) - 1} {
		if i < 0 || i >= len(w) {
			continue
		}
		out = append(out, w[:i]+w[i+1:], w[:i]+"x"+w[i+1:], w[:i]+w[i:i+1]+w[i:], w[:i]+"ee"+w[i:])
		if i+1 < len(w) {
			out = append(out, w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:])
			out = append(out, w[:i]+"q"+w[i+2:], w[:i]+"ab"+w[i+2:])
		}
	}
	return out
}

func TestCorrectionsMatchScan(t *testing.T) {
	docs := munichDocs(t)
	ix := NewIndex(docs)
	checked := 0
	for k, e := range ix.words {
		if k%31 != 0 {
			continue
		}
		for _, w := range misspellings(e.folded) {
			for maxD := 1; maxD <= 2; maxD++ {
				got, gotD := ix.corrections(w, maxD)
				want, wantD := scanCorrections(ix, w, maxD)
				if gotD != wantD || !slices.Equal(got, want) {
					t.Fatalf("corrections(%q, %d) = %v, %d; scan gives %v, %d", w, maxD, got, gotD, want, wantD)
				}
				checked++
			}
		}
	}
	t.Logf("%d words checked", checked)
}

func TestCorrectionsSmall(t *testing.T) {
	ix := NewIndex(smallDocs())
	words := func(ps []int32) []string {
		var out []string
		for _, p := range ps {
			out = append(out, ix.words[p].folded)
		}
		return out
	}
	tests := []struct {
		w    string
		maxD int
		want []string
		d    int
	}{
		{"fuhrerschien", 1, []string{"fuhrerschein"}, 1},
		{"wohnsitzanmeldnug", 1, []string{"wohnsitzanmeldung"}, 1},
		{"hundestuer", 1, []string{"hundesteuer"}, 1},
		{"hndestuer", 2, []string{"hundesteuer"}, 2},
		{"xyzxyzxyz", 2, nil, 3},
	}
	for _, tt := range tests {
		got, d := ix.corrections(tt.w, tt.maxD)
		if diff := cmp.Diff(tt.want, words(got)); diff != "" || d != tt.d {
			t.Errorf("corrections(%q, %d): distance %d (want %d), words (-want +got):\n%s", tt.w, tt.maxD, d, tt.d, diff)
		}
	}
}
