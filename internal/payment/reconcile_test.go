package payment

import (
	"testing"
	"time"
)

func bill(ref string, cents int64) Bill {
	return Bill{Reference: ref, AmountCents: cents, Currency: "EUR", Creditor: "Stadt Jena", IBAN: "DE89370400440532013000"}
}

func openBills() []Bill {
	return []Bill{
		bill("JENA-2026-000123", 1250),
		bill("JENA-2026-000124", 2500),
		bill("JENA-2026-000125", 3750),
		bill("JENA-2026-000126", 2280),
		bill("JENA-2026-000201", 4500),
		bill("JENA-2026-000202", 2500),
		bill("JENA-2026-000203", 8000),
		bill("JENA-2026-000204", 6400),
		bill("JENA-2026-000205", 4000),
	}
}

type result struct {
	outcome Outcome
	ref     string
	diff    int64
	e2e     string
}

func checkMatches(t *testing.T, got []Match, want []result) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d matches, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := result{got[i].Outcome, got[i].Reference, got[i].DifferenceCents, got[i].Transaction.EndToEndID}
		if g != w {
			t.Errorf("match %d: got %+v, want %+v", i, g, w)
		}
	}
}

// One statement: exact payment, underpayment, reference in lower case with
// spaces, the debit is ignored although it names an open bill, the batch
// yields a payment by RF reference and one with an unknown reference.
func TestReconcileStatementV02(t *testing.T) {
	got := Reconcile(openBills(), parseFile(t, "camt053_v02.xml"))
	checkMatches(t, got, []result{
		{Paid, "JENA-2026-000123", 0, "NOTPROVIDED"},
		{Underpaid, "JENA-2026-000124", -500, "JENA-2026-000124"},
		{Paid, "JENA-2026-000125", 0, "NOTPROVIDED"},
		{Paid, "JENA-2026-000126", 0, "SAMMEL-0815-1"},
		{Unknown, "", 0, "SAMMEL-0815-2"},
	})
}

// Both statements, given in reverse order: the earlier booking still counts
// first, so the second payment of JENA-2026-000123 is the duplicate. The
// pending entry and the debit are skipped.
func TestReconcileTwoStatements(t *testing.T) {
	txs := append(parseFile(t, "camt053_v08.xml"), parseFile(t, "camt053_v02.xml")...)
	got := Reconcile(openBills(), txs)
	checkMatches(t, got, []result{
		{Paid, "JENA-2026-000123", 0, "NOTPROVIDED"},
		{Underpaid, "JENA-2026-000124", -500, "JENA-2026-000124"},
		{Paid, "JENA-2026-000125", 0, "NOTPROVIDED"},
		{Paid, "JENA-2026-000126", 0, "SAMMEL-0815-1"},
		{Unknown, "", 0, "SAMMEL-0815-2"},
		{Paid, "JENA-2026-000201", 0, "NOTPROVIDED"},
		{Overpaid, "JENA-2026-000202", 500, "E2E-9f3c1a"},
		{Duplicate, "JENA-2026-000123", 1250, "NOTPROVIDED"},
		{Paid, "JENA-2026-000204", 0, "BATCH-77-1"},
		{Underpaid, "JENA-2026-000205", -400, "BATCH-77-2"},
	})
	again := Reconcile(openBills(), txs)
	for i := range got {
		if got[i].Outcome != again[i].Outcome || got[i].Reference != again[i].Reference {
			t.Fatal("reconciliation is not deterministic")
		}
	}
}

func credit(day int, cents int64, ccy, text string) Transaction {
	return Transaction{AmountCents: cents, Currency: ccy, Credit: true, Status: "BOOK",
		BookingDate: time.Date(2026, 11, day, 0, 0, 0, 0, time.UTC), Remittance: []string{text}}
}

func TestReconcileRules(t *testing.T) {
	open := []Bill{bill("JENA-2026-00012", 1000), bill("JENA-2026-000123", 3000)}
	reversed := credit(5, 3000, "EUR", "JENA-2026-000123")
	reversed.Reversal = true
	got := Reconcile(open, []Transaction{
		credit(2, 1000, "EUR", "JENA 2026 000123 erste Rate"),
		credit(1, 500, "CHF", "JENA-2026-000123"),
		credit(3, 2000, "EUR", "jena-2026-000123 Rest"),
		credit(4, 1000, "EUR", "JENA-2026-00012"),
		reversed,
		credit(6, 100, "EUR", ""),
	})
	want := []result{
		{WrongCurrency, "JENA-2026-000123", 0, ""},
		{Underpaid, "JENA-2026-000123", -2000, ""}, // the longer reference wins over JENA-2026-00012
		{Paid, "JENA-2026-000123", 0, ""},          // partial payments add up
		{Paid, "JENA-2026-00012", 0, ""},
		{Unknown, "", 0, ""},
	}
	checkMatches(t, got, want)
	if got[0].Transaction.Currency != "CHF" {
		t.Error("matches are not ordered by booking date")
	}
}
