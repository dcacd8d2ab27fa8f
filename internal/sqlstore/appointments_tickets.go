package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// Tickets keep their day as 'YYYY-MM-DD' text; an appointment ticket's
// Start is its booking's start, joined in.

const ticketCols = "t.id, t.office_id, t.day, t.number, t.label, t.kind, t.booking_id, t.service_ids, t.status, t.counter, " +
	"t.issued_at, t.called_at, t.finished_at, b.start_at"

const ticketFrom = " FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id"

func scanTicket(row scanner) (*appointment.Ticket, error) {
	var t appointment.Ticket
	var day, ids string
	var booking sql.NullInt64
	var called, finished, start sql.NullTime
	err := row.Scan(&t.ID, &t.OfficeID, &day, &t.Number, &t.Label, &t.Kind, &booking, &ids, &t.Status, &t.Counter,
		&t.IssuedAt, &called, &finished, &start)
	if err != nil {
		return nil, err
	}
	if t.Day, err = hours.ParseDate(day); err != nil {
		return nil, fmt.Errorf("ticket %d: day: %w", t.ID, err)
	}
	if t.ServiceIDs, err = parseIDs(ids); err != nil {
		return nil, fmt.Errorf("ticket %d: service ids: %w", t.ID, err)
	}
	t.BookingID, t.CalledAt, t.FinishedAt, t.Start = nullInt(booking), nullTime(called), nullTime(finished), nullTime(start)
	t.IssuedAt = t.IssuedAt.UTC()
	return &t, nil
}

// CreateTicket gives t the office's next number of its day under the
// office's lock (NotFound without a setup) and, for an appointment
// ticket, checks its booking in (Conflict unless it is confirmed).
func (d *DB) CreateTicket(ctx context.Context, t *appointment.Ticket, prefix string, fx func(*appointment.Ticket) appointment.Effects) error {
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockOffice(ctx, tx, t.OfficeID); err != nil {
			return err
		}
		if t.Kind == appointment.KindAppointment && t.BookingID != nil {
			if err := d.checkIn(ctx, tx, t.OfficeID, *t.BookingID, t.IssuedAt); err != nil {
				return err
			}
		}
		var last int
		if err := d.queryRow(ctx, tx, "SELECT COALESCE(MAX(number), 0) FROM tickets WHERE office_id = ? AND day = ?",
			t.OfficeID, t.Day.String()).Scan(&last); err != nil {
			return err
		}
		t.Number = last + 1
		if prefix != "" {
			t.Label = fmt.Sprintf("%s %03d", prefix, t.Number)
		}
		id, err := d.insertID(ctx, tx, `INSERT INTO tickets (office_id, day, number, label, kind, booking_id, service_ids, status,
			counter, issued_at, called_at, finished_at) VALUES (`+placeholders(12)+`)`,
			t.OfficeID, t.Day.String(), t.Number, t.Label, t.Kind, t.BookingID, idsJSON(t.ServiceIDs), t.Status,
			t.Counter, t.IssuedAt, t.CalledAt, t.FinishedAt)
		if err != nil {
			return err
		}
		t.ID = id
		if fx == nil {
			return nil
		}
		return d.writeEffects(ctx, tx, fx(t))
	})
	if err != nil {
		t.ID = 0 // rolled back
	}
	return err
}

// checkIn marks a confirmed booking at the office CheckedIn.
func (d *DB) checkIn(ctx context.Context, tx *sql.Tx, officeID, bookingID int64, at time.Time) error {
	n, err := affected(d.exec(ctx, tx, "UPDATE bookings SET status = ?, checked_in_at = ? WHERE id = ? AND office_id = ? AND status = ?",
		appointment.CheckedIn, at, bookingID, officeID, appointment.Confirmed))
	if err != nil {
		return err
	}
	if n == 0 {
		return d.conflictOrNotFound(ctx, tx, "bookings", bookingID)
	}
	return nil
}

