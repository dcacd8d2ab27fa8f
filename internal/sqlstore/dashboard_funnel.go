package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/dashboard"
	"rathaus/internal/fault"
	"rathaus/internal/promo"
)

// The form funnel (migration 0018): counters per month of an
// application's start and service in form_funnel_totals (started,
// submitted) and form_funnel (passed, per page), and per campaign and day
// in promo_funnel. SaveDraft and CreateCase keep them in their own
// transactions; a draft's row remembers its start month, campaign and the
// furthest page reached, so each application counts once per page. The
// scope's OrgID is the service's responsible unit when the application
// was started (like a case's org_id).

// funnelMonth is the month of t in the city's time zone.
func funnelMonth(t time.Time) string { return t.In(dashboard.Location).Format("2006-01") }

// funnelDay is the calendar day of t in the city's time zone.
func funnelDay(t time.Time) string { return t.In(dashboard.Location).Format(time.DateOnly) }

// funnelStart counts the new draft dr as a started application, the pages
// it passed already, and a start of its campaign.
func (d *DB) funnelStart(ctx context.Context, tx *sql.Tx, dr *cases.Draft) error {
	var org sql.NullInt64
	err := d.queryRow(ctx, tx, "SELECT org_id FROM services WHERE id = ?", dr.ServiceID).Scan(&org)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	orgID := nullInt(org)
	if _, err := d.exec(ctx, tx, `INSERT INTO form_funnel_totals (month, service_id, org_id, started, submitted) VALUES (?, ?, ?, 1, 0)
		ON CONFLICT (month, service_id) DO UPDATE SET started = form_funnel_totals.started + 1`,
		dr.FunnelMonth, dr.ServiceID, orgID); err != nil {
		return err
	}
	if err := d.funnelPages(ctx, tx, dr, orgID, 0); err != nil {
		return err
	}
	if dr.Campaign == "" {
		return nil
	}
	_, err = d.exec(ctx, tx, `INSERT INTO promo_funnel (campaign_id, day, started, submitted)
		SELECT id, ?, 1, 0 FROM promo_campaigns WHERE code = ? AND service_id = ?
		ON CONFLICT (campaign_id, day) DO UPDATE SET started = promo_funnel.started + 1`,
		funnelDay(dr.UpdatedAt), dr.Campaign, dr.ServiceID)
	return err
}

// funnelProgress counts the pages dr passed beyond the furthest page it
// had reached, when the draft counts at all, and keeps the new furthest.
func (d *DB) funnelProgress(ctx context.Context, tx *sql.Tx, dr *cases.Draft) error {
	var old int
	err := d.queryRow(ctx, tx, "SELECT funnel_month, funnel_reached FROM case_drafts WHERE id = ?"+d.dialect.forUpdate(), dr.ID).
		Scan(&dr.FunnelMonth, &old)
	if err != nil {
		return err
	}
	dr.Reached = max(old, dr.Progress.Reached)
	if dr.FunnelMonth == "" || dr.Progress.Reached <= old {
		return nil
	}
	var org sql.NullInt64
	err = d.queryRow(ctx, tx, "SELECT org_id FROM form_funnel_totals WHERE month = ? AND service_id = ?", dr.FunnelMonth, dr.ServiceID).
		Scan(&org)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if err := d.funnelPages(ctx, tx, dr, nullInt(org), old); err != nil {
		return err
	}
	_, err = d.exec(ctx, tx, "UPDATE case_drafts SET funnel_reached = ? WHERE id = ?", dr.Reached, dr.ID)
	return err
}

// funnelPages bumps the pages dr.Progress passed whose index is at least
// from and below the page reached.
func (d *DB) funnelPages(ctx context.Context, tx *sql.Tx, dr *cases.Draft, org *int64, from int) error {
	for _, p := range dr.Progress.Passed {
		if p.Index < from || p.Index >= dr.Progress.Reached {
			continue
		}
		if _, err := d.exec(ctx, tx, `INSERT INTO form_funnel (month, service_id, page_index, page_id, org_id, passed)
			VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (service_id, month, page_index, page_id)
			DO UPDATE SET passed = form_funnel.passed + 1`, dr.FunnelMonth, dr.ServiceID, p.Index, p.ID, org); err != nil {
			return err
		}
	}
	return nil
}

