package cases

import (
	"bytes"
	"context"

	"rathaus/internal/org"
	"rathaus/internal/payment"
)

// What an import did with one payment of a statement.
const (
	LineBooked   = "booked"   // booked against a case by this import
	LineRepeated = "repeated" // booked by an earlier import; nothing changed
	LineNone     = "none"     // not booked: no open case's reference
)

// StatementLine is one incoming payment of an imported statement and what
// became of it, for the report staff see after an upload.
type StatementLine struct {
	Match     payment.Match
	Reference string // the case's reference, also for payments booked earlier
	Status    string // LineBooked, LineRepeated or LineNone
}

// ImportStatementLines imports a camt.053 statement as ImportStatement does
// and says per payment whether this import booked it or an earlier one
// did. ImportStatement matches only cases with an open fee, so the
// payment of a case it settled is looked up among a's paid cases before
// the import: a second upload of the same file reports "repeated" instead
// of "unknown reference".
func (s *Service) ImportStatementLines(ctx context.Context, a org.Actor, data []byte) ([]StatementLine, *StatementReport, error) {
	txs, err := payment.ParseCAMT053(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	before, err := s.bookedEarlier(ctx, a, txs)
	if err != nil {
		return nil, nil, err
	}
	rep, err := s.ImportStatement(ctx, a, bytes.NewReader(data))
	if err != nil {
		return nil, rep, err
	}
	lines := make([]StatementLine, 0, len(rep.Matches))
	for _, m := range rep.Matches {
		l := StatementLine{Match: m, Reference: m.Reference, Status: LineNone}
		if ref, ok := before[entryKey(m.Transaction)]; ok {
			l.Reference, l.Status = ref, LineRepeated
		} else if m.Outcome != payment.Unknown && m.Outcome != payment.WrongCurrency {
			l.Status = LineBooked
		}
		lines = append(lines, l)
	}
	return lines, rep, nil
}

func entryKey(t payment.Transaction) string { return "camt:" + t.StatementIBAN + "\x00" + t.EntryRef }

// bookedEarlier finds the payments of txs already recorded against cases
// of a's units that received any payment, by entry, with the case's
// reference.
func (s *Service) bookedEarlier(ctx context.Context, a org.Actor, txs []payment.Transaction) (map[string]string, error) {
	all, _, err := s.Queue(ctx, a, Filter{Limit: 100000})
	if err != nil {
		return nil, err
	}
	var bills []payment.Bill
	byRef := map[string]*Case{}
	for _, c := range all {
		if c.PaidCents > 0 {
			bills = append(bills, payment.Bill{Reference: c.Reference, AmountCents: c.FeeCents, Currency: "EUR"})
			byRef[c.Reference] = c
		}
	}
	out := map[string]string{}
	if len(bills) == 0 {
		return out, nil
	}
	recorded := map[int64]map[string]bool{}
	for _, m := range payment.Reconcile(bills, txs) {
		c := byRef[m.Reference]
		if c == nil {
			continue
		}
		if recorded[c.ID] == nil {
			ps, err := s.Store.Payments(ctx, c.ID)
			if err != nil {
				return nil, err
			}
			recorded[c.ID] = map[string]bool{}
			for _, p := range ps {
				recorded[c.ID][p.Source+"\x00"+p.EntryRef] = true
			}
		}
		if k := entryKey(m.Transaction); recorded[c.ID][k] {
			out[k] = c.Reference
		}
	}
	return out, nil
}

// MarkReadByStaff marks the applicant's messages of a case read, when a
// worker who may work it opened its page; the citizen's page shows it.
func (s *Service) MarkReadByStaff(ctx context.Context, a org.Actor, caseID int64) error {
	if _, err := s.staffCase(ctx, a, caseID); err != nil {
		return err
	}
	return s.Store.MarkMessagesRead(ctx, caseID, false, s.now())
}

// UnreadFromApplicants counts per case the applicant's messages no worker
// has opened yet. cs are cases Queue returned to the worker who asks.
func (s *Service) UnreadFromApplicants(ctx context.Context, cs []*Case) (map[int64]int, error) {
	out := map[int64]int{}
	for _, c := range cs {
		ms, err := s.Store.Messages(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if !m.FromStaff && m.ReadAt == nil {
				out[c.ID]++
			}
		}
	}
	return out, nil
}
