package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"rathaus/internal/catalog"
)

// Offices keep the address in columns and opening hours and accessibility
// as JSON text (hours in their exchange form).

// officeWriteCols are the columns CreateOffice and UpdateOffice write, in
// the order of officeValues.
const officeWriteCols = "source, external_id, name, org_id, authority, street, house_number, postal_code, city, address_hint, " +
	"lat, lon, phone, email, website, hours, accessibility"

const officeCols = "offices.id, " + officeWriteCols + ", offices.created_at, offices.updated_at"

// officeSet is officeWriteCols as "col = ?, ..." for UPDATE.
var officeSet = strings.ReplaceAll(officeWriteCols, ",", " = ?,") + " = ?"

func officeValues(o *catalog.Office) ([]any, error) {
	h, err := json.Marshal(o.Hours)
	if err != nil {
		return nil, err
	}
	a, err := json.Marshal(o.Accessibility)
	if err != nil {
		return nil, err
	}
	ad := o.Address
	return []any{o.Source, o.ExternalID, o.Name, o.OrgID, o.Authority, ad.Street, ad.HouseNo, ad.PostalCode, ad.City, ad.Hint,
		nullFloat(o.Lat), nullFloat(o.Lon), o.Phone, o.Email, o.Website, string(h), string(a)}, nil
}

func scanOffice(row scanner) (*catalog.Office, error) {
	var o catalog.Office
	var org sql.NullInt64
	var lat, lon sql.NullFloat64
	var h, a string
	ad := &o.Address
	err := row.Scan(&o.ID, &o.Source, &o.ExternalID, &o.Name, &org, &o.Authority, &ad.Street, &ad.HouseNo, &ad.PostalCode,
		&ad.City, &ad.Hint, &lat, &lon, &o.Phone, &o.Email, &o.Website, &h, &a, &o.CreatedAt, &o.UpdatedAt)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(h), &o.Hours); err != nil {
		return nil, fmt.Errorf("office %d: hours: %w", o.ID, err)
	}
	if err := json.Unmarshal([]byte(a), &o.Accessibility); err != nil {
		return nil, fmt.Errorf("office %d: accessibility: %w", o.ID, err)
	}
	o.OrgID, o.Lat, o.Lon = nullInt(org), floatPtr(lat), floatPtr(lon)
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return &o, nil
}

// CreateOffice inserts o; Conflict when its external id is taken.
func (d *DB) CreateOffice(ctx context.Context, o *catalog.Office) error {
	if o.UpdatedAt.IsZero() {
		o.UpdatedAt = o.CreatedAt
	}
	vals, err := officeValues(o)
	if err != nil {
		return err
	}
	marks := strings.Repeat("?, ", len(vals)) + "?, ?"
	return d.tx(ctx, func(tx *sql.Tx) error {
		id, err := d.insertID(ctx, tx, "INSERT INTO offices ("+officeWriteCols+", created_at, updated_at) VALUES ("+marks+")",
			append(vals, o.CreatedAt, o.UpdatedAt)...)
		if err != nil {
			return err
		}
		o.ID = id
		return d.bumpCatalog(ctx, tx)
	})
}

// UpdateOffice overwrites every field of o but CreatedAt and ServiceIDs.
func (d *DB) UpdateOffice(ctx context.Context, o *catalog.Office) error {
	vals, err := officeValues(o)
	if err != nil {
		return err
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		err := mustAffect(d.exec(ctx, tx, "UPDATE offices SET "+officeSet+", updated_at = ? WHERE id = ?", append(vals, o.UpdatedAt, o.ID)...))
		if err != nil {
			return d.mapErr(err)
		}
		return d.bumpCatalog(ctx, tx)
	})
}

// FindOfficeByID returns an office or NotFound.
func (d *DB) FindOfficeByID(ctx context.Context, id int64) (*catalog.Office, error) {
	var w where
	w.add("offices.id = ?", id)
	return d.findOffice(ctx, w)
}

// FindOfficeByExternalID returns an imported office or NotFound.
func (d *DB) FindOfficeByExternalID(ctx context.Context, source, externalID string) (*catalog.Office, error) {
	var w where
	w.add("offices.source = ?", source)
	w.add("offices.external_id = ?", externalID)
	if externalID == "" {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return d.findOffice(ctx, w)
}

func (d *DB) findOffice(ctx context.Context, w where) (*catalog.Office, error) {
	os, err := d.findOffices(ctx, w)
	if err != nil {
		return nil, err
	}
	if len(os) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return os[0], nil
}

// FindOffices lists offices by name.
func (d *DB) FindOffices(ctx context.Context, f catalog.OfficeFilter) ([]*catalog.Office, error) {
	var w where
	if f.Source != "" {
		w.add("offices.source = ?", f.Source)
	}
	if f.ServiceID != nil {
		w.add(`offices.id IN (SELECT so.office_id FROM service_offices so JOIN services s ON s.id = so.service_id
			WHERE so.service_id = ? AND s.status = 'published')`, *f.ServiceID)
	}
	return d.findOffices(ctx, w)
}

// findOffices reads the offices w selects and, in a second query, the
// published services each offers.
func (d *DB) findOffices(ctx context.Context, w where) ([]*catalog.Office, error) {
	os, err := list(ctx, d, scanOffice, "SELECT "+officeCols+" FROM offices"+w.String()+" ORDER BY offices.name, offices.id", w.args...)
	if err != nil || len(os) == 0 {
		return os, err
	}
	byID := make(map[int64]*catalog.Office, len(os))
	for _, o := range os {
		byID[o.ID] = o
	}
	pairs, err := list(ctx, d, scanPair, `SELECT so.office_id, so.service_id FROM service_offices so
		JOIN services s ON s.id = so.service_id
		WHERE s.status = 'published' AND so.office_id IN (SELECT offices.id FROM offices`+w.String()+`)
		ORDER BY so.office_id, so.service_id`, w.args...)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if o := byID[p[0]]; o != nil { // nil for an office created between the two queries
			o.ServiceIDs = append(o.ServiceIDs, p[1])
		}
	}
	return os, nil
}

func scanPair(row scanner) ([2]int64, error) {
	var p [2]int64
	err := row.Scan(&p[0], &p[1])
	return p, err
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func floatPtr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	return &n.Float64
}
