package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// rowCells returns the cells of the row of table id whose header is head.
func rowCells(t *testing.T, doc *html.Node, id, head string) []string {
	t.Helper()
	for _, tr := range queryAll(doc, "#"+id+" tr") {
		th := query(tr, "th")
		if th == nil || strings.TrimSpace(text(th)) != head {
			continue
		}
		var cells []string
		for _, td := range queryAll(tr, "td") {
			cells = append(cells, strings.TrimSpace(text(td)))
		}
		return cells
	}
	t.Fatalf("table #%s has no row %q", id, head)
	return nil
}

func wantCells(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	for i, w := range want {
		if w == "*" {
			continue
		}
		if i >= len(got) || got[i] != w {
			t.Errorf("%s: cells %q, want %q", what, got, want)
			return
		}
	}
}

// TestDashboardPublicAndStaff: the public page hides what is about
// fewer than five people, the staff page shows every figure; both show
// the same totals.
func TestDashboardPublicAndStaff(t *testing.T) {
	e := newDashboardEnv(t)
	res := e.get("/kennzahlen")
	wantStatus(t, res, http.StatusOK)
	if got := text(query(res.doc, "#dashboard-scope")); got != "Alle Leistungen der Stadt Jena, Dezember 2025 bis November 2026" {
		t.Errorf("scope: %q", got)
	}
	if query(res.doc, "#suppression-note") == nil || query(res.doc, "footer a[href='/kennzahlen']") == nil {
		t.Error("no suppression note or footer link")
	}
	for _, href := range []string{"/wirkung", "/wirkung/methodik", "#wie-wir-zaehlen"} {
		if query(res.doc, "main a[href='"+href+"']") == nil {
			t.Errorf("no link to %s", href)
		}
	}
	// 18 applications, 13 of them online (72.2 %).
	wantCells(t, "overview cases", rowCells(t, res.doc, "overview-table", "Anträge"), "18")
	wantCells(t, "overview take-up", rowCells(t, res.doc, "overview-table", "Digitale Nutzung"), "72,2 %")
	// October: 7 online, 2 on paper; the 2 are hidden, and the 7 with
	// them (9 − 7 would give the 2 away); take-up too.
	wantCells(t, "public October", rowCells(t, res.doc, "chart-channels-table", "Oktober 2026"),
		"nicht ausgewiesen", "0", "weniger als 5", "0", "0", "0", "9", "nicht ausgewiesen", "0 %")
	wantCells(t, "public total", rowCells(t, res.doc, "chart-channels-table", "Gesamter Zeitraum"),
		"13", "0", "weniger als 5", "weniger als 5", "0", "0", "18", "72,2 %")
	// One of 9 deadlines missed: met and compliance hidden. 3 walk-ins:
	// hidden, and the online share of appointments with them.
	wantCells(t, "public deadlines", rowCells(t, res.doc, "chart-processing-table", "Oktober 2026"),
		"9", "*", "*", "9", "nicht ausgewiesen", "nicht ausgewiesen")
	wantCells(t, "public visits", rowCells(t, res.doc, "chart-shares-table", "November 2026"),
		"*", "*", "nicht ausgewiesen", "5", "weniger als 5")
	// Eight ratings in November, four of them 5: the distribution is
	// hidden as a whole, count, mean and share stay.
	wantCells(t, "public satisfaction", rowCells(t, res.doc, "chart-satisfaction-table", "November 2026"),
		"8", "nicht ausgewiesen", "weniger als 5", "weniger als 5", "weniger als 5", "weniger als 5", "4,12", "75 %")
	// Every chart is an image with a name and a description, beside a
	// table with a caption.
	svgs := queryAll(res.doc, "main svg")
	if len(svgs) != 7 {
		t.Errorf("%d charts, want 7 (no funnel without online starts)", len(svgs))
	}
	for _, svg := range svgs {
		role, _ := attr(svg, "role")
		if role != "img" || query(svg, "title") == nil || query(svg, "desc") == nil {
			t.Errorf("chart without role, title or description: %v", attrOf(svg, "aria-labelledby"))
		}
	}
	if n := len(queryAll(res.doc, "main table caption")); n != 8 {
		t.Errorf("%d tables with captions, want 8", n)
	}

	// Staff: a citizen may not, a case worker may; nothing is hidden.
	citizen := e.login(e.user("buerger@example.org", false))
	if res := e.get("/amt/kennzahlen", citizen); res.StatusCode != http.StatusForbidden {
		t.Errorf("citizen: %d, want 403", res.StatusCode)
	}
	if res := e.get("/amt/kennzahlen"); res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusFound {
		t.Errorf("anonymous: %d, want a redirect to the login", res.StatusCode)
	}
	_, staff := e.staff("sb@example.org")
	res = e.get("/amt/kennzahlen", staff)
	wantStatus(t, res, http.StatusOK)
	if query(res.doc, "nav a[href='/amt/kennzahlen']") == nil {
		t.Error("staff: no navigation link")
	}
	for _, td := range queryAll(res.doc, "main td") {
		if strings.Contains(text(td), "weniger als") || strings.Contains(text(td), "nicht ausgewiesen") {
			t.Fatalf("staff: a hidden cell: %s", text(td))
		}
	}
	wantCells(t, "staff October", rowCells(t, res.doc, "chart-channels-table", "Oktober 2026"),
		"7", "0", "2", "0", "0", "0", "9", "77,8 %", "0 %")
	wantCells(t, "staff deadlines", rowCells(t, res.doc, "chart-processing-table", "Oktober 2026"),
		"9", "*", "*", "9", "8", "88,9 %")
	wantCells(t, "staff visits", rowCells(t, res.doc, "chart-shares-table", "November 2026"),
		"*", "*", "62,5 %", "5", "3")
	wantCells(t, "staff satisfaction", rowCells(t, res.doc, "chart-satisfaction-table", "November 2026"),
		"8", "0", "1", "1", "2", "4", "*", "75 %")
	if res := e.get("/", citizen); query(res.doc, "nav a[href='/amt/kennzahlen']") != nil {
		t.Error("a citizen sees the staff link")
	}
}

