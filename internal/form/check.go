package form

import (
	"fmt"
	"regexp"
	"slices"

	"rathaus/internal/fault"
)

// Limits of a form definition.
const (
	MaxPages         = 100
	MaxQuestions     = 500
	MaxFileBytes     = 50 << 20
	MaxFilesPerField = 20
	MaxTextLength    = 100000
)

// Check reports the problems of a form definition for the builder, as a
// fault.Invalid with "error.form.def.*" keys. Field names are positional
// paths: "title", "pages.0", "pages.0.show_if", "pages.0.questions.1",
// "pages.0.questions.1.options", "fee".
func (f *Form) Check() error {
	d := &defChecker{f: f, seen: map[string]bool{}, earlier: map[string]*Question{}}
	v := &d.v
	v.Check(f.Title["de"] != "", "title", "error.form.def.title")
	v.Check(f.Status == StatusDraft || f.Status == StatusPublished, "status", "error.form.def.status")
	v.Check(f.Version >= 1, "version", "error.form.def.version")
	v.Check(len(f.Pages) > 0 && len(f.Pages) <= MaxPages, "pages", "error.form.def.pages", MaxPages)
	n := 0
	for i := range f.Pages {
		d.page(i, &f.Pages[i])
		n += len(f.Pages[i].Questions)
	}
	v.Check(n <= MaxQuestions, "pages", "error.form.def.questions", MaxQuestions)
	d.fee()
	return v.Err()
}

type defChecker struct {
	f       *Form
	v       fault.Validator
	seen    map[string]bool      // page and question IDs so far
	earlier map[string]*Question // questions of earlier pages
}

// id checks the syntax and uniqueness of a page or question ID; pages and
// questions share one namespace, so an ID names one thing in the form.
func (d *defChecker) id(field, id string) {
	switch {
	case !IsSlug(id):
		d.v.Add(field, "error.form.def.id")
	case d.seen[id]:
		d.v.Add(field, "error.form.def.duplicate", id)
	}
	d.seen[id] = true
}

func (d *defChecker) page(i int, p *Page) {
	field := fmt.Sprintf("pages.%d", i)
	d.id(field, p.ID)
	d.v.Check(p.Title["de"] != "", field+".title", "error.form.def.label")
	d.v.Check(len(p.Questions) > 0, field, "error.form.def.no_questions")
	if p.ShowIf != nil {
		d.condition(field+".show_if", p.ShowIf, d.earlier)
	}
	for j := range p.Questions {
		d.question(fmt.Sprintf("%s.questions.%d", field, j), &p.Questions[j])
	}
	// Only now do this page's questions become "earlier" for later pages.
	for j := range p.Questions {
		d.earlier[p.Questions[j].ID] = &p.Questions[j]
	}
}

// condition checks that c only refers to questions in known, with a valid
// operator and the values it needs.
func (d *defChecker) condition(field string, c *Condition, known map[string]*Question) {
	if len(c.All) > 0 || len(c.Any) > 0 {
		if c.Question != "" || c.Op != "" {
			d.v.Add(field, "error.form.def.condition_op")
			return
		}
		for i := range c.All {
			d.condition(field, &c.All[i], known)
		}
		for i := range c.Any {
			d.condition(field, &c.Any[i], known)
		}
		return
	}
	q := known[c.Question]
	switch {
	case q == nil:
		d.v.Add(field, "error.form.def.condition_ref", c.Question)
	case !slices.Contains(Ops, c.Op):
		d.v.Add(field, "error.form.def.condition_op")
	case (c.Op == OpEquals || c.Op == OpNotEquals) && c.Value == "",
		c.Op == OpIn && len(c.Values) == 0:
		d.v.Add(field, "error.form.def.condition_value")
	case c.Op == OpGT || c.Op == OpLT:
		_, err := parseNumber(c.Value)
		d.v.Check(err == nil && q.Type == TypeNumber, field, "error.form.def.condition_value")
	}
}

func (d *defChecker) question(field string, q *Question) {
	d.id(field, q.ID)
	d.v.Check(q.Label["de"] != "", field+".label", "error.form.def.label")
	if !slices.Contains(Types, q.Type) {
		d.v.Add(field+".type", "error.form.def.type")
		return
	}
	d.options(field+".options", q)
	d.limits(field, q)
	if q.Prefill != "" {
		d.v.Check(slices.Contains(prefillTypes[q.Prefill], q.Type), field+".prefill", "error.form.def.prefill")
	}
}

func (d *defChecker) options(field string, q *Question) {
	choice := q.Type == TypeChoice || q.Type == TypeCheckboxes
	if !choice {
		d.v.Check(len(q.Options) == 0, field, "error.form.def.options_unused")
		return
	}
	if len(q.Options) == 0 || (q.Type == TypeChoice && len(q.Options) < 2) {
		d.v.Add(field, "error.form.def.options")
		return
	}
	values := map[string]bool{}
	for _, o := range q.Options {
		if o.Value == "" || values[o.Value] || o.Label["de"] == "" {
			d.v.Add(field, "error.form.def.option", o.Value)
			return
		}
		values[o.Value] = true
	}
}

func (d *defChecker) limits(field string, q *Question) {
	ok := q.MinLength >= 0 && q.MaxLength >= 0 && q.MaxLength <= MaxTextLength &&
		(q.MaxLength == 0 || q.MinLength <= q.MaxLength)
	lo, err1 := parseNumber(q.Min)
	hi, err2 := parseNumber(q.Max)
	ok = ok && (q.Min == "" || err1 == nil) && (q.Max == "" || err2 == nil)
	ok = ok && (err1 != nil || err2 != nil || lo <= hi)
	from, err1 := ParseDateBound(q.MinDate, berlinToday())
	to, err2 := ParseDateBound(q.MaxDate, berlinToday())
	ok = ok && (q.MinDate == "" || err1 == nil) && (q.MaxDate == "" || err2 == nil)
	ok = ok && (err1 != nil || err2 != nil || !from.After(to))
	ok = ok && q.MaxBytes >= 0 && q.MaxBytes <= MaxFileBytes && q.MaxFiles >= 0 && q.MaxFiles <= MaxFilesPerField
	for _, t := range q.AllowedTypes {
		ok = ok && slices.Contains(FileTypes, t)
	}
	d.v.Check(ok, field, "error.form.def.limits")
	if q.Pattern != "" {
		_, err := regexp.Compile(q.Pattern)
		d.v.Check(err == nil, field+".pattern", "error.form.def.pattern")
	}
}

func (d *defChecker) fee() {
	fee := d.f.Fee
	if fee == nil {
		return
	}
	ok := fee.BaseCents >= 0
	if u := fee.PerUnit; u != nil {
		q := d.earlier[u.Question]
		ok = ok && q != nil && q.Type == TypeNumber && u.Cents >= 0
	}
	d.v.Check(ok, "fee", "error.form.def.fee")
	for i := range fee.Surcharges {
		s := &fee.Surcharges[i]
		d.condition(fmt.Sprintf("fee.surcharges.%d", i), &s.If, d.earlier)
	}
}
