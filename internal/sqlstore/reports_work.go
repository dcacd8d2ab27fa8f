package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
	"rathaus/internal/report"
)

// Work on reports beyond a plain update: photos published, notes and
// corrections read, duplicates merged, supports counted, figures for the
// dashboards, contact data purged.

// SetDefectPhotoPublic publishes or withdraws one photo of a report.
func (d *DB) SetDefectPhotoPublic(ctx context.Context, reportID, photoID int64, public bool) error {
	return mustAffect(d.exec(ctx, d.db, "UPDATE report_photos SET public = ? WHERE id = ? AND report_id = ?", public, photoID, reportID))
}

// FindDefectNotes returns a report's notes, oldest first; only the public
// ones when publicOnly.
func (d *DB) FindDefectNotes(ctx context.Context, reportID int64, publicOnly bool) ([]*report.Note, error) {
	return d.findDefectNotes(ctx, []any{reportID}, publicOnly)
}

// notesChunk is how many report IDs one query of FindDefectNotesFor binds,
// well below SQLite's and PostgreSQL's limits on parameters.
const notesChunk = 1000

// FindDefectNotesFor returns the notes of many reports by report ID, oldest
// first per report: one query per notesChunk IDs.
func (d *DB) FindDefectNotesFor(ctx context.Context, reportIDs []int64, publicOnly bool) (map[int64][]*report.Note, error) {
	out := map[int64][]*report.Note{}
	for len(reportIDs) > 0 {
		n := min(len(reportIDs), notesChunk)
		notes, err := d.findDefectNotes(ctx, anys(reportIDs[:n]), publicOnly)
		if err != nil {
			return nil, err
		}
		for _, note := range notes {
			out[note.ReportID] = append(out[note.ReportID], note)
		}
		reportIDs = reportIDs[n:]
	}
	return out, nil
}

// findDefectNotes reads the notes of the reports ids, oldest first.
func (d *DB) findDefectNotes(ctx context.Context, ids []any, publicOnly bool) ([]*report.Note, error) {
	var w where
	w.addIn("report_id", ids)
	if publicOnly {
		w.add("public = ?", true)
	}
	return list(ctx, d, func(row scanner) (*report.Note, error) {
		var n report.Note
		var author sql.NullInt64
		var status string
		err := row.Scan(&n.ID, &n.ReportID, &n.Public, &status, &n.Text, &author, &n.At)
		n.Status, n.AuthorID, n.At = report.Status(status), nullInt(author), n.At.UTC()
		return &n, err
	}, "SELECT id, report_id, public, status, text, author_id, at FROM report_notes"+w.String()+" ORDER BY at, id", w.args...)
}

// FindDefectCorrections returns a report's corrections, oldest first; for
// every report when reportID is 0.
func (d *DB) FindDefectCorrections(ctx context.Context, reportID int64) ([]*report.Correction, error) {
	var w where
	if reportID != 0 {
		w.add("report_id = ?", reportID)
	}
	return list(ctx, d, func(row scanner) (*report.Correction, error) {
		var c report.Correction
		var staff sql.NullInt64
		err := row.Scan(&c.ID, &c.ReportID, &c.Field, &c.From, &c.To, &staff, &c.At)
		c.StaffID, c.At = nullInt(staff), c.At.UTC()
		return &c, err
	}, "SELECT id, report_id, field, from_value, to_value, staff_id, at FROM report_corrections"+w.String()+" ORDER BY id", w.args...)
}

