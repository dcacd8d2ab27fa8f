package cases

import (
	"context"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/form"
)

// Retention defaults: a closed case is kept six years (the usual period
// for municipal files of this kind) unless its form says otherwise; an
// upload that no case and no draft names is deleted after a day.
const (
	DefaultRetention = 6 * 365 * 24 * time.Hour
	StaleUploadAfter = 24 * time.Hour
	purgeBatch       = 500
)

// PurgeUploads deletes uploads nobody submitted: not in a case, not in a
// draft, older than StaleUploadAfter. It returns how many went.
func (s *Service) PurgeUploads(ctx context.Context) (int, error) {
	keys, err := s.Store.StaleUploads(ctx, s.now().Add(-StaleUploadAfter), purgeBatch)
	if err != nil {
		return 0, err
	}
	for i, k := range keys {
		if err := s.Files.Delete(ctx, k); err != nil {
			return i, err
		}
		if err := s.Store.DeleteUpload(ctx, k); err != nil {
			return i, err
		}
	}
	return len(keys), nil
}

// PurgeClosed deletes the cases whose retention period after closing has
// passed, with their files, and records each deletion in the audit log
// (by reference only). It returns how many went.
func (s *Service) PurgeClosed(ctx context.Context) (int, error) {
	forms, err := s.Forms.Forms(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, info := range forms {
		keep := DefaultRetention
		if f, err := s.Forms.PublishedForm(ctx, info.ServiceID); err == nil {
			keep = retentionOf(f)
		}
		before := s.now().Add(-keep)
		old, _, err := s.Store.FindCases(ctx, Filter{ServiceID: info.ServiceID, ClosedBefore: &before, Limit: purgeBatch})
		if err != nil {
			return n, err
		}
		for _, c := range old {
			if err := s.deleteCase(ctx, c); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

func retentionOf(f *form.Form) time.Duration {
	if d := f.Settings.RetentionDays; d > 0 {
		return time.Duration(d) * 24 * time.Hour
	}
	return DefaultRetention
}

// deleteCase removes c from the database, then its files.
func (s *Service) deleteCase(ctx context.Context, c *Case) error {
	keys, err := s.Store.DeleteCase(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := s.Files.Delete(ctx, k); err != nil {
			return err
		}
	}
	if s.Audit == nil {
		return nil
	}
	return s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.now(), Action: audit.CaseDeleted,
		Detail: c.Reference + " (retention period over)"})
}
