package inquiry

import (
	"context"
	"time"

	"rathaus/internal/jobs"
)

// JobPurge deletes closed messages past their retention period.
const JobPurge = "inquiry.purge"

// RunJobs registers the daily deletion of old closed messages.
func (s *Service) RunJobs(r *jobs.Runner) {
	r.Every(JobPurge, 24*time.Hour, func(ctx context.Context, _ []byte) error {
		n, err := s.Purge(ctx)
		if n > 0 {
			s.log().Info("deleted closed messages past their retention", "count", n)
		}
		return err
	})
}

// Purge deletes the messages closed longer ago than the retention period,
// with their replies; corrections (text only) stay as training data.
func (s *Service) Purge(ctx context.Context) (int64, error) {
	return s.Store.DeleteInquiriesClosedBefore(ctx, s.now().Add(-s.retention()))
}
