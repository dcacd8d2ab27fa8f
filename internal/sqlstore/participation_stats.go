package sqlstore

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"rathaus/internal/participation"
)

// SpaceStats counts a space's published ideas (not pending, hidden or
// merged): per status, their supports and published comments, and the
// promise of an answer: ideas over the threshold, answered by their due
// date or after it, unanswered past it (at now), and the median days from
// reaching the threshold to the answer. NotFound when there is no space.
func (d *DB) SpaceStats(ctx context.Context, spaceID int64, now time.Time) (*participation.Stats, error) {
	if _, err := d.FindSpace(ctx, spaceID); err != nil {
		return nil, err
	}
	rows, err := d.query(ctx, d.db, `SELECT status, supports, comments, threshold_at, answer_due, answered_at
		FROM ideas WHERE space_id = ? AND moderation = ?`, spaceID, participation.Published)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	st := &participation.Stats{ByStatus: map[string]int{}}
	var answerDays []float64
	for rows.Next() {
		var status string
		var supports, comments int
		var threshold, due, answered sql.NullTime
		if err := rows.Scan(&status, &supports, &comments, &threshold, &due, &answered); err != nil {
			return nil, err
		}
		st.Ideas++
		st.ByStatus[status]++
		st.Supports += supports
		st.Comments += comments
		if !threshold.Valid {
			continue
		}
		st.Due++
		switch {
		case answered.Valid && (!due.Valid || !answered.Time.After(due.Time)):
			st.AnsweredInTime++
		case answered.Valid:
			st.AnsweredLate++
		case due.Valid && due.Time.Before(now):
			st.Overdue++
		}
		if answered.Valid {
			answerDays = append(answerDays, answered.Time.Sub(threshold.Time).Hours()/24)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	st.MedianAnswerDays = participationMedian(answerDays)
	return st, nil
}

// participationMedian is the median of vs, 0 for none.
func participationMedian(vs []float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	sort.Float64s(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2]
	}
	return (vs[n/2-1] + vs[n/2]) / 2
}
