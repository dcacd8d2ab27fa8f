package web

import (
	"fmt"
	"net/http"
)

// handlerFunc is a handler that returns its error to the adapter
// (serveError) instead of writing it itself.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route binds a ServeMux pattern ("METHOD /path/{wildcard}") to a handler.
type route struct {
	pattern string
	handler handlerFunc
}

// routes is the one table of every URL the server answers. Patterns use
// the standard ServeMux syntax; the pattern doubles as the "route" label of
// the request metrics, so keep wildcards in it rather than raw paths.
func (s *Server) routes() []route {
	rs := []route{
		// Shell pages every German public site must have.
		{"GET /{$}", s.handleHome},
		{"GET /impressum", s.handleImprint},
		{"GET /datenschutz", s.handlePrivacy},
		{"GET /barrierefreiheit", s.handleAccessibility},
		{"POST /barrierefreiheit", s.handleAccessibilityFeedback},
		{"GET /leichte-sprache", s.handleEasyLanguage},
		{"GET /lang", s.handleLanguage},

		// Assets and operations.
		{"GET /static/{path...}", s.handleStatic},
		{"GET /healthz", s.handleHealth},
		{"GET /readyz", s.handleReady},
		{"GET /metrics", s.handleMetrics},

		// Account pages (account_*.go).
		{"GET /register", s.handleRegisterForm},
		{"POST /register", s.handleRegister},
		{"GET /register/sent", s.handleRegisterSent},
		{"GET /verify", s.handleVerifyForm},
		{"POST /verify", s.handleVerify},
		{"POST /verify/resend", s.handleResendVerification},
		{"GET /login", s.handleLoginForm},
		{"POST /login", s.handleLogin},
		{"GET /login/code", s.handleLoginCodeForm},
		{"POST /login/code", s.handleLoginCode},
		{"POST /logout", s.handleLogout},
		{"GET /password/forgot", s.handleForgotForm},
		{"POST /password/forgot", s.handleForgot},
		{"GET /password/reset", s.handleResetForm},
		{"POST /password/reset", s.handleReset},
		{"GET /account", s.requireUser(s.handleAccount)},
		{"POST /account/profile", s.requireUser(s.handleProfileUpdate)},
		{"POST /account/email", s.requireUser(s.handleEmailChange)},
		{"GET /account/email/confirm", s.handleEmailConfirmForm},
		{"POST /account/email/confirm", s.handleEmailConfirm},
		{"GET /account/security", s.requireUser(s.handleSecurity)},
		{"POST /account/password", s.requireUser(s.handlePasswordChange)},
		{"POST /account/logout-everywhere", s.requireUser(s.handleLogoutEverywhere)},
		{"POST /account/sessions/{id}/end", s.requireUser(s.handleSessionEnd)},
		{"POST /account/totp", s.requireUser(s.handleTOTPBegin)},
		{"POST /account/totp/confirm", s.requireUser(s.handleTOTPConfirm)},
		{"POST /account/totp/disable", s.requireUser(s.handleTOTPDisable)},
		{"GET /account/tokens", s.requireUser(s.handleTokens)},
		{"POST /account/tokens", s.requireUser(s.handleTokenCreate)},
		{"POST /account/tokens/{id}/delete", s.requireUser(s.handleTokenDelete)},
		{"GET /account/export", s.requireUser(s.handleExport)},
		{"GET /account/delete", s.requireUser(s.handleDeleteForm)},
		{"POST /account/delete", s.requireUser(s.handleDelete)},

		// Admin pages (admin_*.go): platform and organisation admins.
		{"GET /admin", s.requireStaff(s.handleAdminHome)},
		{"GET /admin/users", s.requireStaff(s.handleAdminUsers)},
		{"GET /admin/users/{id}", s.requireStaff(s.handleAdminUser)},
		{"POST /admin/users/{id}/grants", s.requireStaff(s.handleAdminGrant)},
		{"POST /admin/grants/{gid}/revoke", s.requireStaff(s.handleAdminRevoke)},
		{"POST /admin/users/{id}/disable", s.requireAdmin(s.handleAdminDisable)},
		{"GET /admin/orgs", s.requireStaff(s.handleAdminOrgs)},
		{"POST /admin/orgs", s.requireStaff(s.handleAdminOrgCreate)},
		{"GET /admin/audit", s.requireAdmin(s.handleAdminAudit)},
		{"GET /admin/mails", s.requireAdmin(s.handleAdminMails)},
		{"GET /admin/mails/{id}", s.requireAdmin(s.handleAdminMail)},
		{"GET /admin/jobs", s.requireAdmin(s.handleAdminJobs)},

		// Catalogue editing (catalog_admin_*.go): service owners and
		// platform admins; catalog.Catalog decides per service.
		{"GET /admin/catalog", s.requireEditor(s.handleCatalogAdminList)},
		{"GET /admin/catalog/new", s.requireEditor(s.handleCatalogAdminNew)},
		{"POST /admin/catalog/new", s.requireEditor(s.handleCatalogAdminCreate)},
		{"GET /admin/catalog/services/{id}", s.requireEditor(s.handleCatalogAdminEdit)},
		{"POST /admin/catalog/services/{id}", s.requireEditor(s.handleCatalogAdminSave)},
		{"POST /admin/catalog/services/{id}/status", s.requireEditor(s.handleCatalogAdminStatus)},
		{"GET /admin/catalog/services/{id}/history", s.requireEditor(s.handleCatalogAdminHistory)},
		{"GET /admin/catalog/reviews", s.requireEditor(s.handleCatalogAdminReviews)},
		{"GET /admin/catalog/revisions/{id}", s.requireEditor(s.handleCatalogAdminRevision)},
		{"POST /admin/catalog/revisions/{id}/approve", s.requireEditor(s.handleCatalogAdminApprove)},
		{"POST /admin/catalog/revisions/{id}/reject", s.requireEditor(s.handleCatalogAdminReject)},
		{"GET /admin/catalog/misses", s.requireEditor(s.handleCatalogAdminMisses)},
		{"POST /admin/catalog/preview", s.requireEditor(s.handleCatalogAdminPreview)},

		// Service finder (catalog_*.go): public, German addresses.
		{"GET /leistungen", s.cached(s.handleServiceSearch)},
		{"POST /leistungen/nicht-gefunden", s.handleSearchMiss},
		{"GET /leistungen/a-z", s.cached(s.handleAZ)},
		{"GET /leistungen/{id}", s.cached(s.handleServiceView)},
		{"GET /leistungen/{id}/druck", s.cached(s.handleServicePrint)},
		{"GET /standorte", s.cached(s.handleOffices)},
		{"GET /standorte/{id}", s.cached(s.handleOfficeView)},
		{"GET /lebenslagen", s.cached(s.handleLifeSituations)},
		{"GET /lebenslagen/{slug}", s.cached(s.handleLifeSituation)},

		// OpenID Connect login (oidc_login.go); the callback is a top-level
		// GET from the provider, protected by state, nonce and PKCE.
		{"GET /auth/oidc/login", s.handleOIDCLogin},
		{"GET /auth/oidc/callback", s.handleOIDCCallback},

		// JSON API (api_*.go), described by openapi.json.
		{"GET /api/v1/openapi.json", s.handleOpenAPI},
		{"POST /api/v1/tokens", s.handleAPITokenCreate},
		{"GET /api/v1/tokens", s.requireAPIUser(s.handleAPITokenList)},
		{"DELETE /api/v1/tokens/{id}", s.requireAPIUser(s.handleAPITokenDelete)},
		{"GET /api/v1/me", s.requireAPIUser(s.handleAPIMe)},
		{"GET /api/v1/orgs", s.handleAPIOrgs},
		{"GET /api/v1/services", s.handleAPIServices},
		{"GET /api/v1/services/suggest", s.handleAPISuggest},
		{"GET /api/v1/services/{id}", s.handleAPIService},
		{"GET /api/v1/offices", s.handleAPIOffices},
		{"GET /api/v1/offices/{id}", s.handleAPIOffice},
	}
	rs = append(rs, s.formBuilderRoutes()...)
	// Appointments: the citizen's booking (appointment_*.go) and the
	// office side (office_*.go).
	rs = append(rs, s.appointmentRoutes()...)
	rs = append(rs, s.casesStaffRoutes()...) // online applications, staff side (cases_staff*.go)
	rs = append(rs, s.casesCitizenRoutes()...)
	rs = append(rs, s.casesAPIRoutes()...) // online applications' JSON API (cases_api*.go)
	rs = append(rs, s.participationAPIRoutes()...)
	rs = append(rs, s.participationStaffRoutes()...) // participation, staff side (participation_staff*.go)
	rs = append(rs, s.participationCitizenRoutes()...)
	rs = append(rs, s.assistantRoutes()...) // the assistant "Frag die Stadt" (assistant_*.go)
	rs = append(rs, s.surveyRoutes()...)
	rs = append(rs, s.inquiryRoutes()...)
	rs = append(rs, s.feedbackRoutes()...)  // page and satisfaction feedback, results (feedback_*.go)
	rs = append(rs, s.workshopRoutes()...)  // the process workshop (workshop_*.go)
	rs = append(rs, s.plainLangRoutes()...) // the plain-language check (plainlang_*.go)
	rs = append(rs, s.promoRoutes()...)     // posters, campaigns and scans (promo_*.go)
	rs = append(rs, s.impactRoutes()...)    // the effect of digital services (impact_*.go)
	rs = append(rs, s.openDataRoutes()...)  // open data and its DCAT-AP.de catalogue (opendata_*.go)
	rs = append(rs, s.dashboardRoutes()...) // performance dashboards (dashboard_*.go)
	rs = append(rs, s.helpPointRoutes()...) // help points and assisted applications (helppoints_*.go)
	// citizens' defect reports: the flow, list, map and feed (reports_citizen_*.go)
	rs = append(rs, s.reportsCitizenRoutes()...)
	// the Open311 GeoReport v2 API and its keys (georeport_*.go)
	rs = append(rs, s.geoReportRoutes()...)
	rs = append(rs, s.reportsStaffRoutes()...) // defect reports, office side (reports_staff_*.go)
	rs = append(rs, s.reportsStatsRoutes()...) // their statistics (reports_staff_stats.go)
	rs = append(rs, s.reportAreasRoutes()...)  // the city's imported outline and districts (report_areas_admin.go)
	return append(rs, s.officeRoutes()...)
}

// mux builds the ServeMux from the routes table.
func (s *Server) mux() (*http.ServeMux, error) {
	m := http.NewServeMux()
	for _, rt := range s.routes() {
		if err := register(m, rt.pattern, s.adapt(rt.handler)); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// register adds a pattern, turning ServeMux's panic on a conflicting
// pattern into an error for New.
func register(m *http.ServeMux, pattern string, h http.Handler) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &patternError{pattern, p}
		}
	}()
	m.Handle(pattern, h)
	return nil
}

type patternError struct {
	pattern string
	cause   any
}

func (e *patternError) Error() string {
	return fmt.Sprintf("route %s: %v", e.pattern, e.cause)
}
