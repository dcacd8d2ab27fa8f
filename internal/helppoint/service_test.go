package helppoint_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/helppoint"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/storetest"
)

// TestAssistedApplication on both engines: only staff of the help
// point's unit may file there; without consent nothing is filed; with it
// the case has channel "assisted", the submitted event names the help
// point, and the citizen's confirmation is queued with a status link.
// Organisation admins manage only the points of their units.
func TestAssistedApplication(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			tr, err := i18n.New()
			must(t, err)
			orgs := &org.Service{Store: db, Audit: db, Now: clock}
			cat := &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: clock}
			cs := &cases.Service{Store: db, Forms: db, Files: &filestore.Local{Dir: t.TempDir()}, Catalog: cat, Orgs: orgs,
				Audit: db, T: tr, Now: clock, BaseURL: "https://rathaus.test", CityName: "Stadt Jena"}
			hp := &helppoint.Service{Store: db, Orgs: orgs, Cases: cs, Now: clock}
			group := &org.Org{Slug: "jena", Name: "Stadtverbund", Kind: org.KindGroup}
			must(t, orgs.Create(ctx, group))
			city := &org.Org{Slug: "stadt", Name: "Stadt", Kind: org.KindOrganisation, ParentID: &group.ID}
			must(t, orgs.Create(ctx, city))
			shopUnit := &org.Org{Slug: "probierladen", Name: "ProbierLaden", Kind: org.KindUnit, ParentID: &city.ID}
			must(t, orgs.Create(ctx, shopUnit))
			office := &org.Org{Slug: "buergerservice", Name: "Bürgerservice", Kind: org.KindUnit, ParentID: &city.ID}
			must(t, orgs.Create(ctx, office))
			user := func(email string) org.Actor {
				u := &account.User{Email: email, DisplayName: email, CreatedAt: now}
				must(t, db.CreateUser(ctx, u, nil, nil))
				return org.Actor{UserID: u.ID}
			}
			helper, stranger, unitAdmin := user("hilfe@example.org"), user("fremd@example.org"), user("admin@example.org")
			_, err = orgs.Grant(ctx, nil, helper.UserID, org.RoleHelpPoint, shopUnit.ID)
			must(t, err)
			_, err = orgs.Grant(ctx, nil, stranger.UserID, org.RoleCaseWorker, office.ID)
			must(t, err)
			_, err = orgs.Grant(ctx, nil, unitAdmin.UserID, org.RoleOrgAdmin, office.ID)
			must(t, err)
			platform := org.Actor{UserID: user("root@example.org").UserID, PlatformAdmin: true}

			shop := &helppoint.Point{Name: "ProbierLaden", Kind: helppoint.KindFixed, Street: "Holzmarkt 8", Postcode: "07743",
				City: "Jena", Lat: 50.92745, Lon: 11.58815, OrgID: &shopUnit.ID}
			if err := hp.Save(ctx, unitAdmin, shop); !fault.Is(err, fault.Forbidden) {
				t.Errorf("an admin of another unit created a point: %v", err)
			}
			must(t, hp.Save(ctx, platform, shop))
			if err := hp.Delete(ctx, unitAdmin, shop.ID); !fault.Is(err, fault.Forbidden) {
				t.Errorf("an admin of another unit deleted a point: %v", err)
			}

			svc, _, err := cat.CreateService(ctx, platform, catalog.Content{Name: "Hund anmelden", OrgID: &office.ID}, "test")
			must(t, err)
			b, err := os.ReadFile("../form/testdata/hund.json")
			must(t, err)
			f, err := form.Import(b)
			must(t, err)
			f.ServiceID, f.Version, f.Status, f.Settings.Anonymous = svc.ID, 1, form.StatusPublished, true
			must(t, db.SaveForm(ctx, f))
			app := cases.Application{ServiceID: svc.ID, Lang: "de", IdempotencyKey: "a1", Answers: dogAnswers(),
				Applicant: cases.Applicant{Name: "Otto Hilfe", Email: "otto@example.org"}}

			if _, err := hp.Apply(ctx, stranger, helppoint.Assisted{PointID: shop.ID, Consent: true, Application: app}); !fault.Is(err, fault.Invalid) {
				t.Errorf("someone not at the help point filed: %v", err)
			}
			_, err = hp.Apply(ctx, helper, helppoint.Assisted{PointID: shop.ID, Application: app})
			if fe := fault.As(err); !fault.Is(err, fault.Invalid) || len(fe.Fields) != 1 || fe.Fields[0].Field != "consent" {
				t.Errorf("without consent: %v", err)
			}
			if got, _, _ := db.FindCases(ctx, cases.Filter{Limit: 5}); len(got) != 0 {
				t.Fatalf("%d cases filed without consent", len(got))
			}
			out, err := hp.Apply(ctx, helper, helppoint.Assisted{PointID: shop.ID, Consent: true, Application: app})
			must(t, err)
			c := out.Case
			if c.Channel != cases.ChannelAssisted || c.Email != "otto@example.org" || c.OrgID == nil || *c.OrgID != office.ID {
				t.Errorf("assisted case = %+v", c)
			}
			evs, err := db.FindEvents(ctx, processlog.Filter{Process: cases.Process, CaseID: c.Reference})
			must(t, err)
			if len(evs) != 1 || evs[0].Attrs["helppoint"] != strconv.FormatInt(shop.ID, 10) || evs[0].Attrs["helppoint_name"] != "ProbierLaden" {
				t.Errorf("submitted event = %+v", evs)
			}
			if out.Secret == "" {
				t.Error("no status link for the citizen without an account")
			}
		})
	}
}

func dogAnswers() form.Answers {
	return form.Answers{
		"name": {Text: "Otto Hilfe"}, "birth_date": {Text: "1950-05-01"},
		"address": {Address: &form.Address{Street: "Karl-Marx-Allee", HouseNumber: "28", PostalCode: "07747", City: "Jena"}},
		"dogs":    {Text: "1"}, "dog_name": {Text: "Bello"}, "since": {Text: "2026-10-01"}, "listed": {Text: "no"},
		"email": {Text: "otto@example.org"},
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
