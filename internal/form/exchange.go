package form

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"rathaus/internal/fault"
)

// Format names the JSON exchange format of forms.
const Format = "rathaus-form/1"

// document is the exchange file: the format tag and one form.
type document struct {
	Format string `json:"format"`
	Form   *Form  `json:"form"`
}

// Export writes f in the exchange format: indented, with fields in a fixed
// order, so the same form always gives the same bytes and diffs stay small.
func Export(f *Form) ([]byte, error) {
	b, err := json.MarshalIndent(document{Format: Format, Form: f}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Import reads a form in the exchange format. Decoding is strict: an
// unknown field, a second document or another format is an error, and the
// form must pass Check.
func Import(b []byte) (*Form, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var doc document
	if err := dec.Decode(&doc); err != nil {
		return nil, fault.Wrap(fault.Invalid, "error.form.import_json", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fault.New(fault.Invalid, "error.form.import_json")
	}
	if doc.Format != Format {
		return nil, fault.New(fault.Invalid, "error.form.import_format", Format)
	}
	if doc.Form == nil {
		return nil, fault.New(fault.Invalid, "error.form.import_json")
	}
	if err := doc.Form.Check(); err != nil {
		return nil, err
	}
	return doc.Form, nil
}

// Editable reports whether f may still be changed: only drafts may. A
// published version is what cases were filled with and never changes.
func (f *Form) Editable() bool { return f.Status == StatusDraft }

// errPublished is returned when a published form would be changed.
func errPublished() error { return fault.New(fault.Conflict, "error.form.published") }

// CheckEditable returns a Conflict fault when f is published.
func (f *Form) CheckEditable() error {
	if !f.Editable() {
		return errPublished()
	}
	return nil
}

// NextVersion returns a draft copy of f with Version+1, the start of
// editing a published form. The copy shares nothing with f.
func (f *Form) NextVersion(now time.Time) *Form {
	g := f.Clone()
	g.Version = f.Version + 1
	g.Status = StatusDraft
	g.UpdatedAt = now
	return g
}

// Publish checks a draft and marks it published; from then on it is
// immutable.
func (f *Form) Publish(now time.Time) error {
	if err := f.CheckEditable(); err != nil {
		return err
	}
	if err := f.Check(); err != nil {
		return err
	}
	f.Status = StatusPublished
	f.UpdatedAt = now
	return nil
}

// Clone returns a deep copy of f.
func (f *Form) Clone() *Form {
	b, err := json.Marshal(f)
	if err != nil {
		panic(err) // a Form always marshals
	}
	var g Form
	if err := json.Unmarshal(b, &g); err != nil {
		panic(err)
	}
	return &g
}
