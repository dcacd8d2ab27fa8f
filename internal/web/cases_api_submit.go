package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// apiUploadPath is the API route for files of applications; it and the
// workshop's event-log import take multipart/form-data instead of JSON
// (see checkContentType).
const apiUploadPath = "/api/v1/uploads"

// apiTakesMultipart reports whether r is an upload to the API, whose body
// is a multipart form rather than JSON.
func apiTakesMultipart(r *http.Request) bool {
	return r.Method == http.MethodPost && (r.URL.Path == apiUploadPath || r.URL.Path == workshopAPIUpload)
}

// apiSubmitRequest is the body of POST /api/v1/cases.
type apiSubmitRequest struct {
	ServiceID int64        `json:"service_id"`
	Answers   form.Answers `json:"answers"`
	Lang      string       `json:"lang"`
	Email     string       `json:"email"`
	Name      string       `json:"name"`
}

type apiSubmittedJSON struct {
	ID        int64  `json:"id"`
	Reference string `json:"reference"`
	Status    string `json:"status"`
	FeeCents  int64  `json:"fee_cents"`
	// Secret opens the case's status page without an account; only in
	// the answer that created an anonymous case.
	Secret string `json:"secret,omitempty"`
}

// maxIdempotencyKey bounds the Idempotency-Key header.
const maxIdempotencyKey = 200

// handleAPISubmit submits a completed form: 201 with the new case, or
// 200 with the first case when the Idempotency-Key was used before by the
// same applicant. With a token the case belongs to the account (its name
// and address; name and email in the body are ignored); without one the
// form must allow anonymous applications.
func (s *Server) handleAPISubmit(w http.ResponseWriter, r *http.Request) error {
	var in apiSubmitRequest
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Lang == "" {
		in.Lang = langOf(r)
	}
	key := r.Header.Get("Idempotency-Key")
	var fv fault.Validator
	fv.Check(in.Lang == "de" || in.Lang == "en", "lang", "error.cases_api.lang")
	fv.Check(in.Email == "" || account.ValidEmail(in.Email), "email", "error.cases_api.email")
	fv.Check(validIdempotencyKey(key), "Idempotency-Key", "error.cases_api.idempotency_key", maxIdempotencyKey)
	if err := fv.Err(); err != nil {
		return err
	}
	app := cases.Application{ServiceID: in.ServiceID, Answers: in.Answers, Lang: in.Lang, IdempotencyKey: key,
		Applicant: cases.Applicant{Name: in.Name, Email: in.Email}}
	if u := currentUser(r); u != nil {
		app.Applicant = cases.Applicant{UserID: &u.ID, Name: u.DisplayName, Email: u.Email}
	}
	if app.Answers == nil {
		app.Answers = form.Answers{}
	}
	out, err := s.opts.Cases.Submit(r.Context(), app)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if !out.Created {
		status = http.StatusOK
	}
	c := out.Case
	return s.writeJSON(w, status, apiSubmittedJSON{ID: c.ID, Reference: c.Reference, Status: c.State,
		FeeCents: c.FeeCents, Secret: out.Secret})
}

// validIdempotencyKey: empty, or up to maxIdempotencyKey visible ASCII
// characters.
func validIdempotencyKey(k string) bool {
	if len(k) > maxIdempotencyKey {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

// handleAPIUpload stores the file of a file question
// (?service_id=…&question=…, multipart field "file") after checking its
// type by content and its size against the question's rules, and returns
// the reference to put into the file answer. Forms that need an account
// take uploads only with a token.
func (s *Server) handleAPIUpload(w http.ResponseWriter, r *http.Request) error {
	serviceID, err := strconv.ParseInt(r.URL.Query().Get("service_id"), 10, 64)
	if err != nil || serviceID <= 0 {
		return fault.Fields(fault.FieldError{Field: "service_id", Key: "error.cases_api.service_id"})
	}
	f, _, err := s.opts.Cases.Form(r.Context(), serviceID)
	if err != nil {
		return err
	}
	if !f.Settings.Anonymous && currentUser(r) == nil {
		return fault.New(fault.Unauthenticated, "error.cases.login_required")
	}
	q, _ := f.Question(r.URL.Query().Get("question"))
	if q == nil || q.Type != form.TypeFile {
		return fault.Fields(fault.FieldError{Field: "question", Key: "error.cases_api.question"})
	}
	part, err := uploadPart(r)
	if err != nil {
		return err
	}
	defer part.Close()
	ref, err := s.opts.Cases.Upload(r.Context(), part.FileName(), part, q.AllowedTypes, q.MaxBytes)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errTooLarge
	}
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusCreated, ref)
}

// uploadPart finds the part named "file" of a multipart body, streaming:
// the file is never held in memory or a temporary file here.
func uploadPart(r *http.Request) (filePart, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fault.Fields(fault.FieldError{Field: "file", Key: "error.cases_api.file"})
	}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil, fault.Fields(fault.FieldError{Field: "file", Key: "error.cases_api.file"})
		}
		if err != nil {
			return nil, bodyError(err, "error.cases_api.file")
		}
		if p.FormName() == "file" && p.FileName() != "" {
			return p, nil
		}
		p.Close()
	}
}

// filePart is the part of a multipart body that holds the file.
type filePart interface {
	io.ReadCloser
	FileName() string
}
