package storetest

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/audit"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/form"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
)

// Stores is every domain store; one implementation provides them all.
type Stores interface {
	account.Store
	org.Store
	audit.Store
	mail.Store
	jobs.Store
	catalog.Store
	appointment.Store
	processlog.Store
	cases.Store
	form.Store
}

// Run runs the conformance suite against stores made by open, one fresh
// database per subtest.
func Run(t *testing.T, open func(testing.TB) Stores) {
	tests := []struct {
		name string
		fn   func(*testing.T, Stores)
	}{
		{"Users", testUsers},
		{"UserUpdate", testUserUpdate},
		{"OneTimeTokens", testOneTimeTokens},
		{"Sessions", testSessions},
		{"APITokens", testAPITokens},
		{"LoginFailures", testLoginFailures},
		{"DeleteUser", testDeleteUser},
		{"Orgs", testOrgs},
		{"Audit", testAudit},
		{"Outbox", testOutbox},
		{"JobClaimOnce", testJobClaimOnce},
		{"JobLease", testJobLease},
		{"JobRetry", testJobRetry},
		{"JobUnique", testJobUnique},
		{"JobPurge", testJobPurge},
		{"Retention", testRetention},
		{"CatalogContent", testCatalogContent},
		{"CatalogServices", testCatalogServices},
		{"CatalogRevisions", testCatalogRevisions},
		{"CatalogRace", testCatalogRace},
		{"CatalogFindServices", testCatalogFindServices},
		{"CatalogOffices", testCatalogOffices},
		{"CatalogOfficeServices", testCatalogOfficeServices},
		{"CatalogLifeSituations", testCatalogLifeSituations},
		{"CatalogVersion", testCatalogVersion},
		{"CatalogSearchMisses", testCatalogSearchMisses},
		{"AppointmentSetups", testAppointmentSetups},
		{"BookingRoundTrip", testBookingRoundTrip},
		{"FindBookings", testFindBookings},
		{"FindBusy", testFindBusy},
		{"BookingCheck", testBookingCheck},
		{"BookingMove", testBookingMove},
		{"BookingUpdate", testBookingUpdate},
		{"BookingRace", testBookingRace},
		{"ExpireHolds", testExpireHolds},
		{"DeleteBookingsBefore", testDeleteBookingsBefore},
		{"Tickets", testTickets},
		{"CallTicket", testCallTicket},
		{"FinishTicket", testFinishTicket},
		{"WaitEntries", testWaitEntries},
		{"ProcessEvents", testProcessEvents},
		{"CaseRoundTrip", testCaseRoundTrip},
		{"CaseReferences", testCaseReferences},
		{"CaseReferenceRace", testCaseReferenceRace},
		{"CaseIdempotency", testCaseIdempotency},
		{"CaseIdempotencyRace", testCaseIdempotencyRace},
		{"CaseAtomic", testCaseAtomic},
		{"CaseUpdate", testCaseUpdate},
		{"FindCases", testFindCases},
		{"CaseNotes", testCaseNotes},
		{"CaseMessages", testCaseMessages},
		{"CaseDrafts", testCaseDrafts},
		{"CasePayments", testCasePayments},
		{"CasePaymentRace", testCasePaymentRace},
		{"CaseEffectFiles", testCaseEffectFiles},
		{"CaseForward", testCaseForward},
		{"FindCasesPaidPeriod", testFindCasesPaidPeriod},
		{"Forms", testForms},
		{"FormPublishRace", testFormPublishRace},
		{"Surveys", testSurveys}, // and their race (surveys.go)
		{"Participation", testParticipation},
		{"Feedback", testFeedback}, // page answers, satisfaction, results (feedback.go)
		{"Workshop", testWorkshop}, // imported logs, models, platform events (workshop.go)
		{"Assistant", testAssistant},
		{"Inquiries", testInquiries},               // messages to the city, replies, corrections (inquiry.go)
		{"Impact", testImpact},                     // effect assumptions and counts (impact.go)
		{"Promo", testPromo},                       // campaigns and scan counters (promo.go)
		{"Dashboard", testDashboard},               // monthly rollups and their refresh (dashboard.go)
		{"DashboardReports", testDashboardReports}, // defect reports in the dashboards' months (dashboard_reports.go)
		{"Funnel", testFunnel},                     // form funnel and campaign conversions (funnel.go)
		{"HelpPoints", testHelpPoints},
		{"Reports", testReports},                   // defect reports: categories, routing, merging, supports (reports.go)
		{"Open311Clients", testOpen311Clients},     // GeoReport API keys, revocation, hourly counters (open311_clients.go)
		{"ReportBoundaries", testReportBoundaries}, // imported outline and districts, replaced per import (report_boundaries.go)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

var ctx = context.Background()

// t0 is a fixed instant with sub-microsecond digits, to catch precision loss.
var t0 = time.Date(2026, 11, 28, 9, 30, 15, 123456789, time.UTC)

func newUser(t *testing.T, s Stores, email string) *account.User {
	t.Helper()
	u := &account.User{Email: email, DisplayName: "Erika Mustermann", PasswordHash: "x", Locale: "de", CreatedAt: t0}
	if err := s.CreateUser(ctx, u, nil, nil); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	return u
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
