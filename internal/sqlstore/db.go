// Package sqlstore implements every domain Store on database/sql, for
// SQLite (modernc.org/sqlite, pure Go) and PostgreSQL (pgx).
//
// Queries are written once, with ? placeholders and portable SQL. The
// differences between the engines live in dialect.go and nowhere else:
// placeholder syntax, row locking (claiming jobs, taking turns on a row),
// and connection setup.
// Times are stored in UTC with microsecond precision in both engines.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"

	"rathaus/internal/fault"
)

// DB is the database shared by all stores.
type DB struct {
	db      *sql.DB
	dialect dialect
}

// Open connects to url: "postgres://..." or "postgresql://..." for
// PostgreSQL, anything else is a SQLite file path ("file:" optional).
// It applies pending migrations before returning.
func Open(ctx context.Context, url string) (*DB, error) {
	d := &DB{}
	var err error
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		d.dialect = postgres{}
		d.db, err = sql.Open("pgx", url)
		if err == nil {
			d.db.SetMaxOpenConns(20)
			d.db.SetMaxIdleConns(10)
			d.db.SetConnMaxIdleTime(5 * time.Minute)
		}
	} else {
		d.dialect = sqlite{}
		d.db, err = sql.Open("sqlite", sqliteDSN(url))
		if err == nil {
			// One writer at a time is SQLite's model; a single connection
			// makes that explicit and avoids SQLITE_BUSY between our own
			// connections. WAL keeps readers of other processes unblocked.
			d.db.SetMaxOpenConns(1)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := d.db.PingContext(ctx); err != nil {
		d.db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	if err := d.Migrate(ctx); err != nil {
		d.db.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the connections.
func (d *DB) Close() error { return d.db.Close() }

// Ping checks that the database answers, for /readyz.
func (d *DB) Ping(ctx context.Context) error { return d.db.PingContext(ctx) }

// Engine names the engine: "sqlite" or "postgres".
func (d *DB) Engine() string { return d.dialect.name() }

func (d *DB) exec(ctx context.Context, q querier, query string, args ...any) (sql.Result, error) {
	return q.ExecContext(ctx, d.dialect.rebind(query), convert(args)...)
}

func (d *DB) query(ctx context.Context, q querier, query string, args ...any) (*sql.Rows, error) {
	return q.QueryContext(ctx, d.dialect.rebind(query), convert(args)...)
}

func (d *DB) queryRow(ctx context.Context, q querier, query string, args ...any) *sql.Row {
	return q.QueryRowContext(ctx, d.dialect.rebind(query), convert(args)...)
}

// querier is *sql.DB or *sql.Tx.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// tx runs fn in a transaction: committed when fn returns nil.
func (d *DB) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// insertID inserts with RETURNING id, portable across both engines.
func (d *DB) insertID(ctx context.Context, q querier, query string, args ...any) (int64, error) {
	var id int64
	err := d.queryRow(ctx, q, query+" RETURNING id", args...).Scan(&id)
	return id, d.mapErr(err)
}

// mapErr turns driver errors into fault kinds.
func (d *DB) mapErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return fault.Wrap(fault.NotFound, "error.not_found", err)
	case d.dialect.isUnique(err):
		return fault.Wrap(fault.Conflict, "error.conflict", err)
	}
	return err
}

// mustAffect returns NotFound when res changed no row.
func mustAffect(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fault.New(fault.NotFound, "error.not_found")
	}
	return nil
}

// affected returns how many rows res changed.
func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// convert normalises arguments: times to UTC microseconds, nil pointers to NULL.
func convert(args []any) []any {
	for i, a := range args {
		switch v := a.(type) {
		case time.Time:
			args[i] = ts(v)
		case *time.Time:
			if v == nil {
				args[i] = nil
			} else {
				args[i] = ts(*v)
			}
		case *int64:
			if v == nil {
				args[i] = nil
			} else {
				args[i] = *v
			}
		}
	}
	return args
}

func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// nullTime converts a scanned sql.NullTime to a pointer in UTC.
func nullTime(n sql.NullTime) *time.Time {
	if !n.Valid {
		return nil
	}
	t := n.Time.UTC()
	return &t
}

// nullInt converts a scanned sql.NullInt64 to a pointer.
func nullInt(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	return &n.Int64
}

// limit returns n, or def when n is not positive, capped at max.
func limit(n, def, max int) int {
	if n <= 0 {
		return def
	}
	return min(n, max)
}
