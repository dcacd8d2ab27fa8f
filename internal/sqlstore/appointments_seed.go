package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"rathaus/internal/appointment"
	"rathaus/internal/processlog"
)

var _ appointment.HistorySeeder = (*DB)(nil)

// SeedVisitHistory writes a simulated past of bookings, tickets and
// their process events in one transaction, in batches, for the demo. It
// skips the booking path's checks (those are for days to come); a
// duplicate booking code or ticket number fails it as a whole (Conflict).
func (d *DB) SeedVisitHistory(ctx context.Context, vs []appointment.PastVisit) error {
	var bookings []*appointment.Booking
	var tickets []*appointment.Ticket
	var evs []processlog.Event
	for _, v := range vs {
		if v.Booking != nil {
			bookings = append(bookings, v.Booking)
		}
		evs = append(evs, v.Events...)
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.seedBookingsQuietly(ctx, tx, bookings); err != nil {
			return err
		}
		for _, v := range vs {
			if v.Ticket == nil {
				continue
			}
			if v.Booking != nil {
				id := v.Booking.ID
				v.Ticket.BookingID = &id
			}
			tickets = append(tickets, v.Ticket)
		}
		if err := d.seedTickets(ctx, tx, tickets); err != nil {
			return err
		}
		return d.seedEvents(ctx, tx, evs)
	})
	if err != nil { // rolled back
		for _, b := range bookings {
			b.ID = 0
		}
		for _, t := range tickets {
			t.ID = 0
		}
	}
	return err
}

// seedBookingsQuietly inserts bookings and bumps each office's
// bookings_version once. On PostgreSQL the per-row trigger that would
// bump it is off for the transaction (the ALTER locks the table until
// the commit, so no other writer misses it): thousands of updates of one
// setup row inside one transaction cost quadratic time there.
func (d *DB) seedBookingsQuietly(ctx context.Context, tx *sql.Tx, bs []*appointment.Booking) error {
	if len(bs) == 0 {
		return nil
	}
	pg := d.dialect.name() == "postgres"
	if pg {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE bookings DISABLE TRIGGER bookings_version"); err != nil {
			return err
		}
	}
	if err := d.seedBookings(ctx, tx, bs); err != nil {
		return err
	}
	if pg {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE bookings ENABLE TRIGGER bookings_version"); err != nil {
			return err
		}
	}
	offices := map[int64]bool{}
	var ids []any
	for _, b := range bs {
		if !offices[b.OfficeID] {
			offices[b.OfficeID] = true
			ids = append(ids, b.OfficeID)
		}
	}
	_, err := d.exec(ctx, tx, "UPDATE appointment_setups SET bookings_version = bookings_version + 1 WHERE office_id IN ("+
		placeholders(len(ids))+")", ids...)
	return err
}

func (d *DB) seedBookings(ctx context.Context, tx *sql.Tx, bs []*appointment.Booking) error {
	rows := make([][]any, len(bs))
	byCode := make(map[string]*appointment.Booking, len(bs))
	for i, b := range bs {
		rows[i] = bookingValues(b)
		byCode[b.Code] = b
	}
	return d.insertRows(ctx, tx, "bookings", strings.Split(bookingWriteCols, ", "), rows, "id, code", func(r *sql.Rows) error {
		var id int64
		var code string
		if err := r.Scan(&id, &code); err != nil {
			return err
		}
		if b := byCode[code]; b != nil {
			b.ID = id
		}
		return nil
	})
}

func (d *DB) seedTickets(ctx context.Context, tx *sql.Tx, ts []*appointment.Ticket) error {
	rows := make([][]any, len(ts))
	key := func(office int64, day string, number int) string { return fmt.Sprintf("%d/%s/%d", office, day, number) }
	byKey := make(map[string]*appointment.Ticket, len(ts))
	for i, t := range ts {
		rows[i] = []any{t.OfficeID, t.Day.String(), t.Number, t.Label, t.Kind, t.BookingID, idsJSON(t.ServiceIDs), t.Status,
			t.Counter, t.IssuedAt, t.CalledAt, t.FinishedAt}
		byKey[key(t.OfficeID, t.Day.String(), t.Number)] = t
	}
	cols := []string{"office_id", "day", "number", "label", "kind", "booking_id", "service_ids", "status", "counter",
		"issued_at", "called_at", "finished_at"}
	return d.insertRows(ctx, tx, "tickets", cols, rows, "id, office_id, day, number", func(r *sql.Rows) error {
		var id, office int64
		var day string
		var number int
		if err := r.Scan(&id, &office, &day, &number); err != nil {
			return err
		}
		if t := byKey[key(office, day, number)]; t != nil {
			t.ID = id
		}
		return nil
	})
}
