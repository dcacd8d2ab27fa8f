package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"rathaus/internal/feedback"
	"rathaus/internal/processlog"
)

var _ feedback.HistorySeeder = (*DB)(nil)

// SeedSatisfactionHistory writes simulated satisfaction answers and their
// events in batches in one transaction, for the demo.
func (d *DB) SeedSatisfactionHistory(ctx context.Context, ss []*feedback.Satisfaction, evs []processlog.Event) error {
	rows := make([][]any, len(ss))
	bySubject := make(map[string]*feedback.Satisfaction, len(ss))
	for i, s := range ss {
		rows[i] = []any{s.Subject.Kind, s.Subject.ID, s.ServiceID, s.OrgID, s.Rating, s.Comment, s.At, s.UpdatedAt}
		bySubject[s.Subject.String()] = s
	}
	cols := []string{"kind", "subject_id", "service_id", "org_id", "rating", "comment", "at", "updated_at"}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		err := d.insertRows(ctx, tx, "feedback_satisfaction", cols, rows, "id, kind, subject_id", func(r *sql.Rows) error {
			var id, subject int64
			var kind string
			if err := r.Scan(&id, &kind, &subject); err != nil {
				return err
			}
			if s := bySubject[fmt.Sprintf("%s:%d", kind, subject)]; s != nil {
				s.ID = id
			}
			return nil
		})
		if err != nil {
			return err
		}
		return d.seedEvents(ctx, tx, evs)
	})
	if err != nil {
		for _, s := range ss {
			s.ID = 0
		}
	}
	return err
}