// MergeDefectReports closes dup into the report it names and moves its
// supporters over, each once; the duplicate's reporter counts as one.
func (d *DB) MergeDefectReports(ctx context.Context, dup *report.Report, version int, ch report.Change) (int, error) {
	if dup.DuplicateOf == nil || *dup.DuplicateOf == dup.ID {
		return 0, fault.New(fault.Invalid, "error.reports.merge_self")
	}
	orig := *dup.DuplicateOf
	var count int
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var status string
		if err := d.queryRow(ctx, tx, "SELECT status FROM reports WHERE id = ?"+d.dialect.forUpdate(), orig).Scan(&status); err != nil {
			return err
		}
		if report.Status(status) == report.StatusMerged {
			return fault.New(fault.Conflict, "error.reports.merge_merged")
		}
		if err := d.updateDefect(ctx, tx, dup, version); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, `INSERT INTO report_supports (report_id, supporter, at)
			SELECT CAST(? AS BIGINT), s.supporter, s.at FROM report_supports s WHERE s.report_id = ? AND NOT EXISTS
			(SELECT 1 FROM report_supports o WHERE o.report_id = ? AND o.supporter = s.supporter)`, orig, dup.ID, orig); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, `INSERT INTO report_supports (report_id, supporter, at) VALUES (?, ?, ?)
			ON CONFLICT (report_id, supporter) DO NOTHING`, orig, "report:"+strconv.FormatInt(dup.ID, 10), dup.UpdatedAt); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "DELETE FROM report_supports WHERE report_id = ?", dup.ID); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "UPDATE reports SET supporters = 0 WHERE id = ?", dup.ID); err != nil {
			return err
		}
		if err := d.queryRow(ctx, tx, `UPDATE reports SET supporters = (SELECT COUNT(*) FROM report_supports WHERE report_id = ?)
			WHERE id = ? RETURNING supporters`, orig, orig).Scan(&count); err != nil {
			return err
		}
		return d.defectChange(ctx, tx, dup, ch)
	})
	if err != nil {
		return 0, d.mapErr(err)
	}
	dup.Version, dup.Supporters = version+1, 0
	return count, nil
}

// SupportDefectReport counts supporter once for an open report and
// returns whether it was new and the report's count.
func (d *DB) SupportDefectReport(ctx context.Context, reportID int64, supporter string, at time.Time, evs []processlog.Event) (bool, int, error) {
	var added bool
	var count int
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var status, ref string
		err := d.queryRow(ctx, tx, "SELECT status, reference, supporters FROM reports WHERE id = ?"+d.dialect.forUpdate(),
			reportID).Scan(&status, &ref, &count)
		if err != nil {
			return err
		}
		if !report.Status(status).Open() {
			return fault.New(fault.Conflict, "error.reports.closed")
		}
		n, err := affected(d.exec(ctx, tx, `INSERT INTO report_supports (report_id, supporter, at) VALUES (?, ?, ?)
			ON CONFLICT (report_id, supporter) DO NOTHING`, reportID, supporter, at))
		if err != nil || n == 0 {
			return err
		}
		added = true
		if err := d.queryRow(ctx, tx, "UPDATE reports SET supporters = supporters + 1 WHERE id = ? RETURNING supporters",
			reportID).Scan(&count); err != nil {
			return err
		}
		return d.insertEvents(ctx, tx, withCase(evs, ref))
	})
	return added, count, d.mapErr(err)
}

// DefectReportTimes returns the figures of the organisation's reports
// requested in [From, To), merged ones left out.
func (d *DB) DefectReportTimes(ctx context.Context, f report.StatsFilter) ([]report.Times, error) {
	return list(ctx, d, func(row scanner) (report.Times, error) {
		var t report.Times
		var status string
		var first, closed sql.NullTime
		var unit sql.NullInt64
		err := row.Scan(&t.CategoryID, &t.AreaID, &unit, &status, &t.RequestedAt, &first, &closed)
		t.UnitID = unit.Int64
		t.Status, t.RequestedAt, t.FirstAnswerAt, t.ClosedAt = report.Status(status), t.RequestedAt.UTC(), nullTime(first), nullTime(closed)
		return t, err
	}, `SELECT category_id, area_id, unit_id, status, requested_at, first_answer_at, closed_at FROM reports
		WHERE org_id = ? AND requested_at >= ? AND requested_at < ? AND status <> ? ORDER BY id`,
		f.OrgID, f.From, f.To, string(report.StatusMerged))
}

// PurgeDefectContacts clears the reporter's contact data and device of
// reports closed before t.
func (d *DB) PurgeDefectContacts(ctx context.Context, closedBefore time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, `UPDATE reports SET email = '', name = '', phone = '', account_id = NULL, device_id = ''
		WHERE closed_at < ? AND status NOT IN (?, ?)
		AND (email <> '' OR name <> '' OR phone <> '' OR account_id IS NOT NULL OR device_id <> '')`,
		closedBefore, string(report.StatusReceived), string(report.StatusInProgress)))
}
