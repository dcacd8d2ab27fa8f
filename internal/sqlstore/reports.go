package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
	"rathaus/internal/report"
)

// The reports: one row each (answers as JSON text, a lower-case search
// column of reference, description and address), photos in report_photos,
// references counted per year in report_sequences.

const defectWriteCols = "reference, org_id, category_id, lat, lon, address, address_id, zipcode, area_id, description, answers, " +
	"email, name, phone, account_id, device_id, status, forwarded_to, unit_id, duplicate_of, supporters, personal_hidden, " +
	"suggested_code, suggested_confidence, source, client_id, token, search, version, requested_at, updated_at, expected_at, " +
	"first_answer_at, closed_at"

const defectCols = "id, " + defectWriteCols

func defectSearch(r *report.Report) string {
	return strings.ToLower(r.Reference + " " + r.Description + " " + r.Location.Address)
}

func defectArgs(r *report.Report) ([]any, error) {
	answers := r.Answers
	if answers == nil {
		answers = map[string][]string{}
	}
	a, err := json.Marshal(answers)
	if err != nil {
		return nil, err
	}
	l, c := r.Location, r.Contact
	return []any{r.Reference, r.OrgID, r.CategoryID, l.Lat, l.Long, l.Address, l.AddressID, l.Zipcode, l.AreaID, r.Description,
		string(a), c.Email, c.Name, c.Phone, c.AccountID, r.DeviceID, string(r.Status), r.ForwardedTo, r.UnitID, r.DuplicateOf,
		r.Supporters, r.PersonalHidden, r.Suggested.Code, r.Suggested.Confidence, r.Source, r.ClientID, r.Token,
		defectSearch(r), r.Version, r.RequestedAt, r.UpdatedAt, r.ExpectedAt, r.FirstAnswerAt, r.ClosedAt}, nil
}

func scanDefect(row scanner) (*report.Report, error) {
	var r report.Report
	var lat, lon sql.NullFloat64
	var account, unit, dup sql.NullInt64
	var expected, first, closed sql.NullTime
	var answers, status, search string
	l, c := &r.Location, &r.Contact
	err := row.Scan(&r.ID, &r.Reference, &r.OrgID, &r.CategoryID, &lat, &lon, &l.Address, &l.AddressID, &l.Zipcode, &l.AreaID,
		&r.Description, &answers, &c.Email, &c.Name, &c.Phone, &account, &r.DeviceID, &status, &r.ForwardedTo, &unit, &dup,
		&r.Supporters, &r.PersonalHidden, &r.Suggested.Code, &r.Suggested.Confidence, &r.Source, &r.ClientID, &r.Token,
		&search, &r.Version, &r.RequestedAt, &r.UpdatedAt, &expected, &first, &closed)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(answers), &r.Answers); err != nil {
		return nil, err
	}
	if len(r.Answers) == 0 {
		r.Answers = nil
	}
	if lat.Valid && lon.Valid {
		l.Lat, l.Long = &lat.Float64, &lon.Float64
	}
	r.Status = report.Status(status)
	c.AccountID, r.UnitID, r.DuplicateOf = nullInt(account), nullInt(unit), nullInt(dup)
	r.ExpectedAt, r.FirstAnswerAt, r.ClosedAt = nullTime(expected), nullTime(first), nullTime(closed)
	r.RequestedAt, r.UpdatedAt = r.RequestedAt.UTC(), r.UpdatedAt.UTC()
	return &r, nil
}

