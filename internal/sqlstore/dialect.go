package sqlstore

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// dialect is every difference between the engines, in one place.
type dialect interface {
	name() string
	// rebind rewrites ? placeholders into the engine's syntax.
	rebind(query string) string
	// skipLocked is appended to a SELECT that claims rows, so concurrent
	// workers on several instances never claim the same row.
	skipLocked() string
	// forUpdate is appended to a SELECT that locks a row until the
	// transaction ends, so concurrent writers to it take turns.
	forUpdate() string
	isUnique(err error) bool
	// jsonText extracts the text of a top-level key of a JSON text column.
	jsonText(column, key string) string
	// monthOf is the UTC month ("2026-03") of a timestamp column.
	monthOf(column string) string
	// settleEvents, run in a transaction of its own, waits until every
	// transaction that writes process events has ended, so no event with
	// a smaller ID than the largest one seen can still appear ("" where
	// a transaction already holds the only write lock).
	settleEvents() string
}

type sqlite struct{}

func (sqlite) name() string              { return "sqlite" }
func (sqlite) rebind(q string) string    { return q }
func (sqlite) skipLocked() string        { return "" }                          // SQLite has one writer; the claim runs in one statement
func (sqlite) forUpdate() string         { return "" }                          // transactions begin immediate: the write lock is already held
func (sqlite) monthOf(col string) string { return "substr(" + col + ", 1, 7)" } // sortable UTC text
func (sqlite) settleEvents() string      { return "" }                          // one writer: IDs appear in commit order
func (sqlite) jsonText(col, key string) string {
	return "json_extract(" + col + ", '$." + key + "')"
}
func (sqlite) isUnique(err error) bool {
	var e *sqlite3.Error
	if errors.As(err, &e) {
		c := e.Code()
		return c == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// sqliteDSN adds the pragmas every connection needs: WAL, a busy timeout
// for other processes, foreign keys, and a sortable time format.
func sqliteDSN(path string) string {
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_time_format=sqlite&_txlock=immediate"
}

type postgres struct{}

func (postgres) name() string       { return "postgres" }
func (postgres) skipLocked() string { return " FOR UPDATE SKIP LOCKED" }
func (postgres) forUpdate() string  { return " FOR UPDATE" }
func (postgres) monthOf(col string) string {
	return "to_char(" + col + " AT TIME ZONE 'UTC', 'YYYY-MM')"
}
func (postgres) settleEvents() string {
	return "LOCK TABLE process_events IN SHARE MODE" // conflicts with every writer's ROW EXCLUSIVE
}
func (postgres) jsonText(col, key string) string {
	return "(" + col + "::jsonb ->> '" + key + "')"
}
func (postgres) isUnique(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

// rebind turns ? into $1, $2, ... outside string literals.
func (postgres) rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
			b.WriteByte(c)
		case c == '?' && !quoted:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// anyTime scans a timestamp that an aggregate (MIN, MAX) returns: a time
// from PostgreSQL, the stored text from SQLite, which loses the column's
// declared type in aggregates.
type anyTime struct{ T time.Time }

// sqliteTimeLayouts are the forms SQLite's driver writes (_time_format=sqlite).
var sqliteTimeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999", time.RFC3339Nano}

func (a *anyTime) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		a.T = v.UTC()
		return nil
	case nil:
		a.T = time.Time{}
		return nil
	case []byte:
		src = string(v)
	}
	s, ok := src.(string)
	if !ok {
		return fmt.Errorf("timestamp: unexpected %T", src)
	}
	for _, layout := range sqliteTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			a.T = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("timestamp: cannot parse %q", s)
}
