package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

const ideaCols = "id, space_id, title, body, category, service_id, place, author_id, author_name, status, answer, moderation, " +
	"hidden_reason, merged_into, supports, comments, votes, threshold_at, answer_due, answered_at, created_at, updated_at, version"

func scanIdea(row scanner) (*participation.Idea, error) {
	var i participation.Idea
	var service, author, merged sql.NullInt64
	var place string
	var threshold, due, answered sql.NullTime
	err := row.Scan(&i.ID, &i.SpaceID, &i.Title, &i.Body, &i.Category, &service, &place, &author, &i.AuthorName, &i.Status,
		&i.Answer, &i.Moderation, &i.HiddenReason, &merged, &i.Supports, &i.Comments, &i.Votes, &threshold, &due, &answered,
		&i.CreatedAt, &i.UpdatedAt, &i.Version)
	if err != nil {
		return nil, err
	}
	i.ServiceID, i.AuthorID, i.MergedInto = nullInt(service), nullInt(author), nullInt(merged)
	i.ThresholdAt, i.AnswerDue, i.AnsweredAt = nullTime(threshold), nullTime(due), nullTime(answered)
	i.CreatedAt, i.UpdatedAt = i.CreatedAt.UTC(), i.UpdatedAt.UTC()
	if place != "" {
		i.Place = &participation.Place{}
		if err := json.Unmarshal([]byte(place), i.Place); err != nil {
			return nil, err
		}
	}
	return &i, nil
}

// placeText is the place as JSON text, "" for none.
func placeText(p *participation.Place) (string, error) {
	if p == nil {
		return "", nil
	}
	b, err := json.Marshal(p)
	return string(b), err
}

