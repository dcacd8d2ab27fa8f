package search

import "slices"

// before orders hits: higher score first, then lower ID.
func before(a, b Hit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID < b.ID
}

func compareHits(a, b Hit) int {
	switch {
	case before(a, b):
		return -1
	case before(b, a):
		return 1
	}
	return 0
}

// topHits reorders hits so that the first n (or all, if fewer) are the
// best in order, and returns them. It keeps the n best seen in a heap whose
// root is the worst of them, so a page costs O(len(hits) log n) rather than
// a full sort.
func topHits(hits []Hit, n int) []Hit {
	if n >= len(hits) || n > len(hits)/4 {
		slices.SortFunc(hits, compareHits)
		return hits[:min(n, len(hits))]
	}
	if n <= 0 {
		return nil
	}
	h := hits[:n]
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
	for _, x := range hits[n:] {
		if before(x, h[0]) {
			h[0] = x
			siftDown(h, 0)
		}
	}
	slices.SortFunc(h, compareHits)
	return h
}

// siftDown restores the heap below i, with the worst hit at the root.
func siftDown(h []Hit, i int) {
	for {
		w := i
		if l := 2*i + 1; l < len(h) && before(h[w], h[l]) {
			w = l
		}
		if r := 2*i + 2; r < len(h) && before(h[w], h[r]) {
			w = r
		}
		if w == i {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}
