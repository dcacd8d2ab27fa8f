package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

// The case store lives in cases*.go. A submission is one transaction: the
// reference number (case_sequences), the case, its answers, files, the
// "submitted" history entry, the draft's removal and the effects. Hashes
// are lower-case hex, answers JSON text.

const caseWriteCols = "reference, service_id, form_version, org_id, channel, state, version, applicant_id, name, email, search, " +
	"assignee_id, fee_cents, paid_cents, deadline, submitted_at, updated_at, closed_at, access_hash, idempotency_scope, idempotency_key"

const caseCols = "id, reference, service_id, form_version, org_id, channel, state, version, applicant_id, name, email, " +
	"assignee_id, fee_cents, paid_cents, deadline, submitted_at, updated_at, closed_at"

func scanCase(row scanner) (*cases.Case, error) {
	var c cases.Case
	var org, applicant, assignee sql.NullInt64
	var deadline, closed sql.NullTime
	err := row.Scan(&c.ID, &c.Reference, &c.ServiceID, &c.FormVersion, &org, &c.Channel, &c.State, &c.Version, &applicant,
		&c.Name, &c.Email, &assignee, &c.FeeCents, &c.PaidCents, &deadline, &c.SubmittedAt, &c.UpdatedAt, &closed)
	if err != nil {
		return nil, err
	}
	c.OrgID, c.ApplicantID, c.AssigneeID = nullInt(org), nullInt(applicant), nullInt(assignee)
	c.Deadline, c.ClosedAt = nullTime(deadline), nullTime(closed)
	c.SubmittedAt, c.UpdatedAt = c.SubmittedAt.UTC(), c.UpdatedAt.UTC()
	return &c, nil
}

// idempotencyScope names who submitted: the account, else the address.
func idempotencyScope(c *cases.Case) string {
	if c.ApplicantID != nil {
		return "u:" + strconv.FormatInt(*c.ApplicantID, 10)
	}
	return "e:" + strings.ToLower(c.Email)
}

// CreateCase writes a submission in one transaction: the next reference
// number of s.Prefix and the year of SubmittedAt (in its location), the
// case, answers, files, a "submitted" history entry, the draft's removal
// and the effects (their files belong to the case; IDs set).
// A Version of 0 is stored as 1, a zero UpdatedAt as SubmittedAt.
// When the applicant already submitted with s.IdempotencyKey, nothing is
// written and that case is returned with created false, also when the
// other submission commits while this one runs.
func (d *DB) CreateCase(ctx context.Context, s *cases.Submission) (*cases.Case, bool, error) {
	if s.Prefix == "" {
		return nil, false, errors.New("sqlstore: CreateCase needs a reference prefix")
	}
	if c, err := d.findIdempotent(ctx, s); err == nil || !fault.Is(err, fault.NotFound) {
		return c, false, err
	}
	c := *s.Case
	err := d.tx(ctx, func(tx *sql.Tx) error { return d.createCase(ctx, tx, &c, s) })
	if err != nil {
		if d.dialect.isUnique(err) && s.IdempotencyKey != "" {
			// The same applicant's other submission with the key committed
			// meanwhile (or another unique key was taken).
			if existing, ferr := d.findIdempotent(ctx, s); ferr == nil {
				return existing, false, nil
			}
		}
		for i := range s.Files {
			s.Files[i].ID = 0
		}
		return nil, false, d.mapErr(err)
	}
	*s.Case = c
	return s.Case, true, nil
}

// findIdempotent returns the case the applicant submitted with s's key;
// NotFound without a key.
func (d *DB) findIdempotent(ctx context.Context, s *cases.Submission) (*cases.Case, error) {
	if s.IdempotencyKey == "" {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return d.findCase(ctx, "idempotency_scope = ? AND idempotency_key = ?", idempotencyScope(s.Case), s.IdempotencyKey)
}

func (d *DB) createCase(ctx context.Context, tx *sql.Tx, c *cases.Case, s *cases.Submission) error {
	year := c.SubmittedAt.Year()
	var n int
	err := d.queryRow(ctx, tx, `INSERT INTO case_sequences (prefix, year, last_number) VALUES (?, ?, 1)
		ON CONFLICT (prefix, year) DO UPDATE SET last_number = case_sequences.last_number + 1 RETURNING last_number`,
		s.Prefix, year).Scan(&n)
	if err != nil {
		return err
	}
	c.Reference = cases.Reference(s.Prefix, year, n)
	if c.Version == 0 {
		c.Version = 1
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.SubmittedAt
	}
	search := strings.ToLower(c.Reference + " " + c.Name)
	c.ID, err = d.insertIDRaw(ctx, tx, "INSERT INTO cases ("+caseWriteCols+") VALUES ("+placeholders(21)+")",
		c.Reference, c.ServiceID, c.FormVersion, c.OrgID, c.Channel, c.State, c.Version, c.ApplicantID, c.Name, c.Email, search,
		c.AssigneeID, c.FeeCents, c.PaidCents, c.Deadline, c.SubmittedAt, c.UpdatedAt, c.ClosedAt, hexHash(s.AccessHash),
		idempotencyScope(c), s.IdempotencyKey)
	if err != nil {
		return err
	}
	if _, err := d.exec(ctx, tx, "INSERT INTO case_answers (case_id, answers) VALUES (?, ?)", c.ID, answersText(s.Answers)); err != nil {
		return err
	}
	if err := d.insertFiles(ctx, tx, c.ID, nil, s.Files); err != nil {
		return err
	}
	h := cases.HistoryEntry{CaseID: c.ID, At: c.SubmittedAt, Action: "submitted", ToState: c.State}
	if err := d.insertHistory(ctx, tx, &h); err != nil {
		return err
	}
	if s.DraftID != 0 {
		if err := d.funnelSubmit(ctx, tx, s.DraftID, c.SubmittedAt); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "DELETE FROM case_drafts WHERE id = ?", s.DraftID); err != nil {
			return err
		}
	}
	if s.Effects == nil {
		return nil
	}
	fx := s.Effects(c)
	return d.writeCaseEffects(ctx, tx, c.ID, fx)
}

