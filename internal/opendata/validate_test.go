package opendata

import (
	"strings"
	"testing"
	"time"
)

// completeCatalog is a catalogue with every required and recommended
// property set.
func completeCatalog() Catalog {
	day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	pub := Agent{Name: "Stadt Jena", URI: "https://www.jena.de"}
	dist := func(ext, mt string) Distribution {
		u := "https://rathaus.example/opendata/antraege." + ext
		return Distribution{URI: "https://rathaus.example/offene-daten#antraege-" + ext, Title: Text{"de": "Anträge"},
			AccessURL: u, DownloadURL: u, MediaType: mt, Format: FileType(strings.ToUpper(ext)),
			License: LicenseDLBY20, Attribution: "Stadt Jena", Modified: day}
	}
	return Catalog{
		URI: "https://rathaus.example/offene-daten#katalog", Title: Text{"de": "Offene Daten", "en": "Open data"},
		Description: Text{"de": "Kennzahlen"}, Publisher: pub, Homepage: "https://rathaus.example/offene-daten",
		Languages: []string{"de", "en"}, License: LicenseDLBY20, Spatial: MunicipalityURI("16053000"), Issued: day, Modified: day,
		Datasets: []Dataset{{
			URI: "https://rathaus.example/offene-daten#antraege", Identifier: "antraege",
			Title: Text{"de": "Anträge nach Kanal"}, Description: Text{"de": "Anträge je Leistung und Monat"},
			Keywords: map[string][]string{"de": {"Anträge"}}, Themes: []string{ThemeGovernment}, Publisher: pub,
			Contact:       Contact{Name: "Stadt Jena", Email: "opendata@jena.example"},
			ContributorID: "http://dcat-ap.de/def/contributors/stadtJena",
			GeocodingURI:  MunicipalityURI("16053000"), GeocodingLevel: GeocodingLevelMunicipality,
			Temporal: &Period{Start: day.AddDate(0, -2, 0), End: day}, Issued: day, Modified: day,
			Periodicity: FrequencyContinuous, LandingPage: "https://rathaus.example/offene-daten#antraege",
			Distributions: []Distribution{dist("csv", "text/csv"), dist("json", "application/json")},
		}},
	}
}

func TestValidateComplete(t *testing.T) {
	if ps := Validate(completeCatalog()); len(ps) != 0 {
		t.Errorf("a complete catalogue: got problems %v, want none", ps)
	}
}

// TestValidateRequired drops each required property in turn and expects
// exactly that property to be reported.
func TestValidateRequired(t *testing.T) {
	tests := []struct {
		property string
		drop     func(c *Catalog)
	}{
		{"dct:title", func(c *Catalog) { c.Title = nil }},
		{"dct:description", func(c *Catalog) { c.Description = Text{"de": " "} }},
		{"dct:publisher", func(c *Catalog) { c.Publisher.Name = "" }},
		{"dct:publisher", func(c *Catalog) { c.Publisher.URI = "" }},
		{"dcat:dataset", func(c *Catalog) { c.Datasets = nil }},
		{"@id", func(c *Catalog) { c.URI = "" }},
		{"dct:title", func(c *Catalog) { c.Datasets[0].Title = Text{} }},
		{"dct:description", func(c *Catalog) { c.Datasets[0].Description = nil }},
		{"dcatde:contributorID", func(c *Catalog) { c.Datasets[0].ContributorID = "" }},
		{"dcat:distribution", func(c *Catalog) { c.Datasets[0].Distributions = nil }},
		{"@id", func(c *Catalog) { c.Datasets[0].URI = "" }},
		{"dcat:accessURL", func(c *Catalog) { c.Datasets[0].Distributions[1].AccessURL = "" }},
		{"dct:license", func(c *Catalog) { c.Datasets[0].Distributions[0].License = "" }},
		{"dcatde:licenseAttributionByText", func(c *Catalog) { c.Datasets[0].Distributions[0].Attribution = "" }},
		{"dcatde:politicalGeocodingLevelURI", func(c *Catalog) { c.Datasets[0].GeocodingLevel = "" }},
	}
	for _, tt := range tests {
		c := completeCatalog()
		tt.drop(&c)
		ps := Validate(c)
		if len(ps) != 1 || ps[0].Property != tt.property {
			t.Errorf("without %s: got %v, want exactly one problem with it", tt.property, ps)
		}
	}
}

func TestValidateStructure(t *testing.T) {
	tests := []struct {
		name, want string
		change     func(c *Catalog)
	}{
		{"relative access URL", "not an absolute URI", func(c *Catalog) { c.Datasets[0].Distributions[0].AccessURL = "/opendata/x.csv" }},
		{"theme outside the vocabulary", "EU data-theme", func(c *Catalog) { c.Datasets[0].Themes = []string{"http://example.org/theme/x"} }},
		{"duplicate identifier", "already the identifier", func(c *Catalog) {
			c.Datasets[0].Distributions[1].URI = c.Datasets[0].Distributions[0].URI
		}},
		{"period ends before it starts", "ends before", func(c *Catalog) {
			p := c.Datasets[0].Temporal
			p.Start, p.End = p.End, p.Start
		}},
		{"media type", "not a media type", func(c *Catalog) { c.Datasets[0].Distributions[0].MediaType = "csv" }},
	}
	for _, tt := range tests {
		c := completeCatalog()
		tt.change(&c)
		ps := Validate(c)
		if len(ps) != 1 || !strings.Contains(ps[0].Message, tt.want) {
			t.Errorf("%s: got %v, want one problem saying %q", tt.name, ps, tt.want)
		}
	}
}

// TestZeroLicenceNeedsNoAttribution: "Zero" asks for no attribution text.
func TestZeroLicenceNeedsNoAttribution(t *testing.T) {
	c := completeCatalog()
	for i := range c.Datasets[0].Distributions {
		c.Datasets[0].Distributions[i].License, c.Datasets[0].Distributions[i].Attribution = LicenseDLZero20, ""
	}
	if ps := Validate(c); len(ps) != 0 {
		t.Errorf("got %v, want none", ps)
	}
}
