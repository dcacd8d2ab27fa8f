package assistant_test

import (
	"slices"
	"testing"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/storetest"
)

// BenchmarkAsk answers the everyday questions over the real Munich
// catalogue in a SQLite store, without a language model: analysis,
// search, composition and storing the conversation. It reports the
// latency's median and 99th percentile per question.
//
//	go test ./internal/assistant -run '^$' -bench BenchmarkAsk -benchtime 2000x
func BenchmarkAsk(b *testing.B) {
	a := munich(b, storetest.OpenSQLite)
	set := readQuestions(b)
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := set[i%len(set)]
		start := time.Now()
		if _, err := a.Ask(ctx, assistant.Question{Text: l.question, Lang: l.lang}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}
