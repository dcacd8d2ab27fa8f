package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rathaus/internal/jobs"
	"rathaus/internal/storetest"
)

func newRunner(s jobs.Store, worker string, now func() time.Time) *jobs.Runner {
	return &jobs.Runner{Store: s, Worker: worker, Now: now, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// TestRunnersShareQueue runs two runners (as two instances would) on one
// database: every job runs exactly once, and a periodic job once per period.
func TestRunnersShareQueue(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t)
			clock := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
			now := func() time.Time { return clock }
			var mu sync.Mutex
			runs := map[string]int{}
			var ticks atomic.Int32
			var rs []*jobs.Runner
			for _, w := range []string{"a", "b"} {
				r := newRunner(db, w, now)
				r.Register("count", func(_ context.Context, p []byte) error {
					mu.Lock()
					runs[string(p)]++
					mu.Unlock()
					return nil
				})
				r.Every("tick", time.Hour, func(context.Context, []byte) error { ticks.Add(1); return nil })
				rs = append(rs, r)
			}
			for i := range 30 {
				if err := rs[i%2].Enqueue(ctx, "count", []byte{byte('A' + i)}); err != nil {
					t.Fatal(err)
				}
			}
			var wg sync.WaitGroup
			for _, r := range rs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					runCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
					defer cancel()
					r.Poll = 20 * time.Millisecond
					r.Run(runCtx)
				}()
			}
			wg.Wait()
			if len(runs) != 30 {
				t.Errorf("%d distinct jobs ran, want 30", len(runs))
			}
			for p, n := range runs {
				if n != 1 {
					t.Errorf("job %q ran %d times", p, n)
				}
			}
			if got := ticks.Load(); got != 1 {
				t.Errorf("hourly job ran %d times in one hour across two instances, want 1", got)
			}
		})
	}
}

func TestFailingJobIsRetriedThenGivesUp(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	clock := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	r := newRunner(db, "w", func() time.Time { return clock })
	calls := 0
	r.Register("flaky", func(context.Context, []byte) error { calls++; return errors.New("down") })
	db.EnqueueJob(ctx, &jobs.Job{Kind: "flaky", RunAt: clock, MaxAttempts: 3})
	for range 5 {
		r.RunDue(ctx)
		clock = clock.Add(7 * time.Hour)
	}
	if calls != 3 {
		t.Errorf("handler called %d times, want 3 attempts", calls)
	}
	failed, _ := db.FindJobs(ctx, jobs.Filter{Status: jobs.Failed})
	if len(failed) != 1 || failed[0].LastError != "down" {
		t.Errorf("failed jobs = %v", failed)
	}
}

// refused is an error retrying cannot cure.
type refused struct{}

func (refused) Error() string   { return "refused for good" }
func (refused) Permanent() bool { return true }

func TestPermanentFailureIsNotRetried(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	clock := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	r := newRunner(db, "w", func() time.Time { return clock })
	calls := 0
	r.Register("refused", func(context.Context, []byte) error { calls++; return fmt.Errorf("deliver: %w", refused{}) })
	db.EnqueueJob(ctx, &jobs.Job{Kind: "refused", RunAt: clock, MaxAttempts: 5})
	for range 4 {
		r.RunDue(ctx)
		clock = clock.Add(7 * time.Hour)
	}
	if calls != 1 {
		t.Errorf("handler called %d times, want 1: a permanent failure is not retried", calls)
	}
	if failed, _ := db.FindJobs(ctx, jobs.Filter{Status: jobs.Failed}); len(failed) != 1 {
		t.Errorf("failed jobs = %v", failed)
	}
}