// CallTicket hands the day's waiting tickets (by ID) to pick under the
// office's lock and marks the chosen one Called at counter, with the
// effects fx returns for it.
func (d *DB) CallTicket(ctx context.Context, officeID int64, day hours.Date, pick func([]*appointment.Ticket) *appointment.Ticket,
	counter int, now time.Time, fx func(*appointment.Ticket) appointment.Effects) (*appointment.Ticket, error) {
	var called *appointment.Ticket
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := d.lockOffice(ctx, tx, officeID); err != nil {
			return err
		}
		waiting, err := d.waitingTickets(ctx, tx, officeID, day)
		if err != nil {
			return err
		}
		t := pick(waiting)
		if t == nil {
			return fault.New(fault.NotFound, "error.not_found")
		}
		if err := mustAffect(d.exec(ctx, tx, "UPDATE tickets SET status = ?, counter = ?, called_at = ? WHERE id = ? AND status = ?",
			appointment.Called, counter, now, t.ID, appointment.Waiting)); err != nil {
			return err
		}
		at := ts(now)
		t.Status, t.Counter, t.CalledAt = appointment.Called, counter, &at
		called = t
		return d.writeEffects(ctx, tx, fx(t))
	})
	if err != nil {
		return nil, err
	}
	return called, nil
}

func (d *DB) waitingTickets(ctx context.Context, tx *sql.Tx, officeID int64, day hours.Date) ([]*appointment.Ticket, error) {
	rows, err := d.query(ctx, tx, "SELECT "+ticketCols+ticketFrom+" WHERE t.office_id = ? AND t.day = ? AND t.status = ? ORDER BY t.id",
		officeID, day.String(), appointment.Waiting)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*appointment.Ticket
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// FinishTicket ends a called ticket as TicketDone or TicketGone (another
// status is a programming error; Conflict when it is not called) and its checked-in booking as
// Served or NoShow, at now.
func (d *DB) FinishTicket(ctx context.Context, id int64, status string, now time.Time, fx appointment.Effects) (*appointment.Ticket, error) {
	booking := map[string]string{appointment.TicketDone: appointment.Served, appointment.TicketGone: appointment.NoShow}[status]
	if booking == "" {
		return nil, fmt.Errorf("finish ticket %d: status %q is neither %q nor %q", id, status, appointment.TicketDone, appointment.TicketGone)
	}
	var t *appointment.Ticket
	err := d.tx(ctx, func(tx *sql.Tx) error {
		n, err := affected(d.exec(ctx, tx, "UPDATE tickets SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
			status, now, id, appointment.Called))
		if err != nil {
			return err
		}
		if n == 0 {
			return d.conflictOrNotFound(ctx, tx, "tickets", id)
		}
		if _, err := d.exec(ctx, tx, `UPDATE bookings SET status = ?, finished_at = ?
			WHERE id = (SELECT booking_id FROM tickets WHERE id = ?) AND status = ?`,
			booking, now, id, appointment.CheckedIn); err != nil {
			return err
		}
		if t, err = d.findTicket(ctx, tx, id); err != nil {
			return err
		}
		return d.writeEffects(ctx, tx, fx)
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// FindTicket returns a ticket or NotFound.
func (d *DB) FindTicket(ctx context.Context, id int64) (*appointment.Ticket, error) {
	return d.findTicket(ctx, d.db, id)
}

func (d *DB) findTicket(ctx context.Context, q querier, id int64) (*appointment.Ticket, error) {
	t, err := scanTicket(d.queryRow(ctx, q, "SELECT "+ticketCols+ticketFrom+" WHERE t.id = ?", id))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return t, nil
}

// FindTickets lists the office's tickets of a day by number.
func (d *DB) FindTickets(ctx context.Context, officeID int64, day hours.Date) ([]*appointment.Ticket, error) {
	return list(ctx, d, scanTicket, "SELECT "+ticketCols+ticketFrom+" WHERE t.office_id = ? AND t.day = ? ORDER BY t.number",
		officeID, day.String())
}
