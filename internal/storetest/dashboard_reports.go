package storetest

import (
	"testing"
	"time"

	"rathaus/internal/dashboard"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// testDashboardReports: the dashboards' months count the defect reports
// received in each month (in Jena's time, merged duplicates left out),
// their first answers and their fixes in the month they happened, for the
// city and for a unit; a service's dashboard has none.
func testDashboardReports(t *testing.T, s Stores) {
	ds := rollupStore(t, s)
	rs := reportStore(t, s)
	city := &org.Org{Kind: org.KindOrganisation, Slug: "dash-stadt", Name: "Stadt", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, city))
	var units [2]int64
	for i, slug := range []string{"dash-ksj", "dash-licht"} {
		u := &org.Org{ParentID: &city.ID, Kind: org.KindUnit, Slug: slug, Name: slug, CreatedAt: t0}
		must(t, s.CreateOrg(ctx, u))
		units[i] = u.ID
	}
	muell := &report.Category{OrgID: city.ID, UnitID: &units[0], Code: "muell", NameDE: "Müll", Active: true}
	licht := &report.Category{OrgID: city.ID, UnitID: &units[1], Code: "licht", NameDE: "Licht", Active: true}
	must(t, rs.CreateDefectCategory(ctx, muell))
	must(t, rs.CreateDefectCategory(ctx, licht))
	mk := func(cat *report.Category, status report.Status, at time.Time, answered, closed *time.Time) {
		t.Helper()
		r := &report.Report{OrgID: city.ID, CategoryID: cat.ID, UnitID: cat.UnitID, Status: status,
			Location:    report.Location{Address: "Markt 1", AreaID: "zentrum"},
			Description: "Laterne aus", Source: report.SourceWeb, RequestedAt: at, FirstAnswerAt: answered, ClosedAt: closed}
		must(t, rs.CreateDefectReport(ctx, r, nil))
	}
	at := func(y int, m time.Month, d, h int) *time.Time { x := berlin(y, m, d, h, 0); return &x }
	// February: a rubbish report (unit a) received on the 27th, answered
	// 5 hours later and done on 3 March (4 days).
	mk(muell, report.StatusDone, *at(2026, 2, 27, 9), at(2026, 2, 27, 14), at(2026, 3, 3, 9))
	// March: two street-light reports (unit b), one answered after 2
	// hours, one open; one received on 31 March 23:30 UTC (April in Jena).
	mk(licht, report.StatusInProgress, *at(2026, 3, 10, 8), at(2026, 3, 10, 10), nil)
	mk(licht, report.StatusReceived, *at(2026, 3, 12, 8), nil, nil)
	mk(licht, report.StatusReceived, time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC), nil, nil)
	// A merged duplicate in March counts nowhere; a forwarded one is
	// received but not fixed.
	mk(licht, report.StatusMerged, *at(2026, 3, 11, 8), nil, at(2026, 3, 11, 9))
	mk(muell, report.StatusNotResponsible, *at(2026, 3, 14, 8), at(2026, 3, 14, 9), at(2026, 3, 14, 9))

	all := dashMonths(t, ds, dashboard.Scope{}, "2026-03", "2026-04")
	mar, apr := all["2026-03"], all["2026-04"]
	if mar.Reports != 3 || apr.Reports != 1 {
		t.Errorf("reports received: March %d, April %d; want 3 and 1", mar.Reports, apr.Reports)
	}
	if mar.ReportAnswer.N != 2 || mar.ReportAnswer.Sum != 3*time.Hour {
		t.Errorf("first answers in March: %d, %v; want 2 taking 3 h together", mar.ReportAnswer.N, mar.ReportAnswer.Sum)
	}
	if mar.ReportFix.N != 1 || mar.ReportFix.Sum != 4*24*time.Hour {
		t.Errorf("fixed in March: %d, %v; want the February report after 4 days", mar.ReportFix.N, mar.ReportFix.Sum)
	}
	unitB := dashMonths(t, ds, dashboard.Scope{OrgID: units[1]}, "2026-03", "2026-03")["2026-03"]
	if unitB.Reports != 2 || unitB.ReportAnswer.N != 1 || unitB.ReportFix.N != 0 {
		t.Errorf("unit b's March: %d received, %d answered, %d fixed; want 2, 1, 0", unitB.Reports, unitB.ReportAnswer.N, unitB.ReportFix.N)
	}
	parent := dashMonths(t, ds, dashboard.Scope{OrgID: city.ID}, "2026-03", "2026-03")["2026-03"]
	if parent.Reports != 3 {
		t.Errorf("the city organisation with its units: %d reports in March, want 3", parent.Reports)
	}
	if svc := dashMonths(t, ds, dashboard.Scope{ServiceID: 7}, "2026-03", "2026-03")["2026-03"]; svc.Reports != 0 || svc.ReportAnswer.N != 0 {
		t.Errorf("a service's dashboard counts %d reports", svc.Reports)
	}
}
