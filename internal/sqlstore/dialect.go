package sqlstore

import (
	"errors"
	"strconv"
	"strings"

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
}

type sqlite struct{}

func (sqlite) name() string           { return "sqlite" }
func (sqlite) rebind(q string) string { return q }
func (sqlite) skipLocked() string     { return "" } // SQLite has one writer; the claim runs in one statement
func (sqlite) forUpdate() string      { return "" } // transactions begin immediate: the write lock is already held
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
