package sqlstore

import (
	"context"
	"database/sql"

	"rathaus/internal/org"
)

const orgCols = "id, parent_id, kind, slug, name, created_at"

func scanOrg(row scanner) (*org.Org, error) {
	var o org.Org
	var parent sql.NullInt64
	err := row.Scan(&o.ID, &parent, &o.Kind, &o.Slug, &o.Name, &o.CreatedAt)
	o.ParentID, o.CreatedAt = nullInt(parent), o.CreatedAt.UTC()
	return &o, err
}

// CreateOrg inserts a node.
func (d *DB) CreateOrg(ctx context.Context, o *org.Org) error {
	id, err := d.insertID(ctx, d.db, "INSERT INTO orgs (parent_id, kind, slug, name, created_at) VALUES (?, ?, ?, ?, ?)",
		o.ParentID, o.Kind, o.Slug, o.Name, o.CreatedAt)
	o.ID = id
	return err
}

// FindOrgByID returns a node or NotFound.
func (d *DB) FindOrgByID(ctx context.Context, id int64) (*org.Org, error) {
	o, err := scanOrg(d.queryRow(ctx, d.db, "SELECT "+orgCols+" FROM orgs WHERE id = ?", id))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return o, nil
}

// FindOrgBySlug returns a node or NotFound.
func (d *DB) FindOrgBySlug(ctx context.Context, slug string) (*org.Org, error) {
	o, err := scanOrg(d.queryRow(ctx, d.db, "SELECT "+orgCols+" FROM orgs WHERE slug = ?", slug))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return o, nil
}

// FindOrgs lists all nodes, parents before children where ids allow.
func (d *DB) FindOrgs(ctx context.Context) ([]*org.Org, error) {
	return list(ctx, d, scanOrg, "SELECT "+orgCols+" FROM orgs ORDER BY id")
}

// UpdateOrgName renames a node.
func (d *DB) UpdateOrgName(ctx context.Context, id int64, name string) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "UPDATE orgs SET name = ? WHERE id = ?", name, id)))
}

// CreateGrant inserts a role grant; Conflict for a duplicate.
func (d *DB) CreateGrant(ctx context.Context, g *org.Grant) error {
	id, err := d.insertID(ctx, d.db, "INSERT INTO role_grants (user_id, org_id, role, granted_by, created_at) VALUES (?, ?, ?, ?, ?)",
		g.UserID, g.OrgID, g.Role, g.GrantedBy, g.CreatedAt)
	g.ID = id
	return err
}

// DeleteGrant removes a grant.
func (d *DB) DeleteGrant(ctx context.Context, id int64) error {
	return d.mapErr(mustAffect(d.exec(ctx, d.db, "DELETE FROM role_grants WHERE id = ?", id)))
}

// FindGrants lists grants by user and/or node.
func (d *DB) FindGrants(ctx context.Context, f org.GrantFilter) ([]*org.Grant, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.UserID != nil {
		w.add("user_id = ?", *f.UserID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	q := "SELECT id, user_id, org_id, role, granted_by, created_at FROM role_grants" + w.String() + " ORDER BY id"
	return list(ctx, d, scanGrant, q, w.args...)
}

func scanGrant(row scanner) (*org.Grant, error) {
	var g org.Grant
	var by sql.NullInt64
	err := row.Scan(&g.ID, &g.UserID, &g.OrgID, &g.Role, &by, &g.CreatedAt)
	g.GrantedBy, g.CreatedAt = nullInt(by), g.CreatedAt.UTC()
	return &g, err
}