// TestDashboardFilters: one service, one unit, a range; bad filters show
// the form with an error summary and no figures.
func TestDashboardFilters(t *testing.T) {
	e := newDashboardEnv(t)
	res := e.get("/kennzahlen?leistung=2&von=2026-11&bis=2026-11")
	wantStatus(t, res, http.StatusOK)
	if got := text(query(res.doc, "#dashboard-scope")); got != "Leistung „Hund anmelden“, November 2026 bis November 2026" {
		t.Errorf("scope: %q", got)
	}
	// Four dog registrations: fewer than five, everything hidden.
	wantCells(t, "dog", rowCells(t, res.doc, "overview-table", "Anträge"), "weniger als 5")
	if sel := query(res.doc, "#field-leistung option[selected]"); sel == nil || attrOf(sel, "value") != "2" {
		t.Error("the service is not selected in the form")
	}
	if rows := queryAll(res.doc, "#chart-channels-table tbody tr"); len(rows) != 1 {
		t.Errorf("%d month rows, want 1", len(rows))
	}
	res = e.get("/kennzahlen?einheit=" + itoa(e.unit))
	wantStatus(t, res, http.StatusOK)
	wantCells(t, "unit", rowCells(t, res.doc, "overview-table", "Anträge"), "14")

	for q, field := range map[string]string{
		"von=2026-13":             "von",
		"bis=2027-01":             "bis",
		"von=2026-11&bis=2026-01": "von",
		"leistung=999":            "leistung",
		"einheit=abc":             "einheit",
	} {
		res := e.get("/kennzahlen?" + q)
		wantStatus(t, res, http.StatusBadRequest)
		if query(res.doc, "#error-summary a[href='#field-"+field+"']") == nil {
			t.Errorf("%s: no error summary link to %s", q, field)
		}
		if query(res.doc, "#field-"+field+"[aria-invalid=true]") == nil {
			t.Errorf("%s: the field is not marked", q)
		}
		if query(res.doc, "#overview-table") != nil {
			t.Errorf("%s: figures shown despite the error", q)
		}
	}
	if res := e.get("/kennzahlen.csv?von=x"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("CSV with a bad month: %d", res.StatusCode)
	}
}

