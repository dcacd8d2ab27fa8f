package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The form store: one row per version of a service's form, the form as
// JSON text. Status, title and update time are copied into columns for
// lists; the columns win over the JSON when reading.

// SaveForm inserts f as (ServiceID, Version) or replaces that version
// while its stored status is draft, in one statement: the upsert's
// condition is checked on the locked row (PostgreSQL) or under the write
// lock (SQLite), so of two instances saving over a version that one of
// them publishes, the later gets Conflict ("error.form.published").
func (d *DB) SaveForm(ctx context.Context, f *form.Form) error {
	if f.Version < 1 {
		return errors.New("sqlstore: SaveForm needs a version of 1 or more")
	}
	def, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("form %d/%d: %w", f.ServiceID, f.Version, err)
	}
	title, err := json.Marshal(f.Title)
	if err != nil {
		return err
	}
	n, err := affected(d.exec(ctx, d.db, `INSERT INTO forms (service_id, version, status, title, definition, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (service_id, version) DO UPDATE SET status = excluded.status, title = excluded.title,
			definition = excluded.definition, updated_at = excluded.updated_at
		WHERE forms.status <> ?`,
		f.ServiceID, f.Version, f.Status, string(title), string(def), f.UpdatedAt, form.StatusPublished))
	if err != nil {
		return d.mapErr(err)
	}
	if n == 0 {
		return fault.New(fault.Conflict, "error.form.published")
	}
	return nil
}

const formCols = "service_id, version, status, definition, updated_at"

func scanForm(row scanner) (*form.Form, error) {
	var f form.Form
	var def string
	var id int64
	var version int
	var status string
	if err := row.Scan(&id, &version, &status, &def, &f.UpdatedAt); err != nil {
		return nil, err
	}
	at := f.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(def), &f); err != nil {
		return nil, fmt.Errorf("form %d/%d: %w", id, version, err)
	}
	f.ServiceID, f.Version, f.Status, f.UpdatedAt = id, version, status, at
	return &f, nil
}

func (d *DB) findForm(ctx context.Context, query string, args ...any) (*form.Form, error) {
	f, err := scanForm(d.queryRow(ctx, d.db, "SELECT "+formCols+" FROM forms WHERE "+query, args...))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return f, nil
}

// FindForm returns one version of a service's form, or NotFound.
func (d *DB) FindForm(ctx context.Context, serviceID int64, version int) (*form.Form, error) {
	return d.findForm(ctx, "service_id = ? AND version = ?", serviceID, version)
}

// PublishedForm returns the highest published version, or NotFound.
func (d *DB) PublishedForm(ctx context.Context, serviceID int64) (*form.Form, error) {
	return d.findForm(ctx, "service_id = ? AND status = ? ORDER BY version DESC LIMIT 1", serviceID, form.StatusPublished)
}

// LatestForm returns the highest version, draft or published, or NotFound.
func (d *DB) LatestForm(ctx context.Context, serviceID int64) (*form.Form, error) {
	return d.findForm(ctx, "service_id = ? ORDER BY version DESC LIMIT 1", serviceID)
}

func scanFormInfo(row scanner) (form.Info, error) {
	var i form.Info
	var title string
	if err := row.Scan(&i.ServiceID, &i.Version, &i.Status, &title, &i.UpdatedAt, &i.Published); err != nil {
		return i, err
	}
	i.UpdatedAt = i.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(title), &i.Title); err != nil {
		return i, fmt.Errorf("form %d/%d title: %w", i.ServiceID, i.Version, err)
	}
	return i, nil
}

// FormVersions lists a service's versions, newest first (Published 0).
func (d *DB) FormVersions(ctx context.Context, serviceID int64) ([]form.Info, error) {
	return list(ctx, d, scanFormInfo, `SELECT service_id, version, status, title, updated_at, 0
		FROM forms WHERE service_id = ? ORDER BY version DESC`, serviceID)
}

// Forms lists the latest version of every service's form with the
// service's highest published version (0: none), by service ID.
func (d *DB) Forms(ctx context.Context) ([]form.Info, error) {
	return list(ctx, d, scanFormInfo, `SELECT f.service_id, f.version, f.status, f.title, f.updated_at,
			COALESCE((SELECT MAX(p.version) FROM forms p WHERE p.service_id = f.service_id AND p.status = ?), 0)
		FROM forms f
		WHERE f.version = (SELECT MAX(m.version) FROM forms m WHERE m.service_id = f.service_id)
		ORDER BY f.service_id`, form.StatusPublished)
}

var _ form.Store = (*DB)(nil)
