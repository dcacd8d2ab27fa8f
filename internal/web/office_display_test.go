package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"rathaus/internal/appointment"
)

// calledScene hands out W 001, checks Erika in (T 002), calls T 002 to
// counter 3 and W 001 to counter 5, and hands out W 003, which waits.
func (e *deskEnv) calledScene(t *testing.T) *appointment.Booking {
	t.Helper()
	ctx := context.Background()
	b, _ := e.bookAt(t, "erika@example.org", 8, 0)
	office := e.ids["buergerbuero"]
	step := func(hh, mm int, f func() (*appointment.Ticket, error)) {
		t.Helper()
		e.clock.Set(onDeskDay(hh, mm))
		if _, err := f(); err != nil {
			t.Fatal(err)
		}
	}
	walkIn := func() (*appointment.Ticket, error) {
		return e.appt.WalkIn(ctx, e.clerkActor, office, []int64{e.ids["perso"]})
	}
	step(7, 50, walkIn)
	step(7, 51, func() (*appointment.Ticket, error) { return e.appt.CheckIn(ctx, e.clerkActor, b.ID) })
	step(7, 56, func() (*appointment.Ticket, error) { return e.appt.CallNext(ctx, e.clerkActor, office, 3) })
	step(7, 57, func() (*appointment.Ticket, error) { return e.appt.CallNext(ctx, e.clerkActor, office, 5) })
	step(7, 58, walkIn)
	return b
}

func (e *deskEnv) displayPath() string { return "/aufruf/" + itoaID(e.ids["buergerbuero"]) }

func TestDisplayShowsNumbersNeverNames(t *testing.T) {
	e := newDeskEnv(t)
	b := e.calledScene(t)

	res := e.get(e.displayPath())
	wantStatus(t, res, http.StatusOK)
	calls := texts(res.doc, "[aria-live=polite] li")
	want := []string{"W 001 → Schalter 5", "T 002 → Schalter 3"}
	if strings.Join(calls, "|") != strings.Join(want, "|") {
		t.Errorf("called: got %q, want %q", calls, want)
	}
	if got := text(query(res.doc, ".app-display__waiting")); got != "Es warten: 1" {
		t.Errorf("waiting: got %q, want %q", got, "Es warten: 1")
	}
	if !strings.Contains(res.body, `<noscript><meta http-equiv="refresh" content="10"></noscript>`) {
		t.Error("no reload without JavaScript")
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control: got %q, want no-store", cc)
	}

	js := e.get(e.displayPath() + ".json")
	wantStatus(t, js, http.StatusOK)
	if cc := js.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("JSON Cache-Control: got %q, want no-store", cc)
	}
	var got struct {
		Called []struct {
			Label    string    `json:"label"`
			Counter  int       `json:"counter"`
			CalledAt time.Time `json:"called_at"`
		} `json:"called"`
		Waiting int `json:"waiting"`
	}
	if err := json.Unmarshal([]byte(js.body), &got); err != nil {
		t.Fatalf("%v: %s", err, js.body)
	}
	if len(got.Called) != 2 || got.Called[0].Label != "W 001" || got.Called[0].Counter != 5 ||
		!got.Called[0].CalledAt.Equal(onDeskDay(7, 57)) || got.Called[1].Label != "T 002" || got.Waiting != 1 {
		t.Errorf("JSON: got %+v", got)
	}

	for name, body := range map[string]string{"HTML": res.body, "JSON": js.body} {
		for _, secret := range []string{"Erika", "Mustermann", "erika@example.org", b.Code} {
			if strings.Contains(body, secret) {
				t.Errorf("%s display shows %q", name, secret)
			}
		}
	}
}

func TestDisplayIsFreshAndPublic(t *testing.T) {
	e := newDeskEnv(t)
	e.calledScene(t)
	first := e.get(e.displayPath())
	ts, err := e.store.FindTickets(context.Background(), e.ids["buergerbuero"], deskDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range ts {
		if tk.Status == appointment.Called {
			if _, err := e.appt.Finish(context.Background(), e.clerkActor, tk.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	again := e.get(e.displayPath())
	if len(queryAll(first.doc, "[aria-live=polite] li")) != 2 || len(queryAll(again.doc, "[aria-live=polite] li")) != 0 {
		t.Errorf("finished tickets still shown: before %q, after %q",
			texts(first.doc, "[aria-live=polite] li"), texts(again.doc, "[aria-live=polite] li"))
	}
	wantStatus(t, e.get("/aufruf/999999"), http.StatusNotFound)
	wantStatus(t, e.get("/aufruf/999999.json"), http.StatusNotFound)
	wantStatus(t, e.get("/aufruf/abc"), http.StatusNotFound)
}

// Switching online booking off leaves the counters working: the waiting
// room's display and the statistics too.
func TestDisplayAndStatisticsWithBookingSwitchedOff(t *testing.T) {
	e := newDeskEnv(t)
	e.calledScene(t)
	st, err := e.store.FindSetup(context.Background(), e.ids["buergerbuero"])
	if err != nil {
		t.Fatal(err)
	}
	st.Enabled = false
	if err := e.store.SaveSetup(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	res := e.get(e.displayPath())
	wantStatus(t, res, http.StatusOK)
	if got := len(queryAll(res.doc, "[aria-live=polite] li")); got != 2 {
		t.Errorf("called tickets on the display: got %d, want 2", got)
	}
	res = e.get(e.dayPath("buergerbuero")+"/statistik?von=2026-11-30&bis=2026-11-30", e.clerk)
	wantStatus(t, res, http.StatusOK)
}