// TestDashboardCSV: month rows with every figure; suppressed cells empty
// and named in public, filled for staff.
func TestDashboardCSV(t *testing.T) {
	e := newDashboardEnv(t)
	res := e.get("/kennzahlen.csv")
	wantStatus(t, res, http.StatusOK)
	if ct, cd := res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"); ct != "text/csv; charset=utf-8" ||
		cd != `attachment; filename="kennzahlen-2025-12-2026-11.csv"` {
		t.Errorf("headers: %q, %q", ct, cd)
	}
	lines := strings.Split(strings.TrimSpace(res.body), "\n")
	if len(lines) != 13 || !strings.HasPrefix(lines[0], "month,cases,cases_online,cases_assisted,") || !strings.HasSuffix(lines[0], ",suppressed") {
		t.Fatalf("CSV:\n%s", res.body)
	}
	if !strings.HasPrefix(lines[11], "2026-10,9,,0,,0,0,0,,0.0000,") || !strings.Contains(lines[11], "cases_online;") {
		t.Errorf("public October: %s", lines[11])
	}
	if !strings.HasPrefix(lines[1], "2025-12,0,0,0,0,0,0,0,,,0,0,,") {
		t.Errorf("an empty month: %s", lines[1])
	}
	_, staff := e.staff("sb@example.org")
	res = e.get("/amt/kennzahlen.csv?leistung=1", staff)
	wantStatus(t, res, http.StatusOK)
	lines = strings.Split(strings.TrimSpace(res.body), "\n")
	if !strings.HasPrefix(lines[11], "2026-10,9,7,0,2,0,0,0,0.7778,0.0000,") || !strings.HasSuffix(lines[11], ",") {
		t.Errorf("staff October: %s", lines[11])
	}
	if res := e.get("/amt/kennzahlen.csv"); res.StatusCode == http.StatusOK {
		t.Error("the staff CSV without login")
	}
}

// TestDashboardAPI: the JSON figures as openapi.json describes them,
// public with nulls, staff with a token and view=staff.
func TestDashboardAPI(t *testing.T) {
	e := newDashboardEnv(t)
	doc := loadOpenAPI(t)
	v := e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard"}, http.StatusOK).(map[string]any)
	total := v["total"].(map[string]any)
	if v["public"] != true || v["min_count"] != 5.0 || total["cases"] != 18.0 || total["digital_take_up"] != 0.7222 || len(v["months"].([]any)) != 12 {
		t.Errorf("public: %v", v)
	}
	oct := v["months"].([]any)[10].(map[string]any)
	if oct["month"] != "2026-10" || oct["channels"].([]any)[0].(map[string]any)["cases"] != nil {
		t.Errorf("public October: %v", oct)
	}
	v = e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard?service=1&org=" + itoa(e.unit) + "&from=2026-10&to=2026-11"}, http.StatusOK).(map[string]any)
	if v["service_id"] != 1.0 || v["service_name"] != "Wohnsitz anmelden" || v["org_name"] != "Bürgeramt" || len(v["months"].([]any)) != 2 {
		t.Errorf("filtered: %v", v)
	}
	v = e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard?from=2026-13&service=x", lang: "en"}, http.StatusBadRequest).(map[string]any)
	fields := v["error"].(map[string]any)["fields"].([]any)
	if len(fields) != 2 || fields[0].(map[string]any)["field"] != "service" || fields[1].(map[string]any)["field"] != "from" {
		t.Errorf("errors: %v", v)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard?view=staff"}, http.StatusUnauthorized)
	citizen := e.user("buerger@example.org", false)
	raw, _, err := e.acc.CreateAPIToken(context.Background(), citizen, "skript")
	if err != nil {
		t.Fatal(err)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard?view=staff", token: raw}, http.StatusForbidden)
	u, _ := e.staff("sb@example.org")
	raw, _, err = e.acc.CreateAPIToken(context.Background(), u, "skript")
	if err != nil {
		t.Fatal(err)
	}
	v = e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard?view=staff", token: raw}, http.StatusOK).(map[string]any)
	oct = v["months"].([]any)[10].(map[string]any)
	if v["public"] != false || oct["channels"].([]any)[0].(map[string]any)["cases"] != 7.0 || oct["deadline_met"] != 8.0 {
		t.Errorf("staff: %v", oct)
	}
	e.check(doc, apiCall{method: "GET", path: "/api/v1/dashboard?view=everything"}, http.StatusBadRequest)
}

// TestDashboardEnglish: the page in English.
func TestDashboardEnglish(t *testing.T) {
	e := newDashboardEnv(t)
	r := httptest.NewRequest("GET", "/kennzahlen", nil)
	r.Header.Set("Accept-Language", "en")
	res := e.do(r)
	wantStatus(t, res, http.StatusOK)
	wantCells(t, "en October", rowCells(t, res.doc, "chart-channels-table", "October 2026"), "not shown", "0", "fewer than 5")
	wantCells(t, "en take-up", rowCells(t, res.doc, "overview-table", "Digital take-up"), "72.2 %")
}

func TestDashboardNotConfigured(t *testing.T) {
	e := newEnv(t)
	for _, p := range []string{"/kennzahlen", "/kennzahlen.csv", "/api/v1/dashboard"} {
		if res := e.get(p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s without dashboards: %d", p, res.StatusCode)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
