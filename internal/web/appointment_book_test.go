package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/appointment"
)

// bookingValues is the data form for a slot of service at the slot's office.
func (e *appointmentEnv) bookingValues(service string, slot appointment.Slot, email string) url.Values {
	return url.Values{
		"service": {strconv.FormatInt(e.ids[service], 10)}, "persons": {"1"},
		"office": {strconv.FormatInt(slot.OfficeID, 10)}, "start": {slot.Start.UTC().Format(time.RFC3339)},
		"name": {"Erika Mustermann"}, "email": {email}, "phone": {""}, "website": {""},
	}
}

// bookings returns every booking in the database.
func (e *appointmentEnv) bookings(t testing.TB) []*appointment.Booking {
	t.Helper()
	bs, err := e.store.FindBookings(context.Background(), appointment.BookingFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return bs
}

func (e *appointmentEnv) id(key string) string { return strconv.FormatInt(e.ids[key], 10) }

func TestAppointmentStartListsBookableServices(t *testing.T) {
	e := newAppointmentEnv(t)
	res := e.get("/termine")
	wantStatus(t, res, http.StatusOK)
	for _, k := range []string{"perso", "anmeldung", "parken", "fahrzeug"} {
		if query(res.doc, "form[action='/termine/buchen'] input[type=checkbox][name=service][value='"+e.id(k)+"']") == nil {
			t.Errorf("no checkbox for bookable service %s", k)
		}
	}
	if query(res.doc, "input[value='"+e.id("hund")+"']") != nil {
		t.Error("a service no office books is offered")
	}
	if got := len(queryAll(res.doc, "fieldset legend")); got != 2 {
		t.Errorf("got %d groups of services, want 2 (one per office)", got)
	}

	res = e.get("/termine/buchen?persons=1") // nothing chosen
	wantStatus(t, res, http.StatusBadRequest)
	if query(res.doc, "#error-summary a[href='#field-service']") == nil || query(res.doc, "#field-service") == nil {
		t.Error("choosing no service does not point at the service choice")
	}
	res = e.get("/termine/buchen?service=" + e.id("perso") + "&service=" + e.id("parken"))
	wantStatus(t, res, http.StatusBadRequest)
	if !strings.Contains(text(query(res.doc, "#error-summary")), "keinem Standort") {
		t.Errorf("services no office offers together: summary %q", text(query(res.doc, "#error-summary")))
	}
}

func TestAppointmentOffersAndWeek(t *testing.T) {
	e := newAppointmentEnv(t)
	res := e.get("/termine/buchen?service=" + e.id("perso"))
	wantStatus(t, res, http.StatusOK)
	offices := texts(res.doc, ".app-office h2")
	if len(offices) != 1 || offices[0] != "Bürgerbüro Jena" {
		t.Fatalf("offices = %q, want the Bürgerbüro only", offices)
	}
	// Saturday 28 November: the first bookable day is Monday, 08:00.
	if got := text(query(res.doc, ".app-office .app-earliest")); !strings.Contains(got, "Montag, 30. November 2026, 08:00 Uhr") {
		t.Errorf("earliest slot = %q", got)
	}
	if query(res.doc, ".app-office a[href='/standorte/"+e.id("buergerbuero")+"']") == nil {
		t.Error("no link to the office page")
	}
	if !strings.Contains(res.body, "50,92714° N") {
		t.Error("the office's coordinates are not shown")
	}
	week := attrOf(query(res.doc, ".app-office a.kern-btn--secondary"), "href")
	res = e.get(week)
	wantStatus(t, res, http.StatusOK)
	if got := texts(res.doc, "main h3"); len(got) != 5 || got[0] != "Montag, 30. November" || got[4] != "Freitag, 4. Dezember" {
		t.Errorf("day headings = %q, want Monday to Friday", got)
	}
	first := query(res.doc, ".app-times a")
	if got := attrOf(first, "aria-label"); got != "Montag, 30. November, 08:00 Uhr" {
		t.Errorf("first time's accessible name = %q", got)
	}
	if got := strings.TrimSpace(text(first)); got != "08:00" {
		t.Errorf("first time shows %q", got)
	}
	// 08:00 to 18:00 on a 10-minute grid, 20 minutes long: 59 starts a day.
	if got := len(queryAll(res.doc, "ul[aria-labelledby=tag-2026-11-30] a")); got != 59 {
		t.Errorf("Monday has %d times, want 59", got)
	}
	if query(res.doc, "a[rel=prev]") != nil {
		t.Error("the first week links to an earlier one")
	}
	next := attrOf(query(res.doc, "a[rel=next]"), "href")
	res = e.get(next)
	wantStatus(t, res, http.StatusOK)
	if got := text(query(res.doc, "main h3")); got != "Montag, 7. Dezember" {
		t.Errorf("the later week starts with %q", got)
	}
	if query(res.doc, "a[rel=prev]") == nil {
		t.Error("the later week has no link back")
	}
	res = e.get(week + "&week=2026-12-21") // 24 to 26 December are closed
	if got := texts(res.doc, "main h3"); len(got) != 3 {
		t.Errorf("Christmas week days = %q, want Monday to Wednesday", got)
	}
}

func TestAppointmentEnglishTimes(t *testing.T) {
	e := newAppointmentEnv(t)
	r := newRequest("GET", "/termine/buchen?service="+e.id("perso")+"&office="+e.id("buergerbuero"), "en")
	res := e.do(r)
	wantStatus(t, res, http.StatusOK)
	if got := attrOf(query(res.doc, ".app-times a"), "aria-label"); got != "Monday, 30 November, 08:00" {
		t.Errorf("English accessible name = %q", got)
	}
}

func TestAppointmentBookConfirmCalendar(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "perso")
	form := e.get("/termine/buchen?" + url.Values{"service": {e.id("perso")}, "office": {e.id("buergerbuero")},
		"start": {slot.Start.UTC().Format(time.RFC3339)}}.Encode())
	wantStatus(t, form, http.StatusOK)
	for _, sel := range []string{"#field-name[autocomplete=name]", "#field-email[type=email]", "#field-phone[type=tel]",
		".app-hp[aria-hidden=true] input[name=website][tabindex='-1'][autocomplete=off]", "a[href='/datenschutz']"} {
		if query(form.doc, sel) == nil {
			t.Errorf("data form lacks %s", sel)
		}
	}

	const addr = "erika@example.org"
	res := e.postForm("/termine/buchen", e.bookingValues("perso", slot, addr))
	wantStatus(t, res, http.StatusSeeOther)
	if got := res.Header.Get("Location"); got != "/termine/gesendet" {
		t.Fatalf("after booking: %s, want /termine/gesendet", got)
	}
	if strings.Contains(res.Header.Get("Location"), "erika") {
		t.Error("the address is in a URL")
	}
	wantStatus(t, e.get("/termine/gesendet"), http.StatusOK)
	if strings.Contains(e.logs.String(), addr) || strings.Contains(e.logs.String(), "Mustermann") {
		t.Error("the log holds the name or address")
	}

	link := e.linkIn(t, addr, "/termine/bestaetigen?t=")
	page := e.get(link)
	wantStatus(t, page, http.StatusOK)
	if bs := e.bookings(t); len(bs) != 1 || bs[0].Status != appointment.Held {
		t.Fatalf("after opening the link: bookings %v, want one still held", bs)
	}
	token := attrOf(query(page.doc, "form[action='/termine/bestaetigen'] input[name=t]"), "value")
	res = e.postForm("/termine/bestaetigen", url.Values{"t": {token}})
	wantStatus(t, res, http.StatusSeeOther)
	confirmed := res.Header.Get("Location")
	if !strings.HasPrefix(confirmed, "/termine/bestaetigt?t=") {
		t.Fatalf("after confirming: %s", confirmed)
	}
	page = e.get(confirmed)
	wantStatus(t, page, http.StatusOK)
	b := e.bookings(t)[0]
	if b.Status != appointment.Confirmed {
		t.Errorf("status = %s, want confirmed", b.Status)
	}
	if got := text(query(page.doc, ".app-code__value")); got != b.Code {
		t.Errorf("code shown = %q, want %q", got, b.Code)
	}
	if got := text(query(page.doc, ".app-booking__when")); got != "Montag, 30. November 2026, 08:00 Uhr" {
		t.Errorf("when = %q", got)
	}
	ics := attrOf(query(page.doc, "a[download]"), "href")
	if !strings.HasPrefix(attrOf(query(page.doc, ".app-no-print a.kern-btn--secondary"), "href"), "/termine/verwalten?t=") ||
		query(page.doc, "button[data-print][hidden]") == nil {
		t.Error("the confirmation lacks the manage link or the print button")
	}
	if got := e.linkIn(t, addr, "/termine/kalender.ics?t="); got != ics {
		t.Errorf("calendar link in the mail %s, on the page %s", got, ics)
	}

	cal := e.get(ics)
	wantStatus(t, cal, http.StatusOK)
	if got := cal.Header.Get("Content-Type"); got != "text/calendar; charset=utf-8" {
		t.Errorf("content type %q", got)
	}
	if got, want := cal.Header.Get("Content-Disposition"), `attachment; filename="termin-`+b.Code+`.ics"`; got != want {
		t.Errorf("disposition %q, want %q", got, want)
	}
	for _, want := range []string{"BEGIN:VCALENDAR", "DTSTART:20261130T070000Z", "DTEND:20261130T072000Z",
		"SUMMARY:Termin: Personalausweis beantragen", "LOCATION:Bürgerbüro Jena\\, Am Anger 15\\, 07743 Jena", b.Code} {
		if !strings.Contains(strings.ReplaceAll(cal.body, "\r\n ", ""), want) {
			t.Errorf("calendar file lacks %q:\n%s", want, cal.body)
		}
	}

	// A second press changes nothing and says so.
	res = e.postForm("/termine/bestaetigen", url.Values{"t": {token}})
	wantStatus(t, res, http.StatusSeeOther)
	page = e.get(res.Header.Get("Location"))
	if !strings.Contains(page.body, "schon bestätigt") {
		t.Error("a second confirmation does not say the booking is confirmed")
	}
}

