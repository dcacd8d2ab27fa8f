package open311

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Longest values of the free-text datatypes, in characters.
const (
	MaxStringAttribute = 1000
	MaxTextAttribute   = MaxDescription
)

// ValidateAttributes checks the attributes of a POST against the service's
// definition: required ones present, numbers and date-times readable, list
// values among the keys, one value unless the datatype is multivaluelist. It
// returns the values to keep: only the definition's variable attributes,
// numbers trimmed, date-times rewritten in the wire form (TimeLayout, city
// zone), list values without repeats. Attributes the definition does not know
// are dropped. Every problem is a 400 naming attribute[CODE].
func ValidateAttributes(def ServiceDefinition, given map[string][]string) (map[string][]string, error) {
	attrs := append([]Attribute(nil), def.Attributes...)
	sort.SliceStable(attrs, func(i, j int) bool { return attrs[i].Order < attrs[j].Order })
	out := map[string][]string{}
	var errs Errors
	for _, a := range attrs {
		if !a.Variable {
			continue
		}
		vals := given[a.Code]
		field := "attribute[" + a.Code + "]"
		if len(vals) == 0 {
			if a.Required {
				errs = append(errs, BadRequest(field, field+" is required"))
			}
			continue
		}
		if a.Datatype != MultiValueList && len(vals) > 1 {
			errs = append(errs, BadRequest(field, field+" takes one value, got "+strconv.Itoa(len(vals))))
			continue
		}
		clean, e, ok := checkAttribute(a, field, vals)
		if !ok {
			errs = append(errs, e)
			continue
		}
		out[a.Code] = clean
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func checkAttribute(a Attribute, field string, vals []string) ([]string, Error, bool) {
	v := vals[0]
	switch a.Datatype {
	case Number:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, BadRequest(field, field+" must be a number, got "+quote(v)), false
		}
		return []string{v}, Error{}, true
	case Datetime:
		t, err := ParseTime(v)
		if err != nil {
			return nil, BadRequest(field, field+" must be an ISO 8601 date-time such as 2010-04-14T06:37:38-08:00, got "+quote(v)), false
		}
		return []string{At(t).String()}, Error{}, true
	case SingleValueList, MultiValueList:
		return checkListValues(a, field, vals)
	case Text:
		return checkLength(field, v, MaxTextAttribute)
	default: // string, and any datatype a definition got wrong
		return checkLength(field, v, MaxStringAttribute)
	}
}

func checkLength(field, v string, max int) ([]string, Error, bool) {
	if n := utf8.RuneCountInString(v); n > max {
		return nil, BadRequest(field, field+" is too long: at most "+strconv.Itoa(max)+" characters, got "+strconv.Itoa(n)), false
	}
	return []string{v}, Error{}, true
}

func checkListValues(a Attribute, field string, vals []string) ([]string, Error, bool) {
	keys := make(map[string]bool, len(a.Values))
	names := make([]string, 0, len(a.Values))
	for _, k := range a.Values {
		keys[k.Key] = true
		names = append(names, k.Key)
	}
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		if !keys[v] {
			return nil, BadRequest(field, field+" has no value with key "+quote(v)+"; allowed keys: "+strings.Join(names, ", ")), false
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out, Error{}, true
}
