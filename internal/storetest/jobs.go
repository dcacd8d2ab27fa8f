package storetest

import (
	"sync"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/jobs"
)

func jobsFilter(kind string) jobs.Filter { return jobs.Filter{Kind: kind} }

func enqueue(t *testing.T, s Stores, kind string, at time.Time) *jobs.Job {
	t.Helper()
	j := &jobs.Job{Kind: kind, Payload: []byte(`{}`), RunAt: at, MaxAttempts: 3}
	ok, err := s.EnqueueJob(ctx, j)
	if err != nil || !ok {
		t.Fatalf("EnqueueJob = %v, %v", ok, err)
	}
	return j
}

// testJobClaimOnce has many workers race for a batch of jobs: every job
// must be claimed by exactly one of them.
func testJobClaimOnce(t *testing.T, s Stores) {
	const n = 40
	for range n {
		enqueue(t, s, "test.once", t0)
	}
	enqueue(t, s, "test.later", t0.Add(time.Hour))
	var mu sync.Mutex
	seen := map[int64]string{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func(worker string) {
			defer wg.Done()
			for {
				j, err := s.ClaimJob(ctx, worker, []string{"test.once", "test.later"}, t0, time.Minute)
				if fault.Is(err, fault.NotFound) {
					return
				}
				if err != nil {
					t.Errorf("ClaimJob: %v", err)
					return
				}
				mu.Lock()
				if prev, dup := seen[j.ID]; dup {
					t.Errorf("job %d claimed by %s and %s", j.ID, prev, worker)
				}
				seen[j.ID] = worker
				mu.Unlock()
				if err := s.CompleteJob(ctx, j.ID, worker, t0); err != nil {
					t.Errorf("CompleteJob: %v", err)
				}
			}
		}(string(rune('A' + w)))
	}
	wg.Wait()
	if len(seen) != n {
		t.Errorf("claimed %d jobs, want %d (the future one must wait)", len(seen), n)
	}
	done, _ := s.FindJobs(ctx, jobs.Filter{Status: jobs.Done, Limit: 1000})
	if len(done) != n {
		t.Errorf("done jobs = %d, want %d", len(done), n)
	}
}

func testJobLease(t *testing.T, s Stores) {
	j := enqueue(t, s, "test.lease", t0)
	got, err := s.ClaimJob(ctx, "w1", []string{"test.lease"}, t0, time.Minute)
	must(t, err)
	if got.ID != j.ID || got.Attempts != 1 || got.Status != jobs.Running {
		t.Fatalf("claimed %+v", got)
	}
	if _, err := s.ClaimJob(ctx, "w2", []string{"test.lease"}, t0.Add(30*time.Second), time.Minute); !fault.Is(err, fault.NotFound) {
		t.Errorf("claim during lease = %v, want NotFound", err)
	}
	again, err := s.ClaimJob(ctx, "w2", []string{"test.lease"}, t0.Add(2*time.Minute), time.Minute)
	must(t, err)
	if again.ID != j.ID || again.Attempts != 2 {
		t.Errorf("reclaim after lease = %+v", again)
	}
	if err := s.CompleteJob(ctx, j.ID, "w1", t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("stale worker completing = %v, want NotFound", err)
	}
	must(t, s.CompleteJob(ctx, j.ID, "w2", t0))
}

func testJobRetry(t *testing.T, s Stores) {
	j := enqueue(t, s, "test.retry", t0)
	_, err := s.ClaimJob(ctx, "w", []string{"test.retry"}, t0, time.Minute)
	must(t, err)
	retry := t0.Add(time.Minute)
	must(t, s.FailJob(ctx, j.ID, "w", "boom", &retry, t0))
	if _, err := s.ClaimJob(ctx, "w", []string{"test.retry"}, t0.Add(time.Second), time.Minute); !fault.Is(err, fault.NotFound) {
		t.Errorf("claim before retry time = %v, want NotFound", err)
	}
	got, err := s.ClaimJob(ctx, "w", []string{"test.retry"}, retry, time.Minute)
	must(t, err)
	if got.LastError != "boom" {
		t.Errorf("LastError = %q", got.LastError)
	}
	must(t, s.FailJob(ctx, j.ID, "w", "boom again", nil, retry))
	failed, _ := s.FindJobs(ctx, jobs.Filter{Status: jobs.Failed})
	if len(failed) != 1 {
		t.Errorf("failed jobs = %d, want 1", len(failed))
	}
}

func testJobUnique(t *testing.T, s Stores) {
	a := &jobs.Job{Kind: "test.tick", UniqueKey: "tick@1", RunAt: t0}
	ok, err := s.EnqueueJob(ctx, a)
	must(t, err)
	if !ok {
		t.Fatal("first unique job not enqueued")
	}
	ok, err = s.EnqueueJob(ctx, &jobs.Job{Kind: "test.tick", UniqueKey: "tick@1", RunAt: t0})
	must(t, err)
	if ok {
		t.Error("second job with same key enqueued")
	}
}

func testJobPurge(t *testing.T, s Stores) {
	old := enqueue(t, s, "test.purge", t0)
	_, err := s.ClaimJob(ctx, "w", []string{"test.purge"}, t0, time.Minute)
	must(t, err)
	must(t, s.CompleteJob(ctx, old.ID, "w", t0))
	enqueue(t, s, "test.purge", t0) // still queued: never purged
	n, err := s.DeleteFinishedJobsBefore(ctx, t0.Add(time.Second))
	must(t, err)
	left, _ := s.FindJobs(ctx, jobs.Filter{Kind: "test.purge"})
	if n != 1 || len(left) != 1 || left[0].Status != jobs.Queued {
		t.Errorf("purge deleted %d and left %v; want the finished one gone, the queued one kept", n, left)
	}
}
