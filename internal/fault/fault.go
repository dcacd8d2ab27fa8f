// Package fault defines the handful of error kinds rathaus uses everywhere.
//
// Domain code returns these errors (wrapped with %w where useful); the web
// package maps each kind to an HTTP status in one table and renders the
// translation key, never prose, so every message reaches the user translated.
package fault

import (
	"errors"
)

// Kind classifies an error for the user and for HTTP.
type Kind int

// The kinds of error. Unknown errors are Internal.
const (
	Internal Kind = iota
	NotFound
	Invalid
	Conflict
	Forbidden
	Unauthenticated
	TooMany
)

// String returns the kind's name, used in logs and the JSON API.
func (k Kind) String() string {
	switch k {
	case NotFound:
		return "not_found"
	case Invalid:
		return "invalid"
	case Conflict:
		return "conflict"
	case Forbidden:
		return "forbidden"
	case Unauthenticated:
		return "unauthenticated"
	case TooMany:
		return "too_many_requests"
	}
	return "internal"
}

// FieldError is a problem with one input field.
type FieldError struct {
	Field string // form field name, e.g. "email"
	Key   string // translation key, e.g. "error.email.invalid"
	Args  []any
}

// Error is a classified error with a translation key.
type Error struct {
	Kind   Kind
	Key    string // translation key of the summary message
	Args   []any
	Fields []FieldError // per-field problems, for Invalid
	Err    error        // wrapped cause, never shown to users
}

func (e *Error) Error() string {
	msg := e.Kind.String() + ": " + e.Key
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error of kind k with the translation key.
func New(k Kind, key string, args ...any) *Error {
	return &Error{Kind: k, Key: key, Args: args}
}

// Wrap returns an error of kind k with key that wraps err.
func Wrap(k Kind, key string, err error) *Error {
	return &Error{Kind: k, Key: key, Err: err}
}

// Fields returns an Invalid error listing per-field problems.
func Fields(fields ...FieldError) *Error {
	return &Error{Kind: Invalid, Key: "error.form_invalid", Fields: fields}
}

// KindOf returns the kind of err; Internal when err is not a fault.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// As returns the fault inside err, or an Internal fault wrapping it.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Kind: Internal, Key: "error.internal", Err: err}
}

// Is reports whether err is a fault of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }

// Validator collects field errors while checking input.
type Validator struct{ fields []FieldError }

// Check records a field error with key when ok is false.
func (v *Validator) Check(ok bool, field, key string, args ...any) {
	if !ok {
		v.fields = append(v.fields, FieldError{Field: field, Key: key, Args: args})
	}
}

// Add records a field error.
func (v *Validator) Add(field, key string, args ...any) { v.Check(false, field, key, args...) }

// Has reports whether field already has an error.
func (v *Validator) Has(field string) bool {
	for _, f := range v.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns nil when nothing was recorded, else an Invalid fault.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return Fields(v.fields...)
}
