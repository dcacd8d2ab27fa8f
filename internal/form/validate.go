package form

import (
	"time"

	"rathaus/internal/fault"
)

// berlin is the city's time zone, which decides what "today" is.
var berlin = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.Local
}()

// checker validates answers against the rules of one form.
type checker struct {
	lang  string    // language of values inside error arguments
	today time.Time // the reference of relative date bounds
	v     fault.Validator
}

func newChecker(lang string) *checker {
	return &checker{lang: lang, today: berlinToday()}
}

// ValidatePage checks the answers to one page's questions, as the applicant
// leaves that page. It returns a copy of the answers with that page's
// answers normalised (trimmed, numbers and dates in canonical form, IBAN
// without spaces; empty answers removed). Errors are a fault.Invalid with
// one field error per question ID ("id.part" for a part of an address);
// values inside the error arguments are written for lang.
func (f *Form) ValidatePage(pageID string, a Answers, lang string) (Answers, error) {
	return f.validatePage(pageID, a, newChecker(lang))
}

func (f *Form) validatePage(pageID string, a Answers, c *checker) (Answers, error) {
	p := f.Page(pageID)
	if p == nil {
		return a, fault.New(fault.NotFound, "error.form.page_unknown")
	}
	out := Answers{}
	for k, v := range a {
		out[k] = v
	}
	c.page(p, a, out)
	return out, c.v.Err()
}

// Validate checks a whole application before it is submitted. Only pages
// whose condition holds count: answers on hidden pages are dropped, not
// checked. It returns the normalised answers of the visible pages, which is
// what a case stores.
func (f *Form) Validate(a Answers, lang string) (Answers, error) {
	return f.validate(a, newChecker(lang))
}

func (f *Form) validate(a Answers, c *checker) (Answers, error) {
	out := Answers{}
	for i := range f.Pages {
		p := &f.Pages[i]
		// Conditions see the normalised answers of earlier visible pages.
		if p.ShowIf != nil && !p.ShowIf.Eval(out) {
			continue
		}
		c.page(p, a, out)
	}
	return out, c.v.Err()
}

// page checks the answers to p's questions from a and writes the
// normalised ones to out.
func (c *checker) page(p *Page, a, out Answers) {
	for i := range p.Questions {
		q := &p.Questions[i]
		v, ok := c.question(q, a[q.ID])
		delete(out, q.ID)
		if ok && !v.IsEmpty() {
			out[q.ID] = v
		}
	}
}

// question checks one answer and returns it normalised; ok is false when
// an error was recorded.
func (c *checker) question(q *Question, v Value) (Value, bool) {
	n := c.normalize(q, v)
	if n.IsEmpty() {
		if q.Required {
			c.v.Add(q.ID, "error.form.required")
			return n, false
		}
		return Value{}, true
	}
	before := c.errors()
	switch q.Type {
	case TypeText, TypeTextarea:
		c.text(q, n.Text)
	case TypeNumber:
		n.Text = c.number(q, n.Text)
	case TypeDate:
		n.Text = c.date(q, n.Text)
	case TypeChoice:
		c.v.Check(q.Option(n.Text) != nil, q.ID, "error.form.choice")
	case TypeCheckboxes:
		n.List = c.checkboxes(q, n.List)
	case TypeAddress:
		c.address(q, n.Address)
	case TypeEmail:
		c.v.Check(validEmail(n.Text), q.ID, "error.form.email")
	case TypePhone:
		c.v.Check(validPhone(n.Text), q.ID, "error.form.phone")
	case TypeIBAN:
		c.iban(q, n.Text)
	case TypeFile:
		c.files(q, n.Files)
	}
	return n, c.errors() == before
}

// errors counts the field errors recorded so far.
func (c *checker) errors() int {
	err := c.v.Err()
	if err == nil {
		return 0
	}
	return len(fault.As(err).Fields)
}

func berlinToday() time.Time { return time.Now().In(berlin) }
