package org

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
)

// Service applies the rules of the tree and of role grants.
type Service struct {
	Store Store
	Audit audit.Store
	Now   func() time.Time
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Create adds a node below parent (nil for a root group).
func (s *Service) Create(ctx context.Context, o *Org) error {
	var v fault.Validator
	o.Name = strings.TrimSpace(o.Name)
	v.Check(o.Name != "" && len(o.Name) <= 200, "name", "error.org.name")
	v.Check(slugRe.MatchString(o.Slug) && len(o.Slug) <= 80, "slug", "error.org.slug")
	_, known := kindRank[o.Kind]
	v.Check(known, "kind", "error.org.kind")
	if err := v.Err(); err != nil {
		return err
	}
	if o.ParentID == nil && o.Kind != KindGroup {
		return fault.New(fault.Invalid, "error.org.parent")
	}
	if o.ParentID != nil {
		p, err := s.Store.FindOrgByID(ctx, *o.ParentID)
		if err != nil {
			return err
		}
		if kindRank[o.Kind] <= kindRank[p.Kind] {
			return fault.New(fault.Invalid, "error.org.parent")
		}
	}
	o.CreatedAt = s.Now()
	return s.Store.CreateOrg(ctx, o)
}

// Tree is the organisation tree for display.
type Tree struct {
	Org      *Org
	Children []*Tree
}

// Tree returns all roots with their descendants.
func (s *Service) Tree(ctx context.Context) ([]*Tree, error) {
	orgs, err := s.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	nodes := map[int64]*Tree{}
	for _, o := range orgs {
		nodes[o.ID] = &Tree{Org: o}
	}
	var roots []*Tree
	for _, o := range orgs {
		n := nodes[o.ID]
		if o.ParentID == nil || nodes[*o.ParentID] == nil {
			roots = append(roots, n)
			continue
		}
		p := nodes[*o.ParentID]
		p.Children = append(p.Children, n)
	}
	return roots, nil
}

// Ancestors returns id and its ancestors, nearest first.
func (s *Service) Ancestors(ctx context.Context, id int64) ([]*Org, error) {
	orgs, err := s.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*Org{}
	for _, o := range orgs {
		byID[o.ID] = o
	}
	var out []*Org
	for cur, ok := byID[id]; ok && len(out) <= len(orgs); {
		out = append(out, cur)
		if cur.ParentID == nil {
			break
		}
		cur, ok = byID[*cur.ParentID]
	}
	if len(out) == 0 {
		return nil, fault.New(fault.NotFound, "error.org.not_found")
	}
	return out, nil
}

// HasRole reports whether user holds role on orgID, directly or inherited
// from a node above it.
func (s *Service) HasRole(ctx context.Context, userID int64, role string, orgID int64) (bool, error) {
	grants, err := s.Store.FindGrants(ctx, GrantFilter{UserID: &userID})
	if err != nil || len(grants) == 0 {
		return false, err
	}
	anc, err := s.Ancestors(ctx, orgID)
	if err != nil {
		return false, err
	}
	for _, a := range anc {
		for _, g := range grants {
			if g.OrgID == a.ID && g.Role == role {
				return true, nil
			}
		}
	}
	return false, nil
}

// Grant gives user role on orgID and records it in the audit log.
func (s *Service) Grant(ctx context.Context, actor *int64, userID int64, role string, orgID int64) (*Grant, error) {
	if !ValidRole(role) {
		return nil, fault.Fields(fault.FieldError{Field: "role", Key: "error.org.role"})
	}
	if _, err := s.Store.FindOrgByID(ctx, orgID); err != nil {
		return nil, err
	}
	g := &Grant{UserID: userID, OrgID: orgID, Role: role, GrantedBy: actor, CreatedAt: s.Now()}
	if err := s.Store.CreateGrant(ctx, g); err != nil {
		return nil, err
	}
	err := s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.Now(), ActorID: actor, SubjectID: &userID,
		Action: audit.RoleGranted, Detail: role + "@" + strconv.FormatInt(orgID, 10)})
	return g, err
}

// Revoke removes a grant and records it.
func (s *Service) Revoke(ctx context.Context, actor *int64, g *Grant) error {
	if err := s.Store.DeleteGrant(ctx, g.ID); err != nil {
		return err
	}
	return s.Audit.CreateAuditEntry(ctx, &audit.Entry{At: s.Now(), ActorID: actor, SubjectID: &g.UserID,
		Action: audit.RoleRevoked, Detail: g.Role + "@" + strconv.FormatInt(g.OrgID, 10)})
}

// RoleView is a grant with its node, for display.
type RoleView struct {
	Grant *Grant
	Org   *Org
}

// RolesOf lists user's grants with their nodes.
func (s *Service) RolesOf(ctx context.Context, userID int64) ([]RoleView, error) {
	grants, err := s.Store.FindGrants(ctx, GrantFilter{UserID: &userID})
	if err != nil || len(grants) == 0 {
		return nil, err
	}
	orgs, err := s.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Org, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
	}
	out := make([]RoleView, 0, len(grants))
	for _, g := range grants {
		if o := byID[g.OrgID]; o != nil {
			out = append(out, RoleView{Grant: g, Org: o})
		}
	}
	return out, nil
}
