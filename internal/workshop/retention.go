package workshop

import (
	"context"
	"strconv"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/jobs"
)

// DefaultRetention is how long an imported log is kept when the Service
// names no other period: files from specialist systems may hold personal
// data, so they do not stay for ever. Analyses worth keeping live on as
// models and reports.
const DefaultRetention = 365 * 24 * time.Hour

// JobPurge deletes imported logs past their retention, daily.
const JobPurge = "workshop.purge"

func (s *Service) retention() time.Duration {
	if s.Retention > 0 {
		return s.Retention
	}
	return DefaultRetention
}

// RunJobs registers the workshop's periodic work.
func (s *Service) RunJobs(r *jobs.Runner) {
	r.Every(JobPurge, 24*time.Hour, func(ctx context.Context, _ []byte) error {
		_, err := s.Purge(ctx)
		return err
	})
}

// Purge deletes imported logs older than the retention period, file and
// row, and says how many.
func (s *Service) Purge(ctx context.Context) (int, error) {
	logs, err := s.Store.FindStoredLogs(ctx, nil)
	if err != nil {
		return 0, err
	}
	cutoff := s.now().Add(-s.retention())
	n := 0
	for _, l := range logs {
		if !l.CreatedAt.Before(cutoff) {
			continue
		}
		if err := s.Files.Delete(ctx, l.FileKey); err != nil {
			return n, err
		}
		if err := s.Store.DeleteStoredLog(ctx, l.ID); err != nil {
			return n, err
		}
		n++
		if s.Audit != nil {
			if err := s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), Action: AuditLogDeleted,
				Detail: "log " + strconv.FormatInt(l.ID, 10) + ": retention ended"}); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// ExpiresAt is when an imported log will be deleted.
func (s *Service) ExpiresAt(l *StoredLog) time.Time { return l.CreatedAt.Add(s.retention()) }
