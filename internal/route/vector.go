package route

import (
	"cmp"
	"math"
	"slices"
)

// sparse is a feature vector: ascending feature ids and their values.
type sparse struct {
	idx []int32
	val []float32
}

// interner numbers feature keys in order of first appearance while a
// model is trained.
type interner struct {
	ids   map[string]int32
	block []uint8
}

func (in *interner) id(f feature) int32 {
	id, ok := in.ids[f.key]
	if !ok {
		id = int32(len(in.block))
		in.ids[f.key] = id
		in.block = append(in.block, f.block)
	}
	return id
}

// featureSpace is a trained model's features: ids, blocks and inverse
// document frequencies.
type featureSpace struct {
	ids   map[string]int32
	block []uint8
	idf   []float32
}

func (fs *featureSpace) id(f feature) int32 {
	if id, ok := fs.ids[f.key]; ok {
		return id
	}
	return -1
}

// buildSpace renumbers the interned features by falling document
// frequency, ties in order of first appearance (deterministic; frequent
// features' weights then sit together in memory, which keeps training in
// the cache), rewrites the documents' occurrences to the new ids, and
// computes each feature's inverse document frequency.
func buildSpace(in *interner, docs [][]occurrence) *featureSpace {
	nf := len(in.block)
	df := make([]int32, nf)
	last := make([]int32, nf) // last document counted, plus one
	for d, occ := range docs {
		for _, o := range occ {
			if last[o.id] != int32(d+1) {
				last[o.id] = int32(d + 1)
				df[o.id]++
			}
		}
	}
	order := make([]int32, nf)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(df[b], df[a]) })
	newID := make([]int32, nf)
	fs := &featureSpace{ids: in.ids, block: make([]uint8, nf), idf: make([]float32, nf)}
	n := float64(len(docs))
	for i, old := range order {
		newID[old] = int32(i)
		fs.block[i] = in.block[old]
		fs.idf[i] = float32(math.Log((n+1)/(float64(df[old])+1)) + 1)
	}
	for k, id := range fs.ids {
		fs.ids[k] = newID[id]
	}
	for _, occ := range docs {
		for j := range occ {
			occ[j].id = newID[occ[j].id]
		}
	}
	return fs
}

// termFreqs sums the occurrences' weights per feature, by ascending id.
// scratch, when not nil, is a zeroed slice as long as the feature space
// that makes this linear in the occurrences (training); it is left zeroed.
func termFreqs(occ []occurrence, scratch []float64) (ids []int32, tf []float64) {
	if scratch == nil {
		return termFreqsSorted(occ)
	}
	for _, o := range occ {
		if scratch[o.id] == 0 {
			ids = append(ids, o.id)
		}
		scratch[o.id] += float64(o.w)
	}
	slices.Sort(ids)
	tf = make([]float64, len(ids))
	for i, id := range ids {
		tf[i], scratch[id] = scratch[id], 0
	}
	return ids, tf
}

func termFreqsSorted(occ []occurrence) (ids []int32, tf []float64) {
	sorted := slices.Clone(occ)
	slices.SortFunc(sorted, func(a, b occurrence) int { return cmp.Compare(a.id, b.id) })
	for _, o := range sorted {
		if n := len(ids); n > 0 && ids[n-1] == o.id {
			tf[n-1] += float64(o.w)
			continue
		}
		ids = append(ids, o.id)
		tf = append(tf, float64(o.w))
	}
	return ids, tf
}

// vector weights a text's occurrences: per feature sublinear term
// frequency (1+log tf; a compound part alone, below one occurrence, keeps
// its weight) times idf, each block normalised to unit length and scaled
// by its weight. scratch is as for termFreqs.
func (fs *featureSpace) vector(occ []occurrence, blockWeight [numBlocks]float64, scratch []float64) sparse {
	ids, tf := termFreqs(occ, scratch)
	var norm [numBlocks]float64
	for i, id := range ids {
		x := tf[i]
		if x >= 1 {
			x = 1 + math.Log(x)
		}
		tf[i] = x * float64(fs.idf[id])
		norm[fs.block[id]] += tf[i] * tf[i]
	}
	v := sparse{idx: ids, val: make([]float32, len(ids))}
	for i, id := range ids {
		b := fs.block[id]
		v.val[i] = float32(tf[i] / math.Sqrt(norm[b]) * blockWeight[b])
	}
	return v
}
