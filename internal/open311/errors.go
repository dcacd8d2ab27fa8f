package open311

import (
	"net/http"
	"strconv"
	"strings"
)

// Error is one GeoReport v2 error: the HTTP status it calls for, the code
// and the description sent to the client, and the parameter it is about.
type Error struct {
	Status      int    `xml:"-" json:"-"`
	Code        int    `xml:"code" json:"code"`
	Description string `xml:"description" json:"description"`
	Field       string `xml:"-" json:"-"` // the parameter, e.g. "lat", "attribute[WHISHETN]"; "" when none
}

func (e Error) Error() string { return strconv.Itoa(e.Code) + " " + e.Description }

// Errors is a list of errors, as the standard sends them. As an error it
// stands for all of them.
type Errors []Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Status is the HTTP status of the response: 403 before 404 before 400.
func (es Errors) Status() int {
	st := 0
	for _, e := range es {
		if rank(e.Status) > rank(st) {
			st = e.Status
		}
	}
	if st == 0 {
		return http.StatusBadRequest
	}
	return st
}

func rank(status int) int {
	switch status {
	case http.StatusForbidden:
		return 3
	case http.StatusNotFound:
		return 2
	case 0:
		return 0
	}
	return 1
}

// AsErrors turns any error from this package into the list to send; other
// errors become a 400 with their message.
func AsErrors(err error) Errors {
	switch e := err.(type) {
	case nil:
		return nil
	case Errors:
		return e
	case Error:
		return Errors{e}
	case *Error:
		return Errors{*e}
	}
	return Errors{BadRequest("", err.Error())}
}

func newError(status int, field, desc string) Error {
	return Error{Status: status, Code: status, Description: desc, Field: field}
}

// BadRequest is a 400 error about a parameter.
func BadRequest(field, desc string) Error { return newError(http.StatusBadRequest, field, desc) }

// Forbidden is a 403 error.
func Forbidden(desc string) Error { return newError(http.StatusForbidden, "api_key", desc) }

// NotFound is a 404 error.
func NotFound(desc string) Error { return newError(http.StatusNotFound, "", desc) }

// The errors the wiring sends for things only it can know.
var (
	ErrAPIKeyMissing = Forbidden("api_key is required to create a service request")
	ErrAPIKeyInvalid = Forbidden("invalid api_key: it is unknown or has been revoked")
)

// ErrJurisdictionNotFound is the 404 for a jurisdiction_id this server does not host.
func ErrJurisdictionNotFound(id string) Error {
	return newError(http.StatusNotFound, "jurisdiction_id", "jurisdiction_id "+quote(id)+" not found")
}

// ErrServiceNotFound is the 404 for an unknown service_code.
func ErrServiceNotFound(code string) Error {
	return newError(http.StatusNotFound, "service_code", "service_code "+quote(code)+" not found")
}

// ErrServiceCodeUnknown is the 400 for a POST naming a service that does not exist.
func ErrServiceCodeUnknown(code string) Error {
	return BadRequest("service_code", "service_code "+quote(code)+" is not a known service")
}

// ErrRequestNotFound is the 404 for an unknown service_request_id.
func ErrRequestNotFound(id string) Error {
	return newError(http.StatusNotFound, "service_request_id", "service_request_id "+quote(id)+" not found")
}

// ErrTokenNotFound is the 404 for an unknown token.
func ErrTokenNotFound(token string) Error {
	return newError(http.StatusNotFound, "token", "token "+quote(token)+" not found")
}

func quote(s string) string {
	const max = 64
	r := []rune(s)
	if len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}
