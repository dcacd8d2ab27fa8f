package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// Support records userID's support of an idea once, under the idea's
// lock: the row is inserted unless it exists (the trigger counts it), and
// when this support makes the supports reach the space's threshold for
// the first time, ThresholdAt (at, as given) and AnswerDue are set and fx
// is called and written, in one transaction. fx is called at that
// support only, never for others, so its effects are written exactly
// once. NotFound when there is no idea.
func (d *DB) Support(ctx context.Context, ideaID, userID int64, at time.Time, fx func(*participation.Idea) participation.Effects) (*participation.Idea, bool, error) {
	var idea *participation.Idea
	var added bool
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockIdea(ctx, tx, ideaID); err != nil {
			return err
		}
		n, err := affected(d.exec(ctx, tx, "INSERT INTO idea_supports (idea_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT (idea_id, user_id) DO NOTHING",
			ideaID, userID, at))
		if err != nil {
			return err
		}
		added = n > 0
		if idea, err = d.findIdea(ctx, tx, ideaID); err != nil || !added {
			return err
		}
		crossed, err := d.crossThreshold(ctx, tx, idea, at)
		if err != nil || !crossed || fx == nil {
			return err
		}
		return d.writeParticipationEffects(ctx, tx, fx(idea))
	})
	if err != nil {
		return nil, false, d.mapErr(err)
	}
	return idea, added, nil
}

// crossThreshold sets i's ThresholdAt and AnswerDue (in tx and on i) when
// its supports reached the space's threshold and had not before, and
// reports whether it did. The caller holds the idea's lock.
func (d *DB) crossThreshold(ctx context.Context, tx *sql.Tx, i *participation.Idea, at time.Time) (bool, error) {
	if i.ThresholdAt != nil {
		return false, nil
	}
	var threshold, answerDays int
	err := d.queryRow(ctx, tx, "SELECT support_threshold, answer_days FROM participation_spaces WHERE id = ?", i.SpaceID).Scan(&threshold, &answerDays)
	if err != nil || threshold <= 0 || i.Supports < threshold {
		return false, err
	}
	due := answerDue(at, answerDays)
	if _, err := d.exec(ctx, tx, "UPDATE ideas SET threshold_at = ?, answer_due = ? WHERE id = ?", at, due, i.ID); err != nil {
		return false, err
	}
	i.ThresholdAt, i.AnswerDue = &at, &due
	return true, nil
}

// Unsupport takes userID's support back under the idea's lock; false when
// there was none. NotFound when there is no idea. The threshold once
// reached stays.
func (d *DB) Unsupport(ctx context.Context, ideaID, userID int64) (*participation.Idea, bool, error) {
	var idea *participation.Idea
	var removed bool
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockIdea(ctx, tx, ideaID); err != nil {
			return err
		}
		n, err := affected(d.exec(ctx, tx, "DELETE FROM idea_supports WHERE idea_id = ? AND user_id = ?", ideaID, userID))
		if err != nil {
			return err
		}
		removed = n > 0
		idea, err = d.findIdea(ctx, tx, ideaID)
		return err
	})
	if err != nil {
		return nil, false, d.mapErr(err)
	}
	return idea, removed, nil
}

// Supported reports whether userID supports the idea.
func (d *DB) Supported(ctx context.Context, ideaID, userID int64) (bool, error) {
	return d.anyRow(ctx, "SELECT COUNT(*) FROM idea_supports WHERE idea_id = ? AND user_id = ?", ideaID, userID)
}

// anyRow reports whether the COUNT(*) query counts any row.
func (d *DB) anyRow(ctx context.Context, query string, args ...any) (bool, error) {
	var n int
	err := d.queryRow(ctx, d.db, query, args...).Scan(&n)
	return n > 0, err
}

