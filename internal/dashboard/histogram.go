package dashboard

import (
	"sort"
	"time"
)

// BucketOf is the index in Histogram.Counts of the bucket that holds d:
// the first bound d does not exceed, or len(Bounds) for longer durations.
// Negative durations count as zero.
func BucketOf(d time.Duration) int {
	return sort.Search(len(Bounds), func(i int) bool { return d <= Bounds[i] })
}

// Add counts one duration (a negative one as zero).
func (h *Histogram) Add(d time.Duration) {
	if d < 0 {
		d = 0
	}
	h.grow()
	h.Counts[BucketOf(d)]++
	h.N++
	h.Sum += d
}

// Merge adds o's counts to h.
func (h *Histogram) Merge(o Histogram) {
	h.grow()
	for i, n := range o.Counts {
		if i < len(h.Counts) {
			h.Counts[i] += n
		}
	}
	h.N += o.N
	h.Sum += o.Sum
}

func (h *Histogram) grow() {
	if len(h.Counts) < len(Bounds)+1 {
		c := make([]int64, len(Bounds)+1)
		copy(c, h.Counts)
		h.Counts = c
	}
}

// Percentile estimates the duration below which the fraction p (0..1) of
// the durations lie, e.g. 0.5 for the median and 0.9 for the 90th
// percentile: it finds the bucket that holds that rank and interpolates
// linearly between its bounds, so it is exact to within one bucket's
// width (about a quarter). Durations beyond the last bound are reported
// as that bound. Zero without durations.
func (h Histogram) Percentile(p float64) time.Duration {
	var total int64
	for _, n := range h.Counts {
		total += n
	}
	if total == 0 {
		return 0
	}
	p = min(max(p, 0), 1)
	rank := p * float64(total)
	var cum int64
	for i, n := range h.Counts {
		if n == 0 {
			continue
		}
		if float64(cum+n) >= rank {
			if i >= len(Bounds) {
				return Bounds[len(Bounds)-1]
			}
			lo := time.Duration(0)
			if i > 0 {
				lo = Bounds[i-1]
			}
			frac := (rank - float64(cum)) / float64(n)
			return lo + time.Duration(frac*float64(Bounds[i]-lo))
		}
		cum += n
	}
	return Bounds[len(Bounds)-1]
}
