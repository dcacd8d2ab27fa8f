package search

// deleteIndex finds the known words near a word without comparing it to
// every word (the SymSpell idea): every string reachable from a known word
// by deleting up to two bytes is hashed into a table once, and a query
// word looks up its own deletions. Two words within optimal string
// alignment distance d share a string reachable from each with at most d
// deletions (a substitution deletes the byte on both sides, a transposition
// one of the two bytes on both sides, an insertion or deletion one byte on
// one side), so the table yields every word within d; hash collisions only
// add candidates, which the exact distance then rejects.
type deleteIndex struct {
	mask  uint64
	start []uint32 // bucket -> first entry; one more than buckets
	entry []uint64 // the hash's high half << 32 | word position << 2 | deletions made
}

const maxDeletes = 2

func newDeleteIndex(words []wordEntry) deleteIndex {
	n := 0
	for _, w := range words {
		eachDeletion(w.folded, maxDeletes, func(uint64, int) { n++ })
	}
	buckets := 1
	for buckets < n/2 {
		buckets *= 2
	}
	di := deleteIndex{mask: uint64(buckets - 1), start: make([]uint32, buckets+1), entry: make([]uint64, n)}
	for _, w := range words {
		eachDeletion(w.folded, maxDeletes, func(h uint64, _ int) { di.start[h&di.mask+1]++ })
	}
	for b := 1; b <= buckets; b++ {
		di.start[b] += di.start[b-1]
	}
	next := append([]uint32(nil), di.start[:buckets]...)
	for pos, w := range words {
		eachDeletion(w.folded, maxDeletes, func(h uint64, deleted int) {
			b := h & di.mask
			di.entry[next[b]] = h>>32<<32 | uint64(pos)<<2 | uint64(deleted)
			next[b]++
		})
	}
	return di
}

// candidates appends the positions of the words that share a string with w
// reachable by at most maxD deletions on each side; a word may appear more
// than once.
func (di *deleteIndex) candidates(out []int32, w string, maxD int) []int32 {
	eachDeletion(w, maxD, func(h uint64, _ int) {
		b := h & di.mask
		for _, e := range di.entry[di.start[b]:di.start[b+1]] {
			if e>>32 == h>>32 && int(e&3) <= maxD {
				out = append(out, int32(uint32(e)>>2))
			}
		}
	})
	return out
}

// Strings are hashed polynomially, H(s) = sum of (s[k]+1) * hashBase^(n-1-k)
// mod 2^64, so the hash of a string with bytes deleted can be put together
// from prefix hashes in constant time, then mixed so that the low bits
// (the bucket) depend on every byte.
const hashBase = 1099511628211

// mix is the SplitMix64 finaliser, applied with the length.
func mix(h uint64, n int) uint64 {
	z := h + uint64(n)*0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// eachDeletion calls fn with the hash of w and of every distinct string
// made by deleting up to maxD (at most 2) of its bytes, and how many were
// deleted. Of a run of equal bytes only the first is deleted, since
// deleting any of them gives the same string.
func eachDeletion(w string, maxD int, fn func(h uint64, deleted int)) {
	n := len(w)
	var preBuf, powBuf [48]uint64
	pre, pow := preBuf[:0], powBuf[:0] // hash of w[:i]; hashBase^i
	if n >= len(preBuf) {
		pre, pow = make([]uint64, 0, n+1), make([]uint64, 0, n+1)
	}
	pre, pow = append(pre, 0), append(pow, 1)
	for i := 0; i < n; i++ {
		pre = append(pre, pre[i]*hashBase+uint64(w[i])+1)
		pow = append(pow, pow[i]*hashBase)
	}
	sub := func(a, b int) uint64 { return pre[b] - pre[a]*pow[b-a] } // hash of w[a:b]
	fn(mix(pre[n], n), 0)
	for i := 0; i < n && maxD >= 1; i++ {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		fn(mix(pre[i]*pow[n-1-i]+sub(i+1, n), n-1), 1)
		for j := i + 1; j < n && maxD >= 2; j++ {
			if j-1 == i || w[j] != w[j-1] {
				h := pre[i]*pow[n-2-i] + sub(i+1, j)*pow[n-1-j] + sub(j+1, n)
				fn(mix(h, n-2), 2)
			}
		}
	}
}
