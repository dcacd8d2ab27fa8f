package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// localField maps a problem of form.Form.Check (a positional path such as
// "pages.0.questions.1.label" and its key) to the name of an input on the
// page being saved; "" when the problem lies elsewhere in the form.
type localField func(path, key string) string

// builderForm is formFor for the builder: problems that concern the inputs
// on this page point at them; problems elsewhere in the form (a condition
// on a later page that an edit broke) say where they are and link to the
// error summary's list.
func (s *Server) builderForm(r *http.Request, f *form.Form, values url.Values, err error, local localField) *Form {
	out := s.formFor(r, values, err)
	keys := fault.As(err).Fields
	for i := range out.Errors {
		e := &out.Errors[i]
		key := ""
		if i < len(keys) {
			key = keys[i].Key
		}
		if name := local(e.Field, key); name != "" {
			e.Field, e.ID = name, fieldID(name)
			continue
		}
		if w := s.where(r, f, e.Field); w != "" {
			e.Message = w + ": " + e.Message
		}
		e.Field, e.ID = "", "error-summary"
	}
	if out.Summary == "" || len(out.Errors) > 0 {
		out.Summary = s.t(r, "form_builder.error.summary")
	}
	return out
}

// noLocal is a localField for pages without inputs of their own.
func noLocal(string, string) string { return "" }

// where names the place of a Check path for people: "Seite 2 „Hund“,
// Frage 1 „Rasse“".
func (s *Server) where(r *http.Request, f *form.Form, path string) string {
	parts := strings.Split(path, ".")
	switch parts[0] {
	case "title":
		return s.t(r, "form_builder.where.title")
	case "fee":
		return s.t(r, "form_builder.where.fee")
	case "pages":
	default:
		return ""
	}
	if len(parts) < 2 {
		return s.t(r, "form_builder.where.pages")
	}
	i, err := strconv.Atoi(parts[1])
	if err != nil || i < 0 || i >= len(f.Pages) {
		return ""
	}
	p := &f.Pages[i]
	out := s.t(r, "form_builder.where.page", i+1, p.Title.Get("de"))
	if len(parts) >= 4 && parts[2] == "questions" {
		if j, err := strconv.Atoi(parts[3]); err == nil && j >= 0 && j < len(p.Questions) {
			out += ", " + s.t(r, "form_builder.where.question", j+1, p.Questions[j].Label.Get("de"))
		}
	}
	return out
}

// slugFrom makes an ID from a text: lower case, umlauts spelled out,
// other characters as underscores, starting with a letter.
func slugFrom(text, fallback string) string {
	text = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue").Replace(strings.ToLower(text))
	var b strings.Builder
	under := false
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if b.Len() == 0 && r <= '9' {
				continue
			}
			b.WriteRune(r)
			under = false
		case b.Len() > 0 && !under:
			b.WriteByte('_')
			under = true
		}
	}
	s := strings.TrimRight(b.String(), "_")
	if len(s) > 30 {
		s = strings.TrimRight(s[:30], "_")
	}
	if s == "" {
		return fallback
	}
	return s
}

// uniqueID returns base, or base with a number, that no page or question
// of f uses yet.
func uniqueID(f *form.Form, base string) string {
	used := map[string]bool{}
	for _, p := range f.Pages {
		used[p.ID] = true
		for _, q := range p.Questions {
			used[q.ID] = true
		}
	}
	id := base
	for n := 2; used[id]; n++ {
		id = base + "_" + strconv.Itoa(n)
	}
	return id
}

// pageIndex returns the position of page id in f, or -1.
func pageIndex(f *form.Form, id string) int {
	return slices.IndexFunc(f.Pages, func(p form.Page) bool { return p.ID == id })
}

// questionIndex returns the positions of question id in f, or -1, -1.
func questionIndex(f *form.Form, id string) (int, int) {
	for i := range f.Pages {
		if j := slices.IndexFunc(f.Pages[i].Questions, func(q form.Question) bool { return q.ID == id }); j >= 0 {
			return i, j
		}
	}
	return -1, -1
}

// renameQuestion changes a question's ID everywhere the form refers to
// it: conditions of pages and surcharges, and the fee per unit.
func renameQuestion(f *form.Form, from, to string) {
	var walk func(c *form.Condition)
	walk = func(c *form.Condition) {
		if c.Question == from {
			c.Question = to
		}
		for i := range c.All {
			walk(&c.All[i])
		}
		for i := range c.Any {
			walk(&c.Any[i])
		}
	}
	for i := range f.Pages {
		if f.Pages[i].ShowIf != nil {
			walk(f.Pages[i].ShowIf)
		}
	}
	if f.Fee != nil {
		if f.Fee.PerUnit != nil && f.Fee.PerUnit.Question == from {
			f.Fee.PerUnit.Question = to
		}
		for i := range f.Fee.Surcharges {
			walk(&f.Fee.Surcharges[i].If)
		}
	}
}

// parseSignedEuro reads an amount in euro that may be negative.
func parseSignedEuro(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
	n, ok := parseEuroInput(s)
	if neg {
		n = -n
	}
	return n, ok
}

// signedEuroInput writes cents for an input, with a sign when negative.
func signedEuroInput(cents int64) string {
	if cents < 0 {
		return "-" + euroInput(-cents)
	}
	return euroInput(cents)
}

// langTextOf reads a two-language text from the inputs prefix_de and prefix_en.
func langTextOf(v url.Values, prefix string) form.Text {
	t := form.Text{}
	for _, lang := range []string{"de", "en"} {
		if s := strings.TrimSpace(strings.ReplaceAll(v.Get(prefix+"_"+lang), "\r\n", "\n")); s != "" {
			t[lang] = s
		}
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

// setText writes a two-language text to the inputs prefix_de and prefix_en.
func setText(v url.Values, prefix string, t form.Text) {
	v.Set(prefix+"_de", t["de"])
	v.Set(prefix+"_en", t["en"])
}

// wholeNumber reads an optional non-negative whole number; bad records the
// problem for field.
func wholeNumber(v url.Values, field string, bad *[]fault.FieldError) int {
	s := strings.TrimSpace(v.Get(field))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		*bad = append(*bad, fault.FieldError{Field: field, Key: "error.form_builder.whole_number"})
		return 0
	}
	return n
}

// conditionText describes a simple condition for people, in German terms
// of the builder: "„Hund“ ist „ja“".
func (s *Server) conditionText(r *http.Request, f *form.Form, c *form.Condition) string {
	if c == nil {
		return ""
	}
	if len(c.All) > 0 || len(c.Any) > 0 {
		return s.t(r, "form_builder.condition.combined")
	}
	label := c.Question
	if q, _ := f.Question(c.Question); q != nil {
		label = q.Label.Get(langOf(r))
	}
	value := c.Value
	if c.Op == form.OpIn {
		value = strings.Join(c.Values, ", ")
	}
	return s.t(r, "form_builder.condition.text", label, s.t(r, "form_builder.op."+c.Op), value)
}
