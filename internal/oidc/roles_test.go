package oidc_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/oidc"
	"rathaus/internal/oidc/oidctest"
)

func TestRoleMapping(t *testing.T) {
	roleMap := map[string]string{
		"sachbearbeitung":   "case_worker@stadt-jena",
		"/staff/moderation": "moderator@stadtwerke-jena",
		"admins":            "platform_admin",
	}
	caseWorker := oidc.RoleGrant{Role: "case_worker", OrgSlug: "stadt-jena"}
	moderator := oidc.RoleGrant{Role: "moderator", OrgSlug: "stadtwerke-jena"}
	admin := oidc.RoleGrant{Role: "platform_admin"}
	tests := []struct {
		name   string
		claim  string
		claims map[string]any
		want   []oidc.RoleGrant
	}{
		{"flat list, unknown ignored", "groups",
			map[string]any{"groups": []string{"kantine", "/staff/moderation", "sachbearbeitung"}},
			[]oidc.RoleGrant{moderator, caseWorker}},
		{"single string", "groups", map[string]any{"groups": "admins"}, []oidc.RoleGrant{admin}},
		{"nested path", "realm_access.roles",
			map[string]any{"realm_access": map[string]any{"roles": []string{"offline_access", "admins"}}},
			[]oidc.RoleGrant{admin}},
		{"claim named like a URL", "https://rathaus.example/roles",
			map[string]any{"https://rathaus.example/roles": []string{"sachbearbeitung"}},
			[]oidc.RoleGrant{caseWorker}},
		{"duplicates once", "groups", map[string]any{"groups": []string{"admins", "admins"}}, []oidc.RoleGrant{admin}},
		{"claim missing", "groups", map[string]any{}, nil},
		{"path through a non-object", "realm_access.roles", map[string]any{"realm_access": "x"}, nil},
		{"no role claim configured", "", map[string]any{"groups": []string{"admins"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := oidctest.User{Subject: "u-1", Claims: tt.claims}
			_, rp := setup(t, oidctest.Options{User: user}, func(c *oidc.Config) {
				c.RoleClaim, c.RoleMap = tt.claim, roleMap
			})
			id, err := login(t, rp)
			if err != nil {
				t.Fatalf("login: %v", err)
			}
			if diff := cmp.Diff(tt.want, id.Roles); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRoleMap(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]string
	}{
		{"", map[string]string{}},
		{"sachbearbeitung=case_worker@stadt-jena, admins=platform_admin,",
			map[string]string{"sachbearbeitung": "case_worker@stadt-jena", "admins": "platform_admin"}},
		{"team=a=platform_admin", map[string]string{"team=a": "platform_admin"}},
	}
	for _, tt := range tests {
		got, err := oidc.ParseRoleMap(tt.in)
		if err != nil {
			t.Errorf("ParseRoleMap(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseRoleMap(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseRoleMapRejects(t *testing.T) {
	for _, in := range []string{
		"admins",                         // no role
		"=platform_admin",                // no claim value
		"admins=",                        // empty role
		"admins=Platform Admin",          // not a role name
		"staff=case_worker@",             // empty organisation
		"staff=case_worker@Stadt Jena",   // not a slug
		"a=moderator@x,a=platform_admin", // value twice
	} {
		_, err := oidc.ParseRoleMap(in)
		wantFault(t, err, fault.Invalid, "error.oidc.config")
	}
}
