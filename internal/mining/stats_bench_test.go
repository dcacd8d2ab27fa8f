package mining

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

// benchLog is a synthetic log of a million events: 100,000 cases of ten
// events over 30 activities, 50 resources and 8 units, spread over two
// years, with some rework.
var benchLog = sync.OnceValue(func() *eventlog.Log {
	const cases, perCase = 100_000, 10
	rng := rand.New(rand.NewPCG(7, 11))
	b := eventlog.NewBuilder("bench", cases*perCase)
	acts := make([]string, 30)
	for i := range acts {
		acts[i] = "activity " + strconv.Itoa(i)
	}
	resources := make([]string, 50)
	for i := range resources {
		resources[i] = "resource " + strconv.Itoa(i)
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	for i := range cases {
		c := b.Case("case " + strconv.Itoa(i))
		b.CaseAttr(c, eventlog.KV{Key: "unit", Value: "unit " + strconv.Itoa(i%8)})
		t := start + rng.Int64N(int64(2*365*24*time.Hour))
		a := 0
		for range perCase {
			b.Event(c, acts[a], t, resources[rng.IntN(len(resources))])
			t += rng.Int64N(int64(48 * time.Hour))
			if rng.IntN(10) == 0 && a > 0 {
				a-- // rework
			} else {
				a = (a + 1 + rng.IntN(3)) % len(acts)
			}
		}
	}
	return b.Log()
})

func benchmark(b *testing.B, f func(l *eventlog.Log)) {
	l := benchLog()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f(l)
	}
}

func BenchmarkStats(b *testing.B) { benchmark(b, func(l *eventlog.Log) { Stats(l) }) }
func BenchmarkDFG(b *testing.B)   { benchmark(b, func(l *eventlog.Log) { DFG(l) }) }
func BenchmarkPrune(b *testing.B) {
	g := DFG(benchLog())
	benchmark(b, func(*eventlog.Log) { g.Prune(0.5, 0.3) })
}
func BenchmarkVariants(b *testing.B)      { benchmark(b, func(l *eventlog.Log) { Variants(l) }) }
func BenchmarkActivityStats(b *testing.B) { benchmark(b, func(l *eventlog.Log) { ActivityStats(l) }) }
func BenchmarkBottlenecks(b *testing.B)   { benchmark(b, func(l *eventlog.Log) { Bottlenecks(l) }) }
func BenchmarkRework(b *testing.B)        { benchmark(b, func(l *eventlog.Log) { Rework(l) }) }
func BenchmarkDeadlines(b *testing.B) {
	benchmark(b, func(l *eventlog.Log) {
		Deadlines(l, DeadlineOptions{Target: 5 * 24 * time.Hour, EndActivities: []string{"activity 29"}})
	})
}
func BenchmarkWorkload(b *testing.B) {
	benchmark(b, func(l *eventlog.Log) { Workload(l, WorkloadOptions{By: "resource"}) })
}
func BenchmarkWorkloadByCaseAttr(b *testing.B) {
	benchmark(b, func(l *eventlog.Log) { Workload(l, WorkloadOptions{By: "unit", Period: PeriodDay}) })
}
func BenchmarkApply(b *testing.B) {
	f := Filter{Attr: []AttrFilter{{Key: "unit", Value: "unit 3", Case: true}},
		Activities: []string{"activity 5"}, ActivityMode: ModeContains, MinDuration: 24 * time.Hour}
	benchmark(b, func(l *eventlog.Log) { Apply(l, f) })
}
func BenchmarkApplyVariants(b *testing.B) {
	benchmark(b, func(l *eventlog.Log) { Apply(l, Filter{Variants: []int{0, 1, 2}}) })
}
func BenchmarkApplyKeepEvents(b *testing.B) {
	f := Filter{Activities: []string{"activity 1", "activity 2", "activity 3"}, ActivityMode: ModeKeepEvents}
	benchmark(b, func(l *eventlog.Log) { Apply(l, f) })
}
