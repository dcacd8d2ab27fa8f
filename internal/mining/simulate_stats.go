package mining

import (
	"math/rand/v2"
	"slices"
)

// replicateCI is the 95% interval of a statistic's median and mean over
// the bootstrap replicates.
type replicateCI struct{ median, mean Interval }

// bootstrap draws replicates samples of size cases (with replacement, the
// same cases for every series, so baseline, projection and saving stay
// paired) and returns the intervals of each series' median and mean.
func bootstrap(seed uint64, replicates, size int, series ...[]float64) []replicateCI {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	n := len(series[0])
	idx := make([]int32, size)
	buf := make([]float64, size)
	medians := make([][]float64, len(series))
	means := make([][]float64, len(series))
	for k := range series {
		medians[k] = make([]float64, replicates)
		means[k] = make([]float64, replicates)
	}
	for r := range replicates {
		for i := range idx {
			idx[i] = int32(rng.IntN(n))
		}
		for k, s := range series {
			var sum float64
			for i, j := range idx {
				buf[i] = s[j]
				sum += s[j]
			}
			medians[k][r] = medianInPlace(buf)
			means[k][r] = sum / float64(size)
		}
	}
	out := make([]replicateCI, len(series))
	for k := range series {
		out[k] = replicateCI{interval95(medians[k]), interval95(means[k])}
	}
	return out
}

// interval95 sorts v and returns its 2.5th and 97.5th percentile.
func interval95(v []float64) Interval {
	slices.Sort(v)
	return Interval{Lo: Quantile(v, 0.025), Hi: Quantile(v, 0.975)}
}

// estimate summarises all values (which it sorts) with the replicates'
// intervals.
func estimate(values []float64, ci replicateCI) Estimate {
	s := slices.Clone(values)
	slices.Sort(s)
	var sum float64
	for _, v := range s {
		sum += v
	}
	return Estimate{Median: Quantile(s, 0.5), Mean: sum / float64(len(s)),
		P10: Quantile(s, 0.1), P90: Quantile(s, 0.9), MedianCI: ci.median, MeanCI: ci.mean}
}

// medianInPlace is the median of v (the mean of the two middle values for
// an even count) found by selection in linear expected time; it reorders v.
func medianInPlace(v []float64) float64 {
	n := len(v)
	hi := selectKth(v, n/2)
	if n%2 == 1 {
		return hi
	}
	// After selection everything left of n/2 is <= v[n/2]; the lower middle
	// value is the largest of them.
	lo := v[0]
	for _, x := range v[1 : n/2] {
		lo = max(lo, x)
	}
	return (lo + hi) / 2
}

// selectKth reorders v so that v[k] is the value a sort would put there,
// with no larger value before it and no smaller after it (Hoare's
// quickselect with a median-of-three pivot), and returns v[k].
func selectKth(v []float64, k int) float64 {
	lo, hi := 0, len(v)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if v[mid] < v[lo] {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if v[hi] < v[lo] {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if v[hi] < v[mid] {
			v[hi], v[mid] = v[mid], v[hi]
		}
		pivot := v[mid]
		i, j := lo, hi
		for i <= j {
			for v[i] < pivot {
				i++
			}
			for v[j] > pivot {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return v[k]
		}
	}
	return v[k]
}
