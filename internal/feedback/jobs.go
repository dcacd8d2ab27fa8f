package feedback

import (
	"context"
	"time"

	"rathaus/internal/jobs"
)

// JobPurge deletes feedback past its retention period.
const JobPurge = "feedback.purge"

// RunJobs registers the daily deletion of old feedback with the runner.
func (s *Service) RunJobs(r *jobs.Runner) {
	r.Every(JobPurge, 24*time.Hour, func(ctx context.Context, _ []byte) error {
		_, err := s.Purge(ctx)
		return err
	})
}
