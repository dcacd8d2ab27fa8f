package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/dashboard"
)

// BenchmarkDashboard times the dashboards over RATHAUS_BENCH_CASES
// generated cases (default 100000) with ten process events each, a
// visit per two cases (half of them booked) and a rating per five, over
// 24 months, 40 services and 10 units, on each engine: the first refresh
// (every month), a refresh after one more case, and DashboardMonths for
// 24 months of the city, one service and one unit. The goal: a
// dashboard over a million cases and ten million events in under a second.
//
//	RATHAUS_BENCH_CASES=1000000 go test ./internal/sqlstore -run '^$' -bench Dashboard -benchtime 10x
func BenchmarkDashboard(b *testing.B) {
	n := benchCases()
	ctx := context.Background()
	engines := benchEngines(b, "&_pragma=synchronous(OFF)")
	for name, open := range engines {
		b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
			db, raw, pg := open()
			defer db.Close()
			defer raw.Close()
			start := time.Now()
			generateDashboardData(b, raw, pg, n)
			b.Logf("generated %d cases, %d events in %v", n, 10*n, time.Since(start).Round(time.Second))
			start = time.Now()
			months, err := db.RefreshDashboard(ctx)
			if err != nil || months == 0 {
				b.Fatalf("first refresh: %d months, %v", months, err)
			}
			b.Logf("first refresh: %d months in %v", months, time.Since(start).Round(time.Millisecond))
			b.ReportMetric(time.Since(start).Seconds(), "first-refresh-s")
			if _, err := raw.Exec(rebindPG(pg, `INSERT INTO cases (reference, service_id, channel, state, submitted_at, updated_at)
				VALUES ('NEW-1', 1, 'online', 'submitted', ?, ?)`), benchStart, benchStart); err != nil {
				b.Fatal(err)
			}
			if _, err := raw.Exec(rebindPG(pg, `INSERT INTO process_events (process, case_id, activity, at) VALUES ('case', 'NEW-1', 'submitted', ?)`), benchStart); err != nil {
				b.Fatal(err)
			}
			start = time.Now()
			if months, err := db.RefreshDashboard(ctx); err != nil || months != 1 {
				b.Fatalf("refresh after one case: %d months, %v", months, err)
			}
			b.Logf("refresh after one new case: %v", time.Since(start).Round(time.Millisecond))
			r := dashboard.Range{From: "2025-01", To: "2026-12"}
			for _, sc := range []struct {
				name  string
				scope dashboard.Scope
			}{{"city", dashboard.Scope{}}, {"service", dashboard.Scope{ServiceID: 7}}, {"unit", dashboard.Scope{OrgID: 3}}} {
				b.Run(sc.name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						t := time.Now()
						ms, err := db.DashboardMonths(ctx, sc.scope, r)
						if err != nil || len(ms) != 24 || ms[3].Processing.N == 0 {
							b.Fatalf("got %d months, %v", len(ms), err)
						}
						if d := time.Since(t); d > time.Second {
							b.Errorf("%s dashboard took %v", sc.name, d)
						}
					}
				})
			}
		})
	}
}

var benchStart = time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)

func rebindPG(pg bool, q string) string {
	if !pg {
		return q
	}
	for i := 1; strings.Contains(q, "?"); i++ {
		q = strings.Replace(q, "?", "$"+strconv.Itoa(i), 1)
	}
	return q
}

// generateDashboardData inserts n cases spread over 720 days from
// benchStart (four in five closed within 30 days, a third with a
// deadline of 20 days), 10n process events, n/2 visits at 10 offices
// (half booked) and n/5 ratings, each table with one statement that
// generates its rows in the database.
func generateDashboardData(b *testing.B, raw *sql.DB, pg bool, n int) {
	// g(i) is 1..count; hours(x) is benchStart plus x hours.
	series := func(count int) string {
		if pg {
			return "FROM generate_series(1, " + strconv.Itoa(count) + ") AS g(i)"
		}
		return "FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + strconv.Itoa(count) + ") SELECT i FROM s) AS g"
	}
	hours := func(x string) string {
		if pg {
			return "(TIMESTAMPTZ '2025-01-01 08:00:00+00' + (" + x + ") * INTERVAL '1 hour')"
		}
		return "(strftime('%Y-%m-%d %H:%M:%S', '2025-01-01 08:00:00', (" + x + ") || ' hours') || '+00:00')"
	}
	text := func(x string) string { return "CAST(" + x + " AS TEXT)" }
	at := "(i % 17280)" // hours over 720 days
	channel := "CASE i % 7 WHEN 3 THEN 'paper' WHEN 4 THEN 'in_person' WHEN 5 THEN 'phone' WHEN 6 THEN 'email' ELSE 'online' END"
	stmts := []string{
		"INSERT INTO orgs (kind, slug, name, created_at) SELECT 'unit', 'unit-' || " + text("i") + ", 'Unit', " + hours("0") + " " + series(10),
		"INSERT INTO offices (name, org_id, created_at, updated_at) SELECT 'Office', i, " + hours("0") + ", " + hours("0") + " " + series(10),
		`INSERT INTO cases (reference, service_id, org_id, channel, state, submitted_at, updated_at, closed_at, deadline)
			SELECT 'B-' || ` + text("i") + `, i % 40 + 1, i % 10 + 1, ` + channel + `, 'received', ` + hours(at) + `, ` + hours(at) + `,
			CASE WHEN i % 5 <> 0 THEN ` + hours(at+" + (i * 37) % 720") + ` END,
			CASE WHEN i % 3 = 0 THEN ` + hours(at+" + 480") + ` END ` + series(n),
		`INSERT INTO process_events (process, case_id, activity, at)
			SELECT 'case', 'B-' || ` + text("i % "+strconv.Itoa(n)+" + 1") + `, 'step', ` + hours("i % 17280 + i / "+strconv.Itoa(n)) + " " + series(10*n),
		`INSERT INTO bookings (code, office_id, service_ids, persons, start_at, end_at, name, email, lang, status, created_at)
			SELECT 'K-' || ` + text("i") + `, i % 10 + 1, '[' || ` + text("i % 40 + 1") + ` || ']', 1, ` + hours("(2 * i) % 17280") + `,
			` + hours("(2 * i) % 17280") + `, '', '', 'de', 'finished', ` + hours("(2 * i) % 17280 - 24 * (i % 20)") + " " + series(n/4),
		`INSERT INTO tickets (office_id, day, number, kind, booking_id, service_ids, status, issued_at, called_at)
			SELECT i % 10 + 1, 'd', i, CASE WHEN i % 2 = 0 THEN 'appointment' ELSE 'walk_in' END, CASE WHEN i % 2 = 0 THEN i / 2 END,
			'[' || ` + text("i % 40 + 1") + ` || ']', 'done', ` + hours("i % 17280") + `, ` + hours("i % 17280 + 0.01 * (i % 60)") + " " + series(n/2),
		`INSERT INTO feedback_satisfaction (kind, subject_id, service_id, org_id, rating, at, updated_at)
			SELECT 'case', i, i % 40 + 1, i % 10 + 1, i % 5 + 1, ` + hours(at) + `, ` + hours(at) + " " + series(n/5),
	}
	for _, q := range stmts {
		start := time.Now()
		if _, err := raw.Exec(q); err != nil {
			b.Fatalf("%v\n%s", err, q)
		}
		b.Logf("%v: %.60s", time.Since(start).Round(time.Millisecond), strings.Join(strings.Fields(q), " "))
	}
	if pg {
		if _, err := raw.Exec("ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
}
