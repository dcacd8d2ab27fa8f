package sqlstore

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/jobs"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

// The appointment store lives in appointments_*.go. Capacity and ticket
// numbers are decided under the office's lock: the office's setup row,
// selected FOR UPDATE (PostgreSQL) inside a transaction that SQLite begins
// immediate, so concurrent writers for one office take turns across
// instances. Lists are JSON text, hashes lower-case hex ("" for none).

// lockOffice takes the office's lock for the rest of tx; NotFound when the
// office has no setup.
func (d *DB) lockOffice(ctx context.Context, tx *sql.Tx, officeID int64) error {
	var id int64
	err := d.queryRow(ctx, tx, "SELECT office_id FROM appointment_setups WHERE office_id = ?"+d.dialect.forUpdate(), officeID).Scan(&id)
	return d.mapErr(err)
}

// writeEffects writes an appointment change's effects inside tx.
func (d *DB) writeEffects(ctx context.Context, tx *sql.Tx, fx appointment.Effects) error {
	return d.writeAll(ctx, tx, fx.Mails, fx.Jobs, fx.Events)
}

// writeAll writes the effects of a change inside tx: mails to the outbox
// with their delivery jobs, jobs (one whose unique key is taken is
// skipped), and process events. IDs are set on the elements.
func (d *DB) writeAll(ctx context.Context, tx *sql.Tx, mails []mail.Message, js []jobs.Job, evs []processlog.Event) error {
	if err := d.enqueueMessages(ctx, tx, mails); err != nil {
		return err
	}
	for i := range js {
		if _, err := d.enqueueJob(ctx, tx, &js[i]); err != nil {
			return err
		}
	}
	return d.insertEvents(ctx, tx, evs)
}

// conflictOrNotFound tells why a guarded UPDATE changed no row: Conflict
// when the row exists (in another state), else NotFound.
func (d *DB) conflictOrNotFound(ctx context.Context, q querier, table string, id int64) error {
	var n int
	if err := d.queryRow(ctx, q, "SELECT COUNT(*) FROM "+table+" WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fault.New(fault.NotFound, "error.not_found")
	}
	return errChanged()
}

// errChanged is the Conflict of a row changed meanwhile.
func errChanged() error { return fault.New(fault.Conflict, "error.conflict") }

// addIn appends "col IN (?, ...)"; an empty list matches nothing.
func (w *where) addIn(col string, vals []any) {
	if len(vals) == 0 {
		w.conds = append(w.conds, "1 = 0")
		return
	}
	w.conds = append(w.conds, col+" IN ("+placeholders(len(vals))+")")
	w.args = append(w.args, vals...)
}

// placeholders returns n placeholders: "?, ?, ?".
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func anys[T any](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// idsJSON encodes ids as a JSON array.
func idsJSON(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// parseIDs decodes idsJSON's form; nil for an empty list.
func parseIDs(s string) ([]int64, error) {
	var ids []int64
	if err := json.Unmarshal([]byte(s), &ids); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return ids, nil
}

func hexHash(b []byte) string { return hex.EncodeToString(b) }

// unhex decodes a stored hash; nil for none.
func unhex(s string) ([]byte, error) {
	if s == "" {
		return nil, nil
	}
	return hex.DecodeString(s)
}

// timeOrNull stores a zero time as NULL.
func timeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// timeOrZero is timeOrNull's inverse for a scanned column.
func timeOrZero(n sql.NullTime) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return n.Time.UTC()
}
