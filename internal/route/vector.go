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

// counts are a text's summed occurrence weights per feature, by ascending
// id.
type counts struct {
	ids []int32
	tf  []float64
}

// interner numbers features in order of first appearance while a model
// is trained.
type interner struct {
	ids   map[string]int32
	pairs map[[2]int32]int32
	block []uint8
}

func (in *interner) id(f feature) int32 {
	id, ok := in.ids[f.key]
	if !ok {
		id = in.add(f.block)
		in.ids[f.key] = id
	}
	return id
}

func (in *interner) pair(prev, next int32) int32 {
	k := [2]int32{prev, next}
	id, ok := in.pairs[k]
	if !ok {
		id = in.add(blockWords)
		in.pairs[k] = id
	}
	return id
}

func (in *interner) add(block uint8) int32 {
	in.block = append(in.block, block)
	return int32(len(in.block) - 1)
}

// featureSpace is a trained model's features: their blocks and inverse
// document frequencies by id. The maps keep the ids of first appearance,
// which newID translates (renumbering them would rewrite every entry).
type featureSpace struct {
	ids   map[string]int32
	pairs map[[2]int32]int32
	newID []int32 // id of first appearance -> id
	oldID []int32 // id -> id of first appearance
	block []uint8
	idf   []float32
}

func (fs *featureSpace) id(f feature) int32 {
	if id, ok := fs.ids[f.key]; ok {
		return fs.newID[id]
	}
	return -1
}

func (fs *featureSpace) pair(prev, next int32) int32 {
	if id, ok := fs.pairs[[2]int32{fs.oldID[prev], fs.oldID[next]}]; ok {
		return fs.newID[id]
	}
	return -1
}

// buildSpace numbers the interned features by falling document frequency,
// ties in order of first appearance (deterministic; frequent features'
// weights then sit together in memory, which keeps training in the cache),
// rewrites the documents' counts to these ids, and computes each feature's
// inverse document frequency.
func buildSpace(in *interner, docs []counts) *featureSpace {
	nf := len(in.block)
	df := make([]int32, nf)
	for _, d := range docs {
		for _, id := range d.ids {
			df[id]++
		}
	}
	order := make([]int32, nf)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(df[b], df[a]) })
	fs := &featureSpace{ids: in.ids, pairs: in.pairs, newID: make([]int32, nf), oldID: order,
		block: make([]uint8, nf), idf: make([]float32, nf)}
	newID := fs.newID
	n := float64(len(docs))
	for i, old := range order {
		newID[old] = int32(i)
		fs.block[i] = in.block[old]
		fs.idf[i] = float32(math.Log((n+1)/(float64(df[old])+1)) + 1)
	}
	scratch := make([]float64, nf)
	for i, d := range docs {
		for k, id := range d.ids {
			d.ids[k] = newID[id]
			scratch[d.ids[k]] = d.tf[k]
		}
		slices.Sort(d.ids)
		for k, id := range d.ids {
			d.tf[k], scratch[id] = scratch[id], 0
		}
		docs[i] = d
	}
	return fs
}

// sumOccurrences sums the occurrences' weights per feature. scratch, when
// not nil, is a zeroed slice at least as long as the largest id, which
// makes this linear in the occurrences (training; the ids are then in
// order of first occurrence, as buildSpace sorts them after renumbering);
// it is left zeroed.
func sumOccurrences(occ []occurrence, scratch []float64) counts {
	var c counts
	if scratch == nil {
		sorted := slices.Clone(occ)
		slices.SortFunc(sorted, func(a, b occurrence) int { return cmp.Compare(a.id, b.id) })
		for _, o := range sorted {
			if n := len(c.ids); n > 0 && c.ids[n-1] == o.id {
				c.tf[n-1] += float64(o.w)
				continue
			}
			c.ids = append(c.ids, o.id)
			c.tf = append(c.tf, float64(o.w))
		}
		return c
	}
	distinct := 0
	for _, o := range occ {
		if scratch[o.id] == 0 {
			distinct++
		}
		scratch[o.id] += float64(o.w)
	}
	c.ids, c.tf = make([]int32, 0, distinct), make([]float64, 0, distinct)
	for _, o := range occ {
		if v := scratch[o.id]; v != 0 {
			c.ids = append(c.ids, o.id)
			c.tf = append(c.tf, v)
			scratch[o.id] = 0
		}
	}
	return c
}

// vector weights a text's counts: per feature sublinear term frequency
// (1+log tf; a compound part alone, below one occurrence, keeps its
// weight) times idf, each block normalised to unit length and scaled by
// its weight. It reuses c's slices.
func (fs *featureSpace) vector(c counts, blockWeight [numBlocks]float64) sparse {
	var norm [numBlocks]float64
	x := c.tf
	for i, id := range c.ids {
		if x[i] >= 1 {
			x[i] = 1 + math.Log(x[i])
		}
		x[i] *= float64(fs.idf[id])
		norm[fs.block[id]] += x[i] * x[i]
	}
	v := sparse{idx: c.ids, val: make([]float32, len(c.ids))}
	for i, id := range c.ids {
		b := fs.block[id]
		v.val[i] = float32(x[i] / math.Sqrt(norm[b]) * blockWeight[b])
	}
	return v
}
