package web

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/dashboard"
	"rathaus/internal/i18n"
	"rathaus/internal/opendata/opendatatest"
	"rathaus/internal/org"
	"rathaus/internal/report"
	"rathaus/internal/sqlstore"
)

// dashboardEnv is a server with dashboards over a real SQLite database
// holding a known history (opendatatest's, plus an organisation unit,
// closed cases with deadlines and visits at the counter):
//
//	applications: 2026-10 Wohnsitz (service 1, unit Bürgeramt) online 7,
//	paper 2; 2026-11 Wohnsitz online 5; Hund (service 2) online 1,
//	in_person 3 — so November has 9, the whole range 18
//	closed on 2026-10-20: the 9 October Wohnsitz applications, after 10
//	days each, with deadlines: 8 met, 1 missed
//	visits 2026-11-20 at the Bürgerservice (Bürgeramt): 5 with an
//	appointment (leads 1, 2, 3, 4, 10 days; called after 5 minutes) and
//	3 walk-ins (called after 30 minutes)
//	ratings 2026-11: Wohnsitz 5, 5, 4, 3, 5, 4; Hund 2, 5
//	defect reports (street lights, Bürgeramt): 6 received on 2026-10-05,
//	each answered after 2 hours, 5 of them done after 3 days; 3 received
//	on 2026-11-10, answered after 4 hours
type dashboardEnv struct {
	*testEnv
	unit int64 // the Bürgeramt
}

func newDashboardEnv(t testing.TB) *dashboardEnv {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dash.db")
	db, err := sqlstore.Open(ctx, "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return testNow }
	orgs := &org.Service{Store: db, Audit: db, Now: now}
	city := &org.Org{Kind: org.KindGroup, Slug: "stadt", Name: "Stadt Jena"}
	if err := orgs.Create(ctx, city); err != nil {
		t.Fatal(err)
	}
	unit := &org.Org{Kind: org.KindOrganisation, Slug: "buergeramt", Name: "Bürgeramt", ParentID: &city.ID}
	if err := orgs.Create(ctx, unit); err != nil {
		t.Fatal(err)
	}

	raw, err := sql.Open("sqlite", "file:"+path+"?_time_format=sqlite&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	opendatatest.Seed(t, raw, false)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	exec(`UPDATE services SET content = json_object('name', name)`)
	exec(`UPDATE cases SET org_id = ? WHERE service_id = 1`, unit.ID)
	exec(`UPDATE offices SET org_id = ?`, unit.ID)
	oct := time.Date(2026, 10, 10, 9, 0, 0, 0, time.UTC)
	closed := oct.AddDate(0, 0, 10)
	exec(`UPDATE cases SET state = 'closed', closed_at = ?, deadline = ? WHERE service_id = 1 AND submitted_at = ?`,
		closed, closed.AddDate(0, 0, 1), oct)
	exec(`UPDATE cases SET deadline = ? WHERE id = (SELECT MIN(id) FROM cases WHERE service_id = 1 AND submitted_at = ?)`,
		closed.AddDate(0, 0, -1), oct)
	day := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for i := 1; i <= 5; i++ {
		at := day.Add(time.Duration(i) * time.Minute)
		exec(`INSERT INTO tickets (office_id, day, number, kind, booking_id, service_ids, status, issued_at, called_at)
			VALUES (1, '2026-11-20', ?, 'appointment', ?, '[1]', 'done', ?, ?)`, i, i, at, at.Add(5*time.Minute))
	}
	for i := 6; i <= 8; i++ {
		at := day.Add(time.Duration(i) * time.Minute)
		exec(`INSERT INTO tickets (office_id, day, number, kind, service_ids, status, issued_at, called_at)
			VALUES (1, '2026-11-20', ?, 'walk_in', '[1]', 'done', ?, ?)`, i, at, at.Add(30*time.Minute))
	}
	raw.Close()
	seedDashboardReports(t, db, city.ID, unit.ID)
	if _, err := db.RefreshDashboard(ctx); err != nil {
		t.Fatal(err)
	}

	acc := &account.Service{Store: db, Audit: db, Outbox: db, T: cat, Now: now, BaseURL: "http://rathaus.test"}
	logs := &bytes.Buffer{}
	srv, err := New(Options{
		Accounts: acc, Audit: db, Mail: db, Ping: db.Ping, Catalog: cat, Orgs: orgs,
		Services:  &catalog.Catalog{Store: db, Audit: db, Now: now},
		Dashboard: &dashboard.Service{Store: db, Now: now, MinCount: 5},
		Reports:   &report.Service{Store: db, Now: now},
		Logger:    slog.New(slog.NewTextHandler(logs, nil)), Now: now,
		BaseURL: "http://rathaus.test", AccessibilityContact: "a11y@jena.example",
	})
	if err != nil {
		t.Fatal(err)
	}
	return &dashboardEnv{testEnv: &testEnv{t: t, srv: srv, db: db, acc: acc, logs: logs}, unit: unit.ID}
}

// staff is a case worker of the Bürgeramt, logged in.
func (e *dashboardEnv) staff(email string) (*account.User, *http.Cookie) {
	e.t.Helper()
	u := e.user(email, false)
	if _, err := e.srv.opts.Orgs.Grant(context.Background(), nil, u.ID, org.RoleCaseWorker, e.unit); err != nil {
		e.t.Fatal(err)
	}
	return u, e.login(u)
}

// seedDashboardReports stores the defect reports named on dashboardEnv.
func seedDashboardReports(t testing.TB, db *sqlstore.DB, city, unit int64) {
	t.Helper()
	ctx := context.Background()
	cat := &report.Category{OrgID: city, UnitID: &unit, Code: "licht", NameDE: "Straßenbeleuchtung", Active: true}
	if err := db.CreateDefectCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	add := func(at time.Time, answer time.Duration, fixed time.Duration) {
		a := at.Add(answer)
		r := &report.Report{OrgID: city, CategoryID: cat.ID, UnitID: &unit, Status: report.StatusInProgress,
			Location: report.Location{Address: "Markt 1"}, Description: "Laterne aus", Source: report.SourceWeb,
			RequestedAt: at, FirstAnswerAt: &a}
		if fixed > 0 {
			c := at.Add(fixed)
			r.Status, r.ClosedAt = report.StatusDone, &c
		}
		if err := db.CreateDefectReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 6 {
		fixed := 72 * time.Hour
		if i == 5 {
			fixed = 0
		}
		add(time.Date(2026, 10, 5, 9, i, 0, 0, time.UTC), 2*time.Hour, fixed)
	}
	for i := range 3 {
		add(time.Date(2026, 11, 10, 9, i, 0, 0, time.UTC), 4*time.Hour, 0)
	}
}
