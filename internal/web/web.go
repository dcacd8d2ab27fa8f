// Package web is the one HTTP server of rathaus: the routes table, the
// handlers of every domain, templates, static assets and the middleware
// they share (request IDs, logging, metrics, security headers,
// cross-origin protection, body limits, language, current user).
//
// # Adding a page
//
//  1. Write a handler method on *Server that returns error:
//
//     func (s *Server) handleThingView(w http.ResponseWriter, r *http.Request) error {
//     thing, err := s.things.FindThingByID(r.Context(), id)
//     if err != nil {
//     return err // the adapter renders fault kinds as translated pages
//     }
//     return s.render(w, r, "thing", thingPage{Page: s.page(r, "thing.title"), Thing: thing})
//     }
//
//  2. Add a line to the table in routes.go: {"GET /things/{id}", s.handleThingView}.
//     Wrap it in s.requireUser(...) or s.requireAdmin(...) when it needs a login.
//
//  3. Add templates/pages/thing.html. It defines "content" (the inside of
//     <main>, with exactly one <h1>) and is parsed together with
//     templates/layout.html and templates/partials/*.html at start; a broken
//     template stops New. The page data struct embeds Page, so the template
//     reaches .T (translate), .Lang, .User, .Form, .Asset and friends.
//
//  4. Add every text as a dotted key to internal/i18n/locales/de.json and
//     en.json; the i18n tests fail on a key used in a template but missing.
//
// Handlers translate with s.t(r, key, args...) and read the request's
// language with langOf(r); templates call {{.T "key" args...}} on the page
// (use $.T inside range and with).
//
// # Forms (post/redirect/get)
//
// A POST handler calls s.parseForm(r) (413 for oversized, 400 for
// malformed bodies), hands the values to a domain service, and on a
// fault.Invalid error re-renders the page with s.formFor(r, values, err) in
// Page.Form and the status from statusOf. The "error-summary", "input" and
// "textarea" partials render an error summary (role=alert, links to
// #field-<name>), labelled inputs with inline errors tied by
// aria-describedby, and keep the submitted values:
//
//	{{template "error-summary" .Form}}
//	{{template "input" (.Form.Field "email" "feedback.email" "type=email" "optional")}}
//
// On success the handler calls s.redirectFlash(w, r, "/path", "flash.key"):
// a 303 redirect plus a one-shot cookie whose translated text the next page
// shows.
//
// # Errors
//
// Handlers return errors; one adapter (serveError) logs them once and renders
// internal/fault kinds through the status table in errors.go, as an
// accessible HTML page or, under /api/, as
// {"error":{"code":"invalid","message":"…","fields":[…]}}. An
// unauthenticated HTML GET is redirected to the login page instead.
//
// # JSON API
//
// Routes under /api/ answer errors as JSON, require application/json
// bodies, and authenticate with Bearer tokens only. decodeJSON(r, &v)
// reads a body strictly (unknown fields and trailing data are errors);
// s.writeJSON(w, status, v) answers.
//
// # Cookies
//
// s.setSignedCookie and s.signedCookie keep short-lived state in the
// browser (the OpenID Connect state, the flash) under an HMAC made with
// Options.SessionSecret; clientIP(r) is the address for audit entries.
//
// # Users and sessions
//
// A middleware resolves the session cookie (rathaus_session) or, under
// /api/, an "Authorization: Bearer" token to the current user:
// currentUser(r) returns it (nil when anonymous), currentSession(r) the
// session, including one that still awaits its second factor. Account
// handlers set and clear the cookie with s.setSessionCookie and
// s.clearSessionCookie.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/assistant"
	"rathaus/internal/audit"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/dashboard"
	fb "rathaus/internal/feedback" // "feedback" is the accessibility form's type
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/geo"
	"rathaus/internal/georeport"
	"rathaus/internal/helppoint"
	"rathaus/internal/i18n"
	"rathaus/internal/impact"
	"rathaus/internal/inquiry"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/metrics"
	"rathaus/internal/oidc"
	"rathaus/internal/opendata"
	"rathaus/internal/org"
	"rathaus/internal/participation"
	"rathaus/internal/promo"
	"rathaus/internal/report"
	"rathaus/internal/survey"
	"rathaus/internal/workshop"
)

