package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"

	"rathaus/internal/helppoint"
)

// The help points: help_points with the opening hours and languages as
// JSON, help_point_stops for a mobile point's stops (replaced as a whole
// with the point, in one transaction).

var _ helppoint.Store = (*DB)(nil)

const helpPointCols = "id, name, kind, street, postcode, city, lat, lon, hours, phone, email, offers, access, languages, " +
	"org_id, demo, updated_at"

// helpPointArgs are p's columns after id, in helpPointCols' order.
func helpPointArgs(p *helppoint.Point) ([]any, error) {
	h, err := json.Marshal(p.Hours)
	if err != nil {
		return nil, err
	}
	langs := p.Languages
	if langs == nil {
		langs = []string{}
	}
	l, err := json.Marshal(langs)
	if err != nil {
		return nil, err
	}
	return []any{p.Name, p.Kind, p.Street, p.Postcode, p.City, p.Lat, p.Lon, string(h), p.Phone, p.Email, p.Offers,
		p.Access, string(l), p.OrgID, p.Demo, ts(p.UpdatedAt)}, nil
}

func scanHelpPoint(row scanner) (*helppoint.Point, error) {
	var p helppoint.Point
	var h, l string
	var orgID sql.NullInt64
	if err := row.Scan(&p.ID, &p.Name, &p.Kind, &p.Street, &p.Postcode, &p.City, &p.Lat, &p.Lon, &h, &p.Phone, &p.Email,
		&p.Offers, &p.Access, &l, &orgID, &p.Demo, &p.UpdatedAt); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(h), &p.Hours); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(l), &p.Languages); err != nil {
		return nil, err
	}
	if len(p.Languages) == 0 {
		p.Languages = nil
	}
	p.OrgID, p.UpdatedAt = nullInt(orgID), p.UpdatedAt.UTC()
	return &p, nil
}

// CreateHelpPoint stores p with its stops and sets its ID.
func (d *DB) CreateHelpPoint(ctx context.Context, p *helppoint.Point) error {
	args, err := helpPointArgs(p)
	if err != nil {
		return err
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		id, err := d.insertID(ctx, tx, "INSERT INTO help_points ("+helpPointCols[len("id, "):]+") VALUES ("+
			placeholders(len(args))+")", args...)
		if err != nil {
			return err
		}
		if err := d.insertStops(ctx, tx, id, p.Stops); err != nil {
			return err
		}
		p.ID, p.UpdatedAt = id, ts(p.UpdatedAt)
		return nil
	})
}

// UpdateHelpPoint replaces the point and its stops.
func (d *DB) UpdateHelpPoint(ctx context.Context, p *helppoint.Point) error {
	args, err := helpPointArgs(p)
	if err != nil {
		return err
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		err := mustAffect(d.exec(ctx, tx, `UPDATE help_points SET name = ?, kind = ?, street = ?, postcode = ?, city = ?,
			lat = ?, lon = ?, hours = ?, phone = ?, email = ?, offers = ?, access = ?, languages = ?, org_id = ?, demo = ?,
			updated_at = ? WHERE id = ?`, append(args, p.ID)...))
		if err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "DELETE FROM help_point_stops WHERE help_point_id = ?", p.ID); err != nil {
			return err
		}
		if err := d.insertStops(ctx, tx, p.ID, p.Stops); err != nil {
			return err
		}
		p.UpdatedAt = ts(p.UpdatedAt)
		return nil
	})
}

func (d *DB) insertStops(ctx context.Context, tx *sql.Tx, id int64, stops []helppoint.Stop) error {
	for _, s := range stops {
		if _, err := d.exec(ctx, tx, `INSERT INTO help_point_stops (help_point_id, place, address, starts_at, ends_at)
			VALUES (?, ?, ?, ?, ?)`, id, s.Place, s.Address, s.Start, s.End); err != nil {
			return err
		}
	}
	return nil
}

// DeleteHelpPoint removes the point; its stops go with it.
func (d *DB) DeleteHelpPoint(ctx context.Context, id int64) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := d.exec(ctx, tx, "DELETE FROM help_point_stops WHERE help_point_id = ?", id); err != nil {
			return err
		}
		return mustAffect(d.exec(ctx, tx, "DELETE FROM help_points WHERE id = ?", id))
	})
}

// FindHelpPoint returns the point with its stops.
func (d *DB) FindHelpPoint(ctx context.Context, id int64) (*helppoint.Point, error) {
	ps, err := d.findHelpPoints(ctx, " WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return ps[0], nil
}

// FindHelpPoints lists every point with its stops, by name.
func (d *DB) FindHelpPoints(ctx context.Context) ([]*helppoint.Point, error) {
	return d.findHelpPoints(ctx, "")
}

func (d *DB) findHelpPoints(ctx context.Context, where string, args ...any) ([]*helppoint.Point, error) {
	ps, err := list(ctx, d, scanHelpPoint, "SELECT "+helpPointCols+" FROM help_points"+where+" ORDER BY name, id", args...)
	if err != nil || len(ps) == 0 {
		return ps, err
	}
	byID := map[int64]*helppoint.Point{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	q := "SELECT help_point_id, place, address, starts_at, ends_at FROM help_point_stops"
	if where != "" {
		q += " WHERE help_point_id = ?"
	}
	type stopRow struct {
		point int64
		stop  helppoint.Stop
	}
	stops, err := list(ctx, d, func(row scanner) (stopRow, error) {
		var r stopRow
		err := row.Scan(&r.point, &r.stop.Place, &r.stop.Address, &r.stop.Start, &r.stop.End)
		r.stop.Start, r.stop.End = r.stop.Start.UTC(), r.stop.End.UTC()
		return r, err
	}, q+" ORDER BY starts_at, id", args...)
	if err != nil {
		return nil, err
	}
	for _, r := range stops {
		if p := byID[r.point]; p != nil {
			p.Stops = append(p.Stops, r.stop)
		}
	}
	return ps, nil
}
