package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/assistant"
	"rathaus/internal/audit"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/config"
	"rathaus/internal/fault"
	"rathaus/internal/feedback"
	"rathaus/internal/filestore"
	"rathaus/internal/i18n"
	"rathaus/internal/inquiry"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/participation"
	"rathaus/internal/payment"
	"rathaus/internal/reportroute"
	"rathaus/internal/sqlstore"
	"rathaus/internal/survey"
	"rathaus/internal/workshop"
)

// app is everything wired from one configuration.
type app struct {
	cfg      *config.Config
	log      *slog.Logger
	db       *sqlstore.DB
	i18n     *i18n.Catalog
	accounts *account.Service
	orgs     *org.Service
	catalog  *catalog.Catalog
	booking  *appointment.Service
	files    filestore.Store
	surveys  *survey.Service
	cases    *cases.Service
	ideas    *participation.Service
	runner   *jobs.Runner
	feedback *feedback.Service
	workshop *workshop.Service
	// assistant is "Frag die Stadt" (assistant.go).
	assistant *assistant.Assistant
	// inquiries are messages to the city and their routing (inquiries.go).
	inquiries *inquiry.Service
	// reportSuggester proposes defect-report categories (reports_jobs.go).
	reportSuggester *reportroute.Suggester
}

// cityZone is the time zone of opening hours and appointments.
var cityZone, _ = time.LoadLocation("Europe/Berlin")

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// open connects the database (migrating it) and builds the services.
func open(ctx context.Context, cfg *config.Config, log *slog.Logger) (*app, error) {
	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("no database: set RATHAUS_DATABASE_URL or --db")
	}
	db, err := sqlstore.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	cat, err := i18n.New()
	if err != nil {
		db.Close()
		return nil, err
	}
	now := func() time.Time { return time.Now().UTC() }
	a := &app{cfg: cfg, log: log, db: db, i18n: cat}
	a.accounts = &account.Service{Store: db, Audit: db, Outbox: db, T: cat, Now: now,
		BaseURL: cfg.BaseURL, Issuer: cfg.City.Name, SessionTTL: cfg.SessionTTL, NoEmailLinking: cfg.OIDCNoEmailLinking}
	a.orgs = &org.Service{Store: db, Audit: db, Now: now}
	a.catalog = &catalog.Catalog{Store: db, Orgs: a.orgs, Audit: db, Now: now, FourEyes: cfg.CatalogFourEyes, Freshness: time.Second}
	a.booking = &appointment.Service{Store: db, Catalog: a.catalog, Orgs: a.orgs, Audit: db, T: cat, Now: now,
		Location: cityZone, BaseURL: cfg.BaseURL, Secret: cfg.SessionSecret, CityName: cfg.City.Name}
	if a.files, err = openFiles(ctx, cfg, 0); err != nil {
		db.Close()
		return nil, err
	}
	// Event logs from specialist systems are large: their own limit.
	logFiles, err := openFiles(ctx, cfg, workshopMaxFile)
	if err != nil {
		db.Close()
		return nil, err
	}
	p := cfg.Payments
	a.cases = &cases.Service{Store: db, Forms: db, Files: a.files, Catalog: a.catalog, Orgs: a.orgs, Audit: db,
		T: cat, Now: now, BaseURL: cfg.BaseURL, CityName: cfg.City.Name,
		Creditor:    payment.Bill{Creditor: p.Creditor, IBAN: payment.NormalizeIBAN(p.IBAN), BIC: p.BIC},
		DeliveryURL: cfg.Delivery.URL, DeliverySecret: []byte(cfg.Delivery.Secret)}
	a.ideas = &participation.Service{Store: db, Accounts: db, Orgs: a.orgs, Audit: db, T: cat, Now: now, BaseURL: cfg.BaseURL}
	a.surveys = &survey.Service{Store: db, Orgs: a.orgs, Audit: db, Now: now}
	a.feedback = &feedback.Service{Store: db, Secret: cfg.SessionSecret, Location: cityZone, Now: now}
	a.workshop = &workshop.Service{Store: db, Orgs: a.orgs, Files: logFiles, Audit: db, Now: now, Location: cityZone,
		MaxUpload: workshopMaxFile, ServiceName: a.serviceName}
	host, _ := os.Hostname()
	a.runner = &jobs.Runner{Store: db, Worker: fmt.Sprintf("%s:%d", host, os.Getpid()), Now: now, Log: log}
	a.runner.Register(mail.JobKind, (&mail.Deliverer{Store: db, Sender: a.sender(), From: cfg.SMTP.From, Now: now}).Handle)
	a.runner.Every("sessions.purge", time.Hour, func(ctx context.Context, _ []byte) error {
		n, err := db.DeleteExpiredSessions(ctx, now())
		if n > 0 {
			log.Info("purged expired sessions", "count", n)
		}
		return err
	})
	a.runner.Every("retention.purge", 24*time.Hour, a.purge)
	// The dashboards' rollups follow the process events every few minutes;
	// instances take turns, and a refresh with nothing new is two queries.
	a.runner.Every("dashboard.refresh", 5*time.Minute, func(ctx context.Context, _ []byte) error {
		n, err := db.RefreshDashboard(ctx)
		if n > 0 {
			log.Info("refreshed dashboard months", "count", n)
		}
		return err
	})
	a.booking.RunJobs(a.runner)
	a.cases.RunJobs(a.runner)
	a.feedback.RunJobs(a.runner)
	a.workshop.RunJobs(a.runner)
	a.openAssistant(now)
	a.openInquiries(now)
	a.openReports()
	return a, nil
}

