// Package jobs is the background job queue. Jobs live in the database, so
// any instance may run them, and each job is claimed by exactly one worker:
// on PostgreSQL with row locks (FOR UPDATE SKIP LOCKED), on SQLite by its
// single writer. A claim is a lease: a worker that dies leaves the job to be
// claimed again after the lease ends.
package jobs

import (
	"context"
	"time"
)

// Status of a job.
const (
	Queued  = "queued"
	Running = "running"
	Done    = "done"
	Failed  = "failed"
)

// Job is one unit of background work.
type Job struct {
	ID          int64
	Kind        string
	Payload     []byte
	UniqueKey   string // optional; a second job with the same key is not enqueued
	RunAt       time.Time
	Attempts    int
	MaxAttempts int
	Status      string
	LastError   string
	LockedBy    string
	LockedUntil *time.Time
	CreatedAt   time.Time
	FinishedAt  *time.Time
}

// Filter selects jobs.
type Filter struct {
	Kind   string
	Status string
	Limit  int
}

// Store keeps the queue.
type Store interface {
	// EnqueueJob adds j; it reports false when a job with j.UniqueKey exists.
	EnqueueJob(ctx context.Context, j *Job) (bool, error)
	// ClaimJob leases the next due job of one of kinds to worker until
	// now+lease, or returns a fault.NotFound error when none is due.
	ClaimJob(ctx context.Context, worker string, kinds []string, now time.Time, lease time.Duration) (*Job, error)
	CompleteJob(ctx context.Context, id int64, worker string, now time.Time) error
	// FailJob records an error; with retryAt the job is queued again,
	// otherwise it ends as Failed.
	FailJob(ctx context.Context, id int64, worker, reason string, retryAt *time.Time, now time.Time) error
	FindJobs(ctx context.Context, f Filter) ([]*Job, error)
	// DeleteFinishedJobsBefore removes done and failed jobs finished before t.
	DeleteFinishedJobsBefore(ctx context.Context, t time.Time) (int64, error)
}

// Retention is how long finished jobs are kept for the admin view.
const Retention = 30 * 24 * time.Hour

// Backoff returns the wait before retry number attempt (1-based):
// 30s, 2m, 8m, ... capped at 6h.
func Backoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < 6*time.Hour; i++ {
		d *= 4
	}
	return min(d, 6*time.Hour)
}
