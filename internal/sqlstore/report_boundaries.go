package sqlstore

import (
	"context"
	"database/sql"

	"rathaus/internal/report"
)

// The city's imported outline and districts: report_boundaries, one row
// per import, of which only the latest is kept.

var _ report.BoundaryStore = (*DB)(nil)

// SaveReportBoundaries stores b as the new latest version and deletes the
// ones before, in one transaction.
func (d *DB) SaveReportBoundaries(ctx context.Context, b *report.Boundaries) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
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
