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
	check []uint32 // per entry: the hash's high half
	val   []uint32 // per entry: word position << 2 | deletions made
}

const maxDeletes = 2

func newDeleteIndex(words []wordEntry) deleteIndex {
	n := 0
	for _, w := range words {
		eachDeletion(w.folded, maxDeletes, func(uint64, int) { n++ })
	}
	buckets := 1
	for buckets < n {
		buckets *= 2
	}
	di := deleteIndex{mask: uint64(buckets - 1), start: make([]uint32, buckets+1),
		check: make([]uint32, n), val: make([]uint32, n)}
	for _, w := range words {
		eachDeletion(w.folded, maxDeletes, func(h uint64, _ int) { di.start[h&di.mask+1]++ })
	}
	for b := 1; b <= buckets; b++ {
		di.start[b] += di.start[b-1]
	}
	next := append([]uint32(nil), di.start[:buckets]...)
	for pos, w := range words {
		eachDeletion(w.folded, maxDeletes, func(h uint64, level int) {
			b := h & di.mask
			di.check[next[b]] = uint32(h >> 32)
			di.val[next[b]] = uint32(pos)<<2 | uint32(level)
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
		b, c := h&di.mask, uint32(h>>32)
		for e := di.start[b]; e < di.start[b+1]; e++ {
			if di.check[e] == c && int(di.val[e]&3) <= maxD {
				out = append(out, int32(di.val[e]>>2))
			}
		}
	})
	return out
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// eachDeletion calls fn with the hash of w and of every distinct string
// made by deleting up to maxD (at most 2) of its bytes, and how many were
// deleted. Of a run of equal bytes only the first is deleted, since
// deleting any of them gives the same string.
func eachDeletion(w string, maxD int, fn func(h uint64, deleted int)) {
	fn(fnvAdd(fnvOffset, w), 0)
	if maxD < 1 {
		return
	}
	pre := uint64(fnvOffset) // hash of w[:i]
	for i := 0; i < len(w); i++ {
		if i == 0 || w[i] != w[i-1] {
			fn(fnvAdd(pre, w[i+1:]), 1)
			if maxD >= 2 {
				mid := pre // hash of w[:i] + w[i+1:j]
				for j := i + 1; j < len(w); j++ {
					if j-1 == i || w[j] != w[j-1] {
						fn(fnvAdd(mid, w[j+1:]), 2)
					}
					mid = (mid ^ uint64(w[j])) * fnvPrime
				}
			}
		}
		pre = (pre ^ uint64(w[i])) * fnvPrime
	}
}
