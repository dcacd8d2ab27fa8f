package cases

import (
	"context"
	"io"

	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/payment"
	"rathaus/internal/processlog"
)

// Bill returns what is left to pay for a case by bank transfer, or nil
// when nothing is due or the city has no account for transfers.
func (s *Service) Bill(v *View) *payment.Bill {
	c := v.Case
	due := c.FeeCents - c.PaidCents
	if due <= 0 || s.Creditor.IBAN == "" {
		return nil
	}
	b := s.Creditor
	b.Reference, b.AmountCents, b.Currency = c.Reference, due, "EUR"
	b.Remittance = v.Service.Name
	if len([]rune(b.Remittance)) > 100 {
		b.Remittance = string([]rune(b.Remittance)[:100])
	}
	if b.Validate() != nil {
		b.Remittance = ""
	}
	return &b
}

// StatementReport is what importing a bank statement did.
type StatementReport struct {
	Matches  []payment.Match
	Booked   int // payments recorded against cases
	Repeated int // payments recorded by an earlier import
	Unknown  int // payments without an open case's reference
}

// ImportStatement reads a camt.053 bank statement and books every payment
// that names the reference of an open fee of a's units; an import of the
// same statement again books nothing twice.
func (s *Service) ImportStatement(ctx context.Context, a org.Actor, r io.Reader) (*StatementReport, error) {
	txs, err := payment.ParseCAMT053(r)
	if err != nil {
		return nil, err
	}
	open, _, err := s.Queue(ctx, a, Filter{Unpaid: true, Limit: 100000})
	if err != nil {
		return nil, err
	}
	bills := make([]payment.Bill, len(open))
	byRef := map[string]*Case{}
	for i, c := range open {
		bills[i] = payment.Bill{Reference: c.Reference, AmountCents: c.FeeCents - c.PaidCents, Currency: "EUR"}
		byRef[c.Reference] = c
	}
	rep := &StatementReport{Matches: payment.Reconcile(bills, txs)}
	for _, m := range rep.Matches {
		c := byRef[m.Reference]
		if c == nil || m.Outcome == payment.Unknown || m.Outcome == payment.WrongCurrency {
			rep.Unknown++
			continue
		}
		booked, err := s.book(ctx, c, m.Transaction)
		if err != nil {
			return rep, err
		}
		if booked {
			rep.Booked++
		} else {
			rep.Repeated++
		}
	}
	return rep, nil
}

// book records one bank payment for c.
func (s *Service) book(ctx context.Context, c *Case, t payment.Transaction) (bool, error) {
	if t.EntryRef == "" {
		return false, fault.New(fault.Invalid, "error.cases.payment_ref")
	}
	p := &Payment{CaseID: c.ID, Cents: t.AmountCents, Source: "camt:" + t.StatementIBAN, EntryRef: t.EntryRef,
		Debtor: t.DebtorName, BookedAt: t.BookingDate, At: s.now()}
	if len(t.Remittance) > 0 {
		p.Text = t.Remittance[0]
	}
	fx := Effects{}
	if c.PaidCents+p.Cents >= c.FeeCents {
		fx.Events = []processlog.Event{c.event("paid", c.State, Change{Actor: "system", Role: "payment", At: t.BookingDate})}
	}
	ok, err := s.Store.AddPayment(ctx, p, fx)
	if ok {
		c.PaidCents += p.Cents
	}
	return ok, err
}
