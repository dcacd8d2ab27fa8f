package route

import (
	"cmp"
	"slices"
)

// Explanations name between one and maxBecause words; words after the
// second must push at least minShare of the strongest word's push.
const (
	maxBecause = 4
	minShare   = 0.25
)

// because returns the words of the text that pushed most toward label c:
// each feature contributes its value times its weight for c above the
// average weight over all labels, shared among the words that produced it.
// Repeated words are counted together and named as first written.
func (m *Model) because(words []word, occ []occurrence, x sparse, c int) []string {
	push := m.pushes(len(words), occ, x, c)
	byWord := map[string]float64{}
	var first []int // index of the first occurrence of each folded word
	for i, w := range words {
		if push[i] == 0 {
			continue
		}
		if _, ok := byWord[w.folded]; !ok {
			first = append(first, i)
		}
		byWord[w.folded] += push[i]
	}
	slices.SortStableFunc(first, func(a, b int) int {
		return cmp.Compare(byWord[words[b].folded], byWord[words[a].folded])
	})
	var out []string
	for n, i := range first {
		v := byWord[words[i].folded]
		if v <= 0 || n >= maxBecause || (n >= 2 && v < minShare*byWord[words[first[0]].folded]) {
			break
		}
		out = append(out, words[i].raw)
	}
	return out
}

// pushes returns, per word index, how much its features raised label c's
// score above the labels' average.
func (m *Model) pushes(words int, occ []occurrence, x sparse, c int) []float64 {
	val := make(map[int32]float64, len(x.idx))
	for k, f := range x.idx {
		val[f] = float64(x.val[k])
	}
	tf := make(map[int32]float64, len(x.idx))
	for _, o := range occ {
		tf[o.id] += float64(o.w)
	}
	push := make([]float64, words)
	L := m.lr.labels
	for _, o := range occ {
		row := m.lr.w[int(o.id)*L : int(o.id+1)*L]
		mean := 0.0
		for _, w := range row {
			mean += float64(w)
		}
		mean /= float64(L)
		v := val[o.id] * (float64(row[c]) - mean) * float64(o.w) / tf[o.id]
		if o.b < 0 {
			push[o.a] += v
			continue
		}
		push[o.a] += v / 2
		push[o.b] += v / 2
	}
	return push
}
