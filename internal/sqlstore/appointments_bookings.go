package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
)

// Addresses are matched case-insensitively: lower(email) = the lower-cased
// argument (an expression index serves it).

const bookingWriteCols = "code, office_id, service_ids, persons, start_at, end_at, name, email, phone, user_id, lang, status, " +
	"hold_until, confirm_hash, manage_hash, client_hash, created_at, confirmed_at, cancelled_at, checked_in_at, finished_at"

const bookingCols = "id, " + bookingWriteCols

func bookingValues(b *appointment.Booking) []any {
	return []any{b.Code, b.OfficeID, idsJSON(b.ServiceIDs), b.Persons, b.Start, b.End, b.Name, b.Email, b.Phone, b.UserID,
		b.Lang, b.Status, timeOrNull(b.HoldUntil), hexHash(b.ConfirmHash), hexHash(b.ManageHash), b.ClientHash, b.CreatedAt,
		b.ConfirmedAt, b.CancelledAt, b.CheckedInAt, b.FinishedAt}
}

func scanBooking(row scanner) (*appointment.Booking, error) {
	var b appointment.Booking
	var ids, confirm, manage string
	var user sql.NullInt64
	var hold, confirmed, cancelled, checkedIn, finished sql.NullTime
	err := row.Scan(&b.ID, &b.Code, &b.OfficeID, &ids, &b.Persons, &b.Start, &b.End, &b.Name, &b.Email, &b.Phone, &user,
		&b.Lang, &b.Status, &hold, &confirm, &manage, &b.ClientHash, &b.CreatedAt, &confirmed, &cancelled, &checkedIn, &finished)
	if err != nil {
		return nil, err
	}
	if b.ServiceIDs, err = parseIDs(ids); err != nil {
		return nil, fmt.Errorf("booking %d: service ids: %w", b.ID, err)
	}
	if b.ConfirmHash, err = unhex(confirm); err != nil {
		return nil, fmt.Errorf("booking %d: confirm hash: %w", b.ID, err)
	}
	if b.ManageHash, err = unhex(manage); err != nil {
		return nil, fmt.Errorf("booking %d: manage hash: %w", b.ID, err)
	}
	b.UserID, b.HoldUntil = nullInt(user), timeOrZero(hold)
	b.ConfirmedAt, b.CancelledAt, b.CheckedInAt, b.FinishedAt = nullTime(confirmed), nullTime(cancelled), nullTime(checkedIn), nullTime(finished)
	b.Start, b.End, b.CreatedAt = b.Start.UTC(), b.End.UTC(), b.CreatedAt.UTC()
	return &b, nil
}

// busyCond is the claim on capacity, FindBusy's rule: confirmed, checked
// in or served, or held with the hold lasting beyond the argument.
const busyCond = "(status IN ('confirmed', 'checked_in', 'served') OR (status = 'held' AND hold_until > ?))"

// FindBusy returns the claims of bookings overlapping [from, to) at the
// offices, by start; none for no offices.
func (d *DB) FindBusy(ctx context.Context, officeIDs []int64, from, to, now time.Time) ([]appointment.Busy, error) {
	return d.findBusy(ctx, d.db, officeIDs, from, to, now, 0)
}

