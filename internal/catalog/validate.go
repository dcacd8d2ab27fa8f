package catalog

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// MaxNameLen is the longest service name, in characters.
const MaxNameLen = 200

// Validate checks a service's content as editors and imports must leave
// it. Problems come back as one Invalid fault listing every field, each
// with the translation key "error.catalog.<field>" (the field named as in
// the JSON exchange format).
func (c Content) Validate() error {
	var v fault.Validator
	name := strings.TrimSpace(c.Name)
	v.Check(name != "" && utf8.RuneCountInString(name) <= MaxNameLen, "name", "error.catalog.name", MaxNameLen)
	for _, k := range c.LeiKa {
		if !ValidLeiKa(k) {
			v.Add("leika", "error.catalog.leika", k)
			break
		}
	}
	v.Check(c.OZGLevel >= 0 && c.OZGLevel <= 4, "ozg_level", "error.catalog.ozg_level")
	for _, g := range c.TargetGroups {
		if g != TargetPeople && g != TargetCompanies {
			v.Add("target_groups", "error.catalog.target_groups", g)
			break
		}
	}
	v.Check(c.OnlineURL == "" || ValidActionURL(c.OnlineURL), "online_url", "error.catalog.online_url")
	v.Check(c.AppointmentURL == "" || ValidActionURL(c.AppointmentURL), "appointment_url", "error.catalog.appointment_url")
	v.Check(validFees(c.Fees), "fees", "error.catalog.fees")
	v.Check(validLinks(c.Links), "links", "error.catalog.links")
	v.Check(validLegalBases(c.LegalBases), "legal_bases", "error.catalog.legal_bases")
	v.Check(c.Duration >= 0, "duration_minutes", "error.catalog.duration_minutes")
	return v.Err()
}

// ValidLeiKa reports whether k is a LeiKa key: exactly 14 digits.
func ValidLeiKa(k string) bool {
	if len(k) != 14 {
		return false
	}
	for _, r := range k {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ValidURL reports whether s is an absolute http or https URL with a host.
func ValidURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

// ValidActionURL accepts what ValidURL accepts and also a path on this
// site ("/termine?leistung=…"), because online applications and
// appointment booking are often rathaus' own pages.
func ValidActionURL(s string) bool {
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.ContainsAny(s, " \t\n\\") {
		return true
	}
	return ValidURL(s)
}

func validFees(fees []Fee) bool {
	for _, f := range fees {
		if f.Cents < 0 || f.MaxCents < 0 || (f.MaxCents > 0 && f.MaxCents < f.Cents) {
			return false
		}
	}
	return true
}

func validLinks(links []Link) bool {
	for _, l := range links {
		if (l.Kind != LinkForm && l.Kind != LinkInfo) || strings.TrimSpace(l.Title) == "" || !ValidURL(l.URL) {
			return false
		}
	}
	return true
}

func validLegalBases(lbs []LegalBasis) bool {
	for _, lb := range lbs {
		if strings.TrimSpace(lb.Citation) == "" || (lb.URL != "" && !ValidURL(lb.URL)) {
			return false
		}
	}
	return true
}
