package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// recountComments sets an idea's comment count to its published comments.
func (d *DB) recountComments(ctx context.Context, tx *sql.Tx, ideaID int64) error {
	_, err := d.exec(ctx, tx, `UPDATE ideas SET comments = (SELECT COUNT(*) FROM idea_comments WHERE idea_id = ? AND moderation = ?)
		WHERE id = ?`, ideaID, participation.Published, ideaID)
	return err
}

// Moderate sets the moderation state and public reason of an idea or a
// comment and resolves the target's open reports with outcome (by, at),
// with fx, in one transaction under the idea's lock; the idea's comment
// count follows. The idea's Version stays: it guards the public answer.
// NotFound for a missing target or an unknown kind of target.
func (d *DB) Moderate(ctx context.Context, target string, id int64, state, reason string, by *int64, outcome string, at time.Time, fx participation.Effects) error {
	return d.mapErr(d.tx(ctx, func(tx *sql.Tx) error {
		switch target {
		case participation.TargetIdea:
			if err := d.lockIdea(ctx, tx, id); err != nil {
				return err
			}
			if _, err := d.exec(ctx, tx, "UPDATE ideas SET moderation = ?, hidden_reason = ?, updated_at = ? WHERE id = ?", state, reason, at, id); err != nil {
				return err
			}
		case participation.TargetComment:
			ideaID, err := d.lockCommentIdea(ctx, tx, id)
			if err != nil {
				return err
			}
			if _, err := d.exec(ctx, tx, "UPDATE idea_comments SET moderation = ?, hidden_reason = ? WHERE id = ?", state, reason, id); err != nil {
				return err
			}
			if err := d.recountComments(ctx, tx, ideaID); err != nil {
				return err
			}
		default:
			return sql.ErrNoRows
		}
		if _, err := d.exec(ctx, tx, `UPDATE participation_reports SET resolved_at = ?, resolved_by = ?, outcome = ?
			WHERE target = ? AND target_id = ? AND resolved_at IS NULL`, at, by, outcome, target, id); err != nil {
			return err
		}
		return d.writeParticipationEffects(ctx, tx, fx)
	}))
}

// MergeIdeas merges idea from into idea into under both ideas' locks:
// supports, votes and followers move over unless the person already has
// one on into (then from's is dropped), comments move over, from becomes
// Merged with MergedInto, all counts of both are recounted from the rows,
// and into reaches its threshold (at) if the moved supports carry it
// there. NotFound when either is missing; Conflict when from is into.
func (d *DB) MergeIdeas(ctx context.Context, from, into int64, at time.Time, fx participation.Effects) error {
	if from == into {
		return fault.New(fault.Conflict, "error.conflict")
	}
	return d.mapErr(d.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{min(from, into), max(from, into)} { // one order: no deadlock between merges
			if err := d.lockIdea(ctx, tx, id); err != nil {
				return err
			}
		}
		target, err := d.findIdea(ctx, tx, into)
		if err != nil {
			return err
		}
		for _, table := range []string{"idea_supports", "idea_votes", "idea_followers"} {
			if err := d.moveRows(ctx, tx, table, from, into); err != nil {
				return err
			}
		}
		if _, err := d.exec(ctx, tx, "UPDATE idea_votes SET space_id = ? WHERE idea_id = ?", target.SpaceID, into); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "UPDATE idea_comments SET idea_id = ? WHERE idea_id = ?", into, from); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "UPDATE ideas SET moderation = ?, merged_into = ?, updated_at = ? WHERE id = ?",
			participation.Merged, into, at, from); err != nil {
			return err
		}
		for _, id := range []int64{from, into} {
			if err := d.recount(ctx, tx, id); err != nil {
				return err
			}
		}
		if target, err = d.findIdea(ctx, tx, into); err != nil {
			return err
		}
		if _, err := d.crossThreshold(ctx, tx, target, at); err != nil {
			return err
		}
		return d.writeParticipationEffects(ctx, tx, fx)
	}))
}

