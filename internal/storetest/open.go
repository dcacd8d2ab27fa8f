// Package storetest is the conformance suite every Store implementation
// must pass, and the helpers that open a fresh database of each engine for
// tests. SQLite always runs; PostgreSQL runs when RATHAUS_TEST_POSTGRES
// holds its address, and a test fails instead of skipping when
// RATHAUS_REQUIRE_POSTGRES=1 (as the README's test command and CI set).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"rathaus/internal/sqlstore"
)

// Opener opens a fresh, migrated, empty database for one test.
type Opener func(t testing.TB) *sqlstore.DB

// Engines returns an opener per available engine, by name.
func Engines(t testing.TB) map[string]Opener {
	m := map[string]Opener{"sqlite": OpenSQLite}
	if PostgresURL(t) != "" {
		m["postgres"] = OpenPostgres
	}
	return m
}

// OpenSQLite opens a SQLite file in a temporary directory.
func OpenSQLite(t testing.TB) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// PostgresURL returns the test server's address, or "" after skipping
// or failing as the environment demands.
func PostgresURL(t testing.TB) string {
	u := os.Getenv("RATHAUS_TEST_POSTGRES")
	if u == "" && os.Getenv("RATHAUS_REQUIRE_POSTGRES") == "1" {
		t.Fatal("RATHAUS_REQUIRE_POSTGRES=1 but RATHAUS_TEST_POSTGRES is not set: PostgreSQL tests must run")
	}
	if u == "" {
		t.Log("PostgreSQL tests skipped: set RATHAUS_TEST_POSTGRES=postgres://... to run them (make test does)")
	}
	return u
}

// OpenPostgres opens a fresh schema on the test server, dropped after the test.
func OpenPostgres(t testing.TB) *sqlstore.DB {
	t.Helper()
	url := PostgresURL(t)
	if url == "" {
		t.Skip("PostgreSQL not configured")
	}
	schema := FreshSchema(t, url)
	db, err := sqlstore.Open(context.Background(), WithSchema(url, schema))
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// FreshSchema creates an empty schema and drops it when the test ends.
func FreshSchema(t testing.TB, url string) string {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("postgres is not reachable at RATHAUS_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	return schema
}

// WithSchema returns url with search_path set to schema.
func WithSchema(url, schema string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "search_path=" + schema
}
