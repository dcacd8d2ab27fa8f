package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The workshop store: imported logs (their files live in the file store)
// and BPMN models; and streaming reads of the platform's own event log.

const storedLogCols = "id, name, format, file_key, size, settings, cases, events, activities, warnings, org_id, created_by, created_at"

// CreateStoredLog inserts l, setting ID.
func (d *DB) CreateStoredLog(ctx context.Context, l *workshop.StoredLog) error {
	settings, err := json.Marshal(l.Settings)
	if err != nil {
		return err
	}
	warnings, err := json.Marshal(nonNil(l.Warnings))
	if err != nil {
		return err
	}
	id, err := d.insertID(ctx, d.db, `INSERT INTO workshop_logs (name, format, file_key, size, settings, cases, events,
		activities, warnings, org_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.Name, l.Format, l.FileKey, l.Size, string(settings), l.Cases, l.Events, l.Activities, string(warnings),
		l.OrgID, l.CreatedBy, l.CreatedAt)
	if err != nil {
		return err
	}
	l.ID = id
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func scanStoredLog(row scanner) (*workshop.StoredLog, error) {
	var l workshop.StoredLog
	var settings, warnings string
	var org, by sql.NullInt64
	if err := row.Scan(&l.ID, &l.Name, &l.Format, &l.FileKey, &l.Size, &settings, &l.Cases, &l.Events,
		&l.Activities, &warnings, &org, &by, &l.CreatedAt); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(settings), &l.Settings); err != nil {
		return nil, fmt.Errorf("workshop log %d: settings: %w", l.ID, err)
	}
	if err := json.Unmarshal([]byte(warnings), &l.Warnings); err != nil {
		return nil, fmt.Errorf("workshop log %d: warnings: %w", l.ID, err)
	}
	l.OrgID, l.CreatedBy, l.CreatedAt = nullInt(org), nullInt(by), l.CreatedAt.UTC()
	return &l, nil
}

// FindStoredLog returns one imported log.
func (d *DB) FindStoredLog(ctx context.Context, id int64) (*workshop.StoredLog, error) {
	l, err := scanStoredLog(d.queryRow(ctx, d.db, "SELECT "+storedLogCols+" FROM workshop_logs WHERE id = ?", id))
	return l, d.mapErr(err)
}

// FindStoredLogs lists imported logs of the units (and those without a
// unit), newest first; nil orgIDs lists all.
func (d *DB) FindStoredLogs(ctx context.Context, orgIDs []int64) ([]*workshop.StoredLog, error) {
	w := orgScope(orgIDs)
	return list(ctx, d, scanStoredLog, "SELECT "+storedLogCols+" FROM workshop_logs"+w.String()+" ORDER BY id DESC", w.args...)
}

// orgScope selects rows of the units or without one; nil selects all.
func orgScope(orgIDs []int64) where {
	var w where
	if orgIDs != nil {
		ids := make([]string, len(orgIDs))
		for i, id := range orgIDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		cond := "org_id IS NULL"
		if len(ids) > 0 {
			cond = "(org_id IS NULL OR org_id IN (" + strings.Join(ids, ", ") + "))"
		}
		w.conds = append(w.conds, cond)
	}
	return w
}

// DeleteStoredLog removes an imported log's row; the caller removes its file.
func (d *DB) DeleteStoredLog(ctx context.Context, id int64) error {
	return mustAffect(d.exec(ctx, d.db, "DELETE FROM workshop_logs WHERE id = ?", id))
}

const modelCols = "id, name, org_id, source, origin, bpmn, version, created_by, updated_by, created_at, updated_at"

// CreateModel inserts m with version 1, setting ID.
func (d *DB) CreateModel(ctx context.Context, m *workshop.Model) error {
	m.Version = 1
	id, err := d.insertID(ctx, d.db, `INSERT INTO workshop_models (name, org_id, source, origin, bpmn, version,
		created_by, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Name, m.OrgID, m.Source, m.Origin, string(m.BPMN), m.Version, m.CreatedBy, m.UpdatedBy, m.CreatedAt, m.UpdatedAt)
	if err != nil {
		return err
	}
	m.ID = id
	return nil
}

func scanModel(row scanner) (*workshop.Model, error) {
	var m workshop.Model
	var org, by, upd sql.NullInt64
	var x string
	if err := row.Scan(&m.ID, &m.Name, &org, &m.Source, &m.Origin, &x, &m.Version, &by, &upd,
		&m.CreatedAt, &m.UpdatedAt); err != nil {
		return nil, err
	}
	m.BPMN, m.OrgID, m.CreatedBy, m.UpdatedBy = []byte(x), nullInt(org), nullInt(by), nullInt(upd)
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	return &m, nil
}

// FindModel returns one model.
func (d *DB) FindModel(ctx context.Context, id int64) (*workshop.Model, error) {
	m, err := scanModel(d.queryRow(ctx, d.db, "SELECT "+modelCols+" FROM workshop_models WHERE id = ?", id))
	return m, d.mapErr(err)
}

// FindModels lists models of the units (and those without one) by name.
func (d *DB) FindModels(ctx context.Context, orgIDs []int64) ([]*workshop.Model, error) {
	w := orgScope(orgIDs)
	return list(ctx, d, scanModel, "SELECT "+modelCols+" FROM workshop_models"+w.String()+" ORDER BY name, id", w.args...)
}

// UpdateModel writes m if nobody changed it since m.Version was read.
func (d *DB) UpdateModel(ctx context.Context, m *workshop.Model) error {
	res, err := d.exec(ctx, d.db, `UPDATE workshop_models SET name = ?, org_id = ?, source = ?, bpmn = ?,
		version = version + 1, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?`,
		m.Name, m.OrgID, m.Source, string(m.BPMN), m.UpdatedBy, m.UpdatedAt, m.ID, m.Version)
	if err := mustAffect(res, err); err != nil {
		if _, ferr := d.FindModel(ctx, m.ID); ferr != nil {
			return ferr
		}
		return fault.New(fault.Conflict, "error.workshop.stale")
	}
	m.Version++
	return nil
}

// DeleteModel removes a model.
func (d *DB) DeleteModel(ctx context.Context, id int64) error {
	return mustAffect(d.exec(ctx, d.db, "DELETE FROM workshop_models WHERE id = ?", id))
}
