package org_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

func TestRolesInheritDownwards(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	s := &org.Service{Store: db, Audit: db, Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
	mk := creator(t, s)
	group := mk("jena", org.KindGroup, nil)
	city := mk("stadt-jena", org.KindOrganisation, group)
	dept := mk("buergerdienste", org.KindDepartment, city)
	unit := mk("kfz", org.KindUnit, dept)
	works := mk("stadtwerke", org.KindOrganisation, group)

	if err := s.Create(ctx, &org.Org{Slug: "bad", Name: "Bad", Kind: org.KindOrganisation, ParentID: &unit.ID}); !fault.Is(err, fault.Invalid) {
		t.Errorf("organisation below a unit = %v, want Invalid", err)
	}
	u := &account.User{Email: "cw@example.org", DisplayName: "CW", CreatedAt: time.Now()}
	if err := db.CreateUser(ctx, u, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grant(ctx, nil, u.ID, org.RoleCaseWorker, dept.ID); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		org  *org.Org
		want bool
	}{{dept, true}, {unit, true}, {city, false}, {works, false}} {
		got, err := s.HasRole(ctx, u.ID, org.RoleCaseWorker, tc.org.ID)
		if err != nil || got != tc.want {
			t.Errorf("HasRole(case_worker, %s) = %v, %v; want %v", tc.org.Slug, got, err, tc.want)
		}
	}
	if got, _ := s.HasRole(ctx, u.ID, org.RoleModerator, unit.ID); got {
		t.Error("moderator role granted without a grant")
	}
	if _, err := s.Grant(ctx, nil, u.ID, "king", dept.ID); !fault.Is(err, fault.Invalid) {
		t.Errorf("unknown role = %v, want Invalid", err)
	}
	es, _ := db.FindAuditEntries(ctx, audit.Filter{Action: audit.RoleGranted})
	if len(es) != 1 {
		t.Errorf("audit has %d role grants, want 1", len(es))
	}
	tree, _ := s.Tree(ctx)
	if len(tree) != 1 || len(tree[0].Children) != 2 {
		t.Errorf("tree roots = %d, want 1 with 2 organisations", len(tree))
	}
}

func TestOrgAdminScope(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	s := &org.Service{Store: db, Audit: db, Now: time.Now}
	group := &org.Org{Slug: "jena", Name: "Jena", Kind: org.KindGroup}
	s.Create(ctx, group)
	city := &org.Org{Slug: "stadt", Name: "Stadt", Kind: org.KindOrganisation, ParentID: &group.ID}
	s.Create(ctx, city)
	works := &org.Org{Slug: "werke", Name: "Werke", Kind: org.KindOrganisation, ParentID: &group.ID}
	s.Create(ctx, works)
	unit := &org.Org{Slug: "netz", Name: "Netz", Kind: org.KindUnit, ParentID: &works.ID}
	s.Create(ctx, unit)
	admin := &account.User{Email: "oa@example.org", DisplayName: "OA", CreatedAt: time.Now()}
	other := &account.User{Email: "x@example.org", DisplayName: "X", CreatedAt: time.Now()}
	db.CreateUser(ctx, admin, nil, nil)
	db.CreateUser(ctx, other, nil, nil)
	s.Grant(ctx, nil, admin.ID, org.RoleOrgAdmin, works.ID)
	a := org.Actor{UserID: admin.ID}
	scope, _ := s.Scope(ctx, a)
	if len(scope) != 2 || scope[0].Slug != "werke" || scope[1].Slug != "netz" {
		t.Errorf("scope = %v, want werke and netz", scope)
	}
	if _, err := s.GrantAs(ctx, a, other.ID, org.RoleCaseWorker, unit.ID); err != nil {
		t.Errorf("grant in own subtree: %v", err)
	}
	if _, err := s.GrantAs(ctx, a, other.ID, org.RoleCaseWorker, city.ID); !fault.Is(err, fault.Forbidden) {
		t.Errorf("grant outside subtree = %v, want Forbidden", err)
	}
	if err := s.CreateAs(ctx, a, &org.Org{Slug: "netz-ost", Name: "Netz Ost", Kind: org.KindUnit, ParentID: &works.ID}); err != nil {
		t.Errorf("org admin adding a unit below their organisation: %v", err)
	}
	if err := s.CreateAs(ctx, a, &org.Org{Slug: "amt", Name: "Amt", Kind: org.KindDepartment, ParentID: &city.ID}); !fault.Is(err, fault.Forbidden) {
		t.Errorf("org admin adding below another organisation = %v, want Forbidden", err)
	}
	if err := s.CreateAs(ctx, a, &org.Org{Slug: "neu", Name: "Neu", Kind: org.KindGroup}); !fault.Is(err, fault.Forbidden) {
		t.Errorf("org admin adding a root = %v, want Forbidden", err)
	}
	if all, _ := s.Scope(ctx, org.Actor{UserID: other.ID, PlatformAdmin: true}); len(all) != 5 {
		t.Errorf("platform admin scope = %d nodes, want 4", len(all))
	}
}

// creator returns a function that creates an organisation node (named
// by its slug) below parent, failing the test on error.
func creator(t *testing.T, s *org.Service) func(slug, kind string, parent *org.Org) *org.Org {
	return func(slug, kind string, parent *org.Org) *org.Org {
		t.Helper()
		o := &org.Org{Slug: slug, Name: slug, Kind: kind}
		if parent != nil {
			o.ParentID = &parent.ID
		}
		if err := s.Create(context.Background(), o); err != nil {
			t.Fatalf("Create %s: %v", slug, err)
		}
		return o
	}
}
