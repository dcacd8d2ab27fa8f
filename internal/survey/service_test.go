package survey_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
	"rathaus/internal/survey"
)

// fixture: a unit below a department; a service owner of the department,
// a moderator of the unit, a case worker of the unit, a stranger.
type fixture struct {
	svc                                *survey.Service
	unit, other                        *org.Org
	owner, moderator, worker, stranger org.Actor
	now                                time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	f := &fixture{now: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return f.now }
	orgs := &org.Service{Store: db, Audit: db, Now: clock}
	mk := func(slug, kind string, parent *org.Org) *org.Org {
		o := &org.Org{Slug: slug, Name: slug, Kind: kind}
		if parent != nil {
			o.ParentID = &parent.ID
		}
		if err := orgs.Create(ctx, o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	root := mk("jena", org.KindGroup, nil)
	city := mk("stadt", org.KindOrganisation, root)
	dept := mk("fb", org.KindDepartment, city)
	f.unit, f.other = mk("team", org.KindUnit, dept), mk("andere", org.KindUnit, city)
	user := func(email string, role string, o *org.Org) org.Actor {
		u := &account.User{Email: email, DisplayName: "X", PasswordHash: "x", Locale: "de", CreatedAt: f.now}
		if err := db.CreateUser(ctx, u, nil, nil); err != nil {
			t.Fatal(err)
		}
		if role != "" {
			if _, err := orgs.Grant(ctx, nil, u.ID, role, o.ID); err != nil {
				t.Fatal(err)
			}
		}
		return org.Actor{UserID: u.ID}
	}
	f.owner = user("owner@example.org", org.RoleServiceOwner, dept)
	f.moderator = user("mod@example.org", org.RoleModerator, f.unit)
	f.worker = user("worker@example.org", org.RoleCaseWorker, f.unit)
	f.stranger = user("stranger@example.org", "", nil)
	f.svc = &survey.Service{Store: db, Orgs: orgs, Audit: db, Now: clock}
	return f
}

func (f *fixture) draft() *survey.Survey {
	return &survey.Survey{OrgID: f.unit.ID, Anonymous: true, Title: survey.Text{"de": "Umfrage"}, Questions: []survey.Question{
		{ID: "q1", Type: survey.TypeScale, Required: true, Label: survey.Text{"de": "Note"}, ScaleMin: 1, ScaleMax: 5},
		{ID: "q2", Type: survey.TypeText, Label: survey.Text{"de": "Was noch?"}},
	}}
}

func TestServiceRoles(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for name, a := range map[string]org.Actor{"worker": f.worker, "stranger": f.stranger} {
		if err := f.svc.Create(ctx, a, f.draft()); !fault.Is(err, fault.Forbidden) {
			t.Errorf("%s creates a survey: %v, want Forbidden", name, err)
		}
	}
	for name, a := range map[string]org.Actor{"service owner above": f.owner, "moderator": f.moderator, "admin": {PlatformAdmin: true, UserID: f.stranger.UserID}} {
		if err := f.svc.Create(ctx, a, f.draft()); err != nil {
			t.Errorf("%s creates a survey: %v", name, err)
		}
	}
	other := f.draft()
	other.OrgID = f.other.ID
	if err := f.svc.Create(ctx, f.moderator, other); !fault.Is(err, fault.Forbidden) {
		t.Errorf("moderator creates for another unit: %v, want Forbidden", err)
	}
	units, err := f.svc.Units(ctx, f.owner)
	if err != nil || len(units) != 2 {
		t.Errorf("units of the department's service owner = %d, %v; want the department and its unit", len(units), err)
	}
	if list, _ := f.svc.Manageable(ctx, f.moderator); len(list) != 3 {
		t.Errorf("moderator manages %d surveys, want 3", len(list))
	}
}

func TestServiceLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sv := f.draft()
	opens := f.now.Add(24 * time.Hour)
	sv.OpensAt = &opens
	if err := f.svc.Create(ctx, f.moderator, sv); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Public(ctx, sv.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("a draft is public: %v", err)
	}
	if _, err := f.svc.Submit(ctx, sv.ID, nil, map[string][]string{"q-q1": {"3"}}); !fault.Is(err, fault.NotFound) {
		t.Errorf("answer to a draft: %v, want NotFound", err)
	}
	if _, err := f.svc.Open(ctx, f.moderator, sv.ID); err != nil {
		t.Fatal(err)
	}
	sv.Title["de"] = "Geändert"
	if err := f.svc.Update(ctx, f.moderator, sv); !fault.Is(err, fault.Conflict) {
		t.Errorf("changing an open survey: %v, want Conflict", err)
	}
	// Scheduled: not before its first day.
	if _, err := f.svc.Submit(ctx, sv.ID, nil, map[string][]string{"q-q1": {"3"}}); !fault.Is(err, fault.Conflict) {
		t.Errorf("answer before the first day: %v, want Conflict", err)
	}
	f.now = opens.Add(time.Hour)
	if _, err := f.svc.Submit(ctx, sv.ID, nil, map[string][]string{"q-q1": {"3"}, "q-q2": {"Privat: Erika, Tel. 0123"}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.Results(ctx, nil, sv.ID); !fault.Is(err, fault.Forbidden) {
		t.Errorf("public results while open: %v, want Forbidden", err)
	}
	_, res, err := f.svc.Results(ctx, &f.moderator, sv.ID)
	if err != nil || len(res.Questions[1].Texts) != 1 {
		t.Errorf("staff results: %v, texts %v", err, res)
	}
	if _, err := f.svc.Close(ctx, f.worker, sv.ID); !fault.Is(err, fault.Forbidden) {
		t.Errorf("a case worker closes: %v, want Forbidden", err)
	}
	if _, err := f.svc.Close(ctx, f.moderator, sv.ID); err != nil {
		t.Fatal(err)
	}
	_, res, err = f.svc.Results(ctx, &f.stranger, sv.ID)
	if err != nil || res.Responses != 1 || res.Questions[0].Mean != 3 || res.Questions[1].Texts != nil {
		t.Errorf("public results after closing: %v, %+v", err, res)
	}
	if _, err := f.svc.Submit(ctx, sv.ID, nil, map[string][]string{"q-q1": {"3"}}); !fault.Is(err, fault.Conflict) {
		t.Errorf("answer after closing: %v, want Conflict", err)
	}
	for _, action := range []string{survey.AuditOpened, survey.AuditClosed} {
		entries, err := f.svc.Audit.FindAuditEntries(ctx, audit.Filter{Action: action})
		if err != nil || len(entries) != 1 || *entries[0].ActorID != f.moderator.UserID {
			t.Errorf("audit entries %s = %v, %v; want one by the moderator", action, entries, err)
		}
	}
}

func TestServiceAccountSurvey(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sv := f.draft()
	sv.Anonymous = false
	if err := f.svc.Create(ctx, f.moderator, sv); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Open(ctx, f.moderator, sv.ID); err != nil {
		t.Fatal(err)
	}
	in := map[string][]string{"q-q1": {"4"}}
	if _, err := f.svc.Submit(ctx, sv.ID, nil, in); !fault.Is(err, fault.Unauthenticated) {
		t.Errorf("answer without an account: %v, want Unauthenticated", err)
	}
	uid := f.stranger.UserID
	if _, err := f.svc.Submit(ctx, sv.ID, &uid, in); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Submit(ctx, sv.ID, &uid, in); !fault.Is(err, fault.Conflict) {
		t.Errorf("second answer of an account: %v, want Conflict", err)
	}
	if _, err := f.svc.Submit(ctx, sv.ID, &uid, map[string][]string{}); !fault.Is(err, fault.Invalid) {
		t.Errorf("answer without the required question: %v, want Invalid", err)
	}
}
