package search

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestTopHits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{0, 1, 2, 5, 40, 300} {
		hits := make([]Hit, size)
		for i := range hits {
			// few distinct scores, so ties are broken by ID
			hits[i] = Hit{ID: int64(r.IntN(1000)), Score: float64(r.IntN(5))}
		}
		want := slices.Clone(hits)
		slices.SortFunc(want, compareHits)
		for _, n := range []int{0, 1, 3, 10, 20, 75, 299, 300, 400} {
			got := topHits(slices.Clone(hits), n)
			if diff := cmp.Diff(want[:min(n, size)], got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("topHits(%d hits, %d) (-want +got):\n%s", size, n, diff)
			}
		}
	}
}

// TestSearchPages checks that pages of a query, fetched concurrently, put
// together give the first page of a large limit, with the same total.
func TestSearchPages(t *testing.T) {
	ix := NewIndex(munichDocs(t))
	for _, q := range []string{"Ausweis", "Antrag", "Fahrzeug ummelden", "Persoanlausweis"} {
		all := ix.Search(Query{Text: q, Limit: 1000})
		if all.Total != len(all.Hits) || all.Total < 30 {
			t.Fatalf("%q: Total %d with %d hits, want all of at least 30", q, all.Total, len(all.Hits))
		}
		pages := make([][]Hit, (all.Total+6)/7)
		var wg sync.WaitGroup
		for i := range pages {
			wg.Go(func() {
				res := ix.Search(Query{Text: q, Limit: 7, Offset: 7 * i})
				if res.Total != all.Total {
					t.Errorf("%q page %d: Total %d, want %d", q, i, res.Total, all.Total)
				}
				pages[i] = res.Hits
			})
		}
		wg.Wait()
		if diff := cmp.Diff(all.Hits, slices.Concat(pages...)); diff != "" {
			t.Errorf("%q: pages differ from one long list (-want +got):\n%s", q, diff)
		}
	}
}
