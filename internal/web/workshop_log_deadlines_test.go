package web

import (
	"net/url"
	"strconv"
	"testing"
	"time"
)

func TestWorkshopDeadlines(t *testing.T) {
	e := newWorkshopEnv(t)
	// The cases' durations from the fixture itself.
	first, last := map[string]time.Time{}, map[string]time.Time{}
	for _, ev := range workshopEvents(1) {
		if _, ok := first[ev.CaseID]; !ok {
			first[ev.CaseID] = ev.At
		}
		last[ev.CaseID] = ev.At
	}
	late := 0
	for id := range first {
		if last[id].Sub(first[id]) > 10*24*time.Hour {
			late++
		}
	}
	res := e.page(t, "/amt/prozesse/protokolle/case:9/fristen?frist=10")
	if got := figure(t, res, "late"); got != strconv.Itoa(late) {
		t.Errorf("late at 10 days: %s, want %d", got, late)
	}
	if n := len(queryAll(res.doc, "table#late-cases tbody tr")); n != late {
		t.Errorf("late cases listed: %d, want %d", n, late)
	}
	// Closed only by "approve": every case ends with "close", so all are
	// open, judged at the log's last event.
	var end time.Time
	for _, l := range last {
		if l.After(end) {
			end = l
		}
	}
	overdue := 0
	for _, f := range first {
		if end.Sub(f) > 10*24*time.Hour {
			overdue++
		}
	}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/fristen?frist=10&ende=approve")
	if got := figure(t, res, "late"); got != "0" {
		t.Errorf("late when no case counts as closed: %s, want 0", got)
	}
	if got := figure(t, res, "open-overdue"); got != strconv.Itoa(overdue) {
		t.Errorf("open and overdue: %s, want %d", got, overdue)
	}
	res = e.get("/amt/prozesse/protokolle/case:9/fristen?frist=abc", e.login(e.owner))
	wantStatus(t, res, 200)
	if query(res.doc, "#field-frist-error") == nil {
		t.Error("a bad deadline has no error")
	}
	v := url.Values{"frist": {"10"}, "aktivitaet": {"ask"}}
	res = e.page(t, "/amt/prozesse/protokolle/case:9/fristen?"+v.Encode())
	if query(res.doc, "form#deadline-form input[type=hidden][name=aktivitaet][value=ask]") == nil {
		t.Error("the deadline form drops the filter")
	}
}
