package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/hours"
)

func TestAppointmentCancelByLink(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "parken") // the Kfz office has one counter
	b, manage := e.bookNow(t, "erika@example.org", slot)
	link := e.linkIn(t, "erika@example.org", "/termine/verwalten?t=")
	if link != "/termine/verwalten?t="+manage {
		t.Fatalf("manage link in the mail %s", link)
	}
	page := e.get(link)
	wantStatus(t, page, http.StatusOK)
	if got := text(query(page.doc, ".app-booking__code")); got != b.Code {
		t.Errorf("code = %q, want %q", got, b.Code)
	}
	cancel := attrOf(query(page.doc, "#termin-absagen"), "href")
	ask := e.get(cancel)
	wantStatus(t, ask, http.StatusOK)
	if got := e.bookings(t)[0].Status; got != appointment.Confirmed {
		t.Fatalf("opening the cancel page changed the status to %s", got)
	}
	token := attrOf(query(ask.doc, "form[action='/termine/absagen'] input[name=t]"), "value")
	res := e.postForm("/termine/absagen", url.Values{"t": {token}})
	wantStatus(t, res, http.StatusSeeOther)
	page = e.get(res.Header.Get("Location"))
	if !strings.Contains(text(query(page.doc, ".app-booking")), "abgesagt") || query(page.doc, "#termin-absagen") != nil {
		t.Error("the manage page does not show the cancellation")
	}
	if got := e.bookings(t)[0].Status; got != appointment.Cancelled {
		t.Errorf("status = %s, want cancelled", got)
	}
	if got := e.mails(t, "erika@example.org")[0].Subject; !strings.Contains(got, "abgesagt") {
		t.Errorf("newest mail %q, want the cancellation", got)
	}
	if free := e.slots(t, "kfz", dayOf(slot), "parken"); len(free) == 0 || !free[0].Start.Equal(slot.Start) {
		t.Error("the cancelled slot is not free again")
	}
	// A second cancel is refused and changes nothing.
	wantStatus(t, e.postForm("/termine/absagen", url.Values{"t": {token}}), http.StatusConflict)
}

func TestAppointmentMoveByLink(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "parken")
	_, manage := e.bookNow(t, "erika@example.org", slot)
	page := e.get("/termine/verschieben?t=" + manage)
	wantStatus(t, page, http.StatusOK)
	if query(page.doc, "form[action='/termine/warteliste']") != nil {
		t.Error("the move picker offers the waiting list")
	}
	times := queryAll(page.doc, ".app-times a")
	if len(times) < 2 {
		t.Fatalf("move picker offers %d times", len(times))
	}
	// Kfz: 08:00-12:00 and 13:00-15:00, 30 minutes on a 10-minute grid; the
	// booked 08:00 is taken by the booking itself, so 08:30 is first.
	if got := attrOf(times[0], "aria-label"); got != "Montag, 30. November, 08:30 Uhr" {
		t.Errorf("first time to move to: %q", got)
	}
	choose := e.get(attrOf(times[3], "href"))
	wantStatus(t, choose, http.StatusOK)
	start := attrOf(query(choose.doc, "form[action='/termine/verschieben'] input[name=start]"), "value")
	res := e.postForm("/termine/verschieben", url.Values{"t": {manage}, "start": {start}})
	wantStatus(t, res, http.StatusSeeOther)
	b := e.bookings(t)[0]
	if got := b.Start.UTC().Format(time.RFC3339); got != start {
		t.Errorf("start = %s, want %s", got, start)
	}
	if got := e.mails(t, "erika@example.org")[0].Subject; !strings.Contains(got, "verschoben") {
		t.Errorf("newest mail %q, want the move", got)
	}
	// Moving onto a full slot: the picker again, with the news.
	other, _ := e.bookNow(t, "other@example.org", e.firstSlot(t, "parken"))
	res = e.postForm("/termine/verschieben", url.Values{"t": {manage}, "start": {other.Start.UTC().Format(time.RFC3339)}})
	wantStatus(t, res, http.StatusConflict)
	if query(res.doc, ".app-gone") == nil {
		t.Error("no message that the slot is gone")
	}
	if got := e.bookings(t); len(got) != 2 {
		t.Errorf("bookings %d", len(got))
	}
}

