package payment

import (
	"sort"
	"strings"
	"unicode"
)

// Outcome is what reconciliation found for one incoming payment.
type Outcome string

// The outcomes of Reconcile.
const (
	Paid          Outcome = "paid"              // the bill is settled with exactly the amount due
	Underpaid     Outcome = "underpaid"         // less than due has arrived so far
	Overpaid      Outcome = "overpaid"          // more than due has arrived; the difference is refundable
	Duplicate     Outcome = "duplicate"         // the bill was already settled before this payment
	WrongCurrency Outcome = "wrong_currency"    // the reference fits but the currency does not
	Unknown       Outcome = "unknown_reference" // no open bill's reference was found
)

// Match is the outcome for one incoming payment.
type Match struct {
	Outcome     Outcome
	Reference   string // the bill's reference; empty for Unknown
	Transaction Transaction
	// DifferenceCents is what has arrived for the bill up to and including
	// this payment minus the amount due: negative when underpaid, positive
	// when overpaid, zero when paid. For a Duplicate it is the whole
	// payment (to be refunded); for Unknown and WrongCurrency it is zero.
	DifferenceCents int64
}

// Reconcile matches incoming payments against open bills. The rules:
//
//   - Only booked credits count: debits, reversals and entries whose status
//     is not BOOK (pending, information) are skipped and yield no Match.
//   - A payment belongs to the bill whose reference appears in its
//     EndToEndId, its remittance text (all Ustrd lines joined, because banks
//     wrap lines in the middle of words) or a structured reference
//     (including an ISO 11649 RF reference built from the bill's reference).
//     Comparison ignores case and everything but letters and digits, so
//     "jena 2026 000123" finds "JENA-2026-000123". When several references
//     fit, the longest wins, then the earlier bill in open.
//   - Payments are taken in order of booking date, then their order in txs,
//     so that the result does not depend on how statements were merged.
//   - Partial payments add up: a second payment for an underpaid bill is
//     Paid, Underpaid or Overpaid by the total. A payment for a bill already
//     settled (Paid or Overpaid) is a Duplicate.
//   - The currency must be the bill's; otherwise WrongCurrency and the
//     payment counts nothing.
func Reconcile(open []Bill, txs []Transaction) []Match {
	order := make([]int, 0, len(txs))
	for i, t := range txs {
		if t.Credit && !t.Reversal && t.Status == "BOOK" {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		return txs[order[a]].BookingDate.Before(txs[order[b]].BookingDate)
	})
	keys := make([]string, len(open))
	for i, b := range open {
		keys[i] = normalizeRef(b.Reference)
	}
	received := make([]int64, len(open))
	matches := make([]Match, 0, len(order))
	for _, i := range order {
		t := txs[i]
		bill := findBill(keys, t)
		if bill < 0 {
			matches = append(matches, Match{Outcome: Unknown, Transaction: t})
			continue
		}
		b := open[bill]
		m := Match{Reference: b.Reference, Transaction: t}
		switch {
		case t.Currency != b.Currency:
			m.Outcome = WrongCurrency
		case received[bill] >= b.AmountCents:
			m.Outcome, m.DifferenceCents = Duplicate, t.AmountCents
		default:
			received[bill] += t.AmountCents
			m.DifferenceCents = received[bill] - b.AmountCents
			m.Outcome = outcomeOf(m.DifferenceCents)
		}
		matches = append(matches, m)
	}
	return matches
}

func outcomeOf(diff int64) Outcome {
	switch {
	case diff < 0:
		return Underpaid
	case diff > 0:
		return Overpaid
	}
	return Paid
}

// findBill returns the index of the bill whose normalised reference occurs
// in the transaction's references, or -1.
func findBill(keys []string, t Transaction) int {
	texts := []string{normalizeRef(t.EndToEndID), normalizeRef(strings.Join(t.Remittance, ""))}
	for _, r := range t.References {
		texts = append(texts, normalizeRef(r))
	}
	best := -1
	for i, k := range keys {
		if k == "" || (best >= 0 && len(k) <= len(keys[best])) {
			continue
		}
		for _, text := range texts {
			if strings.Contains(text, k) {
				best = i
				break
			}
		}
	}
	return best
}

// normalizeRef upper-cases s and keeps only letters and digits.
func normalizeRef(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
