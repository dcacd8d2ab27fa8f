package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"rathaus/internal/assistant"
)

// The assistant's store: conversations in assistant_conversations, their
// answers as JSON in assistant_answers, feedback counts in
// assistant_feedback (kept after the conversation is deleted).

var _ assistant.Store = (*DB)(nil)

// CreateConversation stores a new conversation without answers.
func (d *DB) CreateConversation(ctx context.Context, c *assistant.Conversation, at time.Time) error {
	_, err := d.exec(ctx, d.db, `INSERT INTO assistant_conversations (id, lang, handover_ref, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?)`, c.ID, c.Lang, c.HandedOff, at, c.Expires)
	return d.mapErr(err)
}

// FindConversationByID returns a conversation with its answers in turn
// order, expired or not.
func (d *DB) FindConversationByID(ctx context.Context, id string) (*assistant.Conversation, error) {
	c := &assistant.Conversation{}
	err := d.queryRow(ctx, d.db, `SELECT id, lang, handover_ref, expires_at FROM assistant_conversations WHERE id = ?`, id).
		Scan(&c.ID, &c.Lang, &c.HandedOff, &c.Expires)
	if err != nil {
		return nil, d.mapErr(err)
	}
	c.Expires = c.Expires.UTC()
	answers, err := list(ctx, d, scanAnswer, `SELECT a.answer, f.helpful FROM assistant_answers a
		LEFT JOIN assistant_feedback f ON f.id = a.feedback_id
		WHERE a.conversation_id = ? ORDER BY a.turn`, id)
	if err != nil {
		return nil, err
	}
	c.Answers = answers
	return c, nil
}

func scanAnswer(s scanner) (assistant.Answer, error) {
	var raw string
	var helpful sql.NullBool
	if err := s.Scan(&raw, &helpful); err != nil {
		return assistant.Answer{}, err
	}
	var a assistant.Answer
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		return a, err
	}
	a.At = a.At.UTC()
	a.Helpful = nil
	if helpful.Valid {
		a.Helpful = &helpful.Bool
	}
	return a, nil
}

// AddAnswer appends an answer; Conflict when its turn exists already.
func (d *DB) AddAnswer(ctx context.Context, conversationID string, a *assistant.Answer) error {
	stored := *a
	stored.Helpful = nil // lives in assistant_feedback
	stored.At = ts(a.At)
	raw, err := json.Marshal(stored)
	if err != nil {
		return err
	}
	_, err = d.exec(ctx, d.db, `INSERT INTO assistant_answers (conversation_id, turn, answer) VALUES (?, ?, ?)`,
		conversationID, a.Turn, string(raw))
	return d.mapErr(err)
}

// SetAnswerFeedback records f for one turn, replacing its earlier feedback.
func (d *DB) SetAnswerFeedback(ctx context.Context, conversationID string, turn int, f *assistant.Feedback) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		var old sql.NullInt64
		err := d.queryRow(ctx, tx, `SELECT feedback_id FROM assistant_answers WHERE conversation_id = ? AND turn = ?`+d.dialect.forUpdate(),
			conversationID, turn).Scan(&old)
		if err != nil {
			return d.mapErr(err)
		}
		if old.Valid {
			f.ID = old.Int64
			return mustAffect(d.exec(ctx, tx, `UPDATE assistant_feedback SET helpful = ?, at = ? WHERE id = ?`, f.Helpful, f.At, f.ID))
		}
		id, err := d.insertID(ctx, tx, `INSERT INTO assistant_feedback (service_id, kind, helpful, at) VALUES (?, ?, ?, ?)`,
			f.ServiceID, f.Kind, f.Helpful, f.At)
		if err != nil {
			return err
		}
		f.ID = id
		return mustAffect(d.exec(ctx, tx, `UPDATE assistant_answers SET feedback_id = ? WHERE conversation_id = ? AND turn = ?`,
			id, conversationID, turn))
	})
}

// SetHandover records the reference of a handed-over conversation.
func (d *DB) SetHandover(ctx context.Context, conversationID, ref string) error {
	return mustAffect(d.exec(ctx, d.db, `UPDATE assistant_conversations SET handover_ref = ? WHERE id = ?`, ref, conversationID))
}

// DeleteConversationsBefore deletes the conversations that expired before
// t; their answers go with them (ON DELETE CASCADE), feedback stays.
func (d *DB) DeleteConversationsBefore(ctx context.Context, t time.Time) (int64, error) {
	var n int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		// Answers first: SQLite enforces the cascade only with foreign
		// keys on, which a connection opened elsewhere may lack.
		if _, err := d.exec(ctx, tx, `DELETE FROM assistant_answers WHERE conversation_id IN
			(SELECT id FROM assistant_conversations WHERE expires_at < ?)`, t); err != nil {
			return err
		}
		var err error
		n, err = affected(d.exec(ctx, tx, `DELETE FROM assistant_conversations WHERE expires_at < ?`, t))
		return err
	})
	return n, err
}

// FindAssistantFeedback returns the feedback given from t on, oldest first.
func (d *DB) FindAssistantFeedback(ctx context.Context, from time.Time) ([]assistant.Feedback, error) {
	return list(ctx, d, func(s scanner) (assistant.Feedback, error) {
		var f assistant.Feedback
		err := s.Scan(&f.ID, &f.ServiceID, &f.Kind, &f.Helpful, &f.At)
		f.At = f.At.UTC()
		return f, err
	}, `SELECT id, service_id, kind, helpful, at FROM assistant_feedback WHERE at >= ? ORDER BY at, id`, from)
}

// DeleteAssistantFeedbackBefore deletes feedback given before t.
func (d *DB) DeleteAssistantFeedbackBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, `DELETE FROM assistant_feedback WHERE at < ?`, t))
}