func TestAppointmentHoldExpires(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "perso")
	wantStatus(t, e.postForm("/termine/buchen", e.bookingValues("perso", slot, "late@example.org")), http.StatusSeeOther)
	link := e.linkIn(t, "late@example.org", "/termine/bestaetigen?t=")
	e.clock.Set(testNow.Add(31 * time.Minute))
	page := e.get(link)
	wantStatus(t, page, http.StatusOK)
	if query(page.doc, "form[action='/termine/bestaetigen']") != nil || !strings.Contains(page.body, "abgelaufen") {
		t.Error("an expired hold can still be confirmed")
	}
	token, _ := url.ParseQuery(strings.TrimPrefix(link, "/termine/bestaetigen?"))
	res := e.postForm("/termine/bestaetigen", url.Values{"t": {token.Get("t")}})
	wantStatus(t, res, http.StatusSeeOther)
	if b := e.bookings(t)[0]; b.Status == appointment.Confirmed {
		t.Error("an expired hold was confirmed")
	}
}

func TestAppointmentBadInputChangesNothing(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "perso")
	v := e.bookingValues("perso", slot, "keine-adresse")
	v.Set("name", " ")
	v.Set("phone", "ruf mich an")
	res := e.postForm("/termine/buchen", v)
	wantStatus(t, res, http.StatusBadRequest)
	for _, f := range []string{"name", "email", "phone"} {
		if query(res.doc, "#error-summary a[href='#field-"+f+"']") == nil || query(res.doc, "#field-"+f+"[aria-invalid=true]") == nil {
			t.Errorf("field %s is not marked", f)
		}
	}
	if got := attrOf(query(res.doc, "#field-phone"), "value"); got != "ruf mich an" {
		t.Errorf("the phone field lost its value: %q", got)
	}
	if query(res.doc, "form[action='/termine/buchen'] input[name=start][type=hidden]") == nil {
		t.Error("the form lost the chosen slot")
	}
	if bs := e.bookings(t); len(bs) != 0 {
		t.Errorf("bad input booked %d", len(bs))
	}
	if ms := e.mails(t, "keine-adresse"); len(ms) != 0 {
		t.Error("bad input sent mail")
	}
}