// findBusy is FindBusy leaving out the booking except (0: none).
func (d *DB) findBusy(ctx context.Context, q querier, officeIDs []int64, from, to, now time.Time, except int64) ([]appointment.Busy, error) {
	var w where
	w.addIn("office_id", anys(officeIDs))
	w.add("start_at < ?", to)
	w.add("end_at > ?", from)
	w.add(busyCond, now)
	w.add("id <> ?", except)
	rows, err := d.query(ctx, q, "SELECT office_id, start_at, end_at, id, status, hold_until FROM bookings"+
		w.String()+" ORDER BY start_at, id", w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []appointment.Busy
	for rows.Next() {
		var b appointment.Busy
		var status string
		var hold sql.NullTime
		if err := rows.Scan(&b.OfficeID, &b.Start, &b.End, &b.BookingID, &status, &hold); err != nil {
			return nil, err
		}
		b.Start, b.End = b.Start.UTC(), b.End.UTC()
		if status == appointment.Held && hold.Valid {
			b.HoldUntil = hold.Time.UTC()
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// activeByService counts b's address's active bookings at b's office per
// service: held (hold lasting beyond now) or confirmed, starting after
// now; b itself left out.
func (d *DB) activeByService(ctx context.Context, tx *sql.Tx, b *appointment.Booking, now time.Time) (map[int64]int, error) {
	rows, err := d.query(ctx, tx, `SELECT service_ids FROM bookings WHERE office_id = ? AND lower(email) = ? AND start_at > ?
		AND (status = 'confirmed' OR (status = 'held' AND hold_until > ?)) AND id <> ?`,
		b.OfficeID, strings.ToLower(b.Email), now, now, b.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	active := map[int64]int{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		ids, err := parseIDs(s)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			active[id]++
		}
	}
	return active, rows.Err()
}

// checkCapacity runs check with the office's claims around b (the day
// before to the day after, b itself left out) and the address's active
// bookings. The caller holds the office's lock.
func (d *DB) checkCapacity(ctx context.Context, tx *sql.Tx, b *appointment.Booking, now time.Time, check appointment.Check) error {
	busy, err := d.findBusy(ctx, tx, []int64{b.OfficeID}, b.Start.Add(-24*time.Hour), b.End.Add(24*time.Hour), now, b.ID)
	if err != nil {
		return err
	}
	active, err := d.activeByService(ctx, tx, b, now)
	if err != nil {
		return err
	}
	return check(busy, active)
}

// CreateBooking inserts b when check, run under the office's lock, lets
// it: check's error is returned as it is, and nothing is written. NotFound
// when the office has no setup; Conflict when the code is taken.
func (d *DB) CreateBooking(ctx context.Context, b *appointment.Booking, now time.Time, check appointment.Check, fx appointment.Effects) error {
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockOffice(ctx, tx, b.OfficeID); err != nil {
			return err
		}
		if err := d.checkCapacity(ctx, tx, b, now, check); err != nil {
			return err
		}
		id, err := d.insertID(ctx, tx, "INSERT INTO bookings ("+bookingWriteCols+") VALUES ("+placeholders(21)+")", bookingValues(b)...)
		if err != nil {
			return err
		}
		b.ID = id
		return d.writeEffects(ctx, tx, fx)
	})
	if err != nil {
		b.ID = 0 // rolled back
	}
	return err
}

// MoveBooking writes b's Start, End, ServiceIDs and Persons when check,
// run under the office's lock without b's own claim, lets it. The stored
// booking must still be at b's office in b's status (else Conflict), so a
// move never revives a booking cancelled meanwhile.
func (d *DB) MoveBooking(ctx context.Context, b *appointment.Booking, now time.Time, check appointment.Check, fx appointment.Effects) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockOffice(ctx, tx, b.OfficeID); err != nil {
			return err
		}
		var office int64
		var status string
		err := d.queryRow(ctx, tx, "SELECT office_id, status FROM bookings WHERE id = ?"+d.dialect.forUpdate(), b.ID).Scan(&office, &status)
		if err != nil {
			return d.mapErr(err)
		}
		if office != b.OfficeID || status != b.Status {
			return errChanged()
		}
		if err := d.checkCapacity(ctx, tx, b, now, check); err != nil {
			return err
		}
		if _, err := d.exec(ctx, tx, "UPDATE bookings SET start_at = ?, end_at = ?, service_ids = ?, persons = ? WHERE id = ?",
			b.Start, b.End, idsJSON(b.ServiceIDs), b.Persons, b.ID); err != nil {
			return err
		}
		return d.writeEffects(ctx, tx, fx)
	})
}

// UpdateBooking writes b's status, hold, hashes and times when the stored
// status is one of from, with fx; else Conflict (NotFound without b).
func (d *DB) UpdateBooking(ctx context.Context, b *appointment.Booking, from []string, fx appointment.Effects) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		// The office first, as every other writer takes it: the trigger
		// that bumps its bookings_version would otherwise lock it second.
		if err := d.lockOffice(ctx, tx, b.OfficeID); err != nil && !fault.Is(err, fault.NotFound) {
			return err
		}
		var w where
		w.add("id = ?", b.ID)
		w.addIn("status", anys(from))
		n, err := affected(d.exec(ctx, tx, `UPDATE bookings SET status = ?, hold_until = ?, confirm_hash = ?, manage_hash = ?,
			confirmed_at = ?, cancelled_at = ?, checked_in_at = ?, finished_at = ?`+w.String(),
			append([]any{b.Status, timeOrNull(b.HoldUntil), hexHash(b.ConfirmHash), hexHash(b.ManageHash),
				b.ConfirmedAt, b.CancelledAt, b.CheckedInAt, b.FinishedAt}, w.args...)...))
		if err != nil {
			return d.mapErr(err)
		}
		if n == 0 {
			return d.conflictOrNotFound(ctx, tx, "bookings", b.ID)
		}
		return d.writeEffects(ctx, tx, fx)
	})
}
