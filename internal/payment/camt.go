package payment

import (
	"encoding/xml"
	"io"
	"strings"
	"time"

	"rathaus/internal/fault"
)

// Transaction is one payment as a bank statement reports it. A batch entry
// (one Ntry with several TxDtls) yields one Transaction per TxDtls.
type Transaction struct {
	StatementIBAN string // the city's account the statement is for
	EntryRef      string // the bank's reference of the entry (AcctSvcrRef)
	AmountCents   int64
	Currency      string
	Credit        bool   // CRDT: money came in; DBIT: money went out
	Reversal      bool   // the entry reverses an earlier one
	Status        string // BOOK, PDNG or INFO
	BookingDate   time.Time
	ValueDate     time.Time
	EndToEndID    string   // set by the payer; "NOTPROVIDED" when absent
	Remittance    []string // unstructured remittance lines (Ustrd)
	References    []string // structured creditor references (Strd/CdtrRefInf/Ref)
	DebtorName    string
	DebtorIBAN    string
}

// camt.053 (ISO 20022 BankToCustomerStatement) as far as reconciliation
// needs it. Tags carry no namespace, so encoding/xml matches local names and
// one set of types reads camt.053.001.02 as well as .001.08 and later. The
// differences between the versions are handled field by field:
//   - Sts is text in .02 ("BOOK") and <Sts><Cd>BOOK</Cd></Sts> from .07 on;
//   - the transaction amount is TxDtls/AmtDtls/TxAmt/Amt in .02 and
//     TxDtls/Amt from .03 on;
//   - the debtor is RltdPties/Dbtr/Nm in .02 and RltdPties/Dbtr/Pty/Nm
//     from .08 on.
type camtDocument struct {
	Stmts []camtStmt `xml:"BkToCstmrStmt>Stmt"`
}

type camtStmt struct {
	IBAN    string      `xml:"Acct>Id>IBAN"`
	Entries []camtEntry `xml:"Ntry"`
}

type camtAmount struct {
	Value string `xml:",chardata"`
	Ccy   string `xml:"Ccy,attr"`
}

type camtDate struct {
	Dt   string `xml:"Dt"`
	DtTm string `xml:"DtTm"`
}

type camtEntry struct {
	Amt       camtAmount `xml:"Amt"`
	CdtDbtInd string     `xml:"CdtDbtInd"`
	RvslInd   bool       `xml:"RvslInd"`
	Sts       struct {
		Text string `xml:",chardata"`
		Cd   string `xml:"Cd"`
	} `xml:"Sts"`
	BookgDt     camtDate `xml:"BookgDt"`
	ValDt       camtDate `xml:"ValDt"`
	AcctSvcrRef string   `xml:"AcctSvcrRef"`
	Txs         []camtTx `xml:"NtryDtls>TxDtls"`
}

type camtTx struct {
	EndToEndID string      `xml:"Refs>EndToEndId"`
	Amt        *camtAmount `xml:"Amt"`
	TxAmt      *camtAmount `xml:"AmtDtls>TxAmt>Amt"`
	Dbtr       struct {
		Nm  string `xml:"Nm"`
		Pty struct {
			Nm string `xml:"Nm"`
		} `xml:"Pty"`
	} `xml:"RltdPties>Dbtr"`
	DbtrIBAN string   `xml:"RltdPties>DbtrAcct>Id>IBAN"`
	Ustrd    []string `xml:"RmtInf>Ustrd"`
	Refs     []string `xml:"RmtInf>Strd>CdtrRefInf>Ref"`
}

// ParseCAMT053 reads a camt.053 statement file (any version) and returns
// its transactions in document order: credits and debits of every status,
// so that callers see the whole statement; Reconcile picks what counts.
// encoding/xml expands no external entities; callers limit the size of an
// upload (io.LimitReader) before passing it here.
func ParseCAMT053(r io.Reader) ([]Transaction, error) {
	var doc camtDocument
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fault.Wrap(fault.Invalid, "error.payment.camt", err)
	}
	if len(doc.Stmts) == 0 {
		return nil, fault.New(fault.Invalid, "error.payment.camt")
	}
	var txs []Transaction
	for _, s := range doc.Stmts {
		for _, e := range s.Entries {
			more, err := entryTransactions(NormalizeIBAN(s.IBAN), e)
			if err != nil {
				return nil, err
			}
			txs = append(txs, more...)
		}
	}
	return txs, nil
}

func entryTransactions(iban string, e camtEntry) ([]Transaction, error) {
	amount, err := parseCents(e.Amt.Value)
	if err != nil {
		return nil, err
	}
	base := Transaction{
		StatementIBAN: iban,
		EntryRef:      strings.TrimSpace(e.AcctSvcrRef),
		AmountCents:   amount,
		Currency:      strings.TrimSpace(e.Amt.Ccy),
		Credit:        strings.TrimSpace(e.CdtDbtInd) == "CRDT",
		Reversal:      e.RvslInd,
		Status:        firstNonEmpty(e.Sts.Cd, e.Sts.Text),
		BookingDate:   parseDate(e.BookgDt),
		ValueDate:     parseDate(e.ValDt),
	}
	if len(e.Txs) == 0 {
		return []Transaction{base}, nil
	}
	txs := make([]Transaction, 0, len(e.Txs))
	for _, d := range e.Txs {
		t := base
		t.EndToEndID = strings.TrimSpace(d.EndToEndID)
		t.Remittance = trimAll(d.Ustrd)
		t.References = trimAll(d.Refs)
		t.DebtorName = firstNonEmpty(d.Dbtr.Pty.Nm, d.Dbtr.Nm)
		t.DebtorIBAN = NormalizeIBAN(d.DbtrIBAN)
		if a := firstAmount(d.Amt, d.TxAmt); a != nil {
			if t.AmountCents, err = parseCents(a.Value); err != nil {
				return nil, err
			}
			t.Currency = strings.TrimSpace(a.Ccy)
		}
		txs = append(txs, t)
	}
	return txs, nil
}

func firstAmount(as ...*camtAmount) *camtAmount {
	for _, a := range as {
		if a != nil && strings.TrimSpace(a.Value) != "" {
			return a
		}
	}
	return nil
}

// parseCents reads an ISO 20022 amount ("12.5", "12.50", "12") exactly,
// without floating point.
func parseCents(s string) (int64, error) {
	bad := fault.New(fault.Invalid, "error.payment.camt")
	whole, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if whole == "" || len(frac) > 2 || len(whole) > 13 {
		return 0, bad
	}
	frac += strings.Repeat("0", 2-len(frac))
	var cents int64
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, bad
		}
		cents = cents*10 + int64(r-'0')
	}
	return cents, nil
}

// parseDate reads Dt or the date part of DtTm; the zero time when neither is
// readable.
func parseDate(d camtDate) time.Time {
	s := firstNonEmpty(d.Dt, d.DtTm)
	if len(s) < 10 {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	if err != nil {
		return time.Time{}
	}
	return t
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func trimAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
