package storetest

import (
	"testing"

	"rathaus/internal/report"
)

// testReportFindByAccount: "my reports" finds the reports of one account
// only, and none once the retention purge has cut the link.
func testReportFindByAccount(t *testing.T, s Stores) {
	rs := reportStore(t, s)
	f := newReportFixture(t, s, "konto")
	erika, max := newUser(t, s, "erika-konto@example.org"), newUser(t, s, "max-konto@example.org")
	mk := func(u int64) *report.Report {
		r := &report.Report{OrgID: f.city, CategoryID: f.muell.ID, Status: report.StatusReceived, Location: report.Location{Address: "Markt"},
			Description: "Müll", Source: report.SourceWeb, RequestedAt: t0, Contact: report.Contact{AccountID: &u, Email: "x@example.org"}}
		must(t, rs.CreateDefectReport(ctx, r, nil))
		return r
	}
	a, b := mk(erika.ID), mk(erika.ID)
	mk(max.ID)
	got, n, err := rs.FindDefectReports(ctx, report.Filter{AccountID: &erika.ID})
	must(t, err)
	if n != 2 || len(got) != 2 || got[0].ID != b.ID || got[1].ID != a.ID {
		t.Errorf("erika's reports: %d of %d, want %d and %d newest first", len(got), n, b.ID, a.ID)
	}
	closed := t0
	a.Status, a.ClosedAt = report.StatusDone, &closed
	must(t, rs.UpdateDefectReport(ctx, a, a.Version, report.Change{}))
	_, err = rs.PurgeDefectContacts(ctx, t0.AddDate(0, 0, 1))
	must(t, err)
	if _, n, err := rs.FindDefectReports(ctx, report.Filter{AccountID: &erika.ID}); err != nil || n != 1 {
		t.Errorf("after the purge: %d reports, %v; want 1", n, err)
	}
}
