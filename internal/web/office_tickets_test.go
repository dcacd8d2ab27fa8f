package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"rathaus/internal/appointment"
)

// post sends a day-page form as the clerk and follows its redirect.
func (e *deskEnv) post(t *testing.T, action string, values url.Values) *response {
	t.Helper()
	res := e.postForm(e.dayPath("buergerbuero")+"/"+action, values, e.clerk)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s: got %d, want 303:\n%.3000s", action, res.StatusCode, res.body)
	}
	next := e.get(res.Header.Get("Location"), append([]*http.Cookie{e.clerk}, res.Cookies()...)...)
	wantStatus(t, next, http.StatusOK)
	return next
}

// issued is the ticket label the day page hands out.
func issued(t *testing.T, res *response) string {
	t.Helper()
	n := query(res.doc, ".app-ticket .app-ticket__label")
	if n == nil {
		t.Fatalf("no ticket handed out:\n%.3000s", res.body)
	}
	return text(n)
}

func (e *deskEnv) booking(t *testing.T, id int64) *appointment.Booking {
	t.Helper()
	b, err := e.store.FindBooking(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOfficeWalkInsCheckInAndCalls(t *testing.T) {
	e := newDeskEnv(t)
	b, _ := e.bookAt(t, "erika@example.org", 8, 0)
	e.clock.Set(onDeskDay(7, 50))
	perso := itoaID(e.ids["perso"])

	for _, want := range []string{"W 001", "W 002"} {
		res := e.post(t, "ohne-termin", url.Values{"service": {perso}})
		if got := issued(t, res); got != want {
			t.Errorf("walk-in ticket: got %q, want %q", got, want)
		}
	}
	res := e.post(t, "einchecken", url.Values{"booking": {itoaID(b.ID)}})
	if got := issued(t, res); got != "T 003" {
		t.Errorf("check-in ticket: got %q, want T 003", got)
	}
	if got := e.booking(t, b.ID).Status; got != appointment.CheckedIn {
		t.Errorf("booking after check-in: got %q, want %q", got, appointment.CheckedIn)
	}
	row := text(query(res.doc, ".app-desk__main table tbody tr"))
	if !strings.Contains(row, "eingecheckt") || !strings.Contains(row, "T 003") {
		t.Errorf("booking row after check-in: %q, want it checked in with T 003", row)
	}
	if got := texts(res.doc, ".app-desk__side table tbody th"); strings.Join(got, ",") != "W 001,W 002,T 003" {
		t.Errorf("waiting: got %q, want W 001, W 002, T 003", got)
	}

	// At 07:56 the appointment at 08:00 is due (five minutes early) and
	// goes before the walk-ins, who came first.
	e.clock.Set(onDeskDay(7, 56))
	res = e.post(t, "aufrufen", url.Values{"counter": {"3"}})
	cur := query(res.doc, ".app-current")
	if cur == nil || text(query(cur, ".app-ticket__label")) != "T 003" || !strings.Contains(text(cur), "Schalter 3") ||
		!strings.Contains(text(cur), "Erika Mustermann") {
		t.Fatalf("first call: got %q, want T 003 at counter 3 with the booked name", textOf(cur))
	}
	res = e.post(t, "abschliessen", url.Values{"ticket": {ticketID(t, cur)}, "result": {"served"}, "counter": {"3"}})
	if got := e.booking(t, b.ID).Status; got != appointment.Served {
		t.Errorf("booking after its ticket is done: got %q, want %q", got, appointment.Served)
	}
	if query(res.doc, ".app-current") != nil {
		t.Error("a finished ticket is still shown at the counter")
	}

	// The browser remembers its counter: the day page comes prefilled.
	call := e.postForm(e.dayPath("buergerbuero")+"/aufrufen", url.Values{"counter": {"3"}}, e.clerk)
	wantStatus(t, call, http.StatusSeeOther)
	remembered := cookie(call, counterCookie)
	if remembered == nil || remembered.Value != "3" {
		t.Fatalf("counter cookie: got %+v, want 3", remembered)
	}
	res = e.get(e.dayPath("buergerbuero"), e.clerk, remembered)
	if v := attrOf(query(res.doc, "#field-counter"), "value"); v != "3" {
		t.Errorf("counter field: got %q, want 3", v)
	}
	cur = query(res.doc, ".app-current")
	if got := text(query(cur, ".app-ticket__label")); got != "W 001" {
		t.Errorf("second call: got %q, want W 001", got)
	}
	e.post(t, "abschliessen", url.Values{"ticket": {ticketID(t, cur)}, "result": {"gone"}, "counter": {"3"}})
	ts, err := e.store.FindTickets(context.Background(), e.ids["buergerbuero"], deskDay)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, tk := range ts {
		got[tk.Label] = tk.Status
	}
	want := map[string]string{"T 003": appointment.TicketDone, "W 001": appointment.TicketGone, "W 002": appointment.Waiting}
	for label, status := range want {
		if got[label] != status {
			t.Errorf("ticket %s: got %q, want %q", label, got[label], status)
		}
	}
}

func TestOfficeRefusalsShowTheReason(t *testing.T) {
	e := newDeskEnv(t)
	b, _ := e.bookAt(t, "erika@example.org", 8, 0)
	e.clock.Set(onDeskDay(8, 10))
	day := e.dayPath("buergerbuero")

	for _, c := range []struct {
		name, action string
		values       url.Values
		status       int
		want         string
	}{
		{"walk-in without service", "ohne-termin", url.Values{}, http.StatusBadRequest, "#field-service"},
		{"nobody waiting", "aufrufen", url.Values{"counter": {"2"}}, http.StatusNotFound, ""},
		{"counter out of range", "aufrufen", url.Values{"counter": {"100"}}, http.StatusBadRequest, "#field-counter"},
		{"no-show too early", "nicht-erschienen", url.Values{"booking": {itoaID(b.ID)}}, http.StatusConflict, ""},
	} {
		res := e.postForm(day+"/"+c.action, c.values, e.clerk)
		wantStatus(t, res, c.status)
		summary := query(res.doc, "#error-summary")
		if summary == nil || text(summary) == "" {
			t.Errorf("%s: no error summary", c.name)
			continue
		}
		if c.want != "" && query(summary, "a[href="+c.want+"]") == nil {
			t.Errorf("%s: the summary does not link to %s", c.name, c.want)
		}
	}
	if ts, _ := e.store.FindTickets(context.Background(), e.ids["buergerbuero"], deskDay); len(ts) != 0 {
		t.Errorf("refused forms made %d tickets", len(ts))
	}
	if got := e.booking(t, b.ID).Status; got != appointment.Confirmed {
		t.Errorf("booking after a refused no-show: got %q, want confirmed", got)
	}

	// Fifteen minutes after the start the button is there, and works.
	res := e.get(day, e.clerk)
	if strings.Contains(renderNode(query(res.doc, ".app-desk__main table tbody tr")), "/nicht-erschienen") {
		t.Error("no-show offered before 15 minutes have passed")
	}
	e.clock.Set(onDeskDay(8, 15))
	res = e.get(day, e.clerk)
	if !strings.Contains(renderNode(query(res.doc, ".app-desk__main table tbody tr")), "/nicht-erschienen") {
		t.Error("no-show not offered 15 minutes after the start")
	}
	res = e.post(t, "nicht-erschienen", url.Values{"booking": {itoaID(b.ID)}, "tag": {"2026-11-30"}})
	if got := e.booking(t, b.ID).Status; got != appointment.NoShow {
		t.Errorf("booking: got %q, want no-show", got)
	}
	if row := text(query(res.doc, ".app-desk__main table tbody tr")); !strings.Contains(row, "nicht erschienen") {
		t.Errorf("booking row %q does not say no-show", row)
	}
	res = e.postForm(day+"/einchecken", url.Values{"booking": {itoaID(b.ID)}}, e.clerk)
	wantStatus(t, res, http.StatusConflict)
}

// ticketID is the ticket id in a finish form under n.
func ticketID(t *testing.T, n *html.Node) string {
	t.Helper()
	if n == nil {
		t.Fatal("no ticket")
	}
	in := query(n, "input[name=ticket]")
	if in == nil {
		t.Fatal("no finish form")
	}
	return attrOf(in, "value")
}

// textOf is the text of n, "" for nil.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	return text(n)
}
