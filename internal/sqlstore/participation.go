package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// The participation store lives in participation*.go. Phases, categories
// and places are JSON text. An idea's counters are columns: supports and
// votes are counted by triggers on their rows (so they stay right when
// the rows of a deleted account go by foreign key), comments (published
// ones) are recounted from the rows. Every change that counts locks the
// idea's row first (FOR UPDATE on PostgreSQL; SQLite transactions begin
// immediate), so concurrent changes on several instances take turns and
// a threshold is crossed exactly once.

const spaceCols = "id, slug, title, title_en, description, org_id, moderation, support_threshold, answer_days, phases, votes_per_person, categories, created_at"

func scanSpace(row scanner) (*participation.Space, error) {
	var s participation.Space
	var org sql.NullInt64
	var phases, cats string
	err := row.Scan(&s.ID, &s.Slug, &s.Title, &s.TitleEN, &s.Description, &org, &s.Moderation, &s.SupportThreshold,
		&s.AnswerDays, &phases, &s.VotesPerPerson, &cats, &s.CreatedAt)
	if err != nil {
		return nil, err
	}
	s.OrgID, s.CreatedAt = nullInt(org), s.CreatedAt.UTC()
	if err := json.Unmarshal([]byte(phases), &s.Phases); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(cats), &s.Categories); err != nil {
		return nil, err
	}
	if len(s.Phases) == 0 {
		s.Phases = nil
	}
	if len(s.Categories) == 0 {
		s.Categories = nil
	}
	return &s, nil
}

// spaceJSON returns the space's phases (times in UTC) and categories as
// JSON text.
func spaceJSON(s *participation.Space) (phases, cats string, err error) {
	ps := make([]participation.Phase, len(s.Phases))
	for i, p := range s.Phases {
		p.From, p.To = ts(p.From), ts(p.To)
		ps[i] = p
	}
	b, err := json.Marshal(ps)
	if err != nil {
		return "", "", err
	}
	c := s.Categories
	if c == nil {
		c = []string{}
	}
	cb, err := json.Marshal(c)
	return string(b), string(cb), err
}

// spaceErr turns a taken slug into a field error.
func (d *DB) spaceErr(err error) error {
	if d.dialect.isUnique(err) {
		return fault.Fields(fault.FieldError{Field: "slug", Key: "error.participation.slug_taken"})
	}
	return d.mapErr(err)
}

// CreateSpace inserts s, setting its ID.
func (d *DB) CreateSpace(ctx context.Context, s *participation.Space) error {
	phases, cats, err := spaceJSON(s)
	if err != nil {
		return err
	}
	id, err := d.insertIDRaw(ctx, d.db, `INSERT INTO participation_spaces (slug, title, title_en, description, org_id, moderation,
		support_threshold, answer_days, phases, votes_per_person, categories, created_at) VALUES (`+placeholders(12)+")",
		s.Slug, s.Title, s.TitleEN, s.Description, s.OrgID, s.Moderation, s.SupportThreshold, s.AnswerDays, phases,
		s.VotesPerPerson, cats, s.CreatedAt)
	if err != nil {
		return d.spaceErr(err)
	}
	s.ID = id
	return nil
}

// UpdateSpace writes every field of s but CreatedAt; NotFound when s is gone.
func (d *DB) UpdateSpace(ctx context.Context, s *participation.Space) error {
	phases, cats, err := spaceJSON(s)
	if err != nil {
		return err
	}
	res, err := d.exec(ctx, d.db, `UPDATE participation_spaces SET slug = ?, title = ?, title_en = ?, description = ?, org_id = ?,
		moderation = ?, support_threshold = ?, answer_days = ?, phases = ?, votes_per_person = ?, categories = ? WHERE id = ?`,
		s.Slug, s.Title, s.TitleEN, s.Description, s.OrgID, s.Moderation, s.SupportThreshold, s.AnswerDays, phases,
		s.VotesPerPerson, cats, s.ID)
	if err != nil {
		return d.spaceErr(err)
	}
	return mustAffect(res, nil)
}

// FindSpace returns a space or NotFound.
func (d *DB) FindSpace(ctx context.Context, id int64) (*participation.Space, error) {
	s, err := scanSpace(d.queryRow(ctx, d.db, "SELECT "+spaceCols+" FROM participation_spaces WHERE id = ?", id))
	return s, d.mapErr(err)
}

// FindSpaceBySlug returns the space with slug or NotFound.
func (d *DB) FindSpaceBySlug(ctx context.Context, slug string) (*participation.Space, error) {
	s, err := scanSpace(d.queryRow(ctx, d.db, "SELECT "+spaceCols+" FROM participation_spaces WHERE slug = ?", slug))
	return s, d.mapErr(err)
}

// FindSpaces lists the spaces in the order they were created.
func (d *DB) FindSpaces(ctx context.Context) ([]*participation.Space, error) {
	return list(ctx, d, scanSpace, "SELECT "+spaceCols+" FROM participation_spaces ORDER BY created_at, id")
}

// lockIdea locks an idea's row for the rest of tx; NotFound when there
// is none.
func (d *DB) lockIdea(ctx context.Context, tx *sql.Tx, id int64) error {
	var got int64
	err := d.queryRow(ctx, tx, "SELECT id FROM ideas WHERE id = ?"+d.dialect.forUpdate(), id).Scan(&got)
	return d.mapErr(err)
}

// writeParticipationEffects writes mails (with their delivery jobs) and
// events inside tx.
func (d *DB) writeParticipationEffects(ctx context.Context, tx *sql.Tx, fx participation.Effects) error {
	return d.writeAll(ctx, tx, fx.Mails, nil, fx.Events)
}

// answerDue is n days after t.
func answerDue(t time.Time, n int) time.Time { return t.UTC().AddDate(0, 0, n) }

var _ participation.Store = (*DB)(nil)