func TestAppointmentHoneypotSendsNothing(t *testing.T) {
	e := newAppointmentEnv(t)
	v := e.bookingValues("perso", e.firstSlot(t, "perso"), "victim@example.org")
	v.Set("website", "https://spam.example")
	res := e.postForm("/termine/buchen", v)
	wantStatus(t, res, http.StatusSeeOther)
	if got := res.Header.Get("Location"); got != "/termine/gesendet" {
		t.Errorf("a bot is sent to %s, want the same page as people", got)
	}
	if len(e.bookings(t)) != 0 || len(e.mails(t, "victim@example.org")) != 0 {
		t.Error("a filled honeypot booked or mailed")
	}
}

func TestAppointmentSlotGone(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "perso")
	e.bookNow(t, "a@example.org", slot) // two counters: two bookings fill it
	e.bookNow(t, "b@example.org", slot)
	res := e.postForm("/termine/buchen", e.bookingValues("perso", slot, "c@example.org"))
	wantStatus(t, res, http.StatusConflict)
	if query(res.doc, ".app-gone[role=alert]") == nil {
		t.Error("no message that the slot is gone")
	}
	if query(res.doc, ".app-times a") == nil {
		t.Error("no other times offered")
	}
	if attrOf(query(res.doc, ".app-times a"), "aria-label") == "Montag, 30. November, 08:00 Uhr" {
		t.Error("the full slot is still offered")
	}
	if len(e.mails(t, "c@example.org")) != 0 {
		t.Error("a failed booking sent mail")
	}
	// The form page for the full slot says the same.
	res = e.get("/termine/buchen?" + url.Values{"service": {e.id("perso")}, "office": {e.id("buergerbuero")},
		"start": {slot.Start.UTC().Format(time.RFC3339)}}.Encode())
	wantStatus(t, res, http.StatusConflict)
}

