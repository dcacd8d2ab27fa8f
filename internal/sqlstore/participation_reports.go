package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

const reportCols = "id, target, target_id, reporter_id, reason, note, at, resolved_at, resolved_by, outcome"

func scanReport(row scanner) (*participation.Report, error) {
	var r participation.Report
	var reporter, by sql.NullInt64
	var resolved sql.NullTime
	if err := row.Scan(&r.ID, &r.Target, &r.TargetID, &reporter, &r.Reason, &r.Note, &r.At, &resolved, &by, &r.Outcome); err != nil {
		return nil, err
	}
	r.ReporterID, r.ResolvedBy, r.ResolvedAt, r.At = nullInt(reporter), nullInt(by), nullTime(resolved), r.At.UTC()
	return &r, nil
}

// AddReport inserts r, setting its ID.
func (d *DB) AddReport(ctx context.Context, r *participation.Report) error {
	id, err := d.insertID(ctx, d.db, `INSERT INTO participation_reports (target, target_id, reporter_id, reason, note, at,
		resolved_at, resolved_by, outcome) VALUES (`+placeholders(9)+")",
		r.Target, r.TargetID, r.ReporterID, r.Reason, r.Note, r.At, r.ResolvedAt, r.ResolvedBy, r.Outcome)
	if err != nil {
		return err
	}
	r.ID = id
	return nil
}

// FindReports lists matching reports, newest first (100 by default, at
// most 1000).
func (d *DB) FindReports(ctx context.Context, f participation.ReportFilter) ([]*participation.Report, error) {
	var w where
	if f.SpaceID != 0 {
		w.conds = append(w.conds, `((target = 'idea' AND target_id IN (SELECT id FROM ideas WHERE space_id = ?))
			OR (target = 'comment' AND target_id IN (SELECT c.id FROM idea_comments c JOIN ideas i ON i.id = c.idea_id WHERE i.space_id = ?)))`)
		w.args = append(w.args, f.SpaceID, f.SpaceID)
	}
	if f.Open {
		w.conds = append(w.conds, "resolved_at IS NULL")
	}
	q := "SELECT " + reportCols + " FROM participation_reports" + w.String() + " ORDER BY at DESC, id DESC LIMIT ?"
	return list(ctx, d, scanReport, q, append(w.args, limit(f.Limit, 100, 1000))...)
}

// pseudonymKey is the form in which pseudonyms are compared.
func pseudonymKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// SaveProfile creates or replaces the account's profile. A pseudonym
// another account uses (in any case) is the field error
// "error.participation.pseudonym_taken".
func (d *DB) SaveProfile(ctx context.Context, p *participation.Profile) error {
	_, err := d.exec(ctx, d.db, `INSERT INTO participation_profiles (user_id, pseudonym, pseudonym_key, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET pseudonym = excluded.pseudonym, pseudonym_key = excluded.pseudonym_key, updated_at = excluded.updated_at`,
		p.UserID, p.Pseudonym, pseudonymKey(p.Pseudonym), p.UpdatedAt)
	if d.dialect.isUnique(err) {
		return fault.Fields(fault.FieldError{Field: "pseudonym", Key: "error.participation.pseudonym_taken"})
	}
	return err
}

// FindProfile returns the account's profile, NotFound without one.
func (d *DB) FindProfile(ctx context.Context, userID int64) (*participation.Profile, error) {
	p := participation.Profile{UserID: userID}
	err := d.queryRow(ctx, d.db, "SELECT pseudonym, updated_at FROM participation_profiles WHERE user_id = ?", userID).Scan(&p.Pseudonym, &p.UpdatedAt)
	if err != nil {
		return nil, d.mapErr(err)
	}
	p.UpdatedAt = p.UpdatedAt.UTC()
	return &p, nil
}

// PseudonymTaken reports whether an account other than userID uses name,
// compared case-insensitively.
func (d *DB) PseudonymTaken(ctx context.Context, name string, userID int64) (bool, error) {
	return d.anyRow(ctx, "SELECT COUNT(*) FROM participation_profiles WHERE pseudonym_key = ? AND user_id <> ?", pseudonymKey(name), userID)
}
