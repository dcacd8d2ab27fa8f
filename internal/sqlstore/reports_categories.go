package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"

	"rathaus/internal/report"
)

// The report categories (Open311 services) per organisation, keywords and
// attributes as JSON text, and the area rules (category x area -> unit).

var _ report.Store = (*DB)(nil)

const defectCategoryCols = "id, org_id, parent_id, unit_id, code, name_de, name_en, description, keywords, grp, active, position, attributes"

func defectCategoryArgs(c *report.Category) ([]any, error) {
	kw := c.Keywords
	if kw == nil {
		kw = []string{}
	}
	k, err := json.Marshal(kw)
	if err != nil {
		return nil, err
	}
	attrs := c.Attributes
	if attrs == nil {
		attrs = []report.Attribute{}
	}
	a, err := json.Marshal(attrs)
	if err != nil {
		return nil, err
	}
	return []any{c.OrgID, c.ParentID, c.UnitID, c.Code, c.NameDE, c.NameEN, c.Description, string(k), c.Group, c.Active,
		c.Position, string(a)}, nil
}

func scanDefectCategory(row scanner) (*report.Category, error) {
	var c report.Category
	var parent, unit sql.NullInt64
	var kw, attrs string
	if err := row.Scan(&c.ID, &c.OrgID, &parent, &unit, &c.Code, &c.NameDE, &c.NameEN, &c.Description, &kw, &c.Group,
		&c.Active, &c.Position, &attrs); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(kw), &c.Keywords); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(attrs), &c.Attributes); err != nil {
		return nil, err
	}
	if len(c.Keywords) == 0 {
		c.Keywords = nil
	}
	if len(c.Attributes) == 0 {
		c.Attributes = nil
	}
	c.ParentID, c.UnitID = nullInt(parent), nullInt(unit)
	return &c, nil
}

// CreateDefectCategory stores c and sets its ID.
func (d *DB) CreateDefectCategory(ctx context.Context, c *report.Category) error {
	args, err := defectCategoryArgs(c)
	if err != nil {
		return err
	}
	id, err := d.insertID(ctx, d.db, "INSERT INTO report_categories ("+defectCategoryCols[len("id, "):]+") VALUES ("+
		placeholders(len(args))+")", args...)
	if err != nil {
		return err
	}
	c.ID = id
	return nil
}

// UpdateDefectCategory replaces c.
func (d *DB) UpdateDefectCategory(ctx context.Context, c *report.Category) error {
	args, err := defectCategoryArgs(c)
	if err != nil {
		return err
	}
	err = mustAffect(d.exec(ctx, d.db, `UPDATE report_categories SET org_id = ?, parent_id = ?, unit_id = ?, code = ?,
		name_de = ?, name_en = ?, description = ?, keywords = ?, grp = ?, active = ?, position = ?, attributes = ?
		WHERE id = ?`, append(args, c.ID)...))
	return d.mapErr(err)
}

// FindDefectCategory returns a category or NotFound.
func (d *DB) FindDefectCategory(ctx context.Context, id int64) (*report.Category, error) {
	c, err := scanDefectCategory(d.queryRow(ctx, d.db, "SELECT "+defectCategoryCols+" FROM report_categories WHERE id = ?", id))
	return c, d.mapErr(err)
}

// FindDefectCategories lists an organisation's categories.
func (d *DB) FindDefectCategories(ctx context.Context, orgID int64) ([]*report.Category, error) {
	return list(ctx, d, scanDefectCategory, "SELECT "+defectCategoryCols+
		" FROM report_categories WHERE org_id = ? ORDER BY grp, position, name_de, id", orgID)
}

// SetDefectAreaRules replaces the organisation's area rules.
func (d *DB) SetDefectAreaRules(ctx context.Context, orgID int64, rules []report.AreaRule) error {
	return d.mapErr(d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, "DELETE FROM report_area_rules WHERE org_id = ?", orgID); err != nil {
			return err
		}
		for i := range rules {
			r := &rules[i]
			id, err := d.insertID(ctx, tx, "INSERT INTO report_area_rules (org_id, category_id, area_id, unit_id) VALUES (?, ?, ?, ?)",
				orgID, r.CategoryID, r.AreaID, r.UnitID)
			if err != nil {
				return err
			}
			r.ID, r.OrgID = id, orgID
		}
		return nil
	}))
}

// FindDefectAreaRules lists the organisation's area rules.
func (d *DB) FindDefectAreaRules(ctx context.Context, orgID int64) ([]report.AreaRule, error) {
	return list(ctx, d, func(row scanner) (report.AreaRule, error) {
		var r report.AreaRule
		err := row.Scan(&r.ID, &r.OrgID, &r.CategoryID, &r.AreaID, &r.UnitID)
		return r, err
	}, "SELECT id, org_id, category_id, area_id, unit_id FROM report_area_rules WHERE org_id = ? ORDER BY category_id, area_id", orgID)
}
