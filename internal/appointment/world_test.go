package appointment_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/hours"
	"rathaus/internal/i18n"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

var ctx = context.Background()

var berlin, _ = time.LoadLocation("Europe/Berlin")

// world is a city with one bookable office on a real store: the
// citizens' office, open Monday to Friday 08:00-12:00 and Thursday
// 14:00-18:00, with the ID card (20 min) and passport (20 min, 10 per
// further person) bookable; its clock can be moved.
type world struct {
	db              *sqlstore.DB
	svc             *appointment.Service
	cat             *catalog.Catalog
	office          int64
	perso, pass     int64
	staff, stranger org.Actor

	mu  sync.Mutex
	now time.Time
}

func (w *world) clock() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.now
}

func (w *world) set(t time.Time) {
	w.mu.Lock()
	w.now = t
	w.mu.Unlock()
}

func local(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, berlin)
}

func newWorld(t testing.TB, db *sqlstore.DB, counters int) *world {
	t.Helper()
	w := &world{db: db, now: local(2026, 11, 30, 9, 0).UTC()} // a Monday
	orgs := &org.Service{Store: db, Audit: db, Now: w.clock}
	unit := &org.Org{Kind: org.KindGroup, Slug: "buergerservice", Name: "Bürgerservice"}
	must(t, orgs.Create(ctx, unit))
	w.cat = &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: w.clock}
	if _, err := w.cat.Import(ctx, bundle()); err != nil {
		t.Fatal(err)
	}
	ids := externalIDs(t, db)
	w.office, w.perso, w.pass = ids["mitte"], ids["perso"], ids["pass"]
	tr, err := i18n.New()
	must(t, err)
	w.svc = &appointment.Service{Store: db, Catalog: w.cat, Orgs: orgs, Audit: db, T: tr, Now: w.clock,
		Location: berlin, BaseURL: "https://rathaus.test", Secret: "s3cret"}
	must(t, db.SaveSetup(ctx, &appointment.Setup{OfficeID: w.office, Enabled: true, Counters: counters,
		SlotMinutes: 10, MinDays: 1, MaxDays: 28, MaxPersons: 4, MaxActivePerEmail: 1,
		Services: []appointment.ServiceSetup{{ServiceID: w.perso, Minutes: 20}, {ServiceID: w.pass, Minutes: 20, ExtraMinutes: 10}}}))
	w.staff = w.user(t, orgs, "jonas@jena.example", unit)
	w.stranger = w.user(t, orgs, "eve@example.org", nil)
	return w
}

func (w *world) user(t testing.TB, orgs *org.Service, email string, caseWorkerOf *org.Org) org.Actor {
	t.Helper()
	u := &account.User{Email: email, DisplayName: email, PasswordHash: "x", Locale: "de", CreatedAt: w.clock()}
	must(t, w.db.CreateUser(ctx, u, nil, nil))
	if caseWorkerOf != nil {
		if _, err := orgs.Grant(ctx, nil, u.ID, org.RoleCaseWorker, caseWorkerOf.ID); err != nil {
			t.Fatal(err)
		}
	}
	return org.Actor{UserID: u.ID}
}

func bundle() *catalog.Bundle {
	var h hours.Hours
	for d := time.Monday; d <= time.Friday; d++ {
		h.Weekly[d] = []hours.Interval{{From: 8 * 60, To: 12 * 60}}
	}
	h.Weekly[time.Thursday] = append(h.Weekly[time.Thursday], hours.Interval{From: 14 * 60, To: 18 * 60})
	h.Holidays = "TH"
	lat, lon := 50.9279, 11.5892
	return &catalog.Bundle{Format: catalog.BundleFormat, Source: "test",
		Offices: []catalog.BundleOffice{{Key: "mitte", Name: "Bürgerservice Mitte", Org: "buergerservice",
			Address: catalog.Address{Street: "Markt", HouseNo: "1", PostalCode: "07743", City: "Jena"}, Lat: &lat, Lon: &lon, Hours: h}},
		Services: []catalog.BundleService{
			{Key: "perso", Org: "buergerservice", Offices: []string{"mitte"}, Content: catalog.Content{Name: "Personalausweis beantragen", Summary: "Ausweis."}},
			{Key: "pass", Org: "buergerservice", Offices: []string{"mitte"}, Content: catalog.Content{Name: "Reisepass beantragen", Summary: "Pass."}},
		}}
}

func externalIDs(t testing.TB, db *sqlstore.DB) map[string]int64 {
	ids := map[string]int64{}
	services, err := db.FindServices(ctx, catalog.ServiceFilter{})
	must(t, err)
	for _, s := range services {
		ids[s.ExternalID] = s.ID
	}
	offices, err := db.FindOffices(ctx, catalog.OfficeFilter{})
	must(t, err)
	for _, o := range offices {
		ids[o.ExternalID] = o.ID
	}
	return ids
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// request books the ID card on Tuesday 1 December at hh:mm.
func (w *world) request(email string, hh, mm int) appointment.Request {
	return appointment.Request{ServiceIDs: []int64{w.perso}, OfficeID: w.office, Start: local(2026, 12, 1, hh, mm),
		Name: "Erika Mustermann", Email: email, Lang: "de", Client: "192.0.2.7"}
}

// free returns the free places of the slot at Tuesday 1 December hh:mm
// for the ID card, 0 when it is not offered.
func (w *world) free(t testing.TB, hh, mm int) int {
	t.Helper()
	day := hours.Date{Year: 2026, Month: time.December, Day: 1}
	offers, err := w.svc.FindSlots(ctx, appointment.SlotQuery{ServiceIDs: []int64{w.perso}, From: day, To: day})
	must(t, err)
	for _, o := range offers {
		for _, s := range o.Slots {
			if s.Start.Equal(local(2026, 12, 1, hh, mm)) {
				return s.Free
			}
		}
	}
	return 0
}

// mails returns the mails queued for an address, oldest first.
func (w *world) mails(t testing.TB, to string) []*mail.Message {
	t.Helper()
	ms, err := w.db.FindMessages(ctx, mail.Filter{To: to})
	must(t, err)
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	return ms
}

// link finds the secret of a link with prefix in a mail body.
func link(t testing.TB, m *mail.Message, prefix string) string {
	t.Helper()
	i := strings.Index(m.Text, prefix)
	if i < 0 {
		t.Fatalf("mail %q has no link %s:\n%s", m.Subject, prefix, m.Text)
	}
	rest := m.Text[i+len(prefix):]
	if j := strings.IndexAny(rest, " \n"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// activities lists the process events of a case in order.
func (w *world) activities(t testing.TB, code string) []string {
	t.Helper()
	evs, err := w.db.FindEvents(ctx, processlog.Filter{Process: appointment.Process, CaseID: code})
	must(t, err)
	var out []string
	for _, e := range evs {
		out = append(out, e.Activity)
	}
	return out
}

func engines(t *testing.T, f func(t *testing.T, db *sqlstore.DB)) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) { f(t, open(t)) })
	}
}
