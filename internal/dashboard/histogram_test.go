package dashboard

import (
	"testing"
	"time"
)

func TestBounds(t *testing.T) {
	if Bounds[0] != time.Minute || Bounds[len(Bounds)-1] > 366*24*time.Hour {
		t.Fatalf("bounds run from %v to %v", Bounds[0], Bounds[len(Bounds)-1])
	}
	for i := 1; i < len(Bounds); i++ {
		if r := float64(Bounds[i]) / float64(Bounds[i-1]); r < 1.24 || r > 1.26 {
			t.Errorf("bound %d is %.3f times the last", i, r)
		}
	}
}

func TestBucketOf(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want int
	}{
		{-time.Second, 0}, {0, 0}, {time.Minute, 0}, {time.Minute + 1, 1},
		{Bounds[5], 5}, {Bounds[5] + 1, 6}, {400 * 24 * time.Hour, len(Bounds)},
	} {
		if got := BucketOf(c.d); got != c.want {
			t.Errorf("BucketOf(%v) = %d, want %d", c.d, got, c.want)
		}
	}
}

// within reports whether got is within a bucket's step (25 %) of want.
func within(got, want time.Duration) bool {
	return float64(got) >= float64(want)*0.8 && float64(got) <= float64(want)*1.25
}

func TestPercentile(t *testing.T) {
	var h Histogram
	if h.Percentile(0.5) != 0 {
		t.Error("an empty histogram has figures")
	}
	// 1..100 days: the median is about 50 days, the 90th about 90.
	for i := 1; i <= 100; i++ {
		h.Add(time.Duration(i) * 24 * time.Hour)
	}
	if h.N != 100 || h.Sum != 5050*24*time.Hour {
		t.Fatalf("N %d, Sum %v", h.N, h.Sum)
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{0.5, 50 * 24 * time.Hour}, {0.9, 90 * 24 * time.Hour}, {0.1, 10 * 24 * time.Hour}, {1, 100 * 24 * time.Hour}} {
		if got := h.Percentile(c.p); !within(got, c.want) {
			t.Errorf("Percentile(%v) = %v, want about %v", c.p, got, c.want)
		}
	}
	if a, b := h.Percentile(0.5), h.Percentile(0.9); a > b {
		t.Errorf("median %v above the 90th percentile %v", a, b)
	}
}

func TestPercentileOneValue(t *testing.T) {
	var h Histogram
	for range 10 {
		h.Add(3 * time.Hour)
	}
	for _, p := range []float64{0, 0.5, 0.9, 1} {
		if got := h.Percentile(p); !within(got, 3*time.Hour) {
			t.Errorf("Percentile(%v) of 3h = %v", p, got)
		}
	}
	var long Histogram
	long.Add(2 * 366 * 24 * time.Hour)
	if got := long.Percentile(0.5); got != Bounds[len(Bounds)-1] {
		t.Errorf("beyond the last bound: %v", got)
	}
}

func TestMerge(t *testing.T) {
	var a, b, all Histogram
	for i := 1; i <= 50; i++ {
		d := time.Duration(i*i) * time.Minute
		all.Add(d)
		if i%2 == 0 {
			a.Add(d)
		} else {
			b.Add(d)
		}
	}
	var m Histogram
	m.Merge(a)
	m.Merge(b)
	m.Merge(Histogram{}) // an empty one (no Counts) changes nothing
	if m.N != all.N || m.Sum != all.Sum || m.Percentile(0.9) != all.Percentile(0.9) {
		t.Errorf("merged %+v, want %+v", m, all)
	}
	for i := range all.Counts {
		if m.Counts[i] != all.Counts[i] {
			t.Fatalf("bucket %d: %d, want %d", i, m.Counts[i], all.Counts[i])
		}
	}
}
