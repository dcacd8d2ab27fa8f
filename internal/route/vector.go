package route

import (
	"math"
	"slices"
)

// sparse is a feature vector: ascending feature ids and their values.
type sparse struct {
	idx []int32
	val []float32
}

// features maps feature keys to ids and holds what weighting needs.
type featureSpace struct {
	ids   map[string]int32
	block []uint8
	idf   []float32
}

// build assigns ids in order of first appearance (deterministic) and
// computes the inverse document frequency of each feature.
func buildSpace(docs [][]occurrence) *featureSpace {
	fs := &featureSpace{ids: make(map[string]int32)}
	var df []int32
	seen := make(map[int32]bool)
	for _, occ := range docs {
		clear(seen)
		for _, o := range occ {
			id, ok := fs.ids[o.key]
			if !ok {
				id = int32(len(fs.block))
				fs.ids[o.key] = id
				fs.block = append(fs.block, o.block)
				df = append(df, 0)
			}
			if !seen[id] {
				seen[id] = true
				df[id]++
			}
		}
	}
	n := float64(len(docs))
	fs.idf = make([]float32, len(df))
	for i, d := range df {
		fs.idf[i] = float32(math.Log((n+1)/(float64(d)+1)) + 1)
	}
	return fs
}

// vector weights a text's occurrences: per feature sublinear term
// frequency times idf, each block normalised to unit length and scaled by
// its weight. Unknown features are dropped.
func (fs *featureSpace) vector(occ []occurrence, blockWeight [numBlocks]float64) sparse {
	tf := make(map[int32]float64, len(occ))
	for _, o := range occ {
		if id, ok := fs.ids[o.key]; ok {
			tf[id] += float64(o.w)
		}
	}
	v := sparse{idx: make([]int32, 0, len(tf)), val: make([]float32, 0, len(tf))}
	for id := range tf {
		v.idx = append(v.idx, id)
	}
	slices.Sort(v.idx)
	var norm [numBlocks]float64
	vals := make([]float64, len(v.idx))
	for i, id := range v.idx {
		x := (1 + math.Log(tf[id])) * float64(fs.idf[id])
		if tf[id] < 1 {
			x = tf[id] * float64(fs.idf[id]) // a compound part alone: below one occurrence
		}
		vals[i] = x
		norm[fs.block[id]] += x * x
	}
	for i, id := range v.idx {
		b := fs.block[id]
		v.val = append(v.val, float32(vals[i]/math.Sqrt(norm[b])*blockWeight[b]))
	}
	return v
}