// CreateDefectReport stores r with its photos, reference and events.
func (d *DB) CreateDefectReport(ctx context.Context, r *report.Report, evs []processlog.Event) error {
	c := *r
	c.Version = 1
	c.Photos = append([]report.Photo(nil), r.Photos...)
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.RequestedAt
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var n int
		year := c.RequestedAt.UTC().Year()
		err := d.queryRow(ctx, tx, `INSERT INTO report_sequences (year, last_number) VALUES (?, 1)
			ON CONFLICT (year) DO UPDATE SET last_number = report_sequences.last_number + 1 RETURNING last_number`,
			year).Scan(&n)
		if err != nil {
			return err
		}
		c.Reference = report.Reference(year, n)
		args, err := defectArgs(&c)
		if err != nil {
			return err
		}
		if c.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO reports ("+defectWriteCols+") VALUES ("+placeholders(len(args))+")",
			args...); err != nil {
			return err
		}
		for i := range c.Photos {
			p := &c.Photos[i]
			if p.ID, err = d.insertIDRaw(ctx, tx, `INSERT INTO report_photos (report_id, file_key, content_type, size, width,
				height, public) VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, p.Key, p.ContentType, p.Size, p.Width, p.Height, p.Public); err != nil {
				return err
			}
		}
		return d.insertEvents(ctx, tx, withCase(evs, c.Reference))
	})
	if err != nil {
		return d.mapErr(err)
	}
	c.RequestedAt, c.UpdatedAt = ts(c.RequestedAt), ts(c.UpdatedAt)
	*r = c
	return nil
}

// withCase names the report in events without a case.
func withCase(evs []processlog.Event, ref string) []processlog.Event {
	for i := range evs {
		if evs[i].CaseID == "" {
			evs[i].CaseID = ref
		}
	}
	return evs
}

// FindDefectReport returns a report with its photos or NotFound.
func (d *DB) FindDefectReport(ctx context.Context, id int64) (*report.Report, error) {
	return d.findDefect(ctx, "id = ?", id)
}

// FindDefectReportByReference returns the report with the reference or NotFound.
func (d *DB) FindDefectReportByReference(ctx context.Context, ref string) (*report.Report, error) {
	return d.findDefect(ctx, "reference = ?", ref)
}

// FindDefectReportByToken returns the report created with the token or NotFound.
func (d *DB) FindDefectReportByToken(ctx context.Context, token string) (*report.Report, error) {
	if token == "" {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return d.findDefect(ctx, "token = ?", token)
}

func (d *DB) findDefect(ctx context.Context, cond string, arg any) (*report.Report, error) {
	r, err := scanDefect(d.queryRow(ctx, d.db, "SELECT "+defectCols+" FROM reports WHERE "+cond, arg))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return r, d.loadDefectPhotos(ctx, []*report.Report{r})
}

// loadDefectPhotos fills the photos of rs.
func (d *DB) loadDefectPhotos(ctx context.Context, rs []*report.Report) error {
	if len(rs) == 0 {
		return nil
	}
	byID := map[int64]*report.Report{}
	ids := make([]any, len(rs))
	for i, r := range rs {
		byID[r.ID], ids[i] = r, r.ID
	}
	type row struct {
		report int64
		p      report.Photo
	}
	photos, err := list(ctx, d, func(s scanner) (row, error) {
		var r row
		err := s.Scan(&r.report, &r.p.ID, &r.p.Key, &r.p.ContentType, &r.p.Size, &r.p.Width, &r.p.Height, &r.p.Public)
		return r, err
	}, "SELECT report_id, id, file_key, content_type, size, width, height, public FROM report_photos WHERE report_id IN ("+
		placeholders(len(ids))+") ORDER BY id", ids...)
	if err != nil {
		return err
	}
	for _, p := range photos {
		byID[p.report].Photos = append(byID[p.report].Photos, p.p)
	}
	return nil
}

var defectOrders = map[string]string{
	report.OrderNewest:     "requested_at DESC, id DESC",
	report.OrderOldest:     "requested_at, id",
	report.OrderUpdated:    "updated_at DESC, id DESC",
	report.OrderSupporters: "supporters DESC, requested_at DESC, id DESC",
}

// FindDefectReports returns one page of the matching reports and their number.
func (d *DB) FindDefectReports(ctx context.Context, f report.Filter) ([]*report.Report, int, error) {
	w := defectFilter(f)
	var total int
	if err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM reports"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	order, ok := defectOrders[f.Order]
	if !ok {
		order = defectOrders[report.OrderNewest]
	}
	q := "SELECT " + defectCols + " FROM reports" + w.String() + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	out, err := list(ctx, d, scanDefect, q, append(w.args, limit(f.Limit, 100, 1000), max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, err
	}
	return out, total, d.loadDefectPhotos(ctx, out)
}

func defectFilter(f report.Filter) *where {
	var w where
	if f.OrgID != 0 {
		w.add("org_id = ?", f.OrgID)
	}
	if f.Statuses != nil {
		ss := make([]any, len(f.Statuses))
		for i, st := range f.Statuses {
			ss[i] = string(st)
		}
		w.addIn("status", ss)
	}
	if f.CategoryIDs != nil {
		w.addIn("category_id", anys(f.CategoryIDs))
	}
	if f.UnitIDs != nil {
		w.addIn("unit_id", anys(f.UnitIDs))
	}
	if f.AreaID != "" {
		w.add("area_id = ?", f.AreaID)
	}
	if f.AccountID != nil {
		w.add("account_id = ?", *f.AccountID)
	}
	if b := f.BBox; b != nil {
		w.conds = append(w.conds, "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
		w.args = append(w.args, b.MinLat, b.MaxLat, b.MinLong, b.MaxLong)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add(`search LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.ToLower(q))+"%")
	}
	if f.From != nil {
		w.add("requested_at >= ?", *f.From)
	}
	if f.To != nil {
		w.add("requested_at < ?", *f.To)
	}
	if f.UpdatedFrom != nil {
		w.add("updated_at >= ?", *f.UpdatedFrom)
	}
	if f.Reference != "" {
		w.add("reference = ?", f.Reference)
	}
	return &w
}

