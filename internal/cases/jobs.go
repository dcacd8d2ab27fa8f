package cases

import (
	"context"
	"net/http"
	"time"

	"rathaus/internal/filestore"
	"rathaus/internal/jobs"
	"rathaus/internal/processlog"
)

// Periodic job kinds of applications.
const (
	JobPurgeDrafts = "cases.drafts.purge"  // delete drafts past their expiry
	JobPurgeTemp   = "cases.files.purge"   // remove files of uploads broken off
	JobPurgeUpload = "cases.uploads.purge" // delete uploads nobody submitted
	JobRetention   = "cases.retention"     // delete cases after their retention period
)

// RunJobs registers the jobs of applications with the runner: delivery
// to the specialist system (when configured) and the clean-ups.
func (s *Service) RunJobs(r *jobs.Runner) {
	if s.DeliveryURL != "" {
		d := &Deliverer{Store: s.Store, Forms: s.Forms, URL: s.DeliveryURL, Secret: s.DeliverySecret,
			Client: &http.Client{Timeout: 30 * time.Second}, Now: s.Now}
		if w, ok := s.Store.(processlog.Writer); ok {
			d.Events = w
		}
		r.Register(DeliveryJob, d.Handle)
	}
	r.Every(JobPurgeDrafts, time.Hour, func(ctx context.Context, _ []byte) error {
		_, err := s.Store.DeleteExpiredDrafts(ctx, s.now())
		return err
	})
	r.Every(JobPurgeUpload, time.Hour, func(ctx context.Context, _ []byte) error {
		_, err := s.PurgeUploads(ctx)
		return err
	})
	r.Every(JobRetention, 24*time.Hour, func(ctx context.Context, _ []byte) error {
		_, err := s.PurgeClosed(ctx)
		return err
	})
	if l, ok := s.Files.(*filestore.Local); ok {
		r.Every(JobPurgeTemp, time.Hour, func(context.Context, []byte) error {
			_, err := l.PurgeTemp(time.Hour)
			return err
		})
	}
}
