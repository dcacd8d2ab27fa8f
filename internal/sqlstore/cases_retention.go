package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/fault"
)

// AddUpload records a stored upload that no case holds yet.
func (d *DB) AddUpload(ctx context.Context, key string, at time.Time) error {
	_, err := d.exec(ctx, d.db, "INSERT INTO uploads (file_key, created_at) VALUES (?, ?) ON CONFLICT (file_key) DO NOTHING", key, at)
	return err
}

// StaleUploads lists up to limit uploads stored before t that neither a
// case's files nor a draft's answers name.
func (d *DB) StaleUploads(ctx context.Context, t time.Time, limit int) ([]string, error) {
	rows, err := d.query(ctx, d.db, `SELECT u.file_key FROM uploads u
		WHERE u.created_at < ?
		AND NOT EXISTS (SELECT 1 FROM case_files f WHERE f.file_key = u.file_key)
		AND NOT EXISTS (SELECT 1 FROM case_drafts r WHERE r.answers LIKE '%' || u.file_key || '%')
		ORDER BY u.created_at LIMIT ?`, t, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// DeleteUpload forgets an upload (after its file was deleted, or once a
// case holds it).
func (d *DB) DeleteUpload(ctx context.Context, key string) error {
	_, err := d.exec(ctx, d.db, "DELETE FROM uploads WHERE file_key = ?", key)
	return err
}

// DeleteCase removes a case with everything that belongs to it (answers,
// files' records, history, notes, messages, payments) and returns the
// file store keys of its files, which the caller deletes next.
func (d *DB) DeleteCase(ctx context.Context, id int64) ([]string, error) {
	var keys []string
	err := d.tx(ctx, func(tx *sql.Tx) error {
		rows, err := d.query(ctx, tx, "SELECT file_key FROM case_files WHERE case_id = ?", id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return err
			}
			keys = append(keys, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, table := range []string{"case_payments", "case_files", "case_messages", "case_notes", "case_history", "case_answers"} {
			if _, err := d.exec(ctx, tx, "DELETE FROM "+table+" WHERE case_id = ?", id); err != nil {
				return err
			}
		}
		n, err := affected(d.exec(ctx, tx, "DELETE FROM cases WHERE id = ?", id))
		if err == nil && n == 0 {
			err = fault.New(fault.NotFound, "error.not_found")
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return keys, nil
}
