package web

import (
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/form"
	"rathaus/internal/i18n"
)

// QuestionField is one question of an application form prepared for the
// "question" partial (templates/partials/question.html): texts in one
// language, the current answer and its field errors. The citizen's flow
// and the form builder's preview both render questions through it:
//
//	f := s.questionForm(r, lang, values, err) // or page.Form
//	fields := questionFields(f, page, lang, answers)
//	{{range .Fields}}{{template "question" .}}{{end}}
//
// Submitted names: the question ID; "id.street", "id.house_number",
// "id.postal_code", "id.city", "id.country" for an address; checkboxes
// repeat the ID. answerOf reads them back. Element IDs follow fieldID, so
// the error summary's links (fields "id" and "id.part") reach the inputs.
type QuestionField struct {
	Form         *Form  // translations of the partial's own texts, field errors
	Kind         string // "input", "textarea", "choices", "address", "file"
	ID, Name     string
	Label, Hint  string
	LabelLang    string // "de" when the text fell back to German in another language
	Optional     bool
	Error        string
	Type         string // input type; "radio" or "checkbox" for choices
	InputMode    string
	Autocomplete string
	Value        string
	Choices      []editChoice
	Parts        []QuestionField // the inputs of an address
	Accept       string          // file: allowed MIME types
	Multiple     bool            // file: more than one file
	Files        []string        // file: names of files already uploaded
}

