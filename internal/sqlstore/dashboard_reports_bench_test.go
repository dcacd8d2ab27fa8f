package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/dashboard"
)

// BenchmarkDashboardReports times DashboardMonths over 24 months when the
// city has RATHAUS_BENCH_REPORTS defect reports (default 100,000 — Munich,
// a city six times Jena's size, gets about that many a year), spread over
// the 24 months and 10 units, answered after up to two days and, four in
// five, done within a month; the reports are read from the reports table
// itself, not from rollups.
//
//	RATHAUS_TEST_POSTGRES=… go test ./internal/sqlstore -run '^$' -bench DashboardReports -benchtime 10x
func BenchmarkDashboardReports(b *testing.B) {
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("RATHAUS_BENCH_REPORTS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	for name, open := range benchEngines(b, "&_pragma=synchronous(OFF)") {
		b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
			db, raw, pg := open()
			defer db.Close()
			defer raw.Close()
			series := "FROM (WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + strconv.Itoa(n) + ") SELECT i FROM s) AS g"
			hours := func(x string) string {
				return "(strftime('%Y-%m-%d %H:%M:%S', '2025-01-01 08:00:00', (" + x + ") || ' hours') || '+00:00')"
			}
			if pg {
				series = "FROM generate_series(1, " + strconv.Itoa(n) + ") AS g(i)"
				hours = func(x string) string {
					return "(TIMESTAMPTZ '2025-01-01 08:00:00+00' + (" + x + ") * INTERVAL '1 hour')"
				}
			}
			at := "(i % 17280)"
			for _, q := range []string{
				"INSERT INTO orgs (kind, slug, name, created_at) SELECT 'unit', 'unit-' || CAST(i AS TEXT), 'Unit', " + hours("0") + " " + series + " LIMIT 10",
				"INSERT INTO report_categories (org_id, code, name_de, active) VALUES (1, 'muell', 'Müll', TRUE)",
				`INSERT INTO reports (reference, org_id, category_id, unit_id, status, requested_at, updated_at, first_answer_at, closed_at)
					SELECT 'M-' || CAST(i AS TEXT), 1, 1, i % 10 + 1, CASE WHEN i % 5 = 0 THEN 'in_progress' ELSE 'done' END,
					` + hours(at) + `, ` + hours(at) + `, ` + hours(at+" + i % 48") + `,
					CASE WHEN i % 5 <> 0 THEN ` + hours(at+" + (i * 37) % 720") + ` END ` + series,
			} {
				start := time.Now()
				if _, err := raw.Exec(q); err != nil {
					b.Fatalf("%v\n%s", err, q)
				}
				b.Logf("%v: %.50s", time.Since(start).Round(time.Millisecond), q)
			}
			if pg {
				if _, err := raw.Exec("ANALYZE"); err != nil {
					b.Fatal(err)
				}
			}
			r := dashboard.Range{From: "2025-01", To: "2026-12"}
			for _, sc := range []struct {
				name  string
				scope dashboard.Scope
			}{{"city", dashboard.Scope{}}, {"unit", dashboard.Scope{OrgID: 3}}} {
				b.Run(sc.name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						ms, err := db.DashboardMonths(ctx, sc.scope, r)
						if err != nil || len(ms) != 24 || ms[3].Reports == 0 || ms[3].ReportFix.N == 0 {
							b.Fatalf("got %d months, %v", len(ms), err)
						}
					}
				})
			}
		})
	}
}
