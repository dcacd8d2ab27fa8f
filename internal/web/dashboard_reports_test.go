package web

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestDashboardReports: the dashboards show the defect reports beside
// the applications — how many came in, how fast the city answered and
// fixed them — with the public rules for small counts, for the city and
// a unit, and not for a service (reports belong to none); the CSV and the
// API carry the same figures.
func TestDashboardReports(t *testing.T) {
	e := newDashboardEnv(t)
	res := e.get("/kennzahlen")
	wantStatus(t, res, http.StatusOK)
	wantCells(t, "overview reports", rowCells(t, res.doc, "overview-table", "Mängelmeldungen"), "9")
	if got := rowCells(t, res.doc, "overview-table", "Zeit bis zur ersten Antwort auf eine Meldung")[0]; !strings.Contains(got, "Std.") {
		t.Errorf("time to the first answer: %q", got)
	}
	// November's 3 reports and answers are hidden, and October's 6 with
	// them (9 − 6 would give the 3 away); October's times stand on 6 and
	// 5 reports and are shown.
	wantCells(t, "public October", rowCells(t, res.doc, "chart-reports-table", "Oktober 2026"),
		"nicht ausgewiesen", "nicht ausgewiesen", "*", "*", "5", "*", "*")
	oct := rowCells(t, res.doc, "chart-reports-table", "Oktober 2026")
	if !strings.HasSuffix(oct[2], "Std.") || !strings.HasSuffix(oct[5], "Tage") {
		t.Errorf("October's times %q", oct)
	}
	wantCells(t, "public November", rowCells(t, res.doc, "chart-reports-table", "November 2026"),
		"weniger als 5", "weniger als 5", "nicht ausgewiesen", "nicht ausgewiesen", "0", "–", "–")
	wantCells(t, "public total", rowCells(t, res.doc, "chart-reports-table", "Gesamter Zeitraum"), "9", "9", "*", "*", "5")

	_, staff := e.staff("sb@example.org")
	res = e.get("/amt/kennzahlen?einheit="+strconv.FormatInt(e.unit, 10), staff)
	wantStatus(t, res, http.StatusOK)
	wantCells(t, "staff October", rowCells(t, res.doc, "chart-reports-table", "Oktober 2026"), "6", "6", "*", "*", "5")
	wantCells(t, "staff November", rowCells(t, res.doc, "chart-reports-table", "November 2026"), "3", "3", "*", "*", "0")
	nov := rowCells(t, res.doc, "chart-reports-table", "November 2026")
	if h := strings.TrimSuffix(nov[2], " Std."); h < "3,5" || h > "4,5" {
		t.Errorf("November's median time to answer %q, want about 4 hours", nov[2])
	}

	res = e.get("/kennzahlen?leistung=1")
	wantStatus(t, res, http.StatusOK)
	if query(res.doc, "#chart-reports") != nil {
		t.Error("a service's dashboard shows defect reports")
	}

	csv := e.get("/amt/kennzahlen.csv", staff)
	wantStatus(t, csv, http.StatusOK)
	lines := strings.Split(csv.body, "\n")
	if !strings.Contains(lines[0], ",reports,report_answer_n,report_answer_median_hours,") {
		t.Fatalf("CSV header %s", lines[0])
	}
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "2026-10,") && strings.Contains(l, ",6,6,") {
			found = true
		}
	}
	if !found {
		t.Errorf("CSV has no October with 6 reports:\n%s", csv.body)
	}
	api := e.get("/api/v1/dashboard?view=public")
	wantStatus(t, api, http.StatusOK)
	if !strings.Contains(api.body, `"reports":9`) || !strings.Contains(api.body, `"report_fix"`) {
		t.Errorf("API without the reports: %.400s", api.body)
	}
}