// DescribedBy lists the ids of the hint and error, for aria-describedby.
func (q QuestionField) DescribedBy() string {
	var ids []string
	if q.Hint != "" {
		ids = append(ids, q.ID+"-hint")
	}
	if q.Error != "" {
		ids = append(ids, q.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// formForLang is formFor in lang, for questions shown in another language
// than the page (the builder's preview); a nil err gives a form without
// problems.
func formForLang(tr *i18n.Catalog, lang string, values url.Values, err error) *Form {
	f := &Form{Values: values, lang: lang, tr: tr}
	if err == nil {
		return f
	}
	fe := fault.As(err)
	f.Summary = tr.T(lang, fe.Key, fe.Args...)
	for _, x := range fe.Fields {
		f.Errors = append(f.Errors, FieldMessage{x.Field, fieldID(x.Field), tr.T(lang, x.Key, x.Args...)})
	}
	return f
}

// questionFields prepares the questions of p in lang with their answers.
func questionFields(f *Form, p *form.Page, lang string, a form.Answers) []QuestionField {
	out := make([]QuestionField, 0, len(p.Questions))
	for i := range p.Questions {
		q := &p.Questions[i]
		out = append(out, newQuestionField(f, q, lang, a[q.ID]))
	}
	return out
}

// newQuestionField prepares one question in lang with the answer v.
func newQuestionField(f *Form, q *form.Question, lang string, v form.Value) QuestionField {
	qf := QuestionField{Form: f, Kind: "input", ID: fieldID(q.ID), Name: q.ID, Type: "text",
		Label: q.Label.Get(lang), Hint: q.Help.Get(lang), Optional: !q.Required,
		Error: f.Error(q.ID), Value: v.Text}
	if lang != "de" && q.Label[lang] == "" {
		qf.LabelLang = "de"
	}
	switch q.Type {
	case form.TypeTextarea:
		qf.Kind = "textarea"
	case form.TypeNumber:
		qf.InputMode = "decimal"
		if q.Integer {
			qf.InputMode = "numeric"
		}
		// The value stays as stored or typed: rewriting "1.234" the
		// German way would change what the applicant wrote.
		qf.Hint = joinHint(qf.Hint, numberHint(f, q, lang))
	case form.TypeDate:
		qf.Type = "date"
	case form.TypeEmail:
		qf.Type = "email"
	case form.TypePhone:
		qf.Type = "tel"
	case form.TypeIBAN:
		qf.Value = form.FormatIBAN(v.Text)
		qf.Hint = joinHint(qf.Hint, f.T("question.hint.iban"))
	case form.TypeChoice, form.TypeCheckboxes:
		choiceField(&qf, q, lang, v)
	case form.TypeAddress:
		addressField(&qf, q, v)
	case form.TypeFile:
		fileField(&qf, q, v)
	}
	qf.Autocomplete = prefillAutocomplete[q.Prefill]
	return qf
}

// prefillAutocomplete marks inputs that ask for the applicant's own data
// (those with a prefill source) for the browser's autofill (WCAG 1.3.5).
var prefillAutocomplete = map[string]string{
	form.PrefillName:  "name",
	form.PrefillEmail: "email",
	form.PrefillPhone: "tel",
}

func joinHint(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// numberHint says the bounds of a number question.
func numberHint(f *Form, q *form.Question, lang string) string {
	show := func(s string) string {
		if lang == "de" {
			return strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	switch {
	case q.Min != "" && q.Max != "":
		return f.T("question.hint.between", show(q.Min), show(q.Max))
	case q.Min != "":
		return f.T("question.hint.min", show(q.Min))
	case q.Max != "":
		return f.T("question.hint.max", show(q.Max))
	}
	return ""
}

func choiceField(qf *QuestionField, q *form.Question, lang string, v form.Value) {
	qf.Kind, qf.Type = "choices", "radio"
	chosen := []string{v.Text}
	if q.Type == form.TypeCheckboxes {
		qf.Type, chosen = "checkbox", v.List
	}
	var list []editChoice
	for _, o := range q.Options {
		list = append(list, editChoice{Value: o.Value, Label: o.Label.Get(lang)})
	}
	qf.Choices = checkChoices(q.ID, list, chosen)
}

// addressParts are the inputs of an address question with their
// translation keys and autofill tokens.
var addressParts = []struct{ name, key, auto string }{
	{"street", "question.address.street", "address-line1"},
	{"house_number", "question.address.house_number", ""},
	{"postal_code", "question.address.postal_code", "postal-code"},
	{"city", "question.address.city", "address-level2"},
}

func addressField(qf *QuestionField, q *form.Question, v form.Value) {
	qf.Kind = "address"
	a := form.Address{}
	if v.Address != nil {
		a = *v.Address
	}
	values := map[string]string{"street": a.Street, "house_number": a.HouseNumber,
		"postal_code": a.PostalCode, "city": a.City, "country": a.Country}
	parts := addressParts
	if q.AllowForeign {
		parts = append(parts[:len(parts):len(parts)], struct{ name, key, auto string }{"country", "question.address.country", ""})
	}
	for _, p := range parts {
		name := q.ID + "." + p.name
		part := QuestionField{Form: qf.Form, Kind: "input", ID: fieldID(name), Name: name, Type: "text",
			Label: qf.Form.T(p.key), Optional: qf.Optional, Error: qf.Form.Error(name), Value: values[p.name]}
		if q.Prefill == form.PrefillAddress {
			part.Autocomplete = p.auto
		}
		switch p.name {
		case "postal_code":
			part.InputMode = "numeric"
		case "country":
			part.Hint = qf.Form.T("question.address.country_hint")
			part.Optional = true
		}
		qf.Parts = append(qf.Parts, part)
	}
}

func fileField(qf *QuestionField, q *form.Question, v form.Value) {
	qf.Kind, qf.Type = "file", "file"
	types := q.AllowedTypes
	if len(types) == 0 {
		types = form.FileTypes
	}
	qf.Accept = strings.Join(types, ",")
	max := q.MaxFiles
	if max <= 0 {
		max = 1
	}
	qf.Multiple = max > 1
	bytes := q.MaxBytes
	if bytes <= 0 {
		bytes = form.DefaultMaxBytes
	}
	names := make([]string, 0, len(types))
	for _, t := range types {
		names = append(names, fileTypeName(t))
	}
	hint := qf.Form.T("question.hint.file", strings.Join(names, ", "), strconv.FormatInt(bytes>>20, 10))
	if max > 1 {
		hint = joinHint(hint, qf.Form.T("question.hint.files", max))
	}
	qf.Hint = joinHint(qf.Hint, hint)
	for _, f := range v.Files {
		qf.Files = append(qf.Files, f.Name)
	}
}

// fileTypeName is the short name of a file type people know.
func fileTypeName(mime string) string {
	switch mime {
	case "application/pdf":
		return "PDF"
	case "image/jpeg":
		return "JPEG"
	case "image/png":
		return "PNG"
	}
	return mime
}

// answerOf reads the submitted answer to q from a form post, as the
// "question" partial names its inputs. Files are not read here: they
// come from the upload handling.
func answerOf(q *form.Question, v url.Values) form.Value {
	switch q.Type {
	case form.TypeCheckboxes:
		return form.Value{List: v[q.ID]}
	case form.TypeAddress:
		a := form.Address{Street: v.Get(q.ID + ".street"), HouseNumber: v.Get(q.ID + ".house_number"),
			PostalCode: v.Get(q.ID + ".postal_code"), City: v.Get(q.ID + ".city"), Country: v.Get(q.ID + ".country")}
		if a == (form.Address{}) {
			return form.Value{}
		}
		return form.Value{Address: &a}
	case form.TypeFile:
		return form.Value{}
	}
	return form.Value{Text: v.Get(q.ID)}
}

// answersOf reads the answers to the questions of p from a form post.
func answersOf(p *form.Page, v url.Values) form.Answers {
	a := form.Answers{}
	for i := range p.Questions {
		q := &p.Questions[i]
		if x := answerOf(q, v); !x.IsEmpty() {
			a[q.ID] = x
		}
	}
	return a
}
