package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/hours"
)

// FindBooking returns a booking or NotFound.
func (d *DB) FindBooking(ctx context.Context, id int64) (*appointment.Booking, error) {
	return d.findBooking(ctx, "id = ?", id)
}

// FindBookingByConfirmHash returns the booking with the confirmation hash
// or NotFound.
func (d *DB) FindBookingByConfirmHash(ctx context.Context, hash []byte) (*appointment.Booking, error) {
	if len(hash) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return d.findBooking(ctx, "confirm_hash = ?", hexHash(hash))
}

// FindBookingByManageHash returns the booking with the management hash or
// NotFound.
func (d *DB) FindBookingByManageHash(ctx context.Context, hash []byte) (*appointment.Booking, error) {
	if len(hash) == 0 {
		return nil, d.mapErr(sql.ErrNoRows)
	}
	return d.findBooking(ctx, "manage_hash = ?", hexHash(hash))
}

func (d *DB) findBooking(ctx context.Context, cond string, arg any) (*appointment.Booking, error) {
	b, err := scanBooking(d.queryRow(ctx, d.db, "SELECT "+bookingCols+" FROM bookings WHERE "+cond, arg))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return b, nil
}

// FindBookings lists bookings, latest start first (100 by default).
func (d *DB) FindBookings(ctx context.Context, f appointment.BookingFilter) ([]*appointment.Booking, error) {
	var w where
	if f.Code != "" {
		w.add("code = ?", f.Code)
	}
	if f.OfficeID != nil {
		w.add("office_id = ?", *f.OfficeID)
	}
	if f.UserID != nil {
		w.add("user_id = ?", *f.UserID)
	}
	if f.Email != "" {
		w.add("lower(email) = ?", strings.ToLower(f.Email))
	}
	if len(f.Statuses) > 0 {
		w.addIn("status", anys(f.Statuses))
	}
	if !f.From.IsZero() {
		w.add("start_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		w.add("start_at < ?", f.To)
	}
	q := "SELECT " + bookingCols + " FROM bookings" + w.String() + " ORDER BY start_at DESC, id DESC LIMIT ?"
	return list(ctx, d, scanBooking, q, append(w.args, limit(f.Limit, 100, 100000))...)
}

// CountBookingsSince counts bookings created at or after t by the address
// and by the client hash (0 for an empty one).
func (d *DB) CountBookingsSince(ctx context.Context, email, clientHash string, t time.Time) (byEmail, byClient int, err error) {
	err = d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM bookings WHERE lower(email) = ? AND created_at >= ?",
		strings.ToLower(email), t).Scan(&byEmail)
	if err != nil || clientHash == "" {
		return byEmail, 0, err
	}
	err = d.queryRow(ctx, d.db, "SELECT COUNT(*) FROM bookings WHERE client_hash = ? AND created_at >= ?", clientHash, t).Scan(&byClient)
	return byEmail, byClient, err
}

// ExpireHolds marks up to limit held bookings whose hold ended before now
// Expired and returns them, earliest hold first. Concurrent callers on
// several instances never return the same booking: the rows are picked
// and locked first (skipping those another caller holds), then updated.
func (d *DB) ExpireHolds(ctx context.Context, now time.Time, limitN int) ([]*appointment.Booking, error) {
	var out []*appointment.Booking
	err := d.tx(ctx, func(tx *sql.Tx) error {
		ids, err := d.ids(ctx, tx, `SELECT id FROM bookings WHERE status = 'held' AND hold_until < ?
			ORDER BY hold_until, id LIMIT ?`+d.dialect.skipLocked(), now, limit(limitN, 100, 10000))
		if err != nil || len(ids) == 0 {
			return err
		}
		var w where
		w.addIn("id", anys(ids))
		w.add("status = ?", appointment.Held)
		rows, err := d.query(ctx, tx, "UPDATE bookings SET status = 'expired'"+w.String()+" RETURNING "+bookingCols, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			b, err := scanBooking(rows)
			if err != nil {
				return err
			}
			out = append(out, b)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	// RETURNING has no order.
	slices.SortFunc(out, func(a, b *appointment.Booking) int {
		return cmp.Or(a.HoldUntil.Compare(b.HoldUntil), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// ids runs a query selecting one integer column.
func (d *DB) ids(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := d.query(ctx, q, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DeleteBookingsBefore removes bookings that ended before t, with their
// tickets, and walk-in tickets of days before t's date (in UTC; a day's
// difference does not matter for a retention period). It returns how
// many bookings and walk-in tickets it removed.
func (d *DB) DeleteBookingsBefore(ctx context.Context, t time.Time) (int64, error) {
	var total int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, "DELETE FROM bookings WHERE end_at < ?", t))
		if err != nil {
			return err
		}
		m, err := affected(d.exec(ctx, tx, "DELETE FROM tickets WHERE kind = ? AND day < ?",
			appointment.KindWalkIn, hours.DateOf(t.UTC()).String()))
		total = n + m
		return err
	})
	return total, err
}
