package search

// bitset is a set of document positions.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (s bitset) set(i int32)      { s[i/64] |= 1 << (uint(i) % 64) }
func (s bitset) has(i int32) bool { return s[i/64]&(1<<(uint(i)%64)) != 0 }

func facetKey(facet, value string) string { return facet + "\x00" + value }

// buildFacets indexes every facet value of the documents.
func buildFacets(docs []Doc) map[string]bitset {
	m := make(map[string]bitset)
	for i, d := range docs {
		for facet, values := range d.Facets {
			for _, v := range values {
				k := facetKey(facet, v)
				if m[k] == nil {
					m[k] = newBitset(len(docs))
				}
				m[k].set(int32(i))
			}
		}
	}
	return m
}

// filter returns the documents that have every required facet value; nil
// means no filter. A value no document has gives an empty set.
func (ix *Index) filter(required map[string]string) bitset {
	var out bitset
	for facet, v := range required {
		s := ix.facets[facetKey(facet, v)]
		if s == nil {
			return newBitset(len(ix.docs))
		}
		if out == nil {
			out = append(bitset(nil), s...)
			continue
		}
		for i := range out {
			out[i] &= s[i]
		}
	}
	return out
}
