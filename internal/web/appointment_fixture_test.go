package web

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/hours"
	"rathaus/internal/mail"
)

// The booking fixture, shared by the citizen's pages (appointment_*_test.go)
// and the office side (office_*_test.go):
//
//	e := newAppointmentEnv(t)            // or newAppointmentEnv(t, withOrgs)
//	e.ids["buergerbuero"], e.ids["perso"] // catalogue ids, as in newCatalogEnv
//	e.clock.Set(cityTime(2026, 12, 1, 9, 0))
//	b := e.bookNow(t, "erika@example.org", e.firstSlot(t, "perso"))
//
// It is newCatalogEnv (its clock starting at testNow, Saturday 28 November
// 2026, 11:00 in Jena) with an appointment.Service on the same database,
// reached as e.appt, whose clock, the server's and the catalogue's are one
// movable clock. Two offices take bookings, from tomorrow to 28 days ahead,
// slots every 10 minutes:
//
//   - "buergerbuero" (Mon-Fri 08-18, closed 24 December): 2 counters,
//     "perso" 20 minutes (10 more per further person), "anmeldung" 10;
//   - "kfz" (Mon-Fri 08-12 and 13-15): 1 counter, "parken" 30 minutes,
//     "fahrzeug" 20.
//
// Every address may hold 2 active bookings per service and office. Mails
// stay in the database's outbox (e.mails, e.linkIn).

// testClock is a clock tests can move.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

// Now returns the clock's time.
func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// appointmentEnv is the catalogue test server with booking.
type appointmentEnv struct {
	*catalogEnv
	clock *testClock
	appt  *appointment.Service
	store appointment.Store
}

// withAppointments gives the server a booking service on its database,
// on clock. Run it after options that set Orgs.
func withAppointments(clock *testClock) func(*Options) {
	return func(o *Options) {
		o.Now = clock.Now
		o.Services.Now = clock.Now
		o.Appointments = &appointment.Service{
			Store: any(o.Audit).(appointment.Store), Catalog: o.Services, Orgs: o.Orgs, Audit: o.Audit,
			T: o.Catalog, Now: clock.Now, Location: berlin, BaseURL: "http://rathaus.test",
			Secret: "test-secret", CityName: "Stadt Jena",
		}
	}
}

// newAppointmentEnv builds the booking fixture; change adjusts the
// options first (e.g. withOrgs).
func newAppointmentEnv(t testing.TB, change ...func(*Options)) *appointmentEnv {
	t.Helper()
	clock := &testClock{t: testNow}
	ce := newCatalogEnv(t, testNow, append(change, withAppointments(clock))...)
	e := &appointmentEnv{catalogEnv: ce, clock: clock, appt: ce.srv.opts.Appointments, store: ce.srv.opts.Appointments.Store}
	for _, st := range e.testSetups() {
		if err := e.store.SaveSetup(context.Background(), st); err != nil {
			t.Fatalf("save setup: %v", err)
		}
	}
	return e
}

func (e *appointmentEnv) testSetups() []*appointment.Setup {
	base := func(office string, counters int, services ...appointment.ServiceSetup) *appointment.Setup {
		return &appointment.Setup{OfficeID: e.ids[office], Enabled: true, Counters: counters, SlotMinutes: 10,
			MinDays: 1, MaxDays: 28, MaxPersons: 4, MaxActivePerEmail: 2, Services: services, UpdatedAt: testNow}
	}
	return []*appointment.Setup{
		base("buergerbuero", 2,
			appointment.ServiceSetup{ServiceID: e.ids["perso"], Minutes: 20, ExtraMinutes: 10},
			appointment.ServiceSetup{ServiceID: e.ids["anmeldung"], Minutes: 10}),
		base("kfz", 1,
			appointment.ServiceSetup{ServiceID: e.ids["parken"], Minutes: 30},
			appointment.ServiceSetup{ServiceID: e.ids["fahrzeug"], Minutes: 20}),
	}
}

// slots returns the free slots for service keys at office on day d.
func (e *appointmentEnv) slots(t testing.TB, office string, d hours.Date, services ...string) []appointment.Slot {
	t.Helper()
	q := appointment.SlotQuery{OfficeIDs: []int64{e.ids[office]}, From: d, To: d}
	for _, k := range services {
		q.ServiceIDs = append(q.ServiceIDs, e.ids[k])
	}
	offers, err := e.appt.FindSlots(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(offers) == 0 {
		return nil
	}
	return offers[0].Slots
}

// firstSlot is the earliest free slot for a service at the Bürgerbüro
// ("perso", "anmeldung") or the Kfz office ("parken", "fahrzeug").
func (e *appointmentEnv) firstSlot(t testing.TB, service string) appointment.Slot {
	t.Helper()
	q := appointment.SlotQuery{ServiceIDs: []int64{e.ids[service]}, From: hours.DateOf(e.clock.Now().In(berlin)),
		To: hours.DateOf(e.clock.Now().In(berlin)).AddDays(30)}
	offers, err := e.appt.FindSlots(context.Background(), q)
	if err != nil || len(offers) == 0 || offers[0].Earliest() == nil {
		t.Fatalf("no free slot for %s: %v", service, err)
	}
	return *offers[0].Earliest()
}

// bookNow books the slot for the service the slot's office offers first
// ("perso" or "parken") through the domain for the account of email
// (made when missing), confirmed at once, and returns the booking and its
// management secret.
func (e *appointmentEnv) bookNow(t testing.TB, email string, slot appointment.Slot) (*appointment.Booking, string) {
	t.Helper()
	service := e.ids["perso"]
	if slot.OfficeID == e.ids["kfz"] {
		service = e.ids["parken"]
	}
	ctx := context.Background()
	u, err := e.db.FindUserByEmail(ctx, email)
	if err != nil {
		u = e.user(email, false)
	}
	b, err := e.appt.Book(ctx, appointment.Request{ServiceIDs: []int64{service}, OfficeID: slot.OfficeID, Start: slot.Start,
		Name: "Erika Mustermann", Email: email, Lang: "de", UserID: &u.ID, VerifiedEmail: true, Client: "192.0.2.1"})
	if err != nil {
		t.Fatalf("book: %v", err)
	}
	return b.Booking, b.Manage
}

// mails returns the mails queued for an address, newest first.
func (e *appointmentEnv) mails(t testing.TB, to string) []*mail.Message {
	t.Helper()
	ms, err := e.db.FindMessages(context.Background(), mail.Filter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// linkIn returns the path and query of the first link starting with
// prefix (e.g. "/termine/bestaetigen") in the newest mail to addr.
func (e *appointmentEnv) linkIn(t testing.TB, addr, prefix string) string {
	t.Helper()
	ms := e.mails(t, addr)
	if len(ms) == 0 {
		t.Fatalf("no mail to %s", addr)
	}
	for _, f := range strings.Fields(ms[0].Text) {
		if strings.HasPrefix(f, "http://rathaus.test"+prefix) {
			u, _ := url.Parse(f)
			return u.RequestURI()
		}
	}
	t.Fatalf("no link %s in mail %q:\n%s", prefix, ms[0].Subject, ms[0].Text)
	return ""
}
