package sqlstore

import (
	"context"
	"time"

	"rathaus/internal/catalog"
)

// CreateSearchMiss records a search that found nothing.
func (d *DB) CreateSearchMiss(ctx context.Context, m *catalog.SearchMiss) error {
	id, err := d.insertID(ctx, d.db, "INSERT INTO search_misses (query, message, created_at) VALUES (?, ?, ?)", m.Query, m.Message, m.CreatedAt)
	m.ID = id
	return err
}

// FindSearchMisses returns the most recent misses, newest first.
func (d *DB) FindSearchMisses(ctx context.Context, n int) ([]*catalog.SearchMiss, error) {
	return list(ctx, d, scanSearchMiss, "SELECT id, query, message, created_at FROM search_misses ORDER BY created_at DESC, id DESC LIMIT ?",
		limit(n, 100, 1000))
}

func scanSearchMiss(row scanner) (*catalog.SearchMiss, error) {
	var m catalog.SearchMiss
	err := row.Scan(&m.ID, &m.Query, &m.Message, &m.CreatedAt)
	m.CreatedAt = m.CreatedAt.UTC()
	return &m, err
}

// DeleteSearchMissesBefore removes misses older than t.
func (d *DB) DeleteSearchMissesBefore(ctx context.Context, t time.Time) (int64, error) {
	return affected(d.exec(ctx, d.db, "DELETE FROM search_misses WHERE created_at < ?", t))
}
