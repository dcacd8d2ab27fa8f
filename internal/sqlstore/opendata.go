package sqlstore

import (
	"context"
	"math"
	"sort"
	"strings"

	"rathaus/internal/appointment"
	"rathaus/internal/opendata"
	"rathaus/internal/participation"
)

// OpenDataApplications counts applications per month (in the city's
// time), service and channel. It reads the dashboards' rollups, a few
// rows per service and month however many cases there are, which the
// periodic refresh keeps at most its period behind; a database never
// refreshed is refreshed first. The services' names are read apart.
func (d *DB) OpenDataApplications(ctx context.Context) ([]opendata.ApplicationCount, error) {
	var refreshed anyTime
	if err := d.queryRow(ctx, d.db, "SELECT refreshed_at FROM dashboard_state WHERE id = 1").Scan(&refreshed); err != nil {
		return nil, err
	}
	if refreshed.T.IsZero() {
		if _, err := d.RefreshDashboard(ctx); err != nil {
			return nil, err
		}
	}
	counts, err := list(ctx, d, func(row scanner) (opendata.ApplicationCount, error) {
		var c opendata.ApplicationCount
		err := row.Scan(&c.Month, &c.ServiceID, &c.Channel, &c.Count)
		c.Channel = strings.TrimPrefix(c.Channel, metricCasePrefix)
		return c, err
	}, `SELECT month, service_id, metric, SUM(n) FROM dashboard_counts WHERE service_id > 0 AND metric LIKE ?
		GROUP BY month, service_id, metric ORDER BY 1, 2, 3`, metricCasePrefix+"%")
	if err != nil || len(counts) == 0 {
		return counts, err
	}
	names := map[int64]string{}
	rows, err := d.query(ctx, d.db, "SELECT id, name FROM services")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		names[id] = name
	}
	for i := range counts {
		counts[i].Service = names[counts[i].ServiceID]
	}
	return counts, rows.Err()
}

// OpenDataRatings counts satisfaction ratings per service and rating.
func (d *DB) OpenDataRatings(ctx context.Context) ([]opendata.RatingCount, error) {
	return list(ctx, d, func(row scanner) (opendata.RatingCount, error) {
		var c opendata.RatingCount
		err := row.Scan(&c.ServiceID, &c.Service, &c.Rating, &c.Count)
		return c, err
	}, `SELECT f.service_id, COALESCE(s.name, ''), f.rating, COUNT(*)
		FROM feedback_satisfaction f LEFT JOIN services s ON s.id = f.service_id
		WHERE f.service_id <> 0 GROUP BY 1, 2, 3 ORDER BY 1, 3`)
}

// OpenDataIdeas counts published ideas per space and status.
func (d *DB) OpenDataIdeas(ctx context.Context) ([]opendata.IdeaCount, error) {
	return list(ctx, d, func(row scanner) (opendata.IdeaCount, error) {
		var c opendata.IdeaCount
		var id int64
		err := row.Scan(&id, &c.Space, &c.Status, &c.Count)
		return c, err
	}, `SELECT p.id, p.title, i.status, COUNT(*) FROM ideas i JOIN participation_spaces p ON p.id = i.space_id
		WHERE i.moderation = ? GROUP BY 1, 2, 3 ORDER BY 1, 3`, participation.Published)
}

// OpenDataWaits gives, per month of the appointment and office, the days
// from booking to appointment (median, 90th percentile) of bookings that
// were kept or at least confirmed; held, expired and cancelled ones are
// left out. The percentiles are computed here, as SQLite has none.
func (d *DB) OpenDataWaits(ctx context.Context) ([]opendata.WaitTime, error) {
	rows, err := d.query(ctx, d.db, `SELECT b.office_id, o.name, b.start_at, b.created_at
		FROM bookings b JOIN offices o ON o.id = b.office_id
		WHERE b.status NOT IN (?, ?, ?)`, appointment.Held, appointment.Expired, appointment.Cancelled)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type key struct {
		month  string
		office int64
	}
	days, names := map[key][]float64{}, map[int64]string{}
	for rows.Next() {
		var k key
		var name string
		var start, created anyTime
		if err := rows.Scan(&k.office, &name, &start, &created); err != nil {
			return nil, err
		}
		k.month, names[k.office] = start.T.Format("2006-01"), name
		days[k] = append(days[k], math.Max(0, start.T.Sub(created.T).Hours()/24))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]opendata.WaitTime, 0, len(days))
	for k, ds := range days {
		sort.Float64s(ds)
		out = append(out, opendata.WaitTime{Month: k.month, OfficeID: k.office, Office: names[k.office],
			Bookings: len(ds), MedianDays: participationMedian(ds), P90Days: ds[int(math.Ceil(0.9*float64(len(ds))))-1]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Month != out[j].Month {
			return out[i].Month < out[j].Month
		}
		return out[i].OfficeID < out[j].OfficeID
	})
	return out, nil
}
