package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"rathaus/internal/dashboard"
)

// Seeding the funnel counters directly, for the demo city's history
// (internal/demo): nothing else writes them except drafts and
// submissions.

// HasFormFunnel reports whether any form funnel counters exist.
func (d *DB) HasFormFunnel(ctx context.Context) (bool, error) {
	var n int
	err := d.queryRow(ctx, d.db, "SELECT 1 FROM form_funnel_totals LIMIT 1").Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// SeedFormFunnel sets (not adds) the funnel counters of service in month:
// started, submitted and each step's passed count. For demo data only.
func (d *DB) SeedFormFunnel(ctx context.Context, month string, service int64, f dashboard.Funnel) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		var org sql.NullInt64
		err := d.queryRow(ctx, tx, "SELECT org_id FROM services WHERE id = ?", service).Scan(&org)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := d.exec(ctx, tx, `INSERT INTO form_funnel_totals (month, service_id, org_id, started, submitted) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (month, service_id) DO UPDATE SET started = excluded.started, submitted = excluded.submitted`,
			month, service, nullInt(org), f.Started, f.Submitted); err != nil {
			return err
		}
		for _, st := range f.Steps {
			if _, err := d.exec(ctx, tx, `INSERT INTO form_funnel (month, service_id, page_index, page_id, org_id, passed)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (service_id, month, page_index, page_id) DO UPDATE SET passed = excluded.passed`,
				month, service, st.Index, st.PageID, nullInt(org), st.Passed); err != nil {
				return err
			}
		}
		return nil
	})
}

// SeedCampaignDay sets (not adds) a campaign's scans, started and
// submitted applications of day. For demo data only.
func (d *DB) SeedCampaignDay(ctx context.Context, campaignID int64, day string, scans, started, submitted int) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, `INSERT INTO promo_scans (campaign_id, day, scans) VALUES (?, ?, ?)
			ON CONFLICT (campaign_id, day) DO UPDATE SET scans = excluded.scans`, campaignID, day, scans); err != nil {
			return err
		}
		_, err := d.exec(ctx, tx, `INSERT INTO promo_funnel (campaign_id, day, started, submitted) VALUES (?, ?, ?, ?)
			ON CONFLICT (campaign_id, day) DO UPDATE SET started = excluded.started, submitted = excluded.submitted`,
			campaignID, day, started, submitted)
		return err
	})
}
