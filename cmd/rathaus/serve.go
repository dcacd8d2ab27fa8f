package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/config"
	"rathaus/internal/dashboard"
	"rathaus/internal/demo"
	"rathaus/internal/georeport"
	"rathaus/internal/helppoint"
	"rathaus/internal/impact"
	"rathaus/internal/oidc"
	"rathaus/internal/web"
)

// runServer runs `demo` or `serve` until ctx ends, then shuts down
// gracefully: in-flight requests and jobs finish first.
func runServer(ctx context.Context, cmd string, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, _, err := config.Load(cmd, args, getenv, stderr)
	if err != nil {
		return err
	}
	if !cfg.Demo {
		if err := cfg.CheckProduction(); err != nil {
			return fmt.Errorf("refusing to start with an insecure configuration:\n%w", err)
		}
	}
	log := newLogger(cfg, stderr)
	log.Info("starting rathaus", "version", Version(), "config", cfg.Redacted())
	a, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	if err := a.prepare(ctx, stdout); err != nil {
		return err
	}
	a.trainReportSuggester(ctx)
	srv, err := a.webServer(ctx)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	a.announce(stdout, ln.Addr())
	return a.serve(ctx, ln, srv)
}

// prepare seeds the demo, or checks that a production database holds no
// demo accounts.
func (a *app) prepare(ctx context.Context, stdout io.Writer) error {
	if a.cfg.Demo {
		seeded, err := demo.Seed(ctx, a.accounts, a.orgs)
		if err != nil {
			return err
		}
		if seeded {
			fmt.Fprintln(stdout, "Seeded the demo city of Jena.")
		}
		// The demo catalogue is imported on every start: unchanged
		// services stay untouched, and a newer binary brings its texts.
		if err := demo.SeedCatalog(ctx, a.catalog); err != nil {
			return err
		}
		if err := demo.SeedAppointments(ctx, a.db, a.catalog); err != nil {
			return err
		}
		// Forms are added when a service has none (staff may have changed
		// them since); the simulated case history only on the first start.
		if err := demo.SeedForms(ctx, a.db, a.catalog, time.Now()); err != nil {
			return err
		}
		if err := demo.SeedSurveys(ctx, a.db, a.db, time.Now()); err != nil { // when there are none
			return err
		}
		if _, err := demo.SeedFeedback(ctx, a.db, a.db, time.Now()); err != nil { // when there is none
			return err
		}
		if _, err := demo.SeedParticipation(ctx, a.ideas, a.db, time.Now()); err != nil { // when there is no space
			return err
		}
		if err := demo.SeedWorkshop(ctx, a.db, a.catalog, a.db, time.Now()); err != nil { // when there are no demo models
			return err
		}
		if _, err := demo.SeedInquiries(ctx, a.inquiries); err != nil { // when there are no messages
			return err
		}
		if _, err := demo.SeedHelpPoints(ctx, a.db, a.db, time.Now()); err != nil { // when there are none; renews the bus's round
			return err
		}
		// Defect reports of the last eight months, when there are none.
		rs, err := demo.SeedReports(ctx, demo.ReportSeed{Store: a.db, Orgs: a.orgs, Accounts: a.db, Open311: a.db, Files: a.files, Now: time.Now()})
		if err != nil {
			return err
		}
		if rs.Reports > 0 {
			fmt.Fprintf(stdout, "Simulated %d defect reports of the last eight months.\n", rs.Reports)
		}
		if seeded {
			n, err := demo.SeedCases(ctx, demo.CaseSeed{Cases: a.db, Forms: a.db, Catalog: a.catalog, Accounts: a.db,
				Files: a.files, Now: time.Now(), Seed: 2026})
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Simulated %d applications of the last twelve months.\n", n)
		}
		// A year of visits at the offices, when no booking is in the past.
		v, err := demo.SeedVisits(ctx, demo.VisitSeed{Store: a.db, History: a.db, Ratings: a.db, Catalog: a.catalog,
			Now: time.Now(), Seed: 2026})
		if err != nil {
			return err
		}
		if v.Bookings > 0 {
			fmt.Fprintf(stdout, "Simulated %d appointments and %d walk-ins of the last twelve months.\n", v.Bookings, v.WalkIns)
		}
		// The forms' funnel matching the applications, and two campaigns,
		// when there are none.
		fs, err := demo.SeedFunnel(ctx, demo.FunnelSeed{Funnel: a.db, Cases: a.db, Forms: a.db, Promo: a.db,
			Catalog: a.catalog, Now: time.Now(), Seed: 2026})
		if err != nil {
			return err
		}
		if fs.Months > 0 || fs.Campaigns > 0 {
			fmt.Fprintf(stdout, "Simulated the form funnel of %d service months and %d campaigns.\n", fs.Months, fs.Campaigns)
		}
		// The dashboards show the seeded history at once, not after the
		// first periodic refresh.
		_, err = a.db.RefreshDashboard(ctx)
		return err
	}
	us, err := a.accounts.Store.FindUsers(ctx, account.UserFilter{Query: demo.Domain, Limit: 1})
	if err != nil {
		return err
	}
	if len(us) > 0 {
		return fmt.Errorf("refusing to start: the database holds demo accounts (%s); production must not run with known passwords — use a fresh database", us[0].Email)
	}
	return nil
}

