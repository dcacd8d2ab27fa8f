package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"rathaus/internal/fault"
)

// Handler runs one job. A returned error schedules a retry.
type Handler func(ctx context.Context, payload []byte) error

// Runner claims and runs due jobs.
type Runner struct {
	Store    Store
	Worker   string // unique per process, e.g. host:pid
	Now      func() time.Time
	Log      *slog.Logger
	Poll     time.Duration // wait between empty polls
	Lease    time.Duration // how long a claim lasts
	mu       sync.Mutex
	handlers map[string]Handler
	periodic []periodic
}

type periodic struct {
	kind  string
	every time.Duration
	last  time.Time // the period last enqueued by this process
}

// Register sets the handler for kind.
func (r *Runner) Register(kind string, h Handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.handlers == nil {
		r.handlers = map[string]Handler{}
	}
	r.handlers[kind] = h
}

// Every runs kind once per period across all instances: each instance
// enqueues it with a unique key naming the period, and only one insert wins.
func (r *Runner) Every(kind string, every time.Duration, h Handler) {
	r.Register(kind, h)
	r.mu.Lock()
	r.periodic = append(r.periodic, periodic{kind: kind, every: every})
	r.mu.Unlock()
}

func (r *Runner) kinds() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	ks := make([]string, 0, len(r.handlers))
	for k := range r.handlers {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Enqueue adds a job of kind to run now.
func (r *Runner) Enqueue(ctx context.Context, kind string, payload []byte) error {
	_, err := r.Store.EnqueueJob(ctx, &Job{Kind: kind, Payload: payload, RunAt: r.Now(), MaxAttempts: 8})
	return err
}

// Run works until ctx ends.
func (r *Runner) Run(ctx context.Context) {
	poll := r.Poll
	if poll == 0 {
		poll = time.Second
	}
	for {
		r.schedulePeriodic(ctx)
		n, err := r.RunDue(ctx)
		if err != nil && ctx.Err() == nil {
			r.Log.Error("job queue", "err", err)
		}
		if n > 0 {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(poll):
		}
	}
}

// schedulePeriodic enqueues each periodic job once per period. The unique
// key makes one insert win across instances; remembering the period here
// keeps each process from retrying the insert on every poll.
func (r *Runner) schedulePeriodic(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.Now()
	for i := range r.periodic {
		p := &r.periodic[i]
		slot := now.Truncate(p.every)
		if slot.Equal(p.last) {
			continue
		}
		key := fmt.Sprintf("%s@%d", p.kind, slot.Unix())
		if _, err := r.Store.EnqueueJob(ctx, &Job{Kind: p.kind, UniqueKey: key, RunAt: slot, MaxAttempts: 1}); err != nil {
			if ctx.Err() == nil {
				r.Log.Error("schedule job", "kind", p.kind, "err", err)
			}
			continue
		}
		p.last = slot
	}
}

// RunDue runs due jobs until none is left and returns how many ran.
func (r *Runner) RunDue(ctx context.Context) (int, error) {
	lease := r.Lease
	if lease == 0 {
		lease = 5 * time.Minute
	}
	kinds := r.kinds()
	n := 0
	for ctx.Err() == nil {
		j, err := r.Store.ClaimJob(ctx, r.Worker, kinds, r.Now(), lease)
		if fault.Is(err, fault.NotFound) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
		r.run(ctx, j)
	}
	return n, ctx.Err()
}

func (r *Runner) run(ctx context.Context, j *Job) {
	r.mu.Lock()
	h := r.handlers[j.Kind]
	r.mu.Unlock()
	err := safeCall(ctx, h, j.Payload)
	now := r.Now()
	if err == nil {
		if err := r.Store.CompleteJob(ctx, j.ID, r.Worker, now); err != nil {
			r.Log.Error("complete job", "id", j.ID, "err", err)
		}
		return
	}
	var retry *time.Time
	if j.Attempts < j.MaxAttempts && !IsPermanent(err) {
		t := now.Add(Backoff(j.Attempts))
		retry = &t
	}
	r.Log.Warn("job failed", "id", j.ID, "kind", j.Kind, "attempt", j.Attempts, "err", err)
	if err := r.Store.FailJob(ctx, j.ID, r.Worker, err.Error(), retry, now); err != nil {
		r.Log.Error("fail job", "id", j.ID, "err", err)
	}
}

// IsPermanent reports whether a handler's error says that retrying cannot
// help: an error in its chain has a method Permanent() bool that returns
// true. The job then ends as Failed at once.
func IsPermanent(err error) bool {
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}

func safeCall(ctx context.Context, h Handler, payload []byte) (err error) {
	if h == nil {
		return errors.New("no handler")
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return h(ctx, payload)
}
