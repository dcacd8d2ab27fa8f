package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/processlog"
)

var (
	_ appointment.Store = (*DB)(nil)
	_ processlog.Store  = (*DB)(nil)
)

// storedWindow and storedService are the JSON forms of a setup's windows
// and services, named here so renaming a Go field never breaks stored rows.
type storedWindow struct {
	Weekdays []int `json:"weekdays"` // time.Weekday numbers, Sunday 0
	From     int   `json:"from"`
	To       int   `json:"to"`
	Counters int   `json:"counters"`
}

type storedService struct {
	ServiceID    int64 `json:"service_id"`
	Minutes      int   `json:"minutes"`
	ExtraMinutes int   `json:"extra_minutes"`
}

func windowsJSON(ws []appointment.Window) string {
	out := make([]storedWindow, len(ws))
	for i, w := range ws {
		out[i] = storedWindow{Weekdays: []int{}, From: w.From, To: w.To, Counters: w.Counters}
		for d, on := range w.Weekdays {
			if on {
				out[i].Weekdays = append(out[i].Weekdays, d)
			}
		}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func parseWindows(s string) ([]appointment.Window, error) {
	var in []storedWindow
	if err := json.Unmarshal([]byte(s), &in); err != nil || len(in) == 0 {
		return nil, err
	}
	out := make([]appointment.Window, len(in))
	for i, w := range in {
		out[i] = appointment.Window{From: w.From, To: w.To, Counters: w.Counters}
		for _, d := range w.Weekdays {
			if d < 0 || d > 6 {
				return nil, fmt.Errorf("weekday %d", d)
			}
			out[i].Weekdays[d] = true
		}
	}
	return out, nil
}

func servicesJSON(ss []appointment.ServiceSetup) string {
	out := make([]storedService, len(ss))
	for i, s := range ss {
		out[i] = storedService(s)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func parseServices(s string) ([]appointment.ServiceSetup, error) {
	var in []storedService
	if err := json.Unmarshal([]byte(s), &in); err != nil || len(in) == 0 {
		return nil, err
	}
	out := make([]appointment.ServiceSetup, len(in))
	for i, s := range in {
		out[i] = appointment.ServiceSetup(s)
	}
	return out, nil
}

const setupCols = "office_id, enabled, counters, windows, walk_in_counters, slot_minutes, min_days, max_days, " +
	"release_minute, max_persons, max_active_per_email, services, updated_at"

// setupSelect reads a setup with its bookings version.
const setupSelect = "SELECT " + setupCols + ", bookings_version FROM appointment_setups"

func scanSetup(row scanner) (*appointment.Setup, error) {
	var s appointment.Setup
	var windows, services string
	err := row.Scan(&s.OfficeID, &s.Enabled, &s.Counters, &windows, &s.WalkInCounters, &s.SlotMinutes, &s.MinDays, &s.MaxDays,
		&s.ReleaseMinute, &s.MaxPersons, &s.MaxActivePerEmail, &services, &s.UpdatedAt, &s.Version)
	if err != nil {
		return nil, err
	}
	if s.Windows, err = parseWindows(windows); err != nil {
		return nil, fmt.Errorf("setup of office %d: windows: %w", s.OfficeID, err)
	}
	if s.Services, err = parseServices(services); err != nil {
		return nil, fmt.Errorf("setup of office %d: services: %w", s.OfficeID, err)
	}
	s.UpdatedAt = s.UpdatedAt.UTC()
	return &s, nil
}

// SaveSetup inserts or replaces the office's setup; NotFound when the
// office does not exist.
func (d *DB) SaveSetup(ctx context.Context, s *appointment.Setup) error {
	if s.UpdatedAt.IsZero() {
		s.UpdatedAt = time.Now()
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := d.queryRow(ctx, tx, "SELECT id FROM offices WHERE id = ?", s.OfficeID).Scan(&id); err != nil {
			return d.mapErr(err)
		}
		_, err := d.exec(ctx, tx, `INSERT INTO appointment_setups (`+setupCols+`) VALUES (`+placeholders(13)+`)
			ON CONFLICT (office_id) DO UPDATE SET enabled = excluded.enabled, counters = excluded.counters,
				windows = excluded.windows, walk_in_counters = excluded.walk_in_counters, slot_minutes = excluded.slot_minutes,
				min_days = excluded.min_days, max_days = excluded.max_days, release_minute = excluded.release_minute,
				max_persons = excluded.max_persons, max_active_per_email = excluded.max_active_per_email,
				services = excluded.services, updated_at = excluded.updated_at`,
			s.OfficeID, s.Enabled, s.Counters, windowsJSON(s.Windows), s.WalkInCounters, s.SlotMinutes, s.MinDays, s.MaxDays,
			s.ReleaseMinute, s.MaxPersons, s.MaxActivePerEmail, servicesJSON(s.Services), s.UpdatedAt)
		return err
	})
}

// FindSetup returns the office's setup or NotFound.
func (d *DB) FindSetup(ctx context.Context, officeID int64) (*appointment.Setup, error) {
	s, err := scanSetup(d.queryRow(ctx, d.db, setupSelect+" WHERE office_id = ?", officeID))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return s, nil
}

// FindSetups lists every office's setup by office.
func (d *DB) FindSetups(ctx context.Context) ([]*appointment.Setup, error) {
	return list(ctx, d, scanSetup, setupSelect+" ORDER BY office_id")
}
