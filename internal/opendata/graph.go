package opendata

import (
	"sort"
	"time"
)

// namespaces are the prefixes both writers declare.
var namespaces = []struct{ prefix, iri string }{
	{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{"dcat", "http://www.w3.org/ns/dcat#"},
	{"dct", "http://purl.org/dc/terms/"},
	{"dcatde", "http://dcat-ap.de/def/dcatde/"},
	{"foaf", "http://xmlns.com/foaf/0.1/"},
	{"vcard", "http://www.w3.org/2006/vcard/ns#"},
	{"adms", "http://www.w3.org/ns/adms#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
}

// ianaMediaTypes prefixes a media type to make its IANA URI (DCAT-AP 2.0).
const ianaMediaTypes = "https://www.iana.org/assignments/media-types/"

// euLanguage is the EU authority URI of a language, for dct:language.
var euLanguage = map[string]string{"de": "DEU", "en": "ENG"}

// node is one RDF resource: both writers serialize the same tree, so the
// JSON-LD and RDF/XML forms always say the same.
type node struct {
	id    string // "" for a blank node
	typ   string // prefixed class, e.g. "dcat:Dataset"
	props []prop
}

// prop is one statement about a node: a literal (with a language or a
// datatype), a reference to a resource, or a nested node.
type prop struct {
	name  string
	lit   string
	lang  string
	dtype string
	ref   string
	node  *node
}

func (n *node) text(name string, t Text) {
	langs := make([]string, 0, len(t))
	for l, v := range t {
		if v != "" {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	for _, l := range langs {
		n.props = append(n.props, prop{name: name, lit: t[l], lang: l})
	}
}

func (n *node) literal(name, v string) {
	if v != "" {
		n.props = append(n.props, prop{name: name, lit: v})
	}
}

func (n *node) ref(name, uri string) {
	if uri != "" {
		n.props = append(n.props, prop{name: name, ref: uri})
	}
}

func (n *node) date(name string, t time.Time) {
	if !t.IsZero() {
		n.props = append(n.props, prop{name: name, lit: t.UTC().Format(time.DateOnly), dtype: "xsd:date"})
	}
}

func (n *node) child(name string, c *node) {
	if c != nil {
		n.props = append(n.props, prop{name: name, node: c})
	}
}

func agentNode(a Agent) *node {
	if a == (Agent{}) {
		return nil
	}
	n := &node{id: a.URI, typ: "foaf:Agent"}
	n.literal("foaf:name", a.Name)
	return n
}

func contactNode(c Contact) *node {
	if c == (Contact{}) {
		return nil
	}
	n := &node{typ: "vcard:Organization"}
	n.literal("vcard:fn", c.Name)
	if c.Email != "" {
		n.ref("vcard:hasEmail", "mailto:"+c.Email)
	}
	n.ref("vcard:hasURL", c.URL)
	return n
}

func periodNode(p *Period) *node {
	if p == nil {
		return nil
	}
	n := &node{typ: "dct:PeriodOfTime"}
	n.date("dcat:startDate", p.Start)
	n.date("dcat:endDate", p.End)
	return n
}

// graph turns the catalogue into the tree the writers serialize.
func graph(c Catalog) *node {
	n := &node{id: c.URI, typ: "dcat:Catalog"}
	n.text("dct:title", c.Title)
	n.text("dct:description", c.Description)
	n.child("dct:publisher", agentNode(c.Publisher))
	n.ref("foaf:homepage", c.Homepage)
	for _, l := range c.Languages {
		if code, ok := euLanguage[l]; ok {
			n.ref("dct:language", "http://publications.europa.eu/resource/authority/language/"+code)
		}
	}
	n.ref("dct:license", c.License)
	n.ref("dct:spatial", c.Spatial)
	n.ref("dcat:themeTaxonomy", "http://publications.europa.eu/resource/authority/data-theme")
	n.date("dct:issued", c.Issued)
	n.date("dct:modified", c.Modified)
	for _, d := range c.Datasets {
		n.child("dcat:dataset", datasetNode(d))
	}
	return n
}

func datasetNode(d Dataset) *node {
	n := &node{id: d.URI, typ: "dcat:Dataset"}
	n.text("dct:title", d.Title)
	n.text("dct:description", d.Description)
	n.literal("dct:identifier", d.Identifier)
	langs := make([]string, 0, len(d.Keywords))
	for l := range d.Keywords {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		for _, k := range d.Keywords[l] {
			n.props = append(n.props, prop{name: "dcat:keyword", lit: k, lang: l})
		}
	}
	for _, t := range d.Themes {
		n.ref("dcat:theme", t)
	}
	n.child("dct:publisher", agentNode(d.Publisher))
	n.child("dcat:contactPoint", contactNode(d.Contact))
	n.ref("dcatde:contributorID", d.ContributorID)
	n.ref("dcatde:politicalGeocodingURI", d.GeocodingURI)
	n.ref("dcatde:politicalGeocodingLevelURI", d.GeocodingLevel)
	n.ref("dct:spatial", d.Spatial)
	n.child("dct:temporal", periodNode(d.Temporal))
	n.date("dct:issued", d.Issued)
	n.date("dct:modified", d.Modified)
	n.ref("dct:accrualPeriodicity", d.Periodicity)
	n.ref("dcat:landingPage", d.LandingPage)
	for _, dist := range d.Distributions {
		n.child("dcat:distribution", distributionNode(dist))
	}
	return n
}

func distributionNode(d Distribution) *node {
	n := &node{id: d.URI, typ: "dcat:Distribution"}
	n.text("dct:title", d.Title)
	n.text("dct:description", d.Description)
	n.ref("dcat:accessURL", d.AccessURL)
	n.ref("dcat:downloadURL", d.DownloadURL)
	if d.MediaType != "" {
		n.ref("dcat:mediaType", ianaMediaTypes+d.MediaType)
	}
	n.ref("dct:format", d.Format)
	n.ref("dct:license", d.License)
	n.literal("dcatde:licenseAttributionByText", d.Attribution)
	n.date("dct:issued", d.Issued)
	n.date("dct:modified", d.Modified)
	return n
}
