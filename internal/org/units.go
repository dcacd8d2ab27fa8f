package org

import (
	"context"
	"slices"
)

// Units returns the IDs of the nodes where user holds any of roles,
// directly or inherited from a node above: the units whose work the user
// may see. Empty when the user holds none of the roles.
func (s *Service) Units(ctx context.Context, userID int64, roles ...string) ([]int64, error) {
	grants, err := s.Store.FindGrants(ctx, GrantFilter{UserID: &userID})
	if err != nil {
		return nil, err
	}
	in := map[int64]bool{}
	for _, g := range grants {
		if slices.Contains(roles, g.Role) {
			in[g.OrgID] = true
		}
	}
	if len(in) == 0 {
		return nil, nil
	}
	orgs, err := s.Store.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, o := range below(orgs, in) {
		ids = append(ids, o.ID)
	}
	return ids, nil
}
