package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"rathaus/internal/jobs"
)

const jobCols = "id, kind, payload, unique_key, run_at, attempts, max_attempts, status, last_error, locked_by, locked_until, created_at, finished_at"

func scanJob(row scanner) (*jobs.Job, error) {
	var j jobs.Job
	var key sql.NullString
	var locked, finished sql.NullTime
	err := row.Scan(&j.ID, &j.Kind, &j.Payload, &key, &j.RunAt, &j.Attempts, &j.MaxAttempts, &j.Status,
		&j.LastError, &j.LockedBy, &locked, &j.CreatedAt, &finished)
	j.UniqueKey, j.LockedUntil, j.FinishedAt = key.String, nullTime(locked), nullTime(finished)
	j.RunAt, j.CreatedAt = j.RunAt.UTC(), j.CreatedAt.UTC()
	return &j, err
}

// EnqueueJob inserts a job; false when its unique key is taken.
func (d *DB) EnqueueJob(ctx context.Context, j *jobs.Job) (bool, error) {
	return d.enqueueJob(ctx, d.db, j)
}

// enqueueJob is EnqueueJob inside the caller's transaction.
func (d *DB) enqueueJob(ctx context.Context, q querier, j *jobs.Job) (bool, error) {
	var key any
	if j.UniqueKey != "" {
		key = j.UniqueKey
	}
	if j.MaxAttempts == 0 {
		j.MaxAttempts = 8
	}
	if j.CreatedAt.IsZero() {
		j.CreatedAt = j.RunAt
	}
	rows, err := d.query(ctx, q, `INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts, status, created_at)
		VALUES (?, ?, ?, ?, ?, 'queued', ?) ON CONFLICT (unique_key) DO NOTHING RETURNING id`,
		j.Kind, j.Payload, key, j.RunAt, j.MaxAttempts, j.CreatedAt)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return false, rows.Err()
	}
	j.Status = jobs.Queued
	return true, rows.Scan(&j.ID)
}

// ClaimJob leases the next due job. The inner SELECT locks the row it
// picks and skips rows other workers hold (PostgreSQL); on SQLite the
// statement runs under the single write lock. A running job whose lease
// ran out counts as due again.
func (d *DB) ClaimJob(ctx context.Context, worker string, kinds []string, now time.Time, lease time.Duration) (*jobs.Job, error) {
	if len(kinds) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(kinds)), ", ")
	args := []any{worker, now.Add(lease)}
	for _, k := range kinds {
		args = append(args, k)
	}
	args = append(args, now, now)
	q := `UPDATE jobs SET status = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1
		WHERE id = (SELECT id FROM jobs WHERE kind IN (` + marks + `)
			AND ((status = 'queued' AND run_at <= ?) OR (status = 'running' AND locked_until < ?))
			ORDER BY run_at, id LIMIT 1` + d.dialect.skipLocked() + `)
		RETURNING ` + jobCols
	j, err := scanJob(d.queryRow(ctx, d.db, q, args...))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return j, nil
}

// CompleteJob marks a job done, if worker still holds it.
func (d *DB) CompleteJob(ctx context.Context, id int64, worker string, now time.Time) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, `UPDATE jobs SET status = 'done', finished_at = ?, locked_until = NULL, last_error = ''
		WHERE id = ? AND locked_by = ? AND status = 'running'`, now, id, worker)))
}

// FailJob records a failure and requeues or ends the job.
func (d *DB) FailJob(ctx context.Context, id int64, worker, reason string, retryAt *time.Time, now time.Time) error {
	if retryAt != nil {
		return d.mapErr(mustAffect(d.exec(ctx, d.db, `UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, locked_until = NULL
			WHERE id = ? AND locked_by = ? AND status = 'running'`, *retryAt, truncate(reason, 1000), id, worker)))
	}
	return d.mapErr(mustAffect(d.exec(ctx, d.db, `UPDATE jobs SET status = 'failed', finished_at = ?, last_error = ?, locked_until = NULL
		WHERE id = ? AND locked_by = ? AND status = 'running'`, now, truncate(reason, 1000), id, worker)))
}

// DeleteFinishedJobsBefore removes done and failed jobs finished before t.
func (d *DB) DeleteFinishedJobsBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ?", t))
}

// FindJobs lists jobs, newest first.
func (d *DB) FindJobs(ctx context.Context, f jobs.Filter) ([]*jobs.Job, error) {
	var w where
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	q := "SELECT " + jobCols + " FROM jobs" + w.String() + " ORDER BY id DESC LIMIT ?"
	return list(ctx, d, scanJob, q, append(w.args, limit(f.Limit, 100, 10000))...)
}