// NearbyDefectReports returns open, unmerged reports near a point: a bounding
// box in SQL, the exact distance in Go.
func (d *DB) NearbyDefectReports(ctx context.Context, n report.Nearby) ([]*report.Report, error) {
	b := report.Around(n.Lat, n.Long, n.Radius)
	f := report.Filter{OrgID: n.OrgID, Statuses: []report.Status{report.StatusReceived, report.StatusInProgress},
		BBox: &b, From: &n.Since, Limit: 1000}
	if n.CategoryID != 0 {
		f.CategoryIDs = []int64{n.CategoryID}
	}
	rs, _, err := d.FindDefectReports(ctx, f)
	if err != nil {
		return nil, err
	}
	return n.Close(rs), nil
}

// UpdateDefectReport writes r at version with ch.
func (d *DB) UpdateDefectReport(ctx context.Context, r *report.Report, version int, ch report.Change) error {
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.updateDefect(ctx, tx, r, version); err != nil {
			return err
		}
		return d.defectChange(ctx, tx, r, ch)
	})
	if err != nil {
		return d.mapErr(err)
	}
	r.Version = version + 1
	return nil
}

func (d *DB) updateDefect(ctx context.Context, tx *sql.Tx, r *report.Report, version int) error {
	n, err := affected(d.exec(ctx, tx, `UPDATE reports SET category_id = ?, area_id = ?, status = ?, forwarded_to = ?,
		unit_id = ?, duplicate_of = ?, personal_hidden = ?, suggested_code = ?, suggested_confidence = ?, version = ?,
		updated_at = ?, expected_at = ?, first_answer_at = ?, closed_at = ? WHERE id = ? AND version = ?`,
		r.CategoryID, r.Location.AreaID, string(r.Status), r.ForwardedTo, r.UnitID, r.DuplicateOf, r.PersonalHidden,
		r.Suggested.Code, r.Suggested.Confidence, version+1, r.UpdatedAt, r.ExpectedAt, r.FirstAnswerAt, r.ClosedAt,
		r.ID, version))
	if err != nil || n > 0 {
		return err
	}
	var exists int
	if err := d.queryRow(ctx, tx, "SELECT COUNT(*) FROM reports WHERE id = ?", r.ID).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		return fault.New(fault.NotFound, "error.not_found")
	}
	return fault.New(fault.Conflict, "error.reports.stale")
}

// defectChange writes the notes, corrections and events of an update.
func (d *DB) defectChange(ctx context.Context, tx *sql.Tx, r *report.Report, ch report.Change) error {
	var err error
	for _, n := range ch.Notes {
		n.ReportID = r.ID
		if n.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO report_notes (report_id, public, status, text, author_id, at) VALUES (?, ?, ?, ?, ?, ?)",
			r.ID, n.Public, string(n.Status), n.Text, n.AuthorID, n.At); err != nil {
			return err
		}
		n.At = ts(n.At)
	}
	for _, c := range ch.Corrections {
		c.ReportID = r.ID
		if c.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO report_corrections (report_id, field, from_value, to_value, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)",
			r.ID, c.Field, c.From, c.To, c.StaffID, c.At); err != nil {
			return err
		}
		c.At = ts(c.At)
	}
	if err := d.enqueueMessages(ctx, tx, ch.Mails); err != nil {
		return err
	}
	return d.insertEvents(ctx, tx, withCase(ch.Events, r.Reference))
}
