// Package opendata publishes the platform's aggregate statistics as open
// data: tables with small-cell suppression, written as CSV and JSON, and
// their DCAT-AP.de metadata (a catalogue of datasets and distributions),
// written as JSON-LD and RDF/XML for a CKAN or GovData harvester. It holds
// no HTTP and no SQL; a Store gives the aggregates.
package opendata

import "time"

// Vocabulary URIs the catalogue uses (DCAT-AP.de 2.0 and the EU
// authority tables it prescribes).
const (
	// LicenseDLBY20 is "Datenlizenz Deutschland – Namensnennung 2.0", the default.
	LicenseDLBY20 = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
	// LicenseDLZero20 is "Datenlizenz Deutschland – Zero 2.0" (no attribution).
	LicenseDLZero20 = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"

	themeBase     = "http://publications.europa.eu/resource/authority/data-theme/"
	frequencyBase = "http://publications.europa.eu/resource/authority/frequency/"
	fileTypeBase  = "http://publications.europa.eu/resource/authority/file-type/"

	// GeocodingLevelMunicipality is dcatde:politicalGeocodingLevelURI for a city.
	GeocodingLevelMunicipality = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"
	geocodingMunicipalityKey   = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
)

// Themes of the EU data-theme vocabulary (dcat:theme).
const (
	ThemeGovernment = themeBase + "GOVE" // government and public sector
	ThemeSociety    = themeBase + "SOCI" // population and society
	ThemeRegions    = themeBase + "REGI" // regions and cities
)

// FrequencyContinuous is dct:accrualPeriodicity for figures that grow
// with every transaction; FrequencyMonthly for monthly series.
const (
	FrequencyContinuous = frequencyBase + "UPDATE_CONT"
	FrequencyMonthly    = frequencyBase + "MONTHLY"
)

// euThemes are the codes of the EU data-theme vocabulary.
var euThemes = map[string]bool{"AGRI": true, "ECON": true, "EDUC": true, "ENER": true, "ENVI": true,
	"GOVE": true, "HEAL": true, "INTR": true, "JUST": true, "REGI": true, "SOCI": true, "TECH": true, "TRAN": true, "OP_DATPRO": true}

// MunicipalityURI is the dcatde:politicalGeocodingURI of the municipality
// with the official key ags (Amtlicher Gemeindeschlüssel, e.g. 16053000).
func MunicipalityURI(ags string) string { return geocodingMunicipalityKey + ags }

// Text is a literal in several languages, by language code ("de", "en").
type Text map[string]string

// Agent is a foaf:Agent: the publisher of a catalogue or dataset.
type Agent struct {
	Name string
	URI  string
}

// Contact is a dcat:contactPoint (vcard:Organization).
type Contact struct {
	Name  string
	Email string
	URL   string
}

// Period is a dct:PeriodOfTime with start and end dates.
type Period struct{ Start, End time.Time }

// Catalog is a dcat:Catalog.
type Catalog struct {
	URI         string
	Title       Text
	Description Text
	Publisher   Agent
	Homepage    string
	Languages   []string // ISO 639-1 codes, written as EU language URIs
	License     string
	Spatial     string
	Issued      time.Time
	Modified    time.Time
	Datasets    []Dataset
}

// Dataset is a dcat:Dataset.
type Dataset struct {
	URI            string
	Identifier     string
	Title          Text
	Description    Text
	Keywords       map[string][]string // by language
	Themes         []string
	Publisher      Agent
	Contact        Contact
	ContributorID  string // dcatde:contributorID
	GeocodingURI   string // dcatde:politicalGeocodingURI
	GeocodingLevel string // dcatde:politicalGeocodingLevelURI
	Spatial        string
	Temporal       *Period
	Issued         time.Time
	Modified       time.Time
	Periodicity    string
	LandingPage    string
	Distributions  []Distribution
}

// Distribution is a dcat:Distribution: one file of a dataset.
type Distribution struct {
	URI         string
	Title       Text
	Description Text
	AccessURL   string
	DownloadURL string
	MediaType   string // IANA media type, e.g. text/csv
	Format      string // EU file-type URI
	License     string
	Attribution string // dcatde:licenseAttributionByText
	Issued      time.Time
	Modified    time.Time
}

// FileType is the EU file-type URI for a code such as "CSV" or "JSON".
func FileType(code string) string { return fileTypeBase + code }

// licenses name the licences the settings may choose, with the page that
// explains each (shown to people; the catalogue carries the URI).
var licenses = map[string]struct{ Name, URL string }{
	LicenseDLBY20:   {"Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0"},
	LicenseDLZero20: {"Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"},
	"http://dcat-ap.de/def/licenses/cc-by/4.0": {"Creative Commons Namensnennung – 4.0 International (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/"},
}

// LicenseInfo is a licence's name and explanatory page; the URI itself
// for both when it is not one of the known licences.
func LicenseInfo(uri string) (name, page string) {
	if l, ok := licenses[uri]; ok {
		return l.Name, l.URL
	}
	return uri, uri
}
