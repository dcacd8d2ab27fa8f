package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// BenchmarkOpenDataApplications times the applications dataset's query
// over RATHAUS_BENCH_CASES generated cases (default 100000) on each engine:
// 40 services, 5 channels, spread over 24 months.
//
//	RATHAUS_BENCH_CASES=1000000 go test ./internal/sqlstore -run '^$' -bench OpenDataApplications -benchtime 5x
func BenchmarkOpenDataApplications(b *testing.B) {
	n := benchCases()
	ctx := context.Background()
	engines := benchEngines(b, "")
	for name, open := range engines {
		b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
			db, raw, pg := open()
			defer db.Close()
			defer raw.Close()
			generateCases(b, raw, pg, n)
			// The dataset reads the dashboards' rollups; building them
			// is the periodic refresh's work, timed by BenchmarkDashboard.
			if _, err := db.RefreshDashboard(ctx); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rows, err := db.OpenDataApplications(ctx)
				if err != nil || len(rows) == 0 {
					b.Fatalf("got %d rows, %v", len(rows), err)
				}
			}
		})
	}
}

// generateCases inserts n cases in one transaction with a prepared statement.
func generateCases(b *testing.B, raw *sql.DB, pg bool, n int) {
	q := "INSERT INTO cases (reference, service_id, channel, state, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?)"
	if pg {
		q = "INSERT INTO cases (reference, service_id, channel, state, submitted_at, updated_at) VALUES ($1, $2, $3, 'submitted', $4, $5)"
	}
	tx, err := raw.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(q)
	if err != nil {
		b.Fatal(err)
	}
	channels := []string{"online", "online", "online", "paper", "in_person", "phone", "email"}
	start := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		at := start.Add(time.Duration(i%(24*30*24)) * time.Hour)
		if _, err := stmt.Exec("B-"+strconv.Itoa(i), i%40+1, channels[i%len(channels)], at, at); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// benchCases is RATHAUS_BENCH_CASES, by default 100000.
func benchCases() int {
	if v, err := strconv.Atoi(os.Getenv("RATHAUS_BENCH_CASES")); err == nil && v > 0 {
		return v
	}
	return 100000
}

// benchEngine opens a fresh database and a raw connection to it for
// generating data fast; pg says which engine it is.
type benchEngine func() (db *sqlstore.DB, raw *sql.DB, pg bool)

// benchEngines opens fresh databases on SQLite (with the extra DSN
// pragmas sqlitePragmas for the raw connection) and, with
// RATHAUS_TEST_POSTGRES, on PostgreSQL.
func benchEngines(b *testing.B, sqlitePragmas string) map[string]benchEngine {
	ctx := context.Background()
	engines := map[string]benchEngine{
		"sqlite": func() (*sqlstore.DB, *sql.DB, bool) {
			path := filepath.Join(b.TempDir(), "bench.db")
			db, err := sqlstore.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			raw, err := sql.Open("sqlite", "file:"+path+"?_time_format=sqlite&_pragma=busy_timeout(10000)"+sqlitePragmas)
			if err != nil {
				b.Fatal(err)
			}
			return db, raw, false
		},
	}
	if url := os.Getenv("RATHAUS_TEST_POSTGRES"); url != "" {
		engines["postgres"] = func() (*sqlstore.DB, *sql.DB, bool) {
			dsn := storetest.WithSchema(url, storetest.FreshSchema(b, url))
			db, err := sqlstore.Open(ctx, dsn)
			if err != nil {
				b.Fatal(err)
			}
			raw, err := sql.Open("pgx", dsn)
			if err != nil {
				b.Fatal(err)
			}
			return db, raw, true
		}
	}
	return engines
}