// Options are the server's dependencies and settings. Services that a test
// does not need may be nil; the pages that use them then fail with 500.
type Options struct {
	Accounts *account.Service
	Orgs     *org.Service
	Services *catalog.Catalog // the service catalogue (service finder and its editing)
	// Appointments books visits to offices; nil: no booking pages.
	Appointments *appointment.Service
	// Forms keeps the application forms staff build; Cases takes and
	// works applications. nil: no form builder or application pages.
	Forms form.Store
	Cases *cases.Service
	// Feedback collects "was this page helpful?" and satisfaction
	// answers and shows them to service owners; nil: no feedback pages.
	Feedback *fb.Service
	// Participation collects ideas, supports, comments and answers; nil:
	// no participation pages.
	Participation *participation.Service
	Surveys       *survey.Service // surveys; nil: no survey pages
	// Workshop is the process workshop (mining, models, digitisation
	// check) for process owners; nil: no workshop pages.
	Workshop *workshop.Service
	// Assistant answers citizens' questions from the catalogue ("Frag
	// die Stadt"); nil: no assistant page or API.
	Assistant    *assistant.Assistant
	EmbedOrigins []string // may frame survey embed pages, e.g. "https://www.jena.de"; none: link only
	Audit        audit.Store
	Mail         mail.Store
	Jobs         jobs.Store
	Ping         func(context.Context) error // database reachable, for /readyz
	Catalog      *i18n.Catalog
	Logger       *slog.Logger
	Metrics      *metrics.Registry // nil: the server makes its own
	Now          func() time.Time

	BaseURL      string // public address, e.g. https://rathaus.jena.de
	Demo         bool
	DemoAccounts []DemoAccount
	City         City
	Location     *time.Location // the city's time zone, for opening hours; default Europe/Berlin

	AccessibilityContact string    // receives feedback from the accessibility statement
	StatementDate        time.Time // when the accessibility statement was last reviewed

	MaxBodyBytes  int64  // request body limit; default 1 MiB
	SecureCookies bool   // Secure cookies and HSTS; set when served over HTTPS
	SessionSecret string // key for signed cookies; empty: a random key per process
	TrustProxy    bool   // take the client address from X-Forwarded-For
	MetricsToken  string // when set, /metrics wants "Authorization: Bearer <token>"

	OIDC      *oidc.Provider // login with OpenID Connect; nil when not configured
	OIDCLabel string         // text of the OpenID Connect login button

	// Inquiries takes messages to the city and routes them to the staff
	// queues; nil: no /anliegen pages or inquiry API.
	Inquiries *inquiry.Service

	// Promo keeps promotion campaigns and their scan counters; nil: no
	// /amt/werbung pages and no /q/ scan addresses.
	Promo promo.Store

	// Impact computes the effect of the digital services (trips, time,
	// CO2e and paper saved) under the city's assumptions; nil: no
	// /wirkung pages or impact API.
	Impact *impact.Service

	// OpenData publishes aggregate statistics and their DCAT-AP.de
	// catalogue; nil: no /offene-daten page or /opendata downloads.
	OpenData *opendata.Service

	// Dashboard reads the services' performance figures (take-up,
	// completion, waiting and processing times, satisfaction); nil: no
	// /kennzahlen pages or dashboard API.
	Dashboard *dashboard.Service
	// HelpPoints lists the places where people get help with the digital
	// services and files assisted applications; nil: no /hilfe-vor-ort.
	HelpPoints *helppoint.Service

	// Reports takes citizens' defect reports (Mängelmelder) and shows them
	// on the public list, map and Atom feed; nil: no /melden or
	// /meldungen pages.
	Reports *report.Service
	// ReportFiles keeps the report photos (only what photo.Strip made of
	// an upload); nil: reports without photos.
	ReportFiles filestore.Store
	// ReportOrgID is the organisation whose category tree citizens report
	// in; 0: the first organisation of the tree (depth first) that has
	// active categories.
	ReportOrgID int64
	// ReportOutline and ReportAreas are the city's outline and districts
	// for the report map and the area filter (demo: geo.JenaSchematic()).
	ReportOutline geo.Area
	ReportAreas   geo.Areas
	// ReportAreasSource, when set, gives them per request instead (the
	// latest boundaries imported at /admin/gebiete, else its fallback).
	ReportAreasSource ReportAreasSource
	// ReportBoundaries keeps the imported boundaries; nil: no
	// /admin/gebiete.
	ReportBoundaries report.BoundaryStore
	// ReportTileURL is the city's own map tile server, e.g.
	// "https://tiles.jena.de/{z}/{x}/{y}.png"; empty: no tiles, the
	// server-drawn map and coordinates/addresses only.
	ReportTileURL string
	// ReportTileAttribution is shown under the tile map, e.g.
	// "© OpenStreetMap-Mitwirkende".
	ReportTileAttribution string

	// Open311Clients issues and checks the API keys of the Open311
	// GeoReport v2 API (/georeport/v2/, on when Reports is set); nil: the
	// API only reads, every POST is a 403.
	Open311Clients *georeport.Service
	// Open311Jurisdiction is the city's jurisdiction_id, e.g. "jena.de";
	// empty: the host of BaseURL. Another one is a 404.
	Open311Jurisdiction string
}