func TestAppointmentRateLimit(t *testing.T) {
	e := newAppointmentEnv(t)
	slot := e.firstSlot(t, "perso")
	bad := e.bookingValues("perso", slot, "x@example.org")
	bad.Set("name", "")
	for range bookingsPerClient {
		wantStatus(t, e.postForm("/termine/buchen", bad), http.StatusBadRequest)
	}
	res := e.postForm("/termine/buchen", e.bookingValues("perso", slot, "y@example.org"))
	wantStatus(t, res, http.StatusTooManyRequests)
	if query(res.doc, "#error-summary") == nil {
		t.Error("the limit is not explained")
	}
	if len(e.bookings(t)) != 0 {
		t.Error("a booking over the limit was made")
	}
}

func TestAppointmentLoggedIn(t *testing.T) {
	e := newAppointmentEnv(t)
	sess := e.verifiedUser("kim@example.org")
	slot := e.firstSlot(t, "anmeldung")
	form := e.get("/termine/buchen?"+url.Values{"service": {e.id("anmeldung")}, "office": {e.id("buergerbuero")},
		"start": {slot.Start.UTC().Format(time.RFC3339)}}.Encode(), sess)
	if got := attrOf(query(form.doc, "#field-email"), "value"); got != "kim@example.org" {
		t.Errorf("email not prefilled: %q", got)
	}
	res := e.postForm("/termine/buchen", e.bookingValues("anmeldung", slot, "kim@example.org"), sess)
	wantStatus(t, res, http.StatusSeeOther)
	if got := res.Header.Get("Location"); !strings.HasPrefix(got, "/termine/bestaetigt?t=") {
		t.Fatalf("a booking with the verified address goes to %s, want the confirmation", got)
	}
	// Someone else's address: held until that person confirms.
	res = e.postForm("/termine/buchen", e.bookingValues("perso", e.firstSlot(t, "perso"), "partner@example.org"), sess)
	if got := res.Header.Get("Location"); got != "/termine/gesendet" {
		t.Errorf("a booking for another address goes to %s", got)
	}

	mine := e.get("/account/termine", sess)
	wantStatus(t, mine, http.StatusOK)
	if got := len(queryAll(mine.doc, ".app-mine")); got != 2 {
		t.Fatalf("my appointments lists %d, want 2", got)
	}
	if query(e.get("/account", sess).doc, ".app-subnav a[href='/account/termine']") == nil {
		t.Error("the account page does not link my appointments")
	}
	cancel := attrOf(query(mine.doc, ".app-mine a.kern-btn"), "href")
	page := e.get(cancel, sess)
	wantStatus(t, page, http.StatusOK)
	res = e.postForm(cancel, url.Values{}, sess)
	wantStatus(t, res, http.StatusSeeOther)
	cancelled := 0
	for _, b := range e.bookings(t) {
		if b.Status == appointment.Cancelled {
			cancelled++
		}
	}
	if cancelled != 1 {
		t.Errorf("%d cancelled, want 1", cancelled)
	}
	// Another account cannot cancel it.
	other := e.login(e.user("eve@example.org", false))
	wantStatus(t, e.postForm(cancel, url.Values{}, other), http.StatusNotFound)
}

func TestAppointmentServicePageButton(t *testing.T) {
	e := newAppointmentEnv(t)
	res := e.get("/leistungen/" + e.id("perso"))
	wantStatus(t, res, http.StatusOK)
	if got := attrOf(query(res.doc, "a#termin-buchen"), "href"); got != "/termine/buchen?service="+e.id("perso") {
		t.Errorf("booking button leads to %q", got)
	}
	if query(res.doc, "a[href='https://termine.jena.example/ausweis']") != nil {
		t.Error("the external booking link is shown next to the city's booking")
	}
	res = e.get("/leistungen/" + e.id("hund"))
	if query(res.doc, "a#termin-buchen") != nil {
		t.Error("a service no office books has a booking button")
	}
}

func TestAppointmentServicePageWithoutBooking(t *testing.T) {
	e := newCatalogEnv(t, testNow)
	res := e.get("/leistungen/" + strconv.FormatInt(e.ids["perso"], 10))
	if query(res.doc, "a[href='https://termine.jena.example/ausweis']") == nil {
		t.Error("without booking the external booking link is gone")
	}
	wantStatus(t, e.get("/termine"), http.StatusNotFound)
}
