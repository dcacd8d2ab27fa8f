package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/filestore"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/workshop"
)

// The process workshop fixture, shared by the log pages
// (workshop_log*_test.go), the model pages (workshop_model*_test.go) and
// their API tests:
//
//	e := newWorkshopEnv(t)
//	e.login(e.owner)     // service owner of unit "buergerservice": may use the workshop
//	e.login(e.outsider)  // case worker there: may not
//	e.login(e.stranger)  // service owner of unit "bauamt": sees only its own logs
//	e.ws                 // the workshop.Service (files in a temporary directory)
//
// The platform log holds 60 applications of service 9 (process "case",
// unit buergerservice): submitted → start → approve → close, a fifth of
// them with ask → citizen_replied → resume before approve; the wait from
// submitted to start is the bottleneck (1–20 days), every other step takes
// minutes to hours. Source keys: "case" and "case:9".
type workshopEnv struct {
	*testEnv
	ws                        *workshop.Service
	unit, bauamt              *org.Org
	owner, outsider, stranger *account.User
}

// withWorkshop gives the server a workshop service on its database with
// files under dir. Run it after withOrgs.
func withWorkshop(dir string) func(*Options) {
	return func(o *Options) {
		db := o.Audit
		o.Workshop = &workshop.Service{Store: any(db).(workshop.Store), Orgs: o.Orgs, Audit: db,
			Files: &filestore.Local{Dir: dir, MaxBytes: 64 << 20}, Now: o.Now,
			ServiceName: func(_ context.Context, id int64) string {
				if id == 9 {
					return "Meldebescheinigung beantragen"
				}
				return ""
			}}
	}
}

func newWorkshopEnv(t testing.TB, change ...func(*Options)) *workshopEnv {
	t.Helper()
	te := newEnv(t, append(change, withOrgs, withWorkshop(t.TempDir()))...)
	e := &workshopEnv{testEnv: te, ws: te.srv.opts.Workshop}
	ctx := context.Background()
	orgs := te.srv.opts.Orgs
	land := &org.Org{Slug: "land", Name: "Freistaat Thüringen", Kind: org.KindGroup}
	mustDo(t, orgs.Create(ctx, land))
	city := &org.Org{Slug: "stadt", Name: "Stadtverwaltung Jena", Kind: org.KindOrganisation, ParentID: &land.ID}
	mustDo(t, orgs.Create(ctx, city))
	e.unit = &org.Org{Slug: "buergerservice", Name: "Bürgerservice", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.unit))
	e.bauamt = &org.Org{Slug: "bauamt", Name: "Bauordnungsamt", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.bauamt))
	e.owner, e.outsider, e.stranger = e.user("olga@example.org", false), e.user("carl@example.org", false), e.user("bernd@example.org", false)
	for _, g := range []struct {
		u    *account.User
		role string
		o    *org.Org
	}{{e.owner, org.RoleServiceOwner, e.unit}, {e.outsider, org.RoleCaseWorker, e.unit}, {e.stranger, org.RoleServiceOwner, e.bauamt}} {
		if _, err := orgs.Grant(ctx, nil, g.u.ID, g.role, g.o.ID); err != nil {
			t.Fatal(err)
		}
	}
	mustDo(t, any(te.db).(processlog.Writer).AddEvents(ctx, workshopEvents(e.unit.ID)))
	return e
}

// workshopEvents is the fixture's platform history (see newWorkshopEnv).
func workshopEvents(unit int64) []processlog.Event {
	r := rand.New(rand.NewPCG(7, 9))
	var evs []processlog.Event
	start := testNow.Add(-120 * 24 * time.Hour)
	for i := range 60 {
		id := fmt.Sprintf("MB-2026-%04d", i+1)
		at := start.Add(time.Duration(i) * 36 * time.Hour)
		add := func(act, resource string, wait time.Duration) {
			at = at.Add(wait)
			attrs := map[string]string{"service": "9", "channel": "online"}
			if resource == "staff:1" {
				attrs["role"] = "case_worker"
			}
			evs = append(evs, processlog.Event{Process: "case", CaseID: id, Activity: act, At: at, OrgID: &unit,
				Resource: resource, Attrs: attrs})
		}
		add("submitted", "citizen", 0)
		add("start", "staff:1", time.Duration(1+r.IntN(20))*24*time.Hour)
		if i%5 == 0 {
			add("ask", "staff:1", time.Duration(10+r.IntN(50))*time.Minute)
			add("citizen_replied", "citizen", time.Duration(2+r.IntN(48))*time.Hour)
			add("resume", "staff:1", time.Duration(1+r.IntN(4))*time.Hour)
		}
		add("approve", "staff:1", time.Duration(15+r.IntN(90))*time.Minute)
		add("close", "system", time.Duration(1+r.IntN(10))*time.Minute)
	}
	return evs
}