// insertIDRaw is insertID keeping the driver's error, so CreateCase can
// tell a unique violation from the rest.
func (d *DB) insertIDRaw(ctx context.Context, q querier, query string, args ...any) (int64, error) {
	var id int64
	err := d.queryRow(ctx, q, query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// answersText stores absent answers as JSON null.
func answersText(a json.RawMessage) string {
	if len(a) == 0 {
		return "null"
	}
	return string(a)
}

// FindCase returns a case or NotFound.
func (d *DB) FindCase(ctx context.Context, id int64) (*cases.Case, error) {
	return d.findCase(ctx, "id = ?", id)
}

// FindCaseByReference returns the case with the reference or NotFound.
func (d *DB) FindCaseByReference(ctx context.Context, ref string) (*cases.Case, error) {
	return d.findCase(ctx, "reference = ?", ref)
}

// FindCaseByAccessHash returns the case behind a secret link or NotFound.
func (d *DB) FindCaseByAccessHash(ctx context.Context, hash []byte) (*cases.Case, error) {
	if len(hash) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return d.findCase(ctx, "access_hash = ?", hexHash(hash))
}

func (d *DB) findCase(ctx context.Context, cond string, args ...any) (*cases.Case, error) {
	c, err := scanCase(d.queryRow(ctx, d.db, "SELECT "+caseCols+" FROM cases WHERE "+cond, args...))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return c, nil
}

// FindCases returns one page (100 by default) of matching cases, deadline
// first (none last), then oldest submission first, and the total number
// of matches.
func (d *DB) FindCases(ctx context.Context, f cases.Filter) ([]*cases.Case, int, error) {
	w := caseFilter(f)
	var total int
	if err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM cases"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	q := "SELECT " + caseCols + " FROM cases" + w.String() +
		" ORDER BY CASE WHEN deadline IS NULL THEN 1 ELSE 0 END, deadline, submitted_at, id LIMIT ? OFFSET ?"
	out, err := list(ctx, d, scanCase, q, append(w.args, limit(f.Limit, 100, 10000), max(f.Offset, 0))...)
	return out, total, err
}

func caseFilter(f cases.Filter) *where {
	var w where
	if f.OrgIDs != nil {
		w.addIn("org_id", anys(f.OrgIDs))
	}
	if f.ApplicantID != nil {
		w.add("applicant_id = ?", *f.ApplicantID)
	}
	if f.AssigneeID != nil {
		w.add("assignee_id = ?", *f.AssigneeID)
	}
	if f.Unassigned {
		w.conds = append(w.conds, "assignee_id IS NULL")
	}
	if f.ServiceID != 0 {
		w.add("service_id = ?", f.ServiceID)
	}
	if len(f.States) > 0 {
		w.addIn("state", anys(f.States))
	}
	if f.Channel != "" {
		w.add("channel = ?", f.Channel)
	}
	if f.DueBefore != nil {
		w.add("deadline < ?", *f.DueBefore)
	}
	if f.Unpaid {
		w.conds = append(w.conds, "fee_cents > paid_cents")
	}
	if f.From != nil {
		w.add("submitted_at >= ?", *f.From)
	}
	if f.To != nil {
		w.add("submitted_at < ?", *f.To)
	}
	if f.ClosedBefore != nil {
		w.add("closed_at < ?", *f.ClosedBefore)
	}
	if f.Reference != "" {
		w.add("reference = ?", f.Reference)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add(`search LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.ToLower(q))+"%")
	}
	return &w
}

// likeEscape escapes LIKE's wildcards with a backslash.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// CaseAnswers returns the answers of a case as submitted, or NotFound.
func (d *DB) CaseAnswers(ctx context.Context, caseID int64) (json.RawMessage, error) {
	var s string
	if err := d.queryRow(ctx, d.db, "SELECT answers FROM case_answers WHERE case_id = ?", caseID).Scan(&s); err != nil {
		return nil, d.mapErr(err)
	}
	if s == "null" {
		return nil, nil
	}
	return json.RawMessage(s), nil
}

var _ cases.Store = (*DB)(nil)
