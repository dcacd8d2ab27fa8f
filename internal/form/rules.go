package form

import (
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits that apply when a question sets none.
const (
	DefaultMaxBytes    = 10 << 20 // per file
	DefaultMaxText     = 1000     // characters of a text answer
	DefaultMaxTextarea = 10000    // characters of a textarea answer
)

// normalize trims an answer and keeps only the part its type uses.
func (c *checker) normalize(q *Question, v Value) Value {
	switch q.Type {
	case TypeCheckboxes:
		var list []string
		for _, s := range v.List {
			if s = strings.TrimSpace(s); s != "" {
				list = append(list, s)
			}
		}
		return Value{List: list}
	case TypeAddress:
		if v.Address == nil {
			return Value{}
		}
		a := *v.Address
		for _, s := range []*string{&a.Street, &a.HouseNumber, &a.PostalCode, &a.City} {
			*s = strings.Join(strings.Fields(*s), " ")
		}
		a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
		if a.Country == "DE" {
			a.Country = ""
		}
		return Value{Address: &a}
	case TypeFile:
		return Value{Files: v.Files}
	case TypeTextarea:
		s := strings.ReplaceAll(v.Text, "\r\n", "\n")
		return Value{Text: strings.TrimSpace(s)}
	case TypeIBAN:
		return Value{Text: NormalizeIBAN(v.Text)}
	case TypeText, TypePhone:
		return Value{Text: strings.Join(strings.Fields(v.Text), " ")}
	}
	return Value{Text: strings.TrimSpace(v.Text)}
}

func (c *checker) text(q *Question, s string) {
	n := utf8.RuneCountInString(s)
	switch max := q.maxLength(); {
	case q.MinLength > 0 && n < q.MinLength:
		c.v.Add(q.ID, "error.form.too_short", q.MinLength)
	case n > max:
		c.v.Add(q.ID, "error.form.too_long", max)
	case q.Pattern != "":
		re, err := regexp.Compile(`^(?:` + q.Pattern + `)$`)
		c.v.Check(err == nil && re.MatchString(s), q.ID, "error.form.pattern")
	}
}

func (c *checker) number(q *Question, s string) string {
	n, err := parseNumber(s)
	if err != nil {
		c.v.Add(q.ID, "error.form.number")
		return s
	}
	if q.Integer && n != float64(int64(n)) {
		c.v.Add(q.ID, "error.form.integer")
	}
	if lo, err := parseNumber(q.Min); err == nil && n < lo {
		c.v.Add(q.ID, "error.form.number_min", displayNumber(canonicalNumber(lo), c.lang))
	}
	if hi, err := parseNumber(q.Max); err == nil && n > hi {
		c.v.Add(q.ID, "error.form.number_max", displayNumber(canonicalNumber(hi), c.lang))
	}
	return canonicalNumber(n)
}

func (c *checker) date(q *Question, s string) string {
	d, err := parseDate(s)
	if err != nil {
		c.v.Add(q.ID, "error.form.date")
		return s
	}
	iso := d.Format(isoDate)
	if lo, err := ParseDateBound(q.MinDate, c.today); q.MinDate != "" && err == nil && d.Before(lo) {
		c.v.Add(q.ID, "error.form.date_min", displayDate(lo.Format(isoDate), c.lang))
	}
	if hi, err := ParseDateBound(q.MaxDate, c.today); q.MaxDate != "" && err == nil && d.After(hi) {
		c.v.Add(q.ID, "error.form.date_max", displayDate(hi.Format(isoDate), c.lang))
	}
	return iso
}

// checkboxes checks the ticked values and returns them in option order.
func (c *checker) checkboxes(q *Question, list []string) []string {
	var out []string
	for _, o := range q.Options {
		if slices.Contains(list, o.Value) {
			out = append(out, o.Value)
		}
	}
	for _, s := range list {
		if q.Option(s) == nil {
			c.v.Add(q.ID, "error.form.choice")
			return list
		}
	}
	return out
}

var germanPostalCode = regexp.MustCompile(`^\d{5}$`)

func (c *checker) address(q *Question, a *Address) {
	c.v.Check(a.Street != "", q.ID+".street", "error.form.address.street")
	c.v.Check(a.HouseNumber != "", q.ID+".house_number", "error.form.address.house_number")
	c.v.Check(a.City != "", q.ID+".city", "error.form.address.city")
	if a.Country == "" {
		c.v.Check(germanPostalCode.MatchString(a.PostalCode), q.ID+".postal_code", "error.form.address.postal_code")
		return
	}
	if !q.AllowForeign || len(a.Country) != 2 || strings.Trim(a.Country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		c.v.Add(q.ID+".country", "error.form.address.country")
		return
	}
	c.v.Check(a.PostalCode != "" && len(a.PostalCode) <= 10, q.ID+".postal_code", "error.form.address.postal_code_foreign")
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s || len(s) > 254 {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return strings.Contains(s[at+1:], ".")
}

var phoneRE = regexp.MustCompile(`^\+?[0-9 ()/-]+$`)

// validPhone accepts the usual ways of writing a phone number:
// "+49 3641 49-0", "03641 / 490", with 5 to 15 digits.
func validPhone(s string) bool {
	if !phoneRE.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 5 && digits <= 15
}

func (c *checker) iban(q *Question, s string) {
	n, ok := 0, false
	if len(s) >= 2 {
		n, ok = ibanLengths[s[:2]]
	}
	switch {
	case !ok:
		c.v.Add(q.ID, "error.form.iban_country")
	case len(s) != n:
		c.v.Add(q.ID, "error.form.iban_length", n)
	default:
		c.v.Check(ValidIBAN(s), q.ID, "error.form.iban")
	}
}

func (c *checker) files(q *Question, files []FileRef) {
	if len(files) > q.maxFiles() {
		c.v.Add(q.ID, "error.form.file_count", q.maxFiles())
		return
	}
	allowed := q.AllowedTypes
	if len(allowed) == 0 {
		allowed = FileTypes
	}
	max := q.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	for _, f := range files {
		switch {
		case f.ID == "" || f.Size <= 0:
			c.v.Add(q.ID, "error.form.file_empty", f.Name)
		case !slices.Contains(allowed, f.Type):
			c.v.Add(q.ID, "error.form.file_type", f.Name)
		case f.Size > max:
			c.v.Add(q.ID, "error.form.file_size", f.Name, megabytes(max))
		default:
			continue
		}
		return
	}
}

// megabytes writes a byte limit for people: "10 MB".
func megabytes(n int64) string {
	return canonicalNumber(float64(n*10/(1<<20))/10) + " MB"
}

// maxLength is the length limit of a text or textarea answer.
func (q *Question) maxLength() int {
	switch {
	case q.MaxLength > 0:
		return q.MaxLength
	case q.Type == TypeTextarea:
		return DefaultMaxTextarea
	}
	return DefaultMaxText
}
