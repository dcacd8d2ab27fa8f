package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/hours"
	"rathaus/internal/org"
)

// deskEnv is the booking fixture (newAppointmentEnv) with staff: both
// booking offices belong to the organisation "stadt", where a case
// worker serves and a service owner also configures; someone of another
// organisation and a citizen may do neither.
type deskEnv struct {
	*appointmentEnv
	clerk, owner, outsider, citizen *http.Cookie
	clerkActor                      org.Actor
}

const deskPassword = "ein langes passwort"

func newDeskEnv(t *testing.T) *deskEnv {
	t.Helper()
	e := &deskEnv{appointmentEnv: newAppointmentEnv(t, withOrgs)}
	ctx := context.Background()
	orgs := map[string]*org.Org{}
	for _, n := range []struct{ slug, kind, parent string }{
		{"jena", org.KindGroup, ""}, {"stadt", org.KindOrganisation, "jena"}, {"werke", org.KindOrganisation, "jena"},
	} {
		o := &org.Org{Slug: n.slug, Name: "Org " + n.slug, Kind: n.kind}
		if n.parent != "" {
			o.ParentID = &orgs[n.parent].ID
		}
		if err := e.srv.opts.Orgs.Create(ctx, o); err != nil {
			t.Fatal(err)
		}
		orgs[n.slug] = o
	}
	for _, key := range []string{"buergerbuero", "kfz"} {
		o, err := e.db.FindOfficeByID(ctx, e.ids[key])
		if err != nil {
			t.Fatal(err)
		}
		o.OrgID = &orgs["stadt"].ID
		if err := e.db.UpdateOffice(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	var clerk *account.User
	e.clerk, clerk = e.staff("clerk@jena.example", org.RoleCaseWorker, orgs["stadt"])
	e.clerkActor = org.Actor{UserID: clerk.ID}
	e.owner, _ = e.staff("owner@jena.example", org.RoleServiceOwner, orgs["stadt"])
	e.outsider, _ = e.staff("werke@jena.example", org.RoleCaseWorker, orgs["werke"])
	e.citizen, _ = e.staff("buerger@example.org", "", nil)
	return e
}

// staff makes an account with role on o (none when role is empty) and
// logs it in.
func (e *deskEnv) staff(email, role string, o *org.Org) (*http.Cookie, *account.User) {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.acc.Create(ctx, nil, account.Registration{Email: email, DisplayName: "Sam Staff", Password: deskPassword}, false)
	if err != nil {
		e.t.Fatal(err)
	}
	if role != "" {
		if _, err := e.srv.opts.Orgs.Grant(ctx, nil, u.ID, role, o.ID); err != nil {
			e.t.Fatal(err)
		}
	}
	return sessionOf(e.t, e.postForm("/login", url.Values{"email": {email}, "password": {deskPassword}})), u
}

// dayPath is the day page of an office ("buergerbuero", "kfz").
func (e *deskEnv) dayPath(office string) string {
	return "/amt/termine/" + strconv.FormatInt(e.ids[office], 10)
}

// deskDay is the first day the fixture's bookings can fall on: Monday
// 30 November 2026, two days after testNow.
var deskDay = hours.Date{Year: 2026, Month: time.November, Day: 30}

// onDeskDay is a time of day on deskDay.
func onDeskDay(hh, mm int) time.Time { return cityTime(2026, time.November, 30, hh, mm) }

// bookAt books "perso" at the Bürgerbüro on Monday at hh:mm for email.
func (e *deskEnv) bookAt(t *testing.T, email string, hh, mm int) (*appointment.Booking, string) {
	t.Helper()
	start := onDeskDay(hh, mm)
	for _, sl := range e.slots(t, "buergerbuero", deskDay, "perso") {
		if sl.Start.Equal(start) {
			return e.bookNow(t, email, sl)
		}
	}
	t.Fatalf("no free slot at %s", start)
	return nil, ""
}

// TestOfficeNavLink: staff find the office pages in the navigation;
// citizens do not see the link.
func TestOfficeNavLink(t *testing.T) {
	e := newDeskEnv(t)
	if res := e.get("/", e.clerk); query(res.doc, "nav a[href='/amt/termine']") == nil {
		t.Error("a case worker has no navigation link to the office pages")
	}
	if res := e.get("/", e.citizen); query(res.doc, "nav a[href='/amt/termine']") != nil {
		t.Error("a citizen sees the navigation link to the office pages")
	}
}
