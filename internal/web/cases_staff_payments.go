package web

import (
	"io"
	"net/http"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

// csStatementLimit bounds an uploaded bank statement; a day's camt.053
// of a city account is far smaller.
const csStatementLimit = 5 << 20

// csPaymentsPage is the bank statement import with the report of the
// last upload.
type csPaymentsPage struct {
	Page
	Lines    []csLine
	Imported bool
	Booked   int
	Repeated int
	None     int
}

// csLine is one payment of the statement.
type csLine struct {
	Reference, Debtor, Booked, Amount string
	Outcome, Status                   badge
}

// handleCSPaymentsForm shows the upload form.
func (s *Server) handleCSPaymentsForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, "cases_staff_payments", csPaymentsPage{Page: s.page(r, "cases_staff.payments.title")})
}

// handleCSPayments imports an uploaded camt.053 statement and reports
// what became of every payment.
func (s *Server) handleCSPayments(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, csStatementLimit+1<<20)
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	p := csPaymentsPage{Page: s.page(r, "cases_staff.payments.title")}
	data, err := s.csStatement(r)
	if err != nil {
		return s.csPaymentsFailed(w, r, p, err)
	}
	lines, _, err := s.opts.Cases.ImportStatementLines(r.Context(), actorOf(r), data)
	if err != nil {
		return s.csPaymentsFailed(w, r, p, err)
	}
	lang := langOf(r)
	p.Imported = true
	for _, l := range lines {
		t := l.Match.Transaction
		row := csLine{Reference: l.Reference, Debtor: t.DebtorName, Booked: s.csDate(lang, t.BookingDate),
			Amount: euro(lang, t.AmountCents), Outcome: s.csOutcome(r, string(l.Match.Outcome))}
		switch l.Status {
		case cases.LineBooked:
			p.Booked++
			row.Status = badge{"success", s.t(r, "cases_staff.payments.status.booked")}
		case cases.LineRepeated:
			p.Repeated++
			row.Status = badge{"info", s.t(r, "cases_staff.payments.status.repeated")}
		default:
			p.None++
			row.Status = badge{"warning", s.t(r, "cases_staff.payments.status.none")}
		}
		if t.Currency != "" && t.Currency != "EUR" {
			row.Amount = t.Currency + " " + row.Amount
		}
		p.Lines = append(p.Lines, row)
	}
	return s.render(w, r, "cases_staff_payments", p)
}

// csOutcome names what reconciliation found.
func (s *Server) csOutcome(r *http.Request, outcome string) badge {
	kind := "info"
	switch outcome {
	case "paid":
		kind = "success"
	case "underpaid", "overpaid", "duplicate":
		kind = "warning"
	case "wrong_currency", "unknown_reference":
		kind = "danger"
	}
	return badge{kind, s.t(r, "cases_staff.outcome."+outcome)}
}

// csStatement reads the uploaded statement file.
func (s *Server) csStatement(r *http.Request) ([]byte, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["statement"]) == 0 {
		return nil, fault.Fields(fault.FieldError{Field: "statement", Key: "error.cases_staff.statement_missing"})
	}
	f, err := r.MultipartForm.File["statement"][0].Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, csStatementLimit+1))
	switch {
	case err != nil:
		return nil, err
	case len(data) == 0:
		return nil, fault.Fields(fault.FieldError{Field: "statement", Key: "error.cases_staff.statement_missing"})
	case len(data) > csStatementLimit:
		return nil, fault.Fields(fault.FieldError{Field: "statement", Key: "error.cases_staff.statement_size"})
	}
	return data, nil
}

// csPaymentsFailed shows the form again with the problem next to the
// file input.
func (s *Server) csPaymentsFailed(w http.ResponseWriter, r *http.Request, p csPaymentsPage, err error) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	p.Form = s.formFor(r, nil, csAsField(err, "statement"))
	return s.renderStatus(w, r, http.StatusBadRequest, "cases_staff_payments", p)
}
