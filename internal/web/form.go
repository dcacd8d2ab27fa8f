package web

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/i18n"
)

// maxMemory is how much of a multipart body is held in memory; the rest
// goes to temporary files (the body limit still applies).
const maxMemory = 1 << 20

// parseForm parses a urlencoded or multipart form body. An oversized body
// yields errTooLarge (413), a malformed one errBadRequest (400).
func (s *Server) parseForm(r *http.Request) (url.Values, error) {
	var err error
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		err = r.ParseMultipartForm(maxMemory)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, errTooLarge
		}
		return nil, errBadRequest
	}
	return r.PostForm, nil
}

// Form carries submitted values and their translated errors back to the
// template. Page.Form is never nil, so templates need no checks.
type Form struct {
	Values  url.Values
	Summary string         // translated summary, empty without errors
	Errors  []FieldMessage // in the order of the error summary
	lang    string
	tr      *i18n.Catalog
}

// FieldMessage is one translated field error.
type FieldMessage struct {
	Field   string // form field name
	ID      string // element id, the target of the summary link
	Message string
}

// newForm returns a form holding values, without errors.
func (s *Server) newForm(r *http.Request, values url.Values) *Form {
	if values == nil {
		values = url.Values{}
	}
	return &Form{Values: values, lang: langOf(r), tr: s.tr}
}

// formFor returns a form with values and the translated problems of err,
// a fault.Invalid with or without field errors.
func (s *Server) formFor(r *http.Request, values url.Values, err error) *Form {
	f := s.newForm(r, values)
	fe := fault.As(err)
	f.Summary = f.tr.T(f.lang, fe.Key, fe.Args...)
	for _, x := range fe.Fields {
		f.Errors = append(f.Errors, FieldMessage{x.Field, fieldID(x.Field), f.tr.T(f.lang, x.Key, x.Args...)})
	}
	return f
}

// HasErrors reports whether the form came back with problems.
func (f *Form) HasErrors() bool { return f.Summary != "" || len(f.Errors) > 0 }

// Get returns a submitted value.
func (f *Form) Get(name string) string { return f.Values.Get(name) }

// Error returns the first error message of a field, "" when it is fine.
func (f *Form) Error(name string) string {
	for _, e := range f.Errors {
		if e.Field == name {
			return e.Message
		}
	}
	return ""
}

// T translates key for the form's partials.
func (f *Form) T(key string, args ...any) string { return f.tr.T(f.lang, key, args...) }

func fieldID(name string) string { return "field-" + name }

// Field is everything the "input" and "textarea" partials need.
type Field struct {
	Form         *Form
	ID, Name     string
	Label, Hint  string // translated
	Type         string // input type, default "text"
	Value, Error string
	Autocomplete string
	Optional     bool
	Rows         int    // textarea rows
	PlainLang    string // "", "plain" or "easy": the live plain-language check (plainlang_field.go)
}

// DescribedBy lists the ids of the hint and error, for aria-describedby.
func (f Field) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// Field describes one input for the partials. labelKey is a translation
// key; opts are "type=email", "autocomplete=email", "hint=<key>",
// "rows=8" and "optional" (fields are required by default). An unknown
// option fails the template, so typos show up in tests.
//
// Passwords are never echoed back: type=password fields start empty.
func (f *Form) Field(name, labelKey string, opts ...string) (Field, error) {
	fd := Field{Form: f, ID: fieldID(name), Name: name, Label: f.T(labelKey), Type: "text",
		Value: f.Get(name), Error: f.Error(name), Rows: 5}
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		switch k {
		case "type":
			fd.Type = v
		case "autocomplete":
			fd.Autocomplete = v
		case "hint":
			fd.Hint = f.T(v)
		case "rows":
			n, err := strconv.Atoi(v)
			if err != nil {
				return fd, fmt.Errorf("field %s: %w", name, err)
			}
			fd.Rows = n
		case "optional":
			fd.Optional = true
		default:
			return fd, fmt.Errorf("field %s: unknown option %q", name, o)
		}
	}
	if fd.Type == "password" {
		fd.Value = ""
	}
	return fd, nil
}
