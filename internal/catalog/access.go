package catalog

import (
	"context"

	"rathaus/internal/fault"
	"rathaus/internal/org"
)

// EditorRole is the role that lets staff edit and approve service texts,
// on the responsible organisation or a node above it.
const EditorRole = org.RoleServiceOwner

// CanEdit reports whether a may edit and review s: platform admins always;
// others need the editor role on s's organisation or above it, or, for a
// service without an organisation, on a root group.
func (c *Catalog) CanEdit(ctx context.Context, a org.Actor, s *Service) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	if a.UserID == 0 || c.Orgs == nil {
		return false, nil
	}
	if s.OrgID != nil {
		return c.Orgs.HasRole(ctx, a.UserID, EditorRole, *s.OrgID)
	}
	return c.editsRoot(ctx, a)
}

// IsEditor reports whether a may edit any service, and so may enter the
// catalogue's staff pages.
func (c *Catalog) IsEditor(ctx context.Context, a org.Actor) (bool, error) {
	if a.PlatformAdmin {
		return true, nil
	}
	if c.Orgs == nil {
		return false, nil // no organisations: only platform admins edit
	}
	grants, err := c.Orgs.Store.FindGrants(ctx, org.GrantFilter{UserID: &a.UserID})
	for _, g := range grants {
		if g.Role == EditorRole {
			return true, err
		}
	}
	return false, err
}

func (c *Catalog) editsRoot(ctx context.Context, a org.Actor) (bool, error) {
	grants, err := c.Orgs.Store.FindGrants(ctx, org.GrantFilter{UserID: &a.UserID})
	if err != nil {
		return false, err
	}
	for _, g := range grants {
		if g.Role != EditorRole {
			continue
		}
		o, err := c.Orgs.Store.FindOrgByID(ctx, g.OrgID)
		if err != nil {
			return false, err
		}
		if o.ParentID == nil {
			return true, nil
		}
	}
	return false, nil
}

// mayEdit is CanEdit as an error: Forbidden when a may not.
func (c *Catalog) mayEdit(ctx context.Context, a org.Actor, s *Service) error {
	ok, err := c.CanEdit(ctx, a, s)
	if err != nil {
		return err
	}
	if !ok {
		return fault.New(fault.Forbidden, "error.catalog.not_editor")
	}
	return nil
}

// mayEditOrg checks that a may edit a service with content c: the
// organisation a change assigns must be one a can edit too, so an editor
// cannot hand a service to (or take it from) another organisation.
func (c *Catalog) mayEditOrg(ctx context.Context, a org.Actor, content Content) error {
	return c.mayEdit(ctx, a, &Service{Content: Content{OrgID: content.OrgID}})
}
