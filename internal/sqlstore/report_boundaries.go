package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/report"
)

// The city's imported outline and districts: report_boundaries, one row
// per import, of which only the latest is kept.

var _ report.BoundaryStore = (*DB)(nil)

// SaveReportBoundaries stores b as the new latest version and deletes the
// ones before, in one transaction.
func (d *DB) SaveReportBoundaries(ctx context.Context, b *report.Boundaries) error {
	return d.tx(ctx, func(tx *sql.Tx) error { return d.saveReportBoundaries(ctx, tx, b) })
}

func (d *DB) saveReportBoundaries(ctx context.Context, tx *sql.Tx, b *report.Boundaries) error {
	var v int64
	err := d.queryRow(ctx, tx, `INSERT INTO report_boundaries (outline, districts, key_property, name_property,
		district_count, imported_by, imported_by_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING version`,
		b.Outline, b.Districts, b.KeyProperty, b.NameProperty, b.DistrictCount, b.ImportedBy, b.ImportedByName,
		b.ImportedAt).Scan(&v)
	if err != nil {
		return d.mapErr(err)
	}
	if _, err := d.exec(ctx, tx, "DELETE FROM report_boundaries WHERE version < ?", v); err != nil {
		return err
	}
	b.Version, b.ImportedAt = v, ts(b.ImportedAt)
	return nil
}

// SaveCheckedReportBoundaries keeps checked files under token and deletes
// the checked files of more than a day ago.
func (d *DB) SaveCheckedReportBoundaries(ctx context.Context, token string, b *report.Boundaries) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, "DELETE FROM report_boundaries_checked WHERE checked_at < ?",
			b.ImportedAt.Add(-24*time.Hour)); err != nil {
			return err
		}
		_, err := d.exec(ctx, tx, `INSERT INTO report_boundaries_checked (token, outline, districts, key_property,
			name_property, district_count, checked_by, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			token, b.Outline, b.Districts, b.KeyProperty, b.NameProperty, b.DistrictCount, b.ImportedBy, b.ImportedAt)
		return d.mapErr(err)
	})
}

// TakeCheckedReportBoundaries moves the files checked under token by
// b.ImportedBy into report_boundaries, in one transaction.
func (d *DB) TakeCheckedReportBoundaries(ctx context.Context, token string, b *report.Boundaries) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		err := d.queryRow(ctx, tx, `DELETE FROM report_boundaries_checked WHERE token = ? AND checked_by = ?
			RETURNING outline, districts, key_property, name_property, district_count`, token, b.ImportedBy).Scan(
			&b.Outline, &b.Districts, &b.KeyProperty, &b.NameProperty, &b.DistrictCount)
		if err != nil {
			return d.mapErr(err)
		}
		return d.saveReportBoundaries(ctx, tx, b)
	})
}

// FindReportBoundaries returns the latest boundaries or NotFound.
func (d *DB) FindReportBoundaries(ctx context.Context) (*report.Boundaries, error) {
	var b report.Boundaries
	var by sql.NullInt64
	err := d.queryRow(ctx, d.db, `SELECT version, outline, districts, key_property, name_property, district_count,
		imported_by, imported_by_name, imported_at FROM report_boundaries ORDER BY version DESC LIMIT 1`).Scan(
		&b.Version, &b.Outline, &b.Districts, &b.KeyProperty, &b.NameProperty, &b.DistrictCount, &by,
		&b.ImportedByName, &b.ImportedAt)
	if err != nil {
		return nil, d.mapErr(err)
	}
	b.ImportedBy, b.ImportedAt = nullInt(by), b.ImportedAt.UTC()
	return &b, nil
}

// ReportBoundariesVersion is the latest version, 0 when nothing was
// imported: one index lookup, cheap enough for every request.
func (d *DB) ReportBoundariesVersion(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	err := d.queryRow(ctx, d.db, "SELECT MAX(version) FROM report_boundaries").Scan(&v)
	return v.Int64, err
}
