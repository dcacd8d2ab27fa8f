package sqlstore

import (
	"context"
	"database/sql"

	"rathaus/internal/promo"
)

// The promotion store: campaigns in promo_campaigns, scan counters per
// campaign and day in promo_scans (bumped by an upsert).

var _ promo.Store = (*DB)(nil)

const campaignCols = "c.id, c.code, c.service_id, c.name, c.medium, c.created_by, c.created_at"

func scanCampaign(row scanner, extra ...any) (*promo.Campaign, error) {
	var c promo.Campaign
	var by sql.NullInt64
	dest := append([]any{&c.ID, &c.Code, &c.ServiceID, &c.Name, &c.Medium, &by, &c.CreatedAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	c.CreatedBy, c.CreatedAt = nullInt(by), c.CreatedAt.UTC()
	return &c, nil
}

// CreateCampaign stores c and sets its ID.
func (d *DB) CreateCampaign(ctx context.Context, c *promo.Campaign) error {
	id, err := d.insertID(ctx, d.db, `INSERT INTO promo_campaigns (code, service_id, name, medium, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, c.Code, c.ServiceID, c.Name, c.Medium, c.CreatedBy, ts(c.CreatedAt))
	if err != nil {
		return err
	}
	c.ID, c.CreatedAt = id, ts(c.CreatedAt)
	return nil
}

// FindCampaign returns the campaign with code.
func (d *DB) FindCampaign(ctx context.Context, code string) (*promo.Campaign, error) {
	c, err := scanCampaign(d.queryRow(ctx, d.db, "SELECT "+campaignCols+" FROM promo_campaigns c WHERE c.code = ?", code))
	return c, d.mapErr(err)
}

// FindCampaigns lists the campaigns of serviceIDs (all for nil), newest
// first, with their total scans.
func (d *DB) FindCampaigns(ctx context.Context, serviceIDs []int64) ([]promo.Summary, error) {
	q := "SELECT " + campaignCols + ", COALESCE((SELECT SUM(s.scans) FROM promo_scans s WHERE s.campaign_id = c.id), 0) " +
		"FROM promo_campaigns c"
	var args []any
	if serviceIDs != nil {
		if len(serviceIDs) == 0 {
			return nil, nil
		}
		q += " WHERE c.service_id IN (" + placeholders(len(serviceIDs)) + ")"
		for _, id := range serviceIDs {
			args = append(args, id)
		}
	}
	q += " ORDER BY c.created_at DESC, c.id DESC"
	return list(ctx, d, func(row scanner) (promo.Summary, error) {
		var n int64
		c, err := scanCampaign(row, &n)
		if err != nil {
			return promo.Summary{}, err
		}
		return promo.Summary{Campaign: *c, Scans: int(n)}, nil
	}, q, args...)
}

// CountScan adds one scan to the campaign's counter of day.
func (d *DB) CountScan(ctx context.Context, campaignID int64, day string) error {
	_, err := d.exec(ctx, d.db, `INSERT INTO promo_scans (campaign_id, day, scans) VALUES (?, ?, 1)
		ON CONFLICT (campaign_id, day) DO UPDATE SET scans = promo_scans.scans + 1`, campaignID, day)
	return d.mapErr(err)
}

// ScansByDay lists the campaign's days with scans, oldest first.
func (d *DB) ScansByDay(ctx context.Context, campaignID int64) ([]promo.DayScans, error) {
	return list(ctx, d, func(row scanner) (promo.DayScans, error) {
		var s promo.DayScans
		var n int64
		err := row.Scan(&s.Day, &n)
		s.Scans = int(n)
		return s, err
	}, "SELECT day, scans FROM promo_scans WHERE campaign_id = ? ORDER BY day", campaignID)
}