// lockAccount is appended to a SELECT of a users row to take turns on the
// account: on PostgreSQL without blocking the key-share locks that
// inserts referencing the account take.
func (d *DB) lockAccount() string {
	if d.dialect.name() == "postgres" {
		return " FOR NO KEY UPDATE"
	}
	return d.dialect.forUpdate()
}

// Vote gives userID's vote to an idea of spaceID: once per idea, at most
// limit per space, decided under the account's lock so that concurrent
// votes on several instances cannot exceed it. NotFound when the account
// or the idea is missing or the idea belongs to another space.
func (d *DB) Vote(ctx context.Context, spaceID, ideaID, userID int64, limit int, at time.Time) (bool, error) {
	var added bool
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var id, space int64
		if err := d.queryRow(ctx, tx, "SELECT id FROM users WHERE id = ?"+d.lockAccount(), userID).Scan(&id); err != nil {
			return err
		}
		if err := d.queryRow(ctx, tx, "SELECT space_id FROM ideas WHERE id = ?", ideaID).Scan(&space); err != nil {
			return err
		}
		if space != spaceID {
			return sql.ErrNoRows
		}
		var mine, used int
		err := d.queryRow(ctx, tx, `SELECT COUNT(CASE WHEN idea_id = ? THEN 1 END), COUNT(*) FROM idea_votes
			WHERE space_id = ? AND user_id = ?`, ideaID, spaceID, userID).Scan(&mine, &used)
		switch {
		case err != nil || mine > 0:
			return err
		case used >= limit:
			return fault.New(fault.Conflict, "error.participation.votes_used")
		}
		_, err = d.exec(ctx, tx, "INSERT INTO idea_votes (idea_id, user_id, space_id, at) VALUES (?, ?, ?, ?)", ideaID, userID, spaceID, at)
		added = err == nil
		return err
	})
	return added, d.mapErr(err)
}

// Unvote takes userID's vote for an idea of spaceID back; false when
// there was none.
func (d *DB) Unvote(ctx context.Context, spaceID, ideaID, userID int64) (bool, error) {
	n, err := affected(d.exec(ctx, d.db, "DELETE FROM idea_votes WHERE space_id = ? AND idea_id = ? AND user_id = ?", spaceID, ideaID, userID))
	return n > 0, err
}

// VotesOf lists the ideas userID voted for in spaceID, in order of voting.
func (d *DB) VotesOf(ctx context.Context, spaceID, userID int64) ([]int64, error) {
	return list(ctx, d, func(row scanner) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, "SELECT idea_id FROM idea_votes WHERE space_id = ? AND user_id = ? ORDER BY at, idea_id", spaceID, userID)
}

// Follow starts (on) or ends following an idea; idempotent. NotFound when
// starting to follow a missing idea.
func (d *DB) Follow(ctx context.Context, ideaID, userID int64, on bool) error {
	if !on {
		_, err := d.exec(ctx, d.db, "DELETE FROM idea_followers WHERE idea_id = ? AND user_id = ?", ideaID, userID)
		return err
	}
	n, err := affected(d.exec(ctx, d.db, `INSERT INTO idea_followers (idea_id, user_id) SELECT id, ? FROM ideas WHERE id = ?
		ON CONFLICT (idea_id, user_id) DO NOTHING`, userID, ideaID))
	if err != nil || n > 0 {
		return err
	}
	_, err = d.FindIdea(ctx, ideaID)
	return err
}

// Following reports whether userID follows the idea.
func (d *DB) Following(ctx context.Context, ideaID, userID int64) (bool, error) {
	return d.anyRow(ctx, "SELECT COUNT(*) FROM idea_followers WHERE idea_id = ? AND user_id = ?", ideaID, userID)
}

// Followers lists the accounts following an idea, by id.
func (d *DB) Followers(ctx context.Context, ideaID int64) ([]int64, error) {
	return list(ctx, d, func(row scanner) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, "SELECT user_id FROM idea_followers WHERE idea_id = ? ORDER BY user_id", ideaID)
}
