package web

import (
	"io"
	"mime"
	"net/http"
	"strconv"

	"rathaus/internal/cases"
	"rathaus/internal/payment"
)

// The documents of a case for its applicant: the secret link's entry,
// the receipt, the GiroCode and the files.

// handleCaseBySecret opens a case by its mailed secret link: the secret
// goes into a session cookie and the browser to the case's page, so the
// secret leaves the address bar.
func (s *Server) handleCaseBySecret(w http.ResponseWriter, r *http.Request) error {
	secret := r.URL.Query().Get("s")
	if secret == "" {
		return errNotFound
	}
	c, err := s.opts.Cases.Store.FindCaseByAccessHash(r.Context(), cases.HashSecret(secret))
	if err != nil {
		return errNotFound
	}
	s.setSignedCookie(w, caseAccessCookie, secret, 0)
	redirect(w, r, myCaseURL(c.ID))
	return nil
}

// handleCaseReceipt serves the receipt PDF, made from the stored answers.
func (s *Server) handleCaseReceipt(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.citizenCaseView(r)
	if err != nil {
		return err
	}
	b, err := s.opts.Cases.ReceiptPDF(v, langOf(r))
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": v.Case.Reference + ".pdf"}))
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
	return nil
}

// handleCasePaymentQR serves the GiroCode of an open fee as SVG.
func (s *Server) handleCasePaymentQR(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.citizenCaseView(r)
	if err != nil {
		return err
	}
	bill := s.opts.Cases.Bill(v)
	if bill == nil {
		return errNotFound
	}
	title := s.t(r, "cases_web.payment.qr_title", euro(langOf(r), bill.AmountCents), bill.Creditor, bill.Reference)
	b, err := payment.QRSVG(*bill, title)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml")
	h.Set("Cache-Control", "private, no-store")
	_, _ = w.Write(b)
	return nil
}

// handleCaseFile serves one file of the case as a download with its
// stored (sniffed) type.
func (s *Server) handleCaseFile(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	fid, err := strconv.ParseInt(r.PathValue("file"), 10, 64)
	if err != nil {
		return errNotFound
	}
	rc, f, err := s.opts.Cases.CitizenFile(r.Context(), s.citizenOf(r, id), id, fid)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	if f.Size > 0 {
		h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	}
	_, _ = io.Copy(w, rc)
	return nil
}
