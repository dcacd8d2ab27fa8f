package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"rathaus/internal/fault"
)

// apiError is the body of every JSON error response.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string          `json:"code"`
	Message string          `json:"message"`
	Fields  []apiFieldError `json:"fields,omitempty"`
}

type apiFieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// writeJSON writes v as JSON with status.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

func (s *Server) writeJSONError(w http.ResponseWriter, r *http.Request, err error) {
	body := apiErrorBody{}
	var he *httpError
	if errors.As(err, &he) {
		body.Code, body.Message = he.code, s.t(r, he.key)
	} else {
		f := fault.As(err)
		body.Code = f.Kind.String()
		body.Message, _ = s.messages(r, err)
		for _, fe := range f.Fields {
			body.Fields = append(body.Fields, apiFieldError{fe.Field, s.t(r, fe.Key, fe.Args...)})
		}
	}
	if fault.Is(err, fault.Unauthenticated) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="rathaus"`)
	}
	_ = s.writeJSON(w, statusOf(err), apiError{body})
}

// decodeJSON reads one JSON object from the body into v, rejecting unknown
// fields and trailing data. The middleware has already checked the
// content type and limited the body size.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err, "error.json.invalid")
	}
	if _, err := dec.Token(); err != io.EOF {
		return fault.New(fault.Invalid, "error.json.invalid")
	}
	return nil
}

// bodyError classifies a failure to read a request body: too large, or
// malformed (fault.Invalid with key).
func bodyError(err error, key string) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errTooLarge
	}
	return fault.Wrap(fault.Invalid, key, err)
}