// CreateIdea inserts i (setting ID) with fx. Counts start at zero; an
// empty Status is stored as received, an empty Moderation as published,
// a Version of 0 as 1, a zero UpdatedAt as CreatedAt.
func (d *DB) CreateIdea(ctx context.Context, i *participation.Idea, fx participation.Effects) error {
	c := *i
	c.Supports, c.Comments, c.Votes = 0, 0, 0
	if c.Status == "" {
		c.Status = participation.StatusReceived
	}
	if c.Moderation == "" {
		c.Moderation = participation.Published
	}
	if c.Version == 0 {
		c.Version = 1
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	place, err := placeText(c.Place)
	if err != nil {
		return err
	}
	search := strings.ToLower(c.Title + "\n" + c.Body)
	err = d.tx(ctx, func(tx *sql.Tx) error {
		id, err := d.insertID(ctx, tx, `INSERT INTO ideas (space_id, title, body, search, category, service_id, place, author_id,
			author_name, status, answer, moderation, hidden_reason, merged_into, threshold_at, answer_due, answered_at,
			created_at, updated_at, version) VALUES (`+placeholders(20)+")",
			c.SpaceID, c.Title, c.Body, search, c.Category, c.ServiceID, place, c.AuthorID, c.AuthorName, c.Status, c.Answer,
			c.Moderation, c.HiddenReason, c.MergedInto, c.ThresholdAt, c.AnswerDue, c.AnsweredAt, c.CreatedAt, c.UpdatedAt, c.Version)
		if err != nil {
			return err
		}
		c.ID = id
		// Events written with the idea name it once it has its ID.
		for k := range fx.Events {
			if fx.Events[k].CaseID == "" {
				fx.Events[k].CaseID = participation.EventCaseID(id)
			}
		}
		return d.writeParticipationEffects(ctx, tx, fx)
	})
	if err != nil {
		return d.mapErr(err)
	}
	*i = c
	return nil
}

// FindIdea returns an idea or NotFound.
func (d *DB) FindIdea(ctx context.Context, id int64) (*participation.Idea, error) {
	return d.findIdea(ctx, d.db, id)
}

func (d *DB) findIdea(ctx context.Context, q querier, id int64) (*participation.Idea, error) {
	i, err := scanIdea(d.queryRow(ctx, q, "SELECT "+ideaCols+" FROM ideas WHERE id = ?", id))
	return i, d.mapErr(err)
}

// ideaOrders are the ORDER BY clauses of the sorts; newest first breaks ties.
var ideaOrders = map[string]string{
	participation.SortNew:      "created_at DESC, id DESC",
	participation.SortSupports: "supports DESC, created_at DESC, id DESC",
	participation.SortComments: "comments DESC, created_at DESC, id DESC",
	participation.SortVotes:    "votes DESC, supports DESC, created_at DESC, id DESC",
	participation.SortDue:      "CASE WHEN answer_due IS NULL THEN 1 ELSE 0 END, answer_due, id",
}

// FindIdeas returns one page (100 by default, at most 5000) of matching
// ideas and the total. An unknown sort is SortNew.
func (d *DB) FindIdeas(ctx context.Context, f participation.IdeaFilter) ([]*participation.Idea, int, error) {
	w := ideaFilter(f)
	var total int
	if err := d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM ideas"+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	order, ok := ideaOrders[f.Sort]
	if !ok {
		order = ideaOrders[participation.SortNew]
	}
	q := "SELECT " + ideaCols + " FROM ideas" + w.String() + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	out, err := list(ctx, d, scanIdea, q, append(w.args, limit(f.Limit, 100, 5000), max(f.Offset, 0))...)
	return out, total, err
}

func ideaFilter(f participation.IdeaFilter) *where {
	var w where
	if f.SpaceID != 0 {
		w.add("space_id = ?", f.SpaceID)
	}
	if len(f.Statuses) > 0 {
		w.addIn("status", anys(f.Statuses))
	}
	if f.Category != "" {
		w.add("category = ?", f.Category)
	}
	if f.ServiceID != 0 {
		w.add("service_id = ?", f.ServiceID)
	}
	if f.AuthorID != nil {
		w.add("author_id = ?", *f.AuthorID)
	}
	if f.FollowerID != nil {
		w.add("id IN (SELECT idea_id FROM idea_followers WHERE user_id = ?)", *f.FollowerID)
	}
	mod := f.Moderation
	if len(mod) == 0 {
		mod = []string{participation.Published}
	}
	w.addIn("moderation", anys(mod))
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add(`search LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.ToLower(q))+"%")
	}
	if f.AnswerOverdue != nil {
		w.add("answer_due < ? AND answered_at IS NULL", *f.AnswerOverdue)
	}
	return &w
}

// UpdateIdeaStatus writes i's Status, Answer, AnsweredAt, UpdatedAt and
// Version if the stored version is i.Version-1, with the timeline entry
// ch (ID set) and fx.
func (d *DB) UpdateIdeaStatus(ctx context.Context, i *participation.Idea, ch *participation.StatusChange, fx participation.Effects) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, `UPDATE ideas SET status = ?, answer = ?, answered_at = ?, updated_at = ?, version = ?
			WHERE id = ? AND version = ?`, i.Status, i.Answer, i.AnsweredAt, i.UpdatedAt, i.Version, i.ID, i.Version-1))
		if err != nil {
			return err
		}
		if n == 0 {
			if _, err := d.findIdea(ctx, tx, i.ID); err != nil {
				return err
			}
			return fault.New(fault.Conflict, "error.participation.stale")
		}
		if ch != nil {
			ch.IdeaID = i.ID
			ch.ID, err = d.insertID(ctx, tx, `INSERT INTO idea_status_changes (idea_id, from_status, to_status, answer, actor_id, at)
				VALUES (?, ?, ?, ?, ?, ?)`, ch.IdeaID, ch.From, ch.To, ch.Answer, ch.ActorID, ch.At)
			if err != nil {
				return err
			}
		}
		return d.writeParticipationEffects(ctx, tx, fx)
	})
}

// Timeline returns an idea's status changes, oldest first.
func (d *DB) Timeline(ctx context.Context, ideaID int64) ([]participation.StatusChange, error) {
	return list(ctx, d, func(row scanner) (participation.StatusChange, error) {
		var c participation.StatusChange
		var actor sql.NullInt64
		err := row.Scan(&c.ID, &c.IdeaID, &c.From, &c.To, &c.Answer, &actor, &c.At)
		c.ActorID, c.At = nullInt(actor), c.At.UTC()
		return c, err
	}, "SELECT id, idea_id, from_status, to_status, answer, actor_id, at FROM idea_status_changes WHERE idea_id = ? ORDER BY at, id", ideaID)
}

// CountRecent counts the ideas and comments userID wrote at or after since.
func (d *DB) CountRecent(ctx context.Context, userID int64, since time.Time) (ideas, comments int, err error) {
	err = d.queryRow(ctx, d.db, `SELECT (SELECT COUNT(*) FROM ideas WHERE author_id = ? AND created_at >= ?),
		(SELECT COUNT(*) FROM idea_comments WHERE author_id = ? AND created_at >= ?)`, userID, since, userID, since).Scan(&ideas, &comments)
	return ideas, comments, err
}
