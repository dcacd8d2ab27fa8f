package mining

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestMedianMatchesSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		s := make([]float64, n)
		for i := range s {
			s[i] = float64(rng.IntN(max(n/3, 1))) // with many ties
			if n%2 == 0 {
				s[i] += rng.Float64()
			}
		}
		sorted := slices.Clone(s)
		slices.Sort(sorted)
		if got, want := median(s), Quantile(sorted, 0.5); math.Abs(got-want) > 1e-9 {
			t.Fatalf("n=%d: median %v, sorting gives %v", n, got, want)
		}
	}
	if lo, hi, avg, med := summary([]float64{4, 1, 3, 2}); lo != 1 || hi != 4 || avg != 2.5 || med != 2.5 {
		t.Errorf("summary of 4 1 3 2 = %v %v %v %v, want 1 4 2.5 2.5", lo, hi, avg, med)
	}
}
