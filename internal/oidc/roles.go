package oidc

import (
	"fmt"
	"strings"
)

// RoleGrant is a rathaus role derived from a claim value. OrgSlug is empty
// for platform-wide roles such as "platform_admin".
type RoleGrant struct {
	Role    string
	OrgSlug string
}

// String returns the grant in role spec form, "role@orgslug" or "role".
func (g RoleGrant) String() string {
	if g.OrgSlug == "" {
		return g.Role
	}
	return g.Role + "@" + g.OrgSlug
}

// ParseRoleSpec parses "role@orgslug" or a bare "role". It checks only the
// form (lower-case letters, digits, "_" in roles, "-" in slugs); whether the
// role and organisation exist is for the caller to check.
func ParseRoleSpec(spec string) (RoleGrant, error) {
	role, slug, hasOrg := strings.Cut(strings.TrimSpace(spec), "@")
	g := RoleGrant{Role: role, OrgSlug: slug}
	if !validName(role, "_") || (hasOrg && !validName(slug, "-")) {
		return RoleGrant{}, configError(fmt.Sprintf("role spec %q is not role@orgslug or role", spec))
	}
	return g, nil
}

func validName(s, extra string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || strings.ContainsRune(extra, r)) {
			return false
		}
	}
	return true
}

// ParseRoleMap parses the environment form of Config.RoleMap:
// "value=role@orgslug,value2=platform_admin". Spaces around items are
// ignored; a claim value may contain "=" (the last one separates). An empty
// string gives an empty map.
func ParseRoleMap(s string) (map[string]string, error) {
	m := map[string]string{}
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		i := strings.LastIndex(item, "=")
		if i <= 0 {
			return nil, configError(fmt.Sprintf("role map item %q is not value=role", item))
		}
		value, spec := strings.TrimSpace(item[:i]), strings.TrimSpace(item[i+1:])
		if _, err := ParseRoleSpec(spec); err != nil {
			return nil, err
		}
		if _, dup := m[value]; dup {
			return nil, configError(fmt.Sprintf("role map names %q twice", value))
		}
		m[value] = spec
	}
	return m, nil
}

// claimValues returns the strings at path in claims: the claim named path
// itself, or else the dotted path through nested objects. A string claim
// counts as one value; non-string list items are skipped.
func claimValues(claims map[string]any, path string) []string {
	if path == "" {
		return nil
	}
	v, ok := claims[path]
	if !ok {
		v = lookupPath(claims, strings.Split(path, "."))
	}
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func lookupPath(m map[string]any, parts []string) any {
	var cur any = m
	for _, p := range parts {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[p]
	}
	return cur
}

// mapRoles returns the grants for the claim values, in claim order and
// without duplicates; unknown values are ignored.
func mapRoles(values []string, grants map[string]RoleGrant) []RoleGrant {
	var out []RoleGrant
	seen := map[RoleGrant]bool{}
	for _, v := range values {
		g, ok := grants[v]
		if ok && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}
