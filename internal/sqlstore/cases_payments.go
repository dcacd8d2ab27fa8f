package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"rathaus/internal/cases"
)

const paymentWriteCols = "case_id, cents, source, entry_ref, debtor, text, booked_at, at"

// errDuplicatePayment rolls back AddPayment's transaction when the
// payment was recorded before.
var errDuplicatePayment = errors.New("payment recorded before")

// AddPayment records p (its ID set; At is now when zero), adds its amount
// to the case's paid cents and bumps the case's version and update time,
// so a change prepared on the case before the payment gets the stale
// conflict, and writes fx, all in one transaction. A payment whose Source
// and EntryRef were recorded before writes nothing and returns false;
// NotFound without the case.
func (d *DB) AddPayment(ctx context.Context, p *cases.Payment, fx cases.Effects) (bool, error) {
	if p.At.IsZero() {
		p.At = time.Now()
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		// The case's row first: it is locked until the end, and a
		// missing case is NotFound rather than a foreign key error.
		if err := mustAffect(d.exec(ctx, tx, "UPDATE cases SET paid_cents = paid_cents + ?, version = version + 1, updated_at = ? WHERE id = ?",
			p.Cents, p.At, p.CaseID)); err != nil {
			return err
		}
		var id int64
		err := d.queryRow(ctx, tx, "INSERT INTO case_payments ("+paymentWriteCols+") VALUES ("+placeholders(8)+
			") ON CONFLICT (source, entry_ref) DO NOTHING RETURNING id",
			p.CaseID, p.Cents, p.Source, p.EntryRef, p.Debtor, p.Text, p.BookedAt, p.At).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return errDuplicatePayment
		}
		if err != nil {
			return err
		}
		p.ID = id
		return d.writeCaseEffects(ctx, tx, p.CaseID, fx)
	})
	if err != nil {
		p.ID = 0
		resetFileIDs(fx.Files)
	}
	if errors.Is(err, errDuplicatePayment) {
		return false, nil
	}
	return err == nil, d.mapErr(err)
}

func scanPayment(row scanner) (cases.Payment, error) {
	var p cases.Payment
	err := row.Scan(&p.ID, &p.CaseID, &p.Cents, &p.Source, &p.EntryRef, &p.Debtor, &p.Text, &p.BookedAt, &p.At)
	p.BookedAt, p.At = p.BookedAt.UTC(), p.At.UTC()
	return p, err
}

// Payments lists a case's payments in the order they were booked.
func (d *DB) Payments(ctx context.Context, caseID int64) ([]cases.Payment, error) {
	return list(ctx, d, scanPayment, "SELECT id, "+paymentWriteCols+" FROM case_payments WHERE case_id = ? ORDER BY booked_at, id", caseID)
}

// writeCaseEffects writes a case change's effects inside tx: its files
// (CaseID and IDs set) and the mails, jobs and events.
func (d *DB) writeCaseEffects(ctx context.Context, tx *sql.Tx, caseID int64, fx cases.Effects) error {
	if err := d.insertFiles(ctx, tx, caseID, nil, fx.Files); err != nil {
		return err
	}
	return d.writeAll(ctx, tx, fx.Mails, fx.Jobs, fx.Events)
}

// resetFileIDs clears the IDs a rolled-back transaction had set.
func resetFileIDs(fs []cases.File) {
	for i := range fs {
		fs[i].ID = 0
	}
}
