package web

import (
	"io"
	"mime"
	"net/http"
	"strconv"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

// The citizen's side of the application API: my cases, one case with its
// history, files, payments and mailbox, writing to the office, the
// receipt, and the case's files. Someone else's case is 404.

// handleAPIMyCases lists the token user's cases, newest first.
func (s *Server) handleAPIMyCases(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.opts.Cases.Mine(r.Context(), currentUser(r).ID)
	if err != nil {
		return err
	}
	l := s.newAPILookup(r)
	out := []apiCaseItemJSON{}
	for _, c := range cs {
		out = append(out, l.item(c))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// myCaseView opens the token user's case {id}; it marks the office's
// messages read, as the status page does.
func (s *Server) myCaseView(r *http.Request) (*cases.View, error) {
	id, err := apiPathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.opts.Cases.CitizenView(r.Context(), apiCitizen(r), id)
}

func (s *Server) handleAPIMyCase(w http.ResponseWriter, r *http.Request) error {
	v, err := s.myCaseView(r)
	if err != nil {
		return err
	}
	out := apiCaseDetailJSON{
		apiCaseItemJSON: apiCaseItem(r, v.Case, v.Workflow, v.Service.Name),
		Answers:         apiAnswers(v.Answers),
		History:         apiHistory(r, v.Workflow, v.History),
		Files:           apiFiles(apiCaseFiles(v)),
		Payments:        apiPayments(v.Payments),
		Messages:        apiMessages(v.Case.ID, v.Messages),
	}
	if b := s.opts.Cases.Bill(v); b != nil {
		out.Bill = &apiBillJSON{Creditor: b.Creditor, IBAN: b.IBAN, BIC: b.BIC, Reference: b.Reference, AmountCents: b.AmountCents}
	}
	return s.writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleAPIMyMessages(w http.ResponseWriter, r *http.Request) error {
	v, err := s.myCaseView(r)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"messages": apiMessages(v.Case.ID, v.Messages)})
}

// handleAPIMyMessage writes the applicant's message to the office.
func (s *Server) handleAPIMyMessage(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Body string `json:"body"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	m, err := s.opts.Cases.CitizenMessage(r.Context(), apiCitizen(r), cases.Reply{CaseID: id, Body: in.Body, Lang: langOf(r)})
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusCreated, apiMessages(id, []cases.Message{*m})[0])
}

// handleAPIReceipt returns the receipt (Eingangsbestätigung) as PDF in
// the request's language.
func (s *Server) handleAPIReceipt(w http.ResponseWriter, r *http.Request) error {
	v, err := s.myCaseView(r)
	if err != nil {
		return err
	}
	b, err := s.opts.Cases.ReceiptPDF(v, langOf(r))
	if err != nil {
		return err
	}
	name := s.t(r, "cases_api.receipt.file", v.Case.Reference)
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, err = w.Write(b)
	return err
}

// handleAPICaseFile sends a file of a case to its applicant or to staff
// who may work the case (the href of the files in case answers and the
// export). Anyone else gets 404.
func (s *Server) handleAPICaseFile(w http.ResponseWriter, r *http.Request) error {
	id, err := apiPathID(r, "id")
	if err != nil {
		return err
	}
	fileID, err := apiPathID(r, "file_id")
	if err != nil {
		return err
	}
	rc, f, err := s.opts.Cases.CitizenFile(r.Context(), apiCitizen(r), id, fileID)
	if fault.Is(err, fault.NotFound) {
		rc, f, err = s.opts.Cases.StaffFile(r.Context(), actorOf(r), id, fileID)
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	w.Header().Set("Cache-Control", "private, no-store")
	if f.Size > 0 {
		w.Header().Set("Content-Length", strconv.FormatInt(f.Size, 10))
	}
	_, err = io.Copy(w, rc)
	return err
}
