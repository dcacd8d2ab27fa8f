package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"rathaus/internal/georeport"
)

// The Open311 API clients: open311_clients with the key's hash, and
// open311_client_usage with one counter per client and hour.

var _ georeport.Store = (*DB)(nil)

const open311ClientCols = "id, name, contact, key_hash, key_hint, hourly_limit, created_by, created_at, revoked_at"

func scanOpen311Client(row scanner) (*georeport.Client, error) {
	var c georeport.Client
	var by sql.NullInt64
	var revoked sql.NullTime
	if err := row.Scan(&c.ID, &c.Name, &c.Contact, &c.KeyHash, &c.KeyHint, &c.HourlyLimit, &by, &c.CreatedAt,
		&revoked); err != nil {
		return nil, err
	}
	c.CreatedBy, c.CreatedAt, c.RevokedAt = nullInt(by), c.CreatedAt.UTC(), nullTime(revoked)
	return &c, nil
}

// CreateOpen311Client stores c and sets its ID.
func (d *DB) CreateOpen311Client(ctx context.Context, c *georeport.Client) error {
	id, err := d.insertID(ctx, d.db, `INSERT INTO open311_clients (name, contact, key_hash, key_hint, hourly_limit,
		created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Name, c.Contact, c.KeyHash, c.KeyHint,
		c.HourlyLimit, c.CreatedBy, c.CreatedAt, c.RevokedAt)
	if err != nil {
		return err
	}
	c.ID, c.CreatedAt = id, ts(c.CreatedAt)
	return nil
}

// FindOpen311Clients lists every client, newest first.
func (d *DB) FindOpen311Clients(ctx context.Context) ([]*georeport.Client, error) {
	return list(ctx, d, scanOpen311Client, "SELECT "+open311ClientCols+" FROM open311_clients ORDER BY created_at DESC, id DESC")
}

// FindOpen311Client returns a client or NotFound.
func (d *DB) FindOpen311Client(ctx context.Context, id int64) (*georeport.Client, error) {
	c, err := scanOpen311Client(d.queryRow(ctx, d.db, "SELECT "+open311ClientCols+" FROM open311_clients WHERE id = ?", id))
	return c, d.mapErr(err)
}

// FindOpen311ClientByKeyHash returns the client of a key's hash or NotFound.
func (d *DB) FindOpen311ClientByKeyHash(ctx context.Context, hash string) (*georeport.Client, error) {
	c, err := scanOpen311Client(d.queryRow(ctx, d.db, "SELECT "+open311ClientCols+" FROM open311_clients WHERE key_hash = ?", hash))
	return c, d.mapErr(err)
}

// RevokeOpen311Client sets revoked_at once; NotFound for an unknown id.
func (d *DB) RevokeOpen311Client(ctx context.Context, id int64, at time.Time) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := d.queryRow(ctx, tx, "SELECT COUNT(*) FROM open311_clients WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return d.mapErr(sql.ErrNoRows)
		}
		_, err := d.exec(ctx, tx, "UPDATE open311_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id)
		return err
	})
}

// CountOpen311Use adds one to the hour's counter in one statement (an
// upsert, atomic on both engines) and returns the new count; counters
// before keepFrom are deleted in the same transaction.
func (d *DB) CountOpen311Use(ctx context.Context, clientID int64, window, keepFrom time.Time) (int, error) {
	var n int
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, "DELETE FROM open311_client_usage WHERE window_start < ?", keepFrom); err != nil {
			return err
		}
		return d.queryRow(ctx, tx, `INSERT INTO open311_client_usage (client_id, window_start, count) VALUES (?, ?, 1)
			ON CONFLICT (client_id, window_start) DO UPDATE SET count = open311_client_usage.count + 1
			RETURNING count`, clientID, window).Scan(&n)
	})
	return n, err
}
