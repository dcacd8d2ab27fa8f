package web

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/helppoint"
	"rathaus/internal/hours"
	"rathaus/internal/org"
)

// hpEnv is the online-application fixture (cases_fixture_test.go) with
// help points: the ProbierLaden (fixed, unit "probierladen", open Tue-Fri
// 10-18 and Sat 10-14) and the ProbierMobil (mobile, no unit, one stop
// past and two to come), a help-point worker of the ProbierLaden's unit
// and an organisation admin of the buergerservice unit. The clock stands
// at Saturday 28 November 2026, 11:00 in Jena.
type hpEnv struct {
	*casesEnv
	hp        *helppoint.Service
	shopUnit  *org.Org
	shop, bus *helppoint.Point
	helper    *account.User // role help_point on shopUnit
	orgAdmin  *account.User // org_admin on buergerservice
	admin     *account.User // platform admin
}

func newHPEnv(t testing.TB) *hpEnv {
	t.Helper()
	ce := newCasesEnv(t)
	e := &hpEnv{casesEnv: ce}
	e.hp = &helppoint.Service{Store: any(ce.db).(helppoint.Store), Orgs: ce.srv.opts.Orgs, Cases: ce.cases, Now: ce.clock.Now}
	ce.srv.opts.HelpPoints = e.hp
	ctx := context.Background()
	orgs := ce.srv.opts.Orgs
	e.shopUnit = &org.Org{Slug: "probierladen", Name: "Team ProbierLaden", Kind: org.KindUnit, ParentID: ce.unit.ParentID}
	mustDo(t, orgs.Create(ctx, e.shopUnit))
	e.helper = e.user("hilfe@example.org", false)
	_, err := orgs.Grant(ctx, nil, e.helper.ID, org.RoleHelpPoint, e.shopUnit.ID)
	mustDo(t, err)
	e.orgAdmin = e.user("orgadmin@example.org", false)
	_, err = orgs.Grant(ctx, nil, e.orgAdmin.ID, org.RoleOrgAdmin, ce.unit.ID)
	mustDo(t, err)
	e.admin = e.user("platform@example.org", true)

	var week [7][]hours.Interval
	for d := time.Tuesday; d <= time.Friday; d++ {
		week[d] = []hours.Interval{{From: 600, To: 1080}}
	}
	week[time.Saturday] = []hours.Interval{{From: 600, To: 840}}
	e.shop = &helppoint.Point{Name: "ProbierLaden", Kind: helppoint.KindFixed, Street: "Markt 16", Postcode: "07743",
		City: "Jena", Lat: 50.92795, Lon: 11.58923, Phone: "+49 3641 49-1234", Email: "probierladen@jena.example",
		Offers: "Online-Anträge ausprobieren und ausfüllen", Access: "Stufenloser Eingang",
		Languages: []string{"Deutsch", "English"}, OrgID: &e.shopUnit.ID, Hours: hours.Hours{Weekly: week, Holidays: "TH"}}
	mustDo(t, e.hp.Save(ctx, actorOfUser(e.admin), e.shop))
	day := func(d, h int) time.Time { return cityTime(2026, time.November, d, h, 0) }
	e.bus = &helppoint.Point{Name: "ProbierMobil", Kind: helppoint.KindMobile, Street: "Markt 16", Postcode: "07743",
		City: "Jena", Lat: 50.92795, Lon: 11.58923, Stops: []helppoint.Stop{
			{Place: "Jena-Nord, Nordplatz", Start: day(26, 10), End: day(26, 13)},
			{Place: "Lobeda-West, Stadtteilbüro", Address: "Karl-Marx-Allee 28", Start: day(30, 10), End: day(30, 13)},
			{Place: "Winzerla, Einkaufszentrum", Start: cityTime(2026, time.December, 2, 14, 0), End: cityTime(2026, time.December, 2, 17, 0)},
		}}
	mustDo(t, e.hp.Save(ctx, actorOfUser(e.admin), e.bus))
	return e
}

func actorOfUser(u *account.User) org.Actor {
	return org.Actor{UserID: u.ID, PlatformAdmin: u.PlatformAdmin}
}