// moveRows moves from's rows of a (idea_id, user_id) table to into, but
// drops those of people who have one on into already.
func (d *DB) moveRows(ctx context.Context, tx *sql.Tx, table string, from, into int64) error {
	if _, err := d.exec(ctx, tx, "DELETE FROM "+table+" WHERE idea_id = ? AND user_id IN (SELECT user_id FROM "+table+" WHERE idea_id = ?)",
		from, into); err != nil {
		return err
	}
	_, err := d.exec(ctx, tx, "UPDATE "+table+" SET idea_id = ? WHERE idea_id = ?", into, from)
	return err
}

// recount sets all counts of an idea from the rows.
func (d *DB) recount(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := d.exec(ctx, tx, `UPDATE ideas SET
		supports = (SELECT COUNT(*) FROM idea_supports WHERE idea_id = ?),
		votes = (SELECT COUNT(*) FROM idea_votes WHERE idea_id = ?),
		comments = (SELECT COUNT(*) FROM idea_comments WHERE idea_id = ? AND moderation = ?)
		WHERE id = ?`, id, id, id, participation.Published, id)
	return err
}

// lockCommentIdea locks the idea of a comment and returns its id; a merge
// may move the comment while the lock is awaited, so it locks until the
// comment stays where it is.
func (d *DB) lockCommentIdea(ctx context.Context, tx *sql.Tx, commentID int64) (int64, error) {
	var locked int64
	for {
		var ideaID int64
		if err := d.queryRow(ctx, tx, "SELECT idea_id FROM idea_comments WHERE id = ?", commentID).Scan(&ideaID); err != nil {
			return 0, err
		}
		if ideaID == locked {
			return ideaID, nil
		}
		if err := d.lockIdea(ctx, tx, ideaID); err != nil {
			return 0, err
		}
		locked = ideaID
	}
}

const commentCols = "id, idea_id, parent_id, author_id, author_name, official, body, moderation, hidden_reason, created_at"

func scanComment(row scanner) (*participation.Comment, error) {
	var c participation.Comment
	var parent, author sql.NullInt64
	err := row.Scan(&c.ID, &c.IdeaID, &parent, &author, &c.AuthorName, &c.Official, &c.Body, &c.Moderation, &c.HiddenReason, &c.CreatedAt)
	if err != nil {
		return nil, err
	}
	c.ParentID, c.AuthorID, c.CreatedAt = nullInt(parent), nullInt(author), c.CreatedAt.UTC()
	return &c, nil
}

// AddComment inserts c (setting ID; an empty Moderation is published)
// with fx under the idea's lock; a published comment counts on its idea.
// NotFound when there is no idea.
func (d *DB) AddComment(ctx context.Context, c *participation.Comment, fx participation.Effects) error {
	if c.Moderation == "" {
		c.Moderation = participation.Published
	}
	var id int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockIdea(ctx, tx, c.IdeaID); err != nil {
			return err
		}
		var err error
		id, err = d.insertID(ctx, tx, `INSERT INTO idea_comments (idea_id, parent_id, author_id, author_name, official, body,
			moderation, hidden_reason, created_at) VALUES (`+placeholders(9)+")",
			c.IdeaID, c.ParentID, c.AuthorID, c.AuthorName, c.Official, c.Body, c.Moderation, c.HiddenReason, c.CreatedAt)
		if err != nil {
			return err
		}
		if err := d.recountComments(ctx, tx, c.IdeaID); err != nil {
			return err
		}
		return d.writeParticipationEffects(ctx, tx, fx)
	})
	if err != nil {
		return d.mapErr(err)
	}
	c.ID = id
	return nil
}

// FindComment returns a comment or NotFound.
func (d *DB) FindComment(ctx context.Context, id int64) (*participation.Comment, error) {
	c, err := scanComment(d.queryRow(ctx, d.db, "SELECT "+commentCols+" FROM idea_comments WHERE id = ?", id))
	return c, d.mapErr(err)
}

// FindComments lists an idea's comments in order of writing: published
// ones, with all every one.
func (d *DB) FindComments(ctx context.Context, ideaID int64, all bool) ([]*participation.Comment, error) {
	q := "SELECT " + commentCols + " FROM idea_comments WHERE idea_id = ?"
	args := []any{ideaID}
	if !all {
		q += " AND moderation = ?"
		args = append(args, participation.Published)
	}
	return list(ctx, d, scanComment, q+" ORDER BY created_at, id", args...)
}
