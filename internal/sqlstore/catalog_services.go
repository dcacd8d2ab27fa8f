package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"rathaus/internal/catalog"
)

// Services keep their content as JSON text in both engines (no JSONB
// operators), with the name and the responsible org copied into columns
// for ordering and the foreign key. A service's content is that of its
// published revision; before its first publication, that of its latest
// proposal. service_offices mirrors the offices that content names, and
// only published services count when an office lists its services.

var _ catalog.Store = (*DB)(nil)

const serviceCols = "id, source, external_id, status, version, org_id, content, created_at, updated_at"

func scanService(row scanner) (*catalog.Service, error) {
	var s catalog.Service
	var org sql.NullInt64
	var content string
	err := row.Scan(&s.ID, &s.Source, &s.ExternalID, &s.Status, &s.Version, &org, &content, &s.CreatedAt, &s.UpdatedAt)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(content), &s.Content); err != nil {
		return nil, fmt.Errorf("service %d: content: %w", s.ID, err)
	}
	s.OrgID = nullInt(org) // the column follows the org's deletion, the JSON does not
	s.CreatedAt, s.UpdatedAt = s.CreatedAt.UTC(), s.UpdatedAt.UTC()
	return &s, nil
}

// CreateService inserts s with rev as revision 1. s takes rev's content;
// it is published (version 1) only when rev is, and otherwise keeps
// s.Status (draft when empty or "published").
func (d *DB) CreateService(ctx context.Context, s *catalog.Service, rev *catalog.Revision) error {
	defaultRevision(rev, s.CreatedAt)
	s.Content, s.Version = rev.Content, 0
	switch {
	case rev.State == catalog.RevisionPublished:
		s.Status, s.Version = catalog.StatusPublished, 1
	case s.Status == "" || s.Status == catalog.StatusPublished:
		s.Status = catalog.StatusDraft
	}
	if s.UpdatedAt.IsZero() {
		s.UpdatedAt = s.CreatedAt
	}
	content, err := json.Marshal(s.Content)
	if err != nil {
		return err
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		id, err := d.insertID(ctx, tx, `INSERT INTO services (source, external_id, status, version, name, org_id, content, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			s.Source, s.ExternalID, s.Status, s.Version, s.Name, s.OrgID, string(content), s.CreatedAt, s.UpdatedAt)
		if err != nil {
			return err
		}
		s.ID, rev.ServiceID, rev.Number = id, id, 1
		if err := d.insertRevision(ctx, tx, rev); err != nil {
			return err
		}
		if err := d.syncServiceOffices(ctx, tx, id, s.OfficeIDs); err != nil {
			return err
		}
		if s.Status == catalog.StatusPublished {
			return d.bumpCatalog(ctx, tx)
		}
		return nil
	})
}

// FindServiceByID returns a service or NotFound.
func (d *DB) FindServiceByID(ctx context.Context, id int64) (*catalog.Service, error) {
	s, err := scanService(d.queryRow(ctx, d.db, "SELECT "+serviceCols+" FROM services WHERE id = ?", id))
	return s, d.mapErr(err)
}

// FindServiceByExternalID returns an imported service or NotFound.
func (d *DB) FindServiceByExternalID(ctx context.Context, source, externalID string) (*catalog.Service, error) {
	if externalID == "" {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	s, err := scanService(d.queryRow(ctx, d.db, "SELECT "+serviceCols+" FROM services WHERE source = ? AND external_id = ?", source, externalID))
	return s, d.mapErr(err)
}

// FindServices lists services by name.
func (d *DB) FindServices(ctx context.Context, f catalog.ServiceFilter) ([]*catalog.Service, error) {
	var w where
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	if f.Source != "" {
		w.add("source = ?", f.Source)
	}
	if f.OfficeID != nil {
		w.add("id IN (SELECT service_id FROM service_offices WHERE office_id = ?)", *f.OfficeID)
	}
	return list(ctx, d, scanService, "SELECT "+serviceCols+" FROM services"+w.String()+" ORDER BY name, id", w.args...)
}

// SetServiceStatus archives or restores a service.
func (d *DB) SetServiceStatus(ctx context.Context, id int64, status string, at time.Time) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		err := mustAffect(d.exec(ctx, tx, "UPDATE services SET status = ?, updated_at = ? WHERE id = ?", status, at, id))
		if err != nil {
			return d.mapErr(err)
		}
		return d.bumpCatalog(ctx, tx)
	})
}

// lockService reads a service's status and version and, on PostgreSQL,
// locks its row until the transaction ends: every change to its
// revisions takes turns on it.
func (d *DB) lockService(ctx context.Context, tx *sql.Tx, id int64) (status string, version int, err error) {
	err = d.queryRow(ctx, tx, "SELECT status, version FROM services WHERE id = ?"+d.dialect.forUpdate(), id).Scan(&status, &version)
	return status, version, d.mapErr(err)
}

// setServiceContent makes c the service's content; published makes it the
// public one, as revision number, and bumps the catalogue version.
func (d *DB) setServiceContent(ctx context.Context, tx *sql.Tx, id int64, c catalog.Content, number int, published bool, at time.Time) error {
	content, err := json.Marshal(c)
	if err != nil {
		return err
	}
	q := "UPDATE services SET content = ?, name = ?, org_id = ?, updated_at = ? WHERE id = ?"
	args := []any{string(content), c.Name, c.OrgID, at, id}
	if published {
		q = `UPDATE services SET content = ?, name = ?, org_id = ?, updated_at = ?, version = ?,
			status = CASE WHEN status = 'draft' THEN 'published' ELSE status END WHERE id = ?`
		args = []any{string(content), c.Name, c.OrgID, at, number, id}
	}
	if _, err := d.exec(ctx, tx, q, args...); err != nil {
		return d.mapErr(err)
	}
	if err := d.syncServiceOffices(ctx, tx, id, c.OfficeIDs); err != nil {
		return err
	}
	if published {
		return d.bumpCatalog(ctx, tx)
	}
	return nil
}

// syncServiceOffices replaces the service's rows in service_offices.
func (d *DB) syncServiceOffices(ctx context.Context, tx *sql.Tx, serviceID int64, officeIDs []int64) error {
	if _, err := d.exec(ctx, tx, "DELETE FROM service_offices WHERE service_id = ?", serviceID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	q, args := "", []any{}
	for _, o := range officeIDs {
		if seen[o] {
			continue
		}
		seen[o] = true
		q += ", (?, ?)"
		args = append(args, serviceID, o)
	}
	if len(args) == 0 {
		return nil
	}
	_, err := d.exec(ctx, tx, "INSERT INTO service_offices (service_id, office_id) VALUES "+q[2:], args...)
	return d.mapErr(err)
}

// bumpCatalog marks a change the public sees. It is the last statement of
// its transaction, so the lock on the one row is held briefly and always
// taken after the others.
func (d *DB) bumpCatalog(ctx context.Context, tx *sql.Tx) error {
	_, err := d.exec(ctx, tx, "UPDATE catalog_state SET version = version + 1 WHERE id = 1")
	return err
}

// CatalogVersion returns the counter bumped by every public change.
func (d *DB) CatalogVersion(ctx context.Context) (int64, error) {
	var v int64
	err := d.queryRow(ctx, d.db, "SELECT version FROM catalog_state WHERE id = 1").Scan(&v)
	return v, d.mapErr(err)
}
