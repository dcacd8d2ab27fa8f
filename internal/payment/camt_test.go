package payment

import (
	"os"
	"strings"
	"testing"
	"time"

	"rathaus/internal/fault"
)

func parseFile(t *testing.T, name string) []Transaction {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	txs, err := ParseCAMT053(f)
	if err != nil {
		t.Fatal(err)
	}
	return txs
}

// brief is the part of a transaction the tests compare.
type brief struct {
	cents      int64
	credit     bool
	status     string
	e2e        string
	remittance string
	refs       string
	debtor     string
	debtorIBAN string
}

func briefOf(t Transaction) brief {
	return brief{t.AmountCents, t.Credit, t.Status, t.EndToEndID, strings.Join(t.Remittance, "|"), strings.Join(t.References, "|"), t.DebtorName, t.DebtorIBAN}
}

func checkTransactions(t *testing.T, txs []Transaction, want []brief) {
	t.Helper()
	if len(txs) != len(want) {
		t.Fatalf("got %d transactions, want %d: %+v", len(txs), len(want), txs)
	}
	for i, w := range want {
		if got := briefOf(txs[i]); got != w {
			t.Errorf("transaction %d:\n got %+v\nwant %+v", i, got, w)
		}
		if txs[i].StatementIBAN != "DE89370400440532013000" || txs[i].Currency != "EUR" {
			t.Errorf("transaction %d: account %q currency %q", i, txs[i].StatementIBAN, txs[i].Currency)
		}
	}
}

func TestParseCAMT053V02(t *testing.T) {
	txs := parseFile(t, "camt053_v02.xml")
	checkTransactions(t, txs, []brief{
		{1250, true, "BOOK", "NOTPROVIDED", "JENA-2026-000123 Gebuehr Anwohnerparken", "", "Erika Mustermann", "DE02120300000000202051"},
		{2000, true, "BOOK", "JENA-2026-000124", "Fuehrungszeugnis", "", "Max Müller", "DE12500105170648489890"},
		{3750, true, "BOOK", "NOTPROVIDED", "reisepass jena 2026 000125", "", "Jana Schmidt", "DE75512108001245126199"},
		{9900, false, "BOOK", "ERSTATTUNG-JENA-2026-000126", "Erstattung JENA-2026-000126", "", "", ""},
		{2280, true, "BOOK", "SAMMEL-0815-1", "", "RF69JENA2026000126", "Hausverwaltung Saale GmbH", "DE44500105175407324931"},
		{3720, true, "BOOK", "SAMMEL-0815-2", "Miete Stellplatz 14 November", "", "Hausverwaltung Saale GmbH", "DE44500105175407324931"},
	})
	day := time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)
	if !txs[0].BookingDate.Equal(day) || !txs[1].ValueDate.Equal(day.AddDate(0, 0, -1)) {
		t.Errorf("dates: booked %v, value %v", txs[0].BookingDate, txs[1].ValueDate)
	}
	if txs[4].EntryRef != "2026111200005" || txs[5].EntryRef != "2026111200005" {
		t.Errorf("batch transactions keep the entry reference: %q %q", txs[4].EntryRef, txs[5].EntryRef)
	}
}

func TestParseCAMT053V08(t *testing.T) {
	txs := parseFile(t, "camt053_v08.xml")
	checkTransactions(t, txs, []brief{
		{4500, true, "BOOK", "NOTPROVIDED", "Hundesteuer 2026 Aktenzeichen JENA-2026-00|0201 Bello", "", "Lena Weiß", "DE27100777770209299700"},
		{3000, true, "BOOK", "E2E-9f3c1a", "Jena-2026-000202 Meldebescheinigung", "", "Paul Klein", "DE91100000000123456789"},
		{1250, true, "BOOK", "NOTPROVIDED", "JENA-2026-000123 Gebuehr Anwohnerparken", "", "Erika Mustermann", "DE02120300000000202051"},
		{8000, true, "PDNG", "NOTPROVIDED", "JENA-2026-000203", "", "Tom Vogel", ""},
		{25000, false, "BOOK", "JENA-2026-000203", "Rechnung 4711", "", "", ""},
		{6400, true, "BOOK", "BATCH-77-1", "", "RF97JENA2026000204", "Stadtwerke Jena GmbH", "DE68210501700012345678"},
		{3600, true, "BOOK", "BATCH-77-2", "jena 2026 000205", "", "Stadtwerke Jena GmbH", "DE68210501700012345678"},
	})
	if want := time.Date(2026, 11, 13, 0, 0, 0, 0, time.UTC); !txs[1].BookingDate.Equal(want) {
		t.Errorf("booking date from DtTm: %v", txs[1].BookingDate)
	}
}

func TestParseCAMT053Rejects(t *testing.T) {
	for name, doc := range map[string]string{
		"not xml":        "Kontoauszug",
		"other message":  `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>`,
		"bad amount":     `<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">12,50</Amt></Ntry></Stmt></BkToCstmrStmt></Document>`,
		"three decimals": `<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">1.005</Amt></Ntry></Stmt></BkToCstmrStmt></Document>`,
	} {
		_, err := ParseCAMT053(strings.NewReader(doc))
		if f := fault.As(err); f.Kind != fault.Invalid || f.Key != "error.payment.camt" {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

func TestParseCents(t *testing.T) {
	for s, want := range map[string]int64{"12.5": 1250, "12.50": 1250, "12": 1200, "0.01": 1, "999999999.99": 99999999999} {
		if got, err := parseCents(s); err != nil || got != want {
			t.Errorf("parseCents(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
}
