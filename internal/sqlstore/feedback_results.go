package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"rathaus/internal/feedback"
)

// feedbackWhere filters by services and a period on the time column col.
func feedbackWhere(f feedback.Filter, col string) where {
	var w where
	if len(f.ServiceIDs) > 0 {
		w.conds = append(w.conds, "service_id IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(f.ServiceIDs)), ", ")+")")
		for _, id := range f.ServiceIDs {
			w.args = append(w.args, id)
		}
	}
	if !f.From.IsZero() {
		w.add(col+" >= ?", f.From)
	}
	if !f.To.IsZero() {
		w.add(col+" < ?", f.To)
	}
	return w
}

// HelpfulCounts counts page answers per service.
func (d *DB) HelpfulCounts(ctx context.Context, f feedback.Filter) ([]feedback.HelpfulCount, error) {
	w := feedbackWhere(f, "at")
	return list(ctx, d, func(row scanner) (feedback.HelpfulCount, error) {
		var c feedback.HelpfulCount
		err := row.Scan(&c.ServiceID, &c.Yes, &c.No)
		return c, err
	}, `SELECT service_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END)
		FROM feedback_helpful`+w.String()+" GROUP BY service_id ORDER BY service_id", w.args...)
}

// RatingCounts counts satisfaction ratings per service.
func (d *DB) RatingCounts(ctx context.Context, f feedback.Filter) ([]feedback.RatingCount, error) {
	w := feedbackWhere(f, "updated_at")
	return list(ctx, d, func(row scanner) (feedback.RatingCount, error) {
		var c feedback.RatingCount
		err := row.Scan(&c.ServiceID, &c.Rating, &c.Count)
		return c, err
	}, "SELECT service_id, rating, COUNT(*) FROM feedback_satisfaction"+w.String()+
		" GROUP BY service_id, rating ORDER BY service_id, rating", w.args...)
}

// Comments lists the comments of page and satisfaction answers, newest
// first (each table queried on its own, then merged).
func (d *DB) Comments(ctx context.Context, f feedback.Filter) ([]feedback.Comment, error) {
	n := limit(f.Limit, 200, 5000)
	w := feedbackWhere(f, "at")
	w.conds = append(w.conds, "comment <> ''")
	pages, err := list(ctx, d, func(row scanner) (feedback.Comment, error) {
		c := feedback.Comment{Kind: feedback.KindPage}
		var yes bool
		err := row.Scan(&c.ServiceID, &yes, &c.Text, &c.At)
		c.Helpful, c.At = &yes, c.At.UTC()
		return c, err
	}, "SELECT service_id, helpful, comment, at FROM feedback_helpful"+w.String()+" ORDER BY at DESC, id DESC LIMIT ?",
		append(w.args, n)...)
	if err != nil {
		return nil, err
	}
	w = feedbackWhere(f, "updated_at")
	w.conds = append(w.conds, "comment <> ''")
	sats, err := list(ctx, d, func(row scanner) (feedback.Comment, error) {
		var c feedback.Comment
		var svc sql.NullInt64
		err := row.Scan(&svc, &c.Kind, &c.Rating, &c.Text, &c.At)
		c.ServiceID, c.At = svc.Int64, c.At.UTC()
		return c, err
	}, "SELECT service_id, kind, rating, comment, updated_at FROM feedback_satisfaction"+w.String()+
		" ORDER BY updated_at DESC, id DESC LIMIT ?", append(w.args, n)...)
	if err != nil {
		return nil, err
	}
	all := append(pages, sats...)
	slices.SortStableFunc(all, func(a, b feedback.Comment) int { return b.At.Compare(a.At) })
	return all[:min(n, len(all))], nil
}
