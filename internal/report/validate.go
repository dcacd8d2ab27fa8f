package report

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// Limits of a report.
const (
	MaxDescription = 4000 // Open311's limit
	MaxLine        = 200
	MaxPhotos      = 5
	MaxAnswer      = 1000
)

var (
	codeRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9_\-]{0,63}$`)
	emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	phoneRE = regexp.MustCompile(`^\+?[0-9 ()/\-]{5,30}$`)
	// htmlRE finds a tag, a comment or a character reference: the
	// description is plain text.
	htmlRE = regexp.MustCompile(`<[a-zA-Z/!?]|&[a-zA-Z]+;|&#[0-9xX]`)
)

// AnswerField names the form field of an attribute's answer.
func AnswerField(code string) string { return "attribute-" + code }

func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }

// ValidateCategory checks a category before it is stored.
func ValidateCategory(c *Category) error {
	var v fault.Validator
	v.Check(codeRE.MatchString(c.Code), "code", "error.reports.category_code")
	v.Check(strings.TrimSpace(c.NameDE) != "" && !tooLong(c.NameDE, MaxLine), "name_de", "error.reports.category_name")
	v.Check(!tooLong(c.NameEN, MaxLine), "name_en", "error.reports.too_long", MaxLine)
	v.Check(!tooLong(c.Description, MaxDescription), "description", "error.reports.too_long", MaxDescription)
	v.Check(!tooLong(c.Group, MaxLine), "group", "error.reports.too_long", MaxLine)
	v.Check(c.ParentID == nil || *c.ParentID != c.ID || c.ID == 0, "parent", "error.reports.category_parent")
	seen := map[string]bool{}
	for i, a := range c.Attributes {
		f := "attribute-" + strconv.Itoa(i)
		v.Check(codeRE.MatchString(a.Code) && !seen[a.Code], f, "error.reports.attribute_code")
		seen[a.Code] = true
		v.Check(slices.Contains(Datatypes, a.Datatype), f, "error.reports.attribute_datatype")
		v.Check(!a.Datatype.IsList() || len(a.Values) > 0, f, "error.reports.attribute_values")
		v.Check(strings.TrimSpace(a.Description) != "", f, "error.reports.attribute_description")
	}
	return v.Err()
}

// Normalize trims the report's texts before Validate.
func Normalize(r *Report) {
	for _, s := range []*string{&r.Description, &r.Location.Address, &r.Location.AddressID, &r.Location.Zipcode,
		&r.Contact.Email, &r.Contact.Name, &r.Contact.Phone, &r.DeviceID} {
		*s = strings.TrimSpace(*s)
	}
	r.Description = strings.ReplaceAll(r.Description, "\r\n", "\n")
	for code, vals := range r.Answers {
		var keep []string
		for _, s := range vals {
			if s = strings.TrimSpace(s); s != "" {
				keep = append(keep, s)
			}
		}
		if keep == nil {
			delete(r.Answers, code)
		} else {
			r.Answers[code] = keep
		}
	}
}

// Bounds is the city's extent; a point outside is a typo or elsewhere.
type Bounds struct{ MinLat, MinLong, MaxLat, MaxLong float64 }

// Contains reports whether the point lies within b (a zero b contains all).
func (b Bounds) Contains(lat, long float64) bool {
	if b == (Bounds{}) {
		return true
	}
	return lat >= b.MinLat && lat <= b.MaxLat && long >= b.MinLong && long <= b.MaxLong
}

// Validate checks a new report against its category (nil when none was
// chosen; the suggester may still find one); errors name the form fields.
func Validate(r *Report, cat *Category, within Bounds) error {
	var v fault.Validator
	v.Check(cat != nil && cat.Active, "category", "error.reports.category")
	l := r.Location
	switch {
	case (l.Lat == nil) != (l.Long == nil):
		v.Add("location", "error.reports.location_pair")
	case l.HasPoint():
		ok := *l.Lat >= -90 && *l.Lat <= 90 && *l.Long >= -180 && *l.Long <= 180
		v.Check(ok && within.Contains(*l.Lat, *l.Long), "location", "error.reports.location_outside")
	default:
		v.Check(l.Address != "" || l.AddressID != "", "location", "error.reports.location_required")
	}
	v.Check(!tooLong(l.Address, MaxLine), "address", "error.reports.too_long", MaxLine)
	v.Check(!tooLong(l.AddressID, MaxLine) && !tooLong(l.Zipcode, 20), "address", "error.reports.too_long", MaxLine)
	v.Check(!tooLong(r.Description, MaxDescription), "description", "error.reports.description_long", MaxDescription)
	v.Check(!htmlRE.MatchString(r.Description), "description", "error.reports.description_html")
	c := r.Contact
	v.Check(c.Email == "" || emailRE.MatchString(c.Email) && !tooLong(c.Email, MaxLine), "email", "error.reports.email")
	v.Check(c.Phone == "" || phoneRE.MatchString(c.Phone), "phone", "error.reports.phone")
	v.Check(!tooLong(c.Name, MaxLine), "name", "error.reports.too_long", MaxLine)
	v.Check(!tooLong(r.DeviceID, MaxLine), "device_id", "error.reports.too_long", MaxLine)
	v.Check(len(r.Photos) <= MaxPhotos, "photos", "error.reports.photos", MaxPhotos)
	for _, p := range r.Photos {
		if p.Key == "" || !strings.HasPrefix(p.ContentType, "image/") {
			v.Add("photos", "error.reports.photo")
			break
		}
	}
	if cat != nil {
		validateAnswers(&v, r.Answers, cat.Attributes)
	}
	return v.Err()
}

// validateAnswers checks the answers against the attributes; answers to
// unknown codes are errors too, so nothing is silently dropped.
func validateAnswers(v *fault.Validator, answers map[string][]string, attrs []Attribute) {
	known := map[string]bool{}
	for _, a := range attrs {
		if !a.Variable {
			continue
		}
		known[a.Code] = true
		vals, f := answers[a.Code], AnswerField(a.Code)
		if len(vals) == 0 {
			v.Check(!a.Required, f, "error.reports.answer_required")
			continue
		}
		if a.Datatype != TypeMultiValueList && len(vals) > 1 {
			v.Add(f, "error.reports.answer_one")
			continue
		}
		for _, s := range vals {
			if !answerOK(a, s) {
				v.Add(f, answerKeys[a.Datatype])
				break
			}
		}
	}
	for code := range answers {
		if !known[code] {
			v.Add(AnswerField(code), "error.reports.answer_unknown")
		}
	}
}

// answerKeys are the error keys of a wrong answer per datatype.
var answerKeys = map[Datatype]string{
	TypeString:          "error.reports.answer_string",
	TypeNumber:          "error.reports.answer_number",
	TypeDatetime:        "error.reports.answer_datetime",
	TypeText:            "error.reports.answer_text",
	TypeSingleValueList: "error.reports.answer_singlevaluelist",
	TypeMultiValueList:  "error.reports.answer_multivaluelist",
}

func answerOK(a Attribute, s string) bool {
	if tooLong(s, MaxAnswer) {
		return false
	}
	switch a.Datatype {
	case TypeNumber:
		_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		return err == nil
	case TypeDatetime:
		_, err := time.Parse(time.RFC3339, s)
		return err == nil
	case TypeSingleValueList, TypeMultiValueList:
		return a.HasValue(s)
	case TypeString:
		return !tooLong(s, MaxLine) && !strings.ContainsAny(s, "\n\r")
	}
	return true
}
