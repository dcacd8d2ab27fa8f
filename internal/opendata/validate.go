package opendata

import (
	"fmt"
	"net/url"
	"strings"
)

// Problem is one way a catalogue falls short of DCAT-AP.de: where (e.g.
// "dataset[2].distribution[0]"), which property, and what is wrong.
type Problem struct {
	Path     string
	Property string
	Message  string
}

func (p Problem) String() string { return p.Path + " " + p.Property + ": " + p.Message }

// Validate checks the catalogue's structure and the properties DCAT-AP.de
// 2.0 and its conventions (Konventionenhandbuch) require: catalogue title,
// description, publisher and datasets; dataset title, description,
// contributor ID and distributions; distribution access URL and licence,
// with the attribution text a "Namensnennung" licence demands. It also
// checks that URIs are absolute, identifiers unique, themes from the EU
// vocabulary and the political geocoding complete. None: valid.
func Validate(c Catalog) []Problem {
	v := &validator{seen: map[string]string{}}
	v.uri("catalog", "@id", c.URI, true)
	v.text("catalog", "dct:title", c.Title)
	v.text("catalog", "dct:description", c.Description)
	v.agent("catalog", c.Publisher)
	v.uri("catalog", "dct:license", c.License, false)
	if len(c.Datasets) == 0 {
		v.add("catalog", "dcat:dataset", "required: the catalogue lists no dataset")
	}
	for i, d := range c.Datasets {
		v.dataset(fmt.Sprintf("dataset[%d]", i), d)
	}
	return v.problems
}

type validator struct {
	problems []Problem
	seen     map[string]string // URI -> path that used it first
}

func (v *validator) add(path, property, msg string) {
	v.problems = append(v.problems, Problem{path, property, msg})
}

func (v *validator) dataset(path string, d Dataset) {
	v.uri(path, "@id", d.URI, true)
	v.text(path, "dct:title", d.Title)
	v.text(path, "dct:description", d.Description)
	v.uri(path, "dcatde:contributorID", d.ContributorID, true)
	if d.Publisher != (Agent{}) {
		v.agent(path, d.Publisher)
	}
	for _, t := range d.Themes {
		if code, ok := strings.CutPrefix(t, themeBase); !ok || !euThemes[code] {
			v.add(path, "dcat:theme", "not in the EU data-theme vocabulary: "+t)
		}
	}
	v.uri(path, "dcatde:politicalGeocodingURI", d.GeocodingURI, false)
	v.uri(path, "dcatde:politicalGeocodingLevelURI", d.GeocodingLevel, d.GeocodingURI != "")
	if d.Temporal != nil && !d.Temporal.End.IsZero() && d.Temporal.End.Before(d.Temporal.Start) {
		v.add(path, "dct:temporal", "ends before it starts")
	}
	if d.Contact != (Contact{}) && d.Contact.Email == "" && d.Contact.URL == "" {
		v.add(path, "dcat:contactPoint", "needs an e-mail address or a web address")
	}
	if len(d.Distributions) == 0 {
		v.add(path, "dcat:distribution", "required: the dataset has no distribution")
	}
	for i, dist := range d.Distributions {
		v.distribution(fmt.Sprintf("%s.distribution[%d]", path, i), dist)
	}
}

func (v *validator) distribution(path string, d Distribution) {
	v.uri(path, "@id", d.URI, true)
	v.uri(path, "dcat:accessURL", d.AccessURL, true)
	v.uri(path, "dcat:downloadURL", d.DownloadURL, false)
	v.uri(path, "dct:license", d.License, true)
	if attributionRequired(d.License) && strings.TrimSpace(d.Attribution) == "" {
		v.add(path, "dcatde:licenseAttributionByText", "required: the licence asks for attribution")
	}
	if d.MediaType != "" && !strings.Contains(d.MediaType, "/") {
		v.add(path, "dcat:mediaType", "not a media type: "+d.MediaType)
	}
}

// attributionRequired reports whether a licence is one of the
// "Namensnennung" (by) licences that need dcatde:licenseAttributionByText.
func attributionRequired(license string) bool {
	return strings.Contains(license, "/dl-by-") || strings.Contains(license, "/cc-by")
}

func (v *validator) text(path, property string, t Text) {
	for _, s := range t {
		if strings.TrimSpace(s) != "" {
			return
		}
	}
	v.add(path, property, "required")
}

func (v *validator) agent(path string, a Agent) {
	if strings.TrimSpace(a.Name) == "" {
		v.add(path, "dct:publisher", "required: the publisher needs a name (foaf:name)")
	}
	v.uri(path, "dct:publisher", a.URI, true)
}

// uri checks that s is an absolute URI; resource identifiers (@id) must
// also be unique.
func (v *validator) uri(path, property, s string, required bool) {
	if s == "" {
		if required {
			v.add(path, property, "required")
		}
		return
	}
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || (u.Host == "" && u.Opaque == "") {
		v.add(path, property, "not an absolute URI: "+s)
		return
	}
	if property != "@id" {
		return
	}
	if first, dup := v.seen[s]; dup {
		v.add(path, property, "already the identifier of "+first)
	}
	v.seen[s] = path
}
