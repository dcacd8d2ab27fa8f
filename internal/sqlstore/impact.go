package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"rathaus/internal/appointment"
	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/impact"
)

// The impact store: the assumptions as JSON documents in
// impact_assumptions (service_id 0: the city; others: overrides), and
// the counts the effect is computed from.

var _ impact.Store = (*DB)(nil)

// FindImpactAssumptions returns the saved assumptions; NotFound when the
// city saved none.
func (d *DB) FindImpactAssumptions(ctx context.Context) (*impact.Assumptions, error) {
	rows, err := d.query(ctx, d.db, `SELECT service_id, doc, version, updated_by, updated_at
		FROM impact_assumptions ORDER BY service_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var a *impact.Assumptions
	var overrides []impact.Override
	for rows.Next() {
		var (
			id, version int64
			doc, by     string
			at          sql.NullTime
		)
		if err := rows.Scan(&id, &doc, &version, &by, &at); err != nil {
			return nil, err
		}
		if id == 0 {
			a = &impact.Assumptions{}
			if err := json.Unmarshal([]byte(doc), a); err != nil {
				return nil, err
			}
			a.Version, a.UpdatedBy, a.UpdatedAt = version, by, at.Time.UTC()
			continue
		}
		var o impact.Override
		if err := json.Unmarshal([]byte(doc), &o); err != nil {
			return nil, err
		}
		o.ServiceID = id
		overrides = append(overrides, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	a.Services = overrides
	return a, nil
}

// SaveImpactAssumptions replaces the assumptions if a.Version is still
// the stored version: the city row is locked, its version checked and
// bumped, the override rows replaced, all in one transaction. Two first
// saves at once meet at the primary key: one is Conflict.
func (d *DB) SaveImpactAssumptions(ctx context.Context, a *impact.Assumptions) error {
	city := *a
	city.Services, city.Version, city.UpdatedBy = nil, 0, ""
	doc, err := json.Marshal(city)
	if err != nil {
		return err
	}
	conflict := fault.New(fault.Conflict, "error.impact.conflict")
	next := a.Version + 1
	err = d.tx(ctx, func(tx *sql.Tx) error {
		var version int64
		err := d.queryRow(ctx, tx, "SELECT version FROM impact_assumptions WHERE service_id = 0"+d.dialect.forUpdate()).Scan(&version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if a.Version != 0 {
				return conflict
			}
			if _, err := d.exec(ctx, tx, `INSERT INTO impact_assumptions (service_id, doc, version, updated_by, updated_at)
				VALUES (0, ?, ?, ?, ?)`, string(doc), next, a.UpdatedBy, a.UpdatedAt); err != nil {
				if d.dialect.isUnique(err) {
					return conflict
				}
				return err
			}
		case err != nil:
			return err
		case version != a.Version:
			return conflict
		default:
			if _, err := d.exec(ctx, tx, `UPDATE impact_assumptions SET doc = ?, version = ?, updated_by = ?, updated_at = ?
				WHERE service_id = 0`, string(doc), next, a.UpdatedBy, a.UpdatedAt); err != nil {
				return err
			}
		}
		return d.saveImpactOverrides(ctx, tx, a, next)
	})
	if err != nil {
		return err
	}
	a.Version = next
	return nil
}

func (d *DB) saveImpactOverrides(ctx context.Context, tx *sql.Tx, a *impact.Assumptions, version int64) error {
	if _, err := d.exec(ctx, tx, "DELETE FROM impact_assumptions WHERE service_id <> 0"); err != nil {
		return err
	}
	for _, o := range a.Services {
		doc, err := json.Marshal(o)
		if err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, `INSERT INTO impact_assumptions (service_id, doc, version, updated_by, updated_at)
			VALUES (?, ?, ?, ?, ?)`, o.ServiceID, string(doc), version, a.UpdatedBy, a.UpdatedAt); err != nil {
			return d.mapErr(err)
		}
	}
	return nil
}

// CountImpact counts the applications submitted online per service and
// the bookings that were confirmed (confirmed, checked in or served).
func (d *DB) CountImpact(ctx context.Context) (impact.Counts, error) {
	c := impact.Counts{Cases: map[int64]int64{}}
	rows, err := d.query(ctx, d.db, `SELECT service_id, COUNT(*) FROM cases WHERE channel = ?
		GROUP BY service_id`, cases.ChannelOnline)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return c, err
		}
		c.Cases[id] = n
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	err = d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM bookings WHERE status IN (?, ?, ?)",
		appointment.Confirmed, appointment.CheckedIn, appointment.Served).Scan(&c.Appointments)
	return c, err
}