// funnelSubmit counts the submission of draft id at time at: for its
// start month when the draft was counted, and for its campaign on the
// day of at. The caller deletes the draft in the same transaction.
func (d *DB) funnelSubmit(ctx context.Context, tx *sql.Tx, draftID int64, at time.Time) error {
	var service int64
	var campaign, month string
	err := d.queryRow(ctx, tx, "SELECT service_id, campaign, funnel_month FROM case_drafts WHERE id = ?", draftID).
		Scan(&service, &campaign, &month)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	if month != "" {
		if _, err := d.exec(ctx, tx, "UPDATE form_funnel_totals SET submitted = submitted + 1 WHERE month = ? AND service_id = ?",
			month, service); err != nil {
			return err
		}
	}
	if campaign == "" {
		return nil
	}
	_, err = d.exec(ctx, tx, `INSERT INTO promo_funnel (campaign_id, day, started, submitted)
		SELECT id, ?, 0, 1 FROM promo_campaigns WHERE code = ? AND service_id = ?
		ON CONFLICT (campaign_id, day) DO UPDATE SET submitted = promo_funnel.submitted + 1`, funnelDay(at), campaign, service)
	return err
}

// funnelRange checks r: two months "2006-01", From not after To.
func funnelRange(r dashboard.Range) error {
	from, err1 := time.Parse("2006-01", r.From)
	to, err2 := time.Parse("2006-01", r.To)
	if err1 != nil || err2 != nil || from.After(to) {
		return fault.New(fault.Invalid, "error.funnel.range")
	}
	return nil
}

// DashboardFunnel sums the form funnel of the applications started in
// r's months within s. Steps list the pages of s.ServiceID's form in
// order (by index; a page renamed in a new form version shows under both
// IDs); without a service they are empty. OrgID selects the services'
// responsible unit at the applications' start, with the units below it.
func (d *DB) DashboardFunnel(ctx context.Context, s dashboard.Scope, r dashboard.Range) (*dashboard.Funnel, error) {
	if err := funnelRange(r); err != nil {
		return nil, err
	}
	w := where{}
	w.add("month >= ?", r.From)
	w.add("month <= ?", r.To)
	if s.ServiceID != 0 {
		w.add("service_id = ?", s.ServiceID)
	}
	if s.OrgID != 0 {
		w.add("org_id IN "+orgSubtree, s.OrgID)
	}
	out := &dashboard.Funnel{Steps: []dashboard.FunnelStep{}}
	err := d.queryRow(ctx, d.db, "SELECT CAST(COALESCE(SUM(started), 0) AS BIGINT), CAST(COALESCE(SUM(submitted), 0) AS BIGINT) "+
		"FROM form_funnel_totals"+w.String(), w.args...).Scan(&out.Started, &out.Submitted)
	if err != nil || s.ServiceID == 0 {
		return out, err
	}
	steps, err := list(ctx, d, func(row scanner) (dashboard.FunnelStep, error) {
		var st dashboard.FunnelStep
		err := row.Scan(&st.Index, &st.PageID, &st.Passed)
		return st, err
	}, "SELECT page_index, page_id, CAST(SUM(passed) AS BIGINT) FROM form_funnel"+w.String()+
		" GROUP BY page_index, page_id ORDER BY page_index, page_id", w.args...)
	if err != nil {
		return nil, err
	}
	if steps != nil {
		out.Steps = steps
	}
	return out, nil
}

// CampaignFunnel lists the campaign's days with scans, started or
// submitted applications, oldest first.
func (d *DB) CampaignFunnel(ctx context.Context, campaignID int64) ([]promo.DayFunnel, error) {
	return list(ctx, d, func(row scanner) (promo.DayFunnel, error) {
		var f promo.DayFunnel
		var scans, started, submitted int64
		err := row.Scan(&f.Day, &scans, &started, &submitted)
		f.Scans, f.Started, f.Submitted = int(scans), int(started), int(submitted)
		return f, err
	}, `SELECT day, CAST(SUM(scans) AS BIGINT), CAST(SUM(started) AS BIGINT), CAST(SUM(submitted) AS BIGINT) FROM (
		SELECT day, scans, 0 AS started, 0 AS submitted FROM promo_scans WHERE campaign_id = ?
		UNION ALL SELECT day, 0, started, submitted FROM promo_funnel WHERE campaign_id = ?) f
		GROUP BY day ORDER BY day`, campaignID, campaignID)
}
