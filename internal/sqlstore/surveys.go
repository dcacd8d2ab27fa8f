package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/survey"
)

// The survey store: a survey's texts and questions as JSON text, its
// status, dates and settings as columns; responses as JSON text without
// the person; the accounts that took part in a separate table.

// surveyDef is the JSON part of a survey.
type surveyDef struct {
	Title     survey.Text       `json:"title"`
	Intro     survey.Text       `json:"intro,omitempty"`
	Questions []survey.Question `json:"questions"`
}

func surveyArgs(s *survey.Survey) ([]any, error) {
	def, err := json.Marshal(surveyDef{s.Title, s.Intro, s.Questions})
	if err != nil {
		return nil, fmt.Errorf("survey %d: %w", s.ID, err)
	}
	return []any{s.OrgID, s.Status, s.Anonymous, s.ResultsLive, s.OpensAt, s.ClosesAt, string(def),
		s.CreatedBy, s.CreatedAt, s.UpdatedAt}, nil
}

// CreateSurvey inserts s, setting ID.
func (d *DB) CreateSurvey(ctx context.Context, s *survey.Survey) error {
	args, err := surveyArgs(s)
	if err != nil {
		return err
	}
	id, err := d.insertID(ctx, d.db, `INSERT INTO surveys (org_id, status, anonymous, results_live, opens_at, closes_at,
		definition, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if err != nil {
		return err
	}
	s.ID = id
	return nil
}

// UpdateSurvey writes s whole; NotFound when it does not exist.
func (d *DB) UpdateSurvey(ctx context.Context, s *survey.Survey) error {
	args, err := surveyArgs(s)
	if err != nil {
		return err
	}
	return mustAffect(d.exec(ctx, d.db, `UPDATE surveys SET org_id = ?, status = ?, anonymous = ?, results_live = ?,
		opens_at = ?, closes_at = ?, definition = ?, created_by = ?, created_at = ?, updated_at = ? WHERE id = ?`,
		append(args, s.ID)...))
}

const surveyCols = `s.id, s.org_id, s.status, s.anonymous, s.results_live, s.opens_at, s.closes_at, s.definition,
	s.created_by, s.created_at, s.updated_at,
	(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id)`

func scanSurvey(row scanner) (*survey.Survey, error) {
	var s survey.Survey
	var opens, closes sql.NullTime
	var by sql.NullInt64
	var def string
	if err := row.Scan(&s.ID, &s.OrgID, &s.Status, &s.Anonymous, &s.ResultsLive, &opens, &closes, &def,
		&by, &s.CreatedAt, &s.UpdatedAt, &s.Responses); err != nil {
		return nil, err
	}
	var sd surveyDef
	if err := json.Unmarshal([]byte(def), &sd); err != nil {
		return nil, fmt.Errorf("survey %d: %w", s.ID, err)
	}
	s.Title, s.Intro, s.Questions = sd.Title, sd.Intro, sd.Questions
	s.OpensAt, s.ClosesAt, s.CreatedBy = nullTime(opens), nullTime(closes), nullInt(by)
	s.CreatedAt, s.UpdatedAt = s.CreatedAt.UTC(), s.UpdatedAt.UTC()
	return &s, nil
}

// FindSurvey returns a survey with its number of responses.
func (d *DB) FindSurvey(ctx context.Context, id int64) (*survey.Survey, error) {
	s, err := scanSurvey(d.queryRow(ctx, d.db, "SELECT "+surveyCols+" FROM surveys s WHERE s.id = ?", id))
	return s, d.mapErr(err)
}

// FindSurveys lists matching surveys, newest first.
func (d *DB) FindSurveys(ctx context.Context, f survey.Filter) ([]*survey.Survey, error) {
	var w where
	if len(f.Statuses) > 0 {
		w.conds = append(w.conds, "s.status IN ("+surveyMarks(len(f.Statuses))+")")
		for _, st := range f.Statuses {
			w.args = append(w.args, st)
		}
	}
	if len(f.OrgIDs) > 0 {
		w.conds = append(w.conds, "s.org_id IN ("+surveyMarks(len(f.OrgIDs))+")")
		for _, id := range f.OrgIDs {
			w.args = append(w.args, id)
		}
	}
	return list(ctx, d, scanSurvey, "SELECT "+surveyCols+" FROM surveys s"+w.String()+" ORDER BY s.id DESC", w.args...)
}

// surveyMarks returns n comma-separated placeholders.
func surveyMarks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// AddResponse stores r while the survey is open; with userID once per
// account, recorded apart from the answers in the same transaction.
func (d *DB) AddResponse(ctx context.Context, r *survey.Response, userID *int64) error {
	answers, err := json.Marshal(r.Answers)
	if err != nil {
		return fmt.Errorf("survey %d response: %w", r.SurveyID, err)
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		var status string
		if err := d.queryRow(ctx, tx, "SELECT status FROM surveys WHERE id = ?", r.SurveyID).Scan(&status); err != nil {
			return d.mapErr(err)
		}
		if status != survey.StatusOpen {
			return fault.New(fault.Conflict, "error.survey.not_open")
		}
		if userID != nil {
			_, err := d.exec(ctx, tx, "INSERT INTO survey_participants (survey_id, user_id) VALUES (?, ?)", r.SurveyID, *userID)
			if d.dialect.isUnique(err) {
				return fault.New(fault.Conflict, "error.survey.answered")
			}
			if err != nil {
				return err
			}
		}
		id, err := d.insertID(ctx, tx, "INSERT INTO survey_responses (survey_id, answers, at) VALUES (?, ?, ?)",
			r.SurveyID, string(answers), r.At)
		if err != nil {
			return err
		}
		r.ID = id
		return nil
	})
}

// Responded reports whether the account took part in the survey.
func (d *DB) Responded(ctx context.Context, surveyID, userID int64) (bool, error) {
	var n int
	err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM survey_participants WHERE survey_id = ? AND user_id = ?",
		surveyID, userID).Scan(&n)
	return n > 0, err
}

func scanResponse(row scanner) (*survey.Response, error) {
	var r survey.Response
	var answers string
	if err := row.Scan(&r.ID, &r.SurveyID, &answers, &r.At); err != nil {
		return nil, err
	}
	r.At = r.At.UTC()
	if err := json.Unmarshal([]byte(answers), &r.Answers); err != nil {
		return nil, fmt.Errorf("survey response %d: %w", r.ID, err)
	}
	return &r, nil
}

// Responses returns a survey's responses in order of arrival.
func (d *DB) Responses(ctx context.Context, surveyID int64) ([]*survey.Response, error) {
	return list(ctx, d, scanResponse, "SELECT id, survey_id, answers, at FROM survey_responses WHERE survey_id = ? ORDER BY id", surveyID)
}

var _ survey.Store = (*DB)(nil)
