package org

import (
	"context"

	"rathaus/internal/fault"
)

// Actor is who acts in the admin area: a user and whether they are a
// platform admin (the account package knows; org does not import it).
type Actor struct {
	UserID        int64
	PlatformAdmin bool
}

// Scope returns the nodes actor may administer: every node for a platform
// admin, else the nodes where actor is org_admin and everything below them.
func (s *Service) Scope(ctx context.Context, a Actor) ([]*Org, error) {
	orgs, err := s.Store.FindOrgs(ctx)
	if err != nil || a.PlatformAdmin {
		return orgs, err
	}
	grants, err := s.Store.FindGrants(ctx, GrantFilter{UserID: &a.UserID})
	if err != nil {
		return nil, err
	}
	in := map[int64]bool{}
	for _, g := range grants {
		if g.Role == RoleOrgAdmin {
			in[g.OrgID] = true
		}
	}
	return below(orgs, in), nil
}

// below marks every node under a marked one and returns the marked
// nodes in the order of orgs.
func below(orgs []*Org, in map[int64]bool) []*Org {
	for changed := true; changed; {
		changed = false
		for _, o := range orgs {
			if !in[o.ID] && o.ParentID != nil && in[*o.ParentID] {
				in[o.ID], changed = true, true
			}
		}
	}
	var out []*Org
	for _, o := range orgs {
		if in[o.ID] {
			out = append(out, o)
		}
	}
	return out
}

// IsOrgAdmin reports whether user administers any node, and so may enter
// the admin area.
func (s *Service) IsOrgAdmin(ctx context.Context, userID int64) (bool, error) {
	grants, err := s.Store.FindGrants(ctx, GrantFilter{UserID: &userID})
	for _, g := range grants {
		if g.Role == RoleOrgAdmin {
			return true, err
		}
	}
	return false, err
}

// CanAdminister reports whether actor may manage roles on orgID.
func (s *Service) CanAdminister(ctx context.Context, a Actor, orgID int64) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	return s.HasRole(ctx, a.UserID, RoleOrgAdmin, orgID)
}

// GrantAs grants a role on behalf of actor, who must administer the node.
func (s *Service) GrantAs(ctx context.Context, a Actor, userID int64, role string, orgID int64) (*Grant, error) {
	ok, err := s.CanAdminister(ctx, a, orgID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fault.New(fault.Forbidden, "error.org.not_admin")
	}
	return s.Grant(ctx, &a.UserID, userID, role, orgID)
}

// RevokeAs removes a grant on behalf of actor, who must administer its node.
func (s *Service) RevokeAs(ctx context.Context, a Actor, grantID int64) (*Grant, error) {
	grants, err := s.Store.FindGrants(ctx, GrantFilter{ID: &grantID})
	if err != nil {
		return nil, err
	}
	for _, g := range grants {
		ok, err := s.CanAdminister(ctx, a, g.OrgID)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fault.New(fault.Forbidden, "error.org.not_admin")
		}
		return g, s.Revoke(ctx, &a.UserID, g)
	}
	return nil, fault.New(fault.NotFound, "error.not_found")
}

// CreateAs adds a node on behalf of actor: a root group only for platform
// admins, anything else below a node the actor administers.
func (s *Service) CreateAs(ctx context.Context, a Actor, o *Org) error {
	if o.ParentID == nil {
		if !a.PlatformAdmin {
			return fault.New(fault.Forbidden, "error.org.not_admin")
		}
		return s.Create(ctx, o)
	}
	ok, err := s.CanAdminister(ctx, a, *o.ParentID)
	if err != nil {
		return err
	}
	if !ok {
		return fault.New(fault.Forbidden, "error.org.not_admin")
	}
	return s.Create(ctx, o)
}
