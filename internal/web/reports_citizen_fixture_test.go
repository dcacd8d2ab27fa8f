package web

import (
	"context"
	"testing"

	"rathaus/internal/filestore"
	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// The citizens' defect report fixture: newCasesEnv (orgs, clock at
// testNow, SQLite) with a report.Service on the same database, the
// schematic Jena as outline and districts, photos in a local file store
// (e.reportFiles) and three categories of the city organisation:
//
//	e.cats["schlagloch"]          pothole, group "Straße und Verkehr"
//	e.cats["strassenbeleuchtung"] street light, same group
//	e.cats["muell"]               illegal dumping, group "Sauberkeit"
//
// Options.ReportOrgID stays 0: the server finds the city by its categories.
type reportsEnv struct {
	*casesEnv
	reports     *report.Service
	reportFiles *filestore.Local
	cats        map[string]*report.Category
}

// Points in Jena's centre (the Markt) and 60 m east of it, and far away.
const (
	marktLat, marktLong = 50.92795, 11.58923
	nearLat, nearLong   = 50.92795, 11.59008
)

func newReportsEnv(t testing.TB) *reportsEnv {
	t.Helper()
	dir := t.TempDir()
	outline, districts := geo.JenaSchematic()
	var svc *report.Service
	ce := newCasesEnv(t, func(o *Options) {
		svc = &report.Service{Store: any(o.Audit).(report.Store), AreaOf: func(lat, long float64) string {
			a, _ := districts.AreaOf(lat, long)
			return a.Key
		}}
		o.Reports, o.ReportFiles = svc, &filestore.Local{Dir: dir}
		o.ReportOutline, o.ReportAreas = outline, districts
	})
	svc.Now = ce.clock.Now
	e := &reportsEnv{casesEnv: ce, reports: svc, reportFiles: ce.srv.opts.ReportFiles.(*filestore.Local),
		cats: map[string]*report.Category{}}
	city := *e.unit.ParentID
	for i, c := range []report.Category{
		{Code: "schlagloch", NameDE: "Schlagloch", NameEN: "Pothole", Group: "Straße und Verkehr", UnitID: &e.unit.ID},
		{Code: "strassenbeleuchtung", NameDE: "Straßenbeleuchtung defekt", NameEN: "Broken street light", Group: "Straße und Verkehr"},
		{Code: "muell", NameDE: "Wilder Müll", NameEN: "Illegal dumping", Group: "Sauberkeit"},
	} {
		c.OrgID, c.Active, c.Position = city, true, i
		mustDo(t, svc.Store.CreateDefectCategory(context.Background(), &c))
		e.cats[c.Code] = &c
	}
	return e
}

// file reads a report by reference from the store.
func (e *reportsEnv) report(t testing.TB, ref string) *report.Report {
	t.Helper()
	r, err := e.reports.Store.FindDefectReportByReference(context.Background(), ref)
	if err != nil {
		t.Fatalf("report %s: %v", ref, err)
	}
	return r
}

// count is the number of reports of the city in the store.
func (e *reportsEnv) count(t testing.TB) int {
	t.Helper()
	_, n, err := e.reports.Store.FindDefectReports(context.Background(), report.Filter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// submit files a report through the service directly (for the list).
func (e *reportsEnv) submit(t testing.TB, code string, lat, long float64, text string) *report.Report {
	t.Helper()
	r := &report.Report{OrgID: e.cats[code].OrgID, CategoryID: e.cats[code].ID, Description: text,
		Location: report.Location{Lat: &lat, Long: &long}}
	mustDo(t, e.reports.Submit(context.Background(), r))
	return r
}
