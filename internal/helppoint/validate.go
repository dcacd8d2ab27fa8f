package helppoint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
)

var (
	postcodeRE = regexp.MustCompile(`^\d{5}$`)
	phoneRE    = regexp.MustCompile(`^\+?[0-9 ()/\-]{5,30}$`)
	emailRE    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// StopField names the form field of stop i's part ("place", "address",
// "start", "end"), so errors point to the right input.
func StopField(i int, part string) string { return fmt.Sprintf("stop-%d-%s", i, part) }

// Normalize trims p's texts and drops empty languages and stops without
// any content, before Validate.
func Normalize(p *Point) {
	for _, s := range []*string{&p.Name, &p.Kind, &p.Street, &p.Postcode, &p.City, &p.Phone, &p.Email, &p.Offers, &p.Access} {
		*s = strings.TrimSpace(*s)
	}
	var langs []string
	for _, l := range p.Languages {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	p.Languages = langs
	for i := range p.Stops {
		p.Stops[i].Place = strings.TrimSpace(p.Stops[i].Place)
		p.Stops[i].Address = strings.TrimSpace(p.Stops[i].Address)
	}
}

// Validate checks p; errors are Invalid faults naming the form fields
// ("name", "lat", "stop-0-end", ...).
func Validate(p *Point) error {
	var v fault.Validator
	long := func(s string, max int) bool { return utf8.RuneCountInString(s) > max }
	v.Check(p.Name != "", "name", "error.helppoints.name_required")
	v.Check(!long(p.Name, MaxName), "name", "error.helppoints.too_long", MaxName)
	v.Check(slices.Contains(Kinds, p.Kind), "kind", "error.helppoints.kind")
	v.Check(p.Street != "" && !long(p.Street, MaxLine), "street", "error.helppoints.street")
	v.Check(postcodeRE.MatchString(p.Postcode), "postcode", "error.helppoints.postcode")
	v.Check(p.City != "" && !long(p.City, MaxLine), "city", "error.helppoints.city")
	// Germany's help points: anything far outside is a typo (or
	// swapped latitude and longitude).
	v.Check(p.Lat >= 47 && p.Lat <= 55.1, "lat", "error.helppoints.lat")
	v.Check(p.Lon >= 5.8 && p.Lon <= 15.1, "lon", "error.helppoints.lon")
	v.Check(p.Phone == "" || phoneRE.MatchString(p.Phone), "phone", "error.helppoints.phone")
	v.Check(p.Email == "" || emailRE.MatchString(p.Email) && !long(p.Email, MaxLine), "email", "error.helppoints.email")
	v.Check(!long(p.Offers, MaxText), "offers", "error.helppoints.too_long", MaxText)
	v.Check(!long(p.Access, MaxText), "access", "error.helppoints.too_long", MaxText)
	v.Check(len(p.Languages) <= MaxLangs, "languages", "error.helppoints.languages", MaxLangs)
	for _, l := range p.Languages {
		if long(l, 40) {
			v.Add("languages", "error.helppoints.languages", MaxLangs)
			break
		}
	}
	if p.Kind == KindFixed {
		v.Check(len(p.Stops) == 0, "kind", "error.helppoints.fixed_stops")
	}
	v.Check(len(p.Stops) <= MaxStops, "kind", "error.helppoints.stops", MaxStops)
	for i, s := range p.Stops {
		v.Check(s.Place != "" && !long(s.Place, MaxLine), StopField(i, "place"), "error.helppoints.stop_place")
		v.Check(!long(s.Address, MaxLine), StopField(i, "address"), "error.helppoints.too_long", MaxLine)
		v.Check(!s.Start.IsZero(), StopField(i, "start"), "error.helppoints.stop_start")
		v.Check(s.Start.IsZero() || s.End.After(s.Start) && s.End.Sub(s.Start) <= 24*60*60e9,
			StopField(i, "end"), "error.helppoints.stop_end")
	}
	return v.Err()
}