// workshopMaxFile bounds an imported event log as stored (gzipped).
const workshopMaxFile = 512 << 20

// serviceName names a catalogue service for the workshop's lists.
func (a *app) serviceName(ctx context.Context, id int64) string {
	if s, err := a.catalog.PublicService(ctx, id); err == nil {
		return s.Name
	}
	return ""
}

// openFiles opens the file store: S3-compatible storage when configured
// (needed when several instances run), else the local directory.
// maxBytes bounds a file; 0 means filestore.DefaultMaxBytes.
func openFiles(ctx context.Context, cfg *config.Config, maxBytes int64) (filestore.Store, error) {
	if cfg.S3URL == "" {
		return &filestore.Local{Dir: cfg.StorageDir, MaxBytes: maxBytes}, nil
	}
	s3, err := filestore.ParseS3URL(cfg.S3URL)
	if err != nil {
		return nil, fmt.Errorf("RATHAUS_S3_URL: %w", err)
	}
	s3.MaxBytes = maxBytes
	// Create the bucket when the credentials allow it; else it must exist
	// and be readable (a missing probe object is fine).
	if err := s3.CreateBucket(ctx); err != nil {
		if _, err2 := s3.Stat(ctx, "rathaus-probe"); err2 != nil && !fault.Is(err2, fault.NotFound) {
			return nil, fmt.Errorf("S3 bucket %q: %w", s3.Bucket, errors.Join(err, err2))
		}
	}
	return s3, nil
}

// purge deletes what has outlived its retention period, as the privacy
// notice promises: security log entries, mails, finished jobs. (Sessions,
// mailed links and login failures go with "sessions.purge".)
func (a *app) purge(ctx context.Context, _ []byte) error {
	now := time.Now().UTC()
	n1, err := a.db.DeleteAuditEntriesBefore(ctx, now.Add(-audit.Retention))
	if err != nil {
		return err
	}
	n2, err := a.db.DeleteMessagesBefore(ctx, now.Add(-mail.Retention))
	if err != nil {
		return err
	}
	n3, err := a.db.DeleteFinishedJobsBefore(ctx, now.Add(-jobs.Retention))
	if err != nil {
		return err
	}
	n4, err := a.catalog.PurgeMisses(ctx)
	a.log.Info("retention purge", "audit_entries", n1, "mails", n2, "jobs", n3, "search_misses", n4)
	return err
}

// sender returns the SMTP sender, or in a demo without SMTP the demo
// mailbox, which keeps mails in the database for the admin page only.
func (a *app) sender() mail.Sender {
	if a.cfg.SMTP.Addr == "" && a.cfg.Demo {
		return demoMailbox{}
	}
	return &mail.SMTP{Addr: a.cfg.SMTP.Addr, Username: a.cfg.SMTP.User, Password: a.cfg.SMTP.Password, StartTLS: a.cfg.SMTP.StartTLS}
}

// demoMailbox "delivers" by leaving the message in the outbox table, where
// the demo's admin page shows it. Nothing leaves the machine.
type demoMailbox struct{}

func (demoMailbox) Send(context.Context, string, *mail.Message) error { return nil }

func (a *app) close() { a.db.Close() }