func (a *app) announce(stdout io.Writer, addr net.Addr) {
	url := a.cfg.BaseURL
	if tcp, ok := addr.(*net.TCPAddr); ok && (a.cfg.Addr == "" || hasZeroPort(a.cfg.Addr)) {
		url = fmt.Sprintf("http://127.0.0.1:%d", tcp.Port)
	}
	fmt.Fprintf(stdout, "rathaus %s listening on %s\n", Version(), url)
	if !a.cfg.Demo {
		return
	}
	fmt.Fprintf(stdout, "\nDemo accounts (password for all: %s):\n", demo.Password)
	for _, d := range append(demo.Accounts, demo.ReportLogins...) {
		fmt.Fprintf(stdout, "  %-40s %s\n", d.Email, a.i18n.T("en", d.What))
	}
	fmt.Fprintln(stdout, "\nMails are not sent in the demo: log in as admin and open Verwaltung > Postausgang.")
	fmt.Fprintf(stdout, "\nOpen311 demo key: %s, e.g.\n  curl -d api_key=%[1]s -d service_code=schlagloch -d lat=50.9271 -d long=11.5892 --data-urlencode 'description=Loch im Radweg' %s/georeport/v2/requests.json\n", demo.Open311Key, url)
}

func hasZeroPort(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	return err == nil && port == "0"
}

func (a *app) webServer(ctx context.Context) (*web.Server, error) {
	var accounts []web.DemoAccount
	if a.cfg.Demo {
		for _, d := range append(demo.Accounts, demo.ReportLogins...) {
			accounts = append(accounts, web.DemoAccount{Email: d.Email, Password: demo.Password, Role: d.What})
		}
	}
	c := a.cfg.City
	provider, err := a.oidcProvider(ctx)
	if err != nil {
		return nil, err
	}
	areas := a.reportAreaSource()
	return web.New(web.Options{
		Accounts: a.accounts, Orgs: a.orgs, Services: a.catalog, Appointments: a.booking, Forms: a.db, Cases: a.cases, Feedback: a.feedback, Participation: a.ideas, Location: cityZone, Audit: a.db, Mail: a.db, Jobs: a.db, Ping: a.db.Ping,
		Catalog: a.i18n, Logger: a.log, Now: time.Now,
		Surveys: a.surveys, EmbedOrigins: a.cfg.EmbedOrigins, Workshop: a.workshop, Assistant: a.assistant, Inquiries: a.inquiries,
		Impact:  &impact.Service{Store: a.db},
		BaseURL: a.cfg.BaseURL, Demo: a.cfg.Demo, DemoAccounts: accounts,
		City: web.City{Name: c.Name, Address: c.Address, Email: c.Email, Phone: c.Phone,
			Responsible: c.Representative, DataProtectionEmail: c.DataProtectionEmail,
			SupervisoryAuthority: web.JenaDemo.SupervisoryAuthority, EnforcementURL: web.JenaDemo.EnforcementURL},
		AccessibilityContact: c.AccessibilityContact,
		MaxBodyBytes:         a.cfg.MaxBodyBytes, SecureCookies: a.cfg.SecureCookies(),
		SessionSecret: a.cfg.SessionSecret, TrustProxy: a.cfg.TrustProxy, MetricsToken: a.cfg.MetricsToken,
		OIDC: provider, OIDCLabel: a.cfg.OIDC.ButtonLabel, OpenData: a.openData(),
		Promo: a.db,
		// The dashboards suppress small cells with the open data's threshold.
		Dashboard:  &dashboard.Service{Store: a.db, Now: time.Now, MinCount: a.cfg.OpenData.MinCount},
		HelpPoints: &helppoint.Service{Store: a.db, Orgs: a.orgs, Cases: a.cases, MapURL: a.cfg.HelpPointMapURL},
		Reports:    a.withSuggester(a.reportService(areas)), ReportFiles: a.files, ReportAreasSource: areas, ReportBoundaries: a.db,
		// The city's own tile server, if any; without one no map tiles are loaded.
		ReportTileURL: a.cfg.ReportTileURL, ReportTileAttribution: a.cfg.ReportTileAttribution,
		// The Open311 API's client keys; its hourly limits are counted in the database.
		Open311Clients: &georeport.Service{Store: a.db, Now: time.Now}, Open311Jurisdiction: a.cfg.Open311Jurisdiction,
	})
}

func (a *app) oidcProvider(ctx context.Context) (*oidc.Provider, error) {
	o := a.cfg.OIDC
	if o.Issuer == "" {
		return nil, nil
	}
	roles, err := oidc.ParseRoleMap(o.RoleMap)
	if err != nil {
		return nil, fmt.Errorf("RATHAUS_OIDC_ROLE_MAP: %w", err)
	}
	p, err := oidc.New(ctx, oidc.Config{Issuer: o.Issuer, ClientID: o.ClientID, ClientSecret: o.ClientSecret,
		RedirectURL: a.cfg.BaseURL + "/auth/oidc/callback", Scopes: strings.Fields(o.Scopes),
		RoleClaim: o.RoleClaim, RoleMap: roles})
	if err != nil {
		return nil, fmt.Errorf("OpenID Connect: %w", err)
	}
	if err := p.Discover(ctx); err != nil {
		a.log.Warn("OpenID provider not reachable yet; login with it will retry", "issuer", o.Issuer, "err", err)
	}
	return p, nil
}

// serve runs the HTTP server and the job runner until ctx ends.
func (a *app) serve(ctx context.Context, ln net.Listener, srv *web.Server) error {
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          nil,
	}
	jobCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); a.runner.Run(jobCtx) }()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		stopJobs()
		wg.Wait()
		return err
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := hs.Shutdown(shutCtx)
	stopJobs()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
