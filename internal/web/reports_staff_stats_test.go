package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"rathaus/internal/browsertest"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// seedStats moves the fixture's reports on the clock: the street light
// answered after 2 h and done after 12 h, the dumping done after 12 h,
// the second light still received, and a fourth report in the district
// "zentrum", still open.
func (e *rsEnv) seedStats(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	admin := report.Actor{Admin: true}
	move := func(rep *report.Report, to report.Status) {
		cur, err := e.reports.Store.FindDefectReport(ctx, rep.ID)
		mustDo(t, err)
		_, err = e.reports.SetStatus(ctx, admin, rep.ID, cur.Version, to, "", "")
		mustDo(t, err)
	}
	e.clock.Set(testNow.Add(2 * time.Hour))
	move(e.light, report.StatusInProgress)
	e.clock.Set(testNow.Add(12 * time.Hour))
	move(e.light, report.StatusDone)
	move(e.dump, report.StatusDone)
	e.reports.AreaOf = func(lat, long float64) string { return "zentrum" }
	lat, long := 50.928, 11.589
	mustDo(t, e.reports.Submit(ctx, &report.Report{OrgID: e.licht.OrgID, CategoryID: e.licht.ID, Description: "Laterne aus.",
		Location: report.Location{Lat: &lat, Long: &long}}))
}

func rowTexts(res *response, table string) []string {
	var out []string
	for _, s := range texts(res.doc, "#"+table+"-table tbody tr") {
		out = append(out, strings.Join(strings.Fields(s), " "))
	}
	return out
}

// TestReportsStaffStats: staff see the medians and counts per category,
// per district and overall, as tables and as CSV; citizens are turned
// away.
func TestReportsStaffStats(t *testing.T) {
	e := newRSEnv(t)
	e.seedStats(t)
	res := e.get("/amt/meldungen", e.login(e.worker))
	if !strings.Contains(res.body, `href="/amt/meldungen/statistik"`) {
		t.Error("the queue does not link the statistics")
	}
	res = e.get("/amt/meldungen/statistik", e.login(e.worker))
	wantStatus(t, res, 200)
	// columns: name, reports, open, answered, median and p90 to answer,
	// done, median and p90 to done
	for table, want := range map[string][]string{
		"stats-all":      {"Alle Meldungen 4 2 2 2,0 12,0 2 12,0 12,0"},
		"stats-category": {"Straßenbeleuchtung defekt 3 2 1 2,0 2,0 1 12,0 12,0", "Illegale Müllablagerung 1 0 1 12,0 12,0 1 12,0 12,0"},
		"stats-area":     {"zentrum 1 1 0 –keine Angabe –keine Angabe 0 –keine Angabe –keine Angabe"},
	} {
		if got := rowTexts(res, table); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s rows %q, want %q", table, got, want)
		}
	}
	if len(queryAll(res.doc, "table caption")) != 3 || len(queryAll(res.doc, `th[scope=row]`)) != 4 {
		t.Error("tables without captions or row headers")
	}

	res = e.get("/amt/meldungen/statistik.csv", e.login(e.worker))
	wantStatus(t, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("CSV headers %q, %q", ct, res.Header.Get("Content-Disposition"))
	}
	want := "scope,name,reports,open,answered,first_answer_median_hours,fixed,fix_median_hours,first_answer_p90_hours,fix_p90_hours\n" +
		"all,Alle Meldungen,4,2,2,2.0,2,12.0,12.0,12.0\n" +
		"category,Straßenbeleuchtung defekt,3,2,1,2.0,1,12.0,2.0,12.0\n" +
		"category,Illegale Müllablagerung,1,0,1,12.0,1,12.0,12.0,12.0\n" +
		"area,zentrum,1,1,0,,0,,,\n"
	if res.body != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", res.body, want)
	}
	wantStatus(t, e.get("/amt/meldungen/statistik", e.login(e.citizen)), 403)
	wantStatus(t, e.get("/amt/meldungen/statistik.csv", e.login(e.citizen)), 403)
}

// TestReportsStaffStatsInBrowser checks the statistics page with axe-core
// in German and English.
func TestReportsStaffStatsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	e := newRSEnv(t)
	e.seedStats(t)
	_, err := e.srv.opts.Orgs.Grant(context.Background(), nil, e.worker.ID, org.RoleOrgAdmin, e.unit.ID)
	mustDo(t, err)
	srv := httptest.NewServer(e.srv.Handler())
	defer srv.Close()
	for _, lang := range []string{"de", "en"} {
		b := browsertest.New(t, browsertest.WithLanguage(lang))
		b.BaseURL = srv.URL
		csLogin(t, b, e.worker.Email)
		b.Navigate("/lang?to=" + lang + "&back=/amt/meldungen")
		b.ClickAndWait("main a[href='/amt/meldungen/statistik']")
		if !b.Exists("#stats-category-table") {
			t.Fatalf("%s: no statistics: %s", lang, b.Text("main"))
		}
		b.Axe()
	}
}
