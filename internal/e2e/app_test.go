package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/cases"
	svccatalog "rathaus/internal/catalog"
	"rathaus/internal/dashboard"
	"rathaus/internal/demo"
	"rathaus/internal/filestore"
	"rathaus/internal/georeport"
	"rathaus/internal/helppoint"
	"rathaus/internal/i18n"
	"rathaus/internal/impact"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/mail/smtptest"
	"rathaus/internal/org"
	"rathaus/internal/payment"
	"rathaus/internal/report"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
	"rathaus/internal/web"
)

// app is the product wired as cmd/rathaus wires it, served over HTTP.
type app struct {
	URL          string
	SMTP         *smtptest.Server
	DB           *sqlstore.DB
	Catalog      *svccatalog.Catalog
	Appointments *appointment.Service
	Cases        *cases.Service
}

// engines returns the database URLs to run on: SQLite always, PostgreSQL
// when configured (required under make test).
func engines(t *testing.T) map[string]func(t *testing.T) string {
	m := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "e2e.db") },
	}
	if pg := storetest.PostgresURL(t); pg != "" {
		m["postgres"] = func(t *testing.T) string { return storetest.WithSchema(pg, storetest.FreshSchema(t, pg)) }
	}
	return m
}

// start runs rathaus on dbURL with the demo city seeded.
func start(t *testing.T, dbURL string, demoMode bool) *app {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	now := func() time.Time { return time.Now().UTC() }
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	accounts := &account.Service{Store: db, Audit: db, Outbox: db, T: cat, Now: now, BaseURL: base, Issuer: "Stadt Jena"}
	orgs := &org.Service{Store: db, Audit: db, Now: now}
	if _, err := demo.Seed(ctx, accounts, orgs); err != nil {
		t.Fatal(err)
	}
	services := &svccatalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: now}
	if err := demo.SeedCatalog(ctx, services); err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedAppointments(ctx, db, services); err != nil {
		t.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	appts := &appointment.Service{Store: db, Catalog: services, Orgs: orgs, Audit: db, T: cat, Now: now,
		Location: berlin, BaseURL: base, Secret: "e2e-booking-secret", CityName: "Stadt Jena"}
	if err := demo.SeedForms(ctx, db, services, now()); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.SeedHelpPoints(ctx, db, db, now()); err != nil {
		t.Fatal(err)
	}
	applications := &cases.Service{Store: db, Forms: db, Files: &filestore.Local{Dir: t.TempDir()}, Catalog: services,
		Orgs: orgs, Audit: db, T: cat, Now: now, BaseURL: base, CityName: "Stadt Jena",
		Creditor: payment.Bill{Creditor: "Stadtkasse Jena", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001"}}
	smtp := smtptest.Start(t)
	runner := &jobs.Runner{Store: db, Worker: "e2e", Now: now, Log: log, Poll: 50 * time.Millisecond}
	runner.Register(mail.JobKind, (&mail.Deliverer{Store: db, Sender: &mail.SMTP{Addr: smtp.Addr()}, From: "noreply@jena.example", Now: now}).Handle)
	appts.RunJobs(runner)
	applications.RunJobs(runner)
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { runner.Run(runCtx); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	var shown []web.DemoAccount // the demo home page lists the logins, as serve.go does
	if demoMode {
		for _, d := range demo.Accounts {
			shown = append(shown, web.DemoAccount{Email: d.Email, Password: demo.Password, Role: d.What})
		}
	}
	w, err := web.New(web.Options{Accounts: accounts, Orgs: orgs, Services: services, Appointments: appts, Forms: db, Cases: applications, Audit: db, Mail: db, Jobs: db,
		Ping: db.Ping, Catalog: cat, Logger: log, Now: now, BaseURL: base, Demo: demoMode, DemoAccounts: shown, Location: berlin,
		Impact: &impact.Service{Store: db}, Dashboard: &dashboard.Service{Store: db, Now: now}, SessionSecret: "e2e-secret-e2e-secret-e2e-secret-!",
		HelpPoints: &helppoint.Service{Store: db, Orgs: orgs, Cases: applications}, Open311Clients: &georeport.Service{Store: db, Now: now},
		Reports: &report.Service{Store: db, Now: now}, ReportFiles: &filestore.Local{Dir: t.TempDir()},
		ReportAreasSource: &report.AreaSource{Store: db}, ReportBoundaries: db})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = w.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	return &app{URL: base, SMTP: smtp, DB: db, Catalog: services, Appointments: appts, Cases: applications}
}

// eachEngine runs fn as a subtest per database engine with a fresh database.
func eachEngine(t *testing.T, fn func(t *testing.T, dbURL string)) {
	for name, url := range engines(t) {
		t.Run(name, func(t *testing.T) { fn(t, url(t)) })
	}
}
