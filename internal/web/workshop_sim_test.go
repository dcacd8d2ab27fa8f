package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestWorkshopSimulation takes the wait before "start" out of the
// fixture's applications: the page projects a shorter throughput time
// than measured, in the chart and the table.
func TestWorkshopSimulation(t *testing.T) {
	e := newModelEnv(t)
	c := e.login(e.owner)
	l, _, err := e.ws.Log(context.Background(), workshopActor(e.owner), "case:9")
	if err != nil {
		t.Fatal(err)
	}
	start := slices.Index(l.Activities, "start")
	base := "/amt/prozesse/protokolle/case:9/simulation"

	form := e.get(base, c)
	wantStatus(t, form, http.StatusOK)
	if n := len(queryAll(form.doc, "#scenario tbody tr")); n != len(l.Activities) {
		t.Errorf("%d rows in the scenario, want one per activity (%d)", n, len(l.Activities))
	}
	if query(form.doc, "#result") != nil {
		t.Error("a result before anything was asked")
	}

	q := url.Values{"berechnen": {"1"}, "wiederholungen": {"100"}, "a" + strconv.Itoa(start): {"remove"}}
	res := e.get(base+"?"+q.Encode(), c)
	wantStatus(t, res, http.StatusOK)
	rows := queryAll(res.doc, "#result tbody tr")
	if len(rows) != 3 {
		t.Fatalf("%d result rows, want measured, projected and saving", len(rows))
	}
	measured, projected := days(t, text(queryAll(rows[0], "td")[0])), days(t, text(queryAll(rows[1], "td")[0]))
	if !(projected < measured) {
		t.Errorf("median: measured %v days, projected %v days", measured, projected)
	}
	if query(res.doc, "figure svg[role=img] title") == nil || len(queryAll(res.doc, "figure svg rect.wm-sim-ci")) != 2 {
		t.Error("no accessible chart with two rows")
	}
	if !strings.Contains(text(query(res.doc, "#saving-summary")), "schneller fertig") {
		t.Errorf("saving summary = %q", text(query(res.doc, "#saving-summary")))
	}
	if query(res.doc, "#field-a"+strconv.Itoa(start)+" option[value=remove][selected]") == nil {
		t.Error("the scenario is not kept in the form")
	}

	q.Set("a"+strconv.Itoa(start), "automate")
	q.Set("d"+strconv.Itoa(start), "-5")
	res = e.get(base+"?"+q.Encode(), c)
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#field-d"+strconv.Itoa(start)+"-error") == nil {
		t.Error("no error at a negative duration")
	}
	wantStatus(t, e.get(base, e.login(e.outsider)), http.StatusForbidden)
	wantStatus(t, e.get("/amt/prozesse/protokolle/log:99/simulation", c), http.StatusNotFound)
}

// days reads "3,5 Tage" (or hours and minutes) as days.
func days(t testing.TB, s string) float64 {
	t.Helper()
	f := strings.Fields(s)
	if len(f) != 2 {
		t.Fatalf("not a duration: %q", s)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(f[0], ".", ""), ",", "."), 64)
	if err != nil {
		t.Fatalf("not a duration: %q", s)
	}
	switch {
	case strings.HasPrefix(f[1], "Tag"):
		return v
	case strings.HasPrefix(f[1], "Stunde"):
		return v / 24
	}
	return v / 1440
}
