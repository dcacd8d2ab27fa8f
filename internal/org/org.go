// Package org holds the organisation tree of a city group (city group ->
// organisation -> department -> unit) and the staff roles granted on its
// nodes. A role granted on a node holds for every node below it.
package org

import (
	"context"
	"time"
)

// Kinds of organisation nodes, from the root down.
const (
	KindGroup        = "group"
	KindOrganisation = "organisation"
	KindDepartment   = "department"
	KindUnit         = "unit"
)

// Roles that can be granted on a node.
const (
	RoleCaseWorker   = "case_worker"
	RoleServiceOwner = "service_owner" // service and process owner
	RoleModerator    = "moderator"
	RoleOrgAdmin     = "org_admin"
	// RoleHelpPoint works at a help point and files applications with
	// and for citizens there (internal/helppoint).
	RoleHelpPoint = "help_point"
)

// PlatformAdmin is the role spec for the platform-wide administrator flag.
const PlatformAdmin = "platform_admin"

// Roles lists the grantable roles in display order.
var Roles = []string{RoleCaseWorker, RoleServiceOwner, RoleModerator, RoleOrgAdmin, RoleHelpPoint}

// ValidRole reports whether r is a grantable role.
func ValidRole(r string) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// kindRank orders kinds; a child must rank below its parent.
var kindRank = map[string]int{KindGroup: 0, KindOrganisation: 1, KindDepartment: 2, KindUnit: 3}

// Org is one node of the tree.
type Org struct {
	ID        int64
	ParentID  *int64
	Kind      string
	Slug      string // stable, URL-safe name, e.g. "stadt-jena"
	Name      string
	CreatedAt time.Time
}

// Grant gives a user a role on a node and everything below it.
type Grant struct {
	ID        int64
	UserID    int64
	OrgID     int64
	Role      string
	GrantedBy *int64
	CreatedAt time.Time
}

// GrantFilter selects grants.
type GrantFilter struct {
	ID     *int64
	UserID *int64
	OrgID  *int64
}

// Store keeps organisations and grants.
type Store interface {
	CreateOrg(ctx context.Context, o *Org) error
	FindOrgByID(ctx context.Context, id int64) (*Org, error)
	FindOrgBySlug(ctx context.Context, slug string) (*Org, error)
	FindOrgs(ctx context.Context) ([]*Org, error)
	UpdateOrgName(ctx context.Context, id int64, name string) error
	// CreateGrant adds a grant; Conflict when the same one exists.
	CreateGrant(ctx context.Context, g *Grant) error
	DeleteGrant(ctx context.Context, id int64) error
	FindGrants(ctx context.Context, f GrantFilter) ([]*Grant, error)
}
