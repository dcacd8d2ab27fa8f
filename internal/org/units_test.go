package org_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

func TestUnitsCoverTheSubtreeOfTheRole(t *testing.T) {
	ctx := context.Background()
	db := storetest.OpenSQLite(t)
	s := &org.Service{Store: db, Audit: db, Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}
	mk := creator(t, s)
	group := mk("jena", org.KindGroup, nil)
	city := mk("stadt-jena", org.KindOrganisation, group)
	dept := mk("buergerdienste", org.KindDepartment, city)
	unit := mk("kfz", org.KindUnit, dept)
	other := mk("standesamt", org.KindUnit, dept)
	works := mk("stadtwerke", org.KindOrganisation, group)
	u := &account.User{Email: "cw@example.org", DisplayName: "CW", CreatedAt: time.Now()}
	if err := db.CreateUser(ctx, u, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Units(ctx, u.ID, org.RoleCaseWorker); len(got) != 0 {
		t.Fatalf("units without a grant = %v, want none", got)
	}
	if _, err := s.Grant(ctx, nil, u.ID, org.RoleCaseWorker, dept.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Grant(ctx, nil, u.ID, org.RoleModerator, works.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Units(ctx, u.ID, org.RoleCaseWorker, org.RoleServiceOwner)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []*org.Org{dept, unit, other} {
		if !slices.Contains(got, o.ID) {
			t.Errorf("units %v miss %s below the grant", got, o.Slug)
		}
	}
	for _, o := range []*org.Org{group, city, works} {
		if slices.Contains(got, o.ID) {
			t.Errorf("units %v include %s, which is not below a case-worker grant", got, o.Slug)
		}
	}
}
