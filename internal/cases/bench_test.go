package cases_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/form"
	"rathaus/internal/storetest"
)

// BenchmarkSubmit hands in complete parking applications (eight answers,
// an uploaded attachment already in the file store) from 16 concurrent
// clients: validation, the file check, the case with its reference
// number, answers, file, history, confirmation mail and process event in
// one transaction. It reports submissions per second and the 99th
// percentile latency.
//
//	go test -run '^$' -bench Submit -benchtime 2000x ./internal/cases/
func BenchmarkSubmit(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			e := newSvcEnv(b, open)
			ctx := context.Background()
			answers := make([]form.Answers, b.N)
			for i := range answers {
				answers[i] = e.parkingAnswers(b)
			}
			var next atomic.Int64
			var mu sync.Mutex
			var lat []time.Duration
			uid := e.citizen
			b.SetParallelism(8) // 16 clients on 2 cores
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					i := next.Add(1) - 1
					t0 := time.Now()
					_, err := e.svc.Submit(ctx, cases.Application{ServiceID: e.parking, Lang: "de", Answers: answers[i],
						IdempotencyKey: fmt.Sprint("bench-", i),
						Applicant:      cases.Applicant{UserID: &uid, Name: "Erika", Email: "erika@example.org"}})
					if err != nil {
						b.Errorf("Submit: %v", err)
						return
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			elapsed := time.Since(start)
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "submissions/s")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			}
		})
	}
}
