package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"rathaus/internal/appointment"
)

// statsScene is one Monday at the Bürgerbüro (08:00-18:00, 2 counters,
// "perso" 20 minutes):
//
//	A 08:00  checked in 07:50 (T 001), called 08:05, done 08:15
//	B 08:00  never came, marked at 08:20
//	C 08:20  checked in 08:18 (T 003), called 08:30, done 08:45
//	D 08:20  cancelled
//	walk-in  07:55 (W 002), called 08:15, done 08:35
func (e *deskEnv) statsScene(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	office, a := e.ids["buergerbuero"], e.clerkActor
	bA, _ := e.bookAt(t, "a@example.org", 8, 0)
	bB, _ := e.bookAt(t, "b@example.org", 8, 0)
	bC, _ := e.bookAt(t, "c@example.org", 8, 20)
	_, manageD := e.bookAt(t, "d@example.org", 8, 20)
	if _, err := e.appt.Cancel(ctx, manageD); err != nil {
		t.Fatal(err)
	}
	tickets := map[string]int64{}
	at := func(hh, mm int, f func() (*appointment.Ticket, error)) {
		t.Helper()
		e.clock.Set(onDeskDay(hh, mm))
		tk, err := f()
		if err != nil {
			t.Fatalf("%02d:%02d: %v", hh, mm, err)
		}
		tickets[tk.Label] = tk.ID
	}
	call := func(counter int) func() (*appointment.Ticket, error) {
		return func() (*appointment.Ticket, error) { return e.appt.CallNext(ctx, a, office, counter) }
	}
	finish := func(label string) func() (*appointment.Ticket, error) {
		return func() (*appointment.Ticket, error) { return e.appt.Finish(ctx, a, tickets[label], true) }
	}
	at(7, 50, func() (*appointment.Ticket, error) { return e.appt.CheckIn(ctx, a, bA.ID) })
	at(7, 55, func() (*appointment.Ticket, error) { return e.appt.WalkIn(ctx, a, office, []int64{e.ids["anmeldung"]}) })
	at(8, 5, call(1))
	at(8, 15, finish("T 001"))
	at(8, 15, call(1))
	at(8, 18, func() (*appointment.Ticket, error) { return e.appt.CheckIn(ctx, a, bC.ID) })
	e.clock.Set(onDeskDay(8, 20))
	if _, err := e.appt.MarkNoShow(ctx, a, bB.ID); err != nil {
		t.Fatal(err)
	}
	at(8, 30, call(2))
	at(8, 35, finish("W 002"))
	at(8, 45, finish("T 003"))
}

func TestOfficeStatisticsOfADay(t *testing.T) {
	e := newDeskEnv(t)
	e.statsScene(t)
	res := e.get(e.dayPath("buergerbuero")+"/statistik?von=2026-11-30&bis=2026-11-30", e.clerk)
	wantStatus(t, res, http.StatusOK)
	got := map[string]string{}
	for _, row := range queryAll(res.doc, "table.app-stats tbody tr") {
		label := strings.TrimSpace(text(query(row, "th")))
		got[label] = text(query(row, "td"))
	}
	// Waits: A 08:05-08:00 (its start, after its arrival) = 5, the walk-in
	// 08:15-07:55 = 20, C 08:30-08:20 = 10 minutes: median 10, 90 % 20.
	// Service: 10, 20 and 15 minutes: mean 15. Booked time: A, B, C 20
	// minutes each = 60 of 600 minutes × 2 counters = 5 %.
	want := map[string]string{
		"Gebuchte Termine":          "3",
		"Bediente Termine":          "2",
		"Nicht erschienen":          "1",
		"Quote nicht erschienen":    "33,3 %",
		"Abgesagte Termine":         "1",
		"Besuche ohne Termin":       "1",
		"Wartezeit (Median)":        "10 Min.",
		"Wartezeit (90 %)":          "20 Min.",
		"Bearbeitungszeit (Mittel)": "15 Min.",
		"Auslastung":                "5,0 %",
	}
	for label, value := range want {
		found := false
		for l, v := range got {
			if strings.HasPrefix(l, label) {
				found = true
				if v != value {
					t.Errorf("%s: got %q, want %q", label, v, value)
				}
			}
		}
		if !found {
			t.Errorf("no row %q in %q", label, got)
		}
	}

	res = e.get(e.dayPath("buergerbuero")+"/statistik", e.clerk)
	wantStatus(t, res, http.StatusOK)
	if v := attrOf(query(res.doc, "#field-von"), "value"); v != "2026-11-01" {
		t.Errorf("default from: got %q, want the 30 days up to today", v)
	}
	if !strings.Contains(text(query(res.doc, "table.app-stats")), "33,3") {
		t.Error("the default span misses today's figures")
	}
	wantStatus(t, e.get(e.dayPath("buergerbuero")+"/statistik", e.citizen), http.StatusForbidden)
}

func TestOfficeStatisticsBadRange(t *testing.T) {
	e := newDeskEnv(t)
	for query_, field := range map[string]string{"von=gestern&bis=2026-11-30": "von", "von=2026-12-01&bis=2026-11-30": "bis"} {
		res := e.get(e.dayPath("buergerbuero")+"/statistik?"+query_, e.clerk)
		wantStatus(t, res, http.StatusBadRequest)
		if query(res.doc, "#error-summary a[href=#field-"+field+"]") == nil {
			t.Errorf("%s: no error for %s:\n%.2000s", query_, field, res.body)
		}
		if query(res.doc, "table.app-stats") != nil {
			t.Errorf("%s: figures shown for a bad range", query_)
		}
	}
}
