package mining

import (
	"slices"
	"testing"
)

func TestVariants(t *testing.T) {
	l := buildLog(t, fourCases...)
	vs := Variants(l)
	if len(vs) != 3 {
		t.Fatalf("%d variants, want 3", len(vs))
	}
	names := func(v Variant) string {
		s := ""
		for _, a := range v.Activities {
			s += l.Activities[a]
		}
		return s
	}
	want := []struct {
		trace  string
		count  int
		first  string
		cases  []int32
		median float64
	}{
		{"ABC", 2, "c1", []int32{0, 3}, 9000}, // 2 h and 3 h
		{"ABBC", 1, "c3", []int32{2}, 36000},  // ties in count go by activity names
		{"AC", 1, "c2", []int32{1}, 1800},
	}
	for i, w := range want {
		v := vs[i]
		if v.Rank != i || names(v) != w.trace || v.Count != w.count || v.FirstCase != w.first || !slices.Equal(v.Cases, w.cases) {
			t.Errorf("variant %d = rank %d %s ×%d first %s cases %v; want %s ×%d first %s cases %v",
				i, v.Rank, names(v), v.Count, v.FirstCase, v.Cases, w.trace, w.count, w.first, w.cases)
		}
		approx(t, "median of "+w.trace, v.MedianS, w.median)
	}
	approx(t, "share of ABC", vs[0].Share, 0.5)
	approx(t, "mean of ABC", vs[0].MeanS, 9000)
}

func TestVariantsEmptyLog(t *testing.T) {
	if vs := Variants(buildLog(t)); len(vs) != 0 {
		t.Errorf("empty log has variants %v", vs)
	}
}

func TestVariantsTellCollidingHashesApart(t *testing.T) {
	l := buildLog(t, fourCases...)
	same := func([]int32) uint64 { return 1 } // every trace collides
	got, want := groupVariantsBy(l, same), groupVariants(l)
	if !slices.Equal(got.of, want.of) || !slices.Equal(got.counts, want.counts) {
		t.Errorf("with one hash for all: variants %v counts %v; want %v %v", got.of, got.counts, want.of, want.counts)
	}
}