func TestAppointmentWrongToken(t *testing.T) {
	e := newAppointmentEnv(t)
	for _, path := range []string{"/termine/verwalten?t=falsch", "/termine/bestaetigen?t=falsch", "/termine/kalender.ics?t=falsch",
		"/termine/absagen?t=falsch", "/termine/verschieben?t=falsch", "/termine/verwalten", "/termine/bestaetigt?t="} {
		res := e.get(path)
		wantStatus(t, res, http.StatusNotFound)
		if !strings.Contains(res.body, "nicht (mehr) gültig") {
			t.Errorf("%s does not say the link is invalid", path)
		}
	}
	for _, path := range []string{"/termine/absagen", "/termine/bestaetigen", "/termine/warteliste/austragen"} {
		wantStatus(t, e.postForm(path, url.Values{"t": {"falsch"}}), http.StatusNotFound)
	}
}

func TestAppointmentWaitlist(t *testing.T) {
	e := newAppointmentEnv(t)
	week := e.get("/termine/buchen?service=" + e.id("perso") + "&office=" + e.id("buergerbuero"))
	form := query(week.doc, "form[action='/termine/warteliste']")
	if form == nil {
		t.Fatal("no waiting-list form on the slot page")
	}
	if got := attrOf(query(form, "#field-before"), "value"); got != "2026-11-30" {
		t.Errorf("before defaults to %q, want the earliest free day", got)
	}
	v := url.Values{"service": {e.id("perso")}, "persons": {"1"}, "office": {e.id("buergerbuero")}, "email": {"nope"}, "before": {"2026-11-01"}}
	res := e.postForm("/termine/warteliste", v)
	wantStatus(t, res, http.StatusBadRequest)
	for _, f := range []string{"email", "before"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil {
			t.Errorf("field %s is not marked", f)
		}
	}
	v.Set("email", "wait@example.org")
	v.Set("before", "2026-12-10")
	res = e.postForm("/termine/warteliste", v)
	wantStatus(t, res, http.StatusSeeOther)
	joined := e.get(res.Header.Get("Location"))
	wantStatus(t, joined, http.StatusOK)
	leave, _ := url.Parse(attrOf(query(joined.doc, "#leave-link"), "href"))
	ask := e.get(leave.RequestURI())
	wantStatus(t, ask, http.StatusOK)
	token := attrOf(query(ask.doc, "form[action='/termine/warteliste/austragen'] input[name=t]"), "value")
	res = e.postForm("/termine/warteliste/austragen", url.Values{"t": {token}})
	wantStatus(t, res, http.StatusSeeOther)
	wantStatus(t, e.postForm("/termine/warteliste/austragen", url.Values{"t": {token}}), http.StatusNotFound)

	// A filled honeypot gets the same answer and is on no list.
	v.Set("website", "x")
	res = e.postForm("/termine/warteliste", v)
	wantStatus(t, res, http.StatusSeeOther)
	entries, err := e.store.FindWaitEntries(context.Background(), e.ids["buergerbuero"], testNow.AddDate(0, 1, 0))
	if err != nil || len(entries) != 0 {
		t.Errorf("waiting list after the bot: %d entries, %v", len(entries), err)
	}
}

func TestAppointmentWaitlistNotified(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "parken")
	_, manage := e.bookNow(t, "early@example.org", slot)
	v := url.Values{"service": {e.id("parken")}, "persons": {"1"}, "office": {e.id("kfz")}, "email": {"wait@example.org"}, "before": {"2026-12-20"}}
	wantStatus(t, e.postForm("/termine/warteliste", v), http.StatusSeeOther)
	if _, err := e.appt.Cancel(context.Background(), manage); err != nil {
		t.Fatal(err)
	}
	payload := `{"office_id":` + e.id("kfz") + `,"start":"` + slot.Start.UTC().Format(time.RFC3339) + `"}`
	if err := e.appt.Freed(context.Background(), []byte(payload)); err != nil {
		t.Fatal(err)
	}
	link := e.linkIn(t, "wait@example.org", "/termine/buchen?")
	form := e.get(link)
	wantStatus(t, form, http.StatusOK)
	if query(form.doc, "form[action='/termine/buchen'] #field-name") == nil {
		t.Errorf("the mailed link does not lead to the booking form: %s", link)
	}
}

func dayOf(s appointment.Slot) hours.Date { return hours.DateOf(s.Start.In(berlin)) }