// DemoAccount is shown on the home page in demo mode.
type DemoAccount struct {
	Email    string
	Password string
	Role     string // translation key or plain description of the role
}

// City is the operator's identity for the imprint and privacy notice.
type City struct {
	Name                 string // e.g. "Stadt Jena"
	Address              string // one line, e.g. "Am Anger 15, 07743 Jena"
	Email                string
	Phone                string
	Responsible          string // who represents the operator, for the imprint
	DataProtectionEmail  string // data protection officer
	SupervisoryAuthority string // data protection supervisory authority
	EnforcementURL       string // accessibility enforcement body (Schlichtungsstelle)
}

// JenaDemo is the city used when Options.City is empty. The addresses use
// the reserved .example domain so the demo never mails a real office.
var JenaDemo = City{
	Name:                 "Stadt Jena",
	Address:              "Am Anger 15, 07743 Jena",
	Email:                "stadtverwaltung@jena.example",
	Phone:                "+49 3641 49-0",
	Responsible:          "Oberbürgermeister der Stadt Jena",
	DataProtectionEmail:  "datenschutz@jena.example",
	SupervisoryAuthority: "Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit (TLfDI)",
	EnforcementURL:       "https://www.tlmb-thueringen.de/",
}

const defaultMaxBody = 1 << 20

// Server serves every page and API of rathaus.
type Server struct {
	opts      Options
	log       *slog.Logger
	tr        *i18n.Catalog
	now       func() time.Time
	templates map[string]*templateSet
	assets    *assets
	metrics   *httpMetrics
	pages     *pageCache
	cookieKey []byte
	handler   http.Handler
}

// New checks the options, parses all templates and prepares the assets.
// It fails on any broken template or asset, so a bad build never serves.
func New(opts Options) (*Server, error) {
	if opts.Catalog == nil {
		return nil, errors.New("web: Options.Catalog is required")
	}
	s := &Server{opts: opts, tr: opts.Catalog, log: opts.Logger, now: opts.Now, pages: newPageCache(pageCacheSize)}
	s.defaults()
	s.cookieKey = cookieKey(opts.SessionSecret)
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.templates, err = s.parseTemplates(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s.metrics = newHTTPMetrics(s.opts.Metrics)
	if s.handler, err = s.buildHandler(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	return s, nil
}

func (s *Server) defaults() {
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.opts.City == (City{}) {
		s.opts.City = JenaDemo
	}
	if s.opts.Location == nil {
		s.opts.Location = cityLocation()
	}
	if s.opts.AccessibilityContact == "" {
		s.opts.AccessibilityContact = "barrierefreiheit@jena.example"
	}
	if s.opts.StatementDate.IsZero() {
		s.opts.StatementDate = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	}
	if s.opts.MaxBodyBytes <= 0 {
		s.opts.MaxBodyBytes = defaultMaxBody
	}
	if s.opts.Metrics == nil {
		s.opts.Metrics = metrics.NewRegistry()
		s.opts.Metrics.RegisterRuntime(s.now())
	}
}

// cityLocation is Europe/Berlin, from the embedded zone database when the
// system has none.
func cityLocation() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.UTC
	}
	return loc
}

// Handler returns the server's root handler with all middleware applied.
func (s *Server) Handler() http.Handler { return s.handler }
