package opendata

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The writers are checked by reading their output back into triples with
// small independent readers (encoding/xml resolves the namespaces, the
// JSON-LD reader expands compact IRIs by the context): both documents must
// give the same triples, and those must hold what DCAT-AP.de asks for.

const (
	rdfNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	dcatNS   = "http://www.w3.org/ns/dcat#"
	dctNS    = "http://purl.org/dc/terms/"
	dcatdeNS = "http://dcat-ap.de/def/dcatde/"
)

// triple is subject, predicate, object; blank nodes are named by their
// path, objects are "<iri>" or a literal with @lang or ^^datatype.
type triple struct{ S, P, O string }

func TestWritersAgree(t *testing.T) {
	c := completeCatalog()
	var ld, rdf bytes.Buffer
	if err := WriteJSONLD(&ld, c); err != nil {
		t.Fatal(err)
	}
	if err := WriteRDFXML(&rdf, c); err != nil {
		t.Fatal(err)
	}
	fromLD := jsonLDTriples(t, ld.Bytes())
	fromXML := rdfXMLTriples(t, rdf.Bytes())
	if d := cmp.Diff(fromLD, fromXML); d != "" {
		t.Errorf("JSON-LD and RDF/XML differ (-jsonld +rdfxml):\n%s", d)
	}
	want := []triple{
		{"https://rathaus.example/offene-daten#katalog", rdfNS + "type", "<" + dcatNS + "Catalog>"},
		{"https://rathaus.example/offene-daten#katalog", dcatNS + "dataset", "<https://rathaus.example/offene-daten#antraege>"},
		{"https://rathaus.example/offene-daten#antraege", dcatdeNS + "contributorID", "<http://dcat-ap.de/def/contributors/stadtJena>"},
		{"https://rathaus.example/offene-daten#antraege", dcatdeNS + "politicalGeocodingURI", "<http://dcat-ap.de/def/politicalGeocoding/municipalityKey/16053000>"},
		{"https://rathaus.example/offene-daten#antraege", dctNS + "title", `"Anträge nach Kanal"@de`},
		{"https://rathaus.example/offene-daten#antraege", dctNS + "issued", `"2026-11-28"^^http://www.w3.org/2001/XMLSchema#date`},
		{"https://rathaus.example/offene-daten#antraege-csv", dctNS + "license", "<" + LicenseDLBY20 + ">"},
		{"https://rathaus.example/offene-daten#antraege-csv", dcatdeNS + "licenseAttributionByText", `"Stadt Jena"`},
		{"https://rathaus.example/offene-daten#antraege-csv", dcatNS + "accessURL", "<https://rathaus.example/opendata/antraege.csv>"},
		{"https://rathaus.example/offene-daten#antraege-json", dcatNS + "mediaType", "<https://www.iana.org/assignments/media-types/application/json>"},
	}
	have := map[triple]bool{}
	for _, tr := range fromXML {
		have[tr] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("missing triple %v", w)
		}
	}
}

func TestRDFXMLEscapes(t *testing.T) {
	c := completeCatalog()
	c.Title = Text{"de": `Daten <&> "Jena"`}
	var b bytes.Buffer
	if err := WriteRDFXML(&b, c); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tr := range rdfXMLTriples(t, b.Bytes()) {
		found = found || tr.O == `"Daten <&> "Jena""@de`
	}
	if !found {
		t.Errorf("title with markup characters did not survive:\n%s", b.String())
	}
}

func jsonLDTriples(t *testing.T, b []byte) []triple {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("JSON-LD is not JSON: %v", err)
	}
	ctx, _ := doc["@context"].(map[string]any)
	expand := func(s string) string {
		if p, local, ok := strings.Cut(s, ":"); ok {
			if iri, ok := ctx[p].(string); ok {
				return iri + local
			}
		}
		return s
	}
	var out []triple
	var walk func(n map[string]any, path string) string
	walk = func(n map[string]any, path string) string {
		subj, _ := n["@id"].(string)
		if subj == "" {
			subj = "_:" + path
		}
		out = append(out, triple{subj, rdfNS + "type", "<" + expand(n["@type"].(string)) + ">"})
		for k, v := range n {
			if strings.HasPrefix(k, "@") {
				continue
			}
			vs, ok := v.([]any)
			if !ok {
				vs = []any{v}
			}
			for i, v := range vs {
				out = append(out, triple{subj, expand(k), jsonObject(v, expand, walk, fmt.Sprintf("%s/%s[%d]", path, expand(k), i))})
			}
		}
		return subj
	}
	walk(doc, "")
	return sorted(out)
}

func jsonObject(v any, expand func(string) string, walk func(map[string]any, string) string, path string) string {
	switch x := v.(type) {
	case string:
		return `"` + x + `"`
	case map[string]any:
		if _, ok := x["@type"]; ok && x["@value"] == nil {
			return "<" + walk(x, path) + ">"
		}
		if id, ok := x["@id"].(string); ok && len(x) == 1 {
			return "<" + id + ">"
		}
		val, _ := x["@value"].(string)
		if l, ok := x["@language"].(string); ok {
			return `"` + val + `"@` + l
		}
		return `"` + val + `"^^` + expand(x["@type"].(string))
	}
	return fmt.Sprint(v)
}

// rdfXMLTriples reads the striped RDF/XML the writer produces.
func rdfXMLTriples(t *testing.T, b []byte) []triple {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []triple
	var node func(start xml.StartElement, path string) string
	prop := func(subj string, start xml.StartElement, path string) {
		pred := start.Name.Space + start.Name.Local
		var lang, dtype string
		for _, a := range start.Attr {
			switch {
			case a.Name.Space == rdfNS && a.Name.Local == "resource":
				out = append(out, triple{subj, pred, "<" + a.Value + ">"})
				_ = d.Skip()
				return
			case a.Name.Local == "lang":
				lang = a.Value
			case a.Name.Local == "datatype":
				dtype = a.Value
			}
		}
		var text strings.Builder
		nested := false
		for {
			tok, err := d.Token()
			if err != nil {
				t.Fatalf("RDF/XML: %v", err)
			}
			switch x := tok.(type) {
			case xml.CharData:
				text.Write(x)
			case xml.StartElement:
				nested = true
				out = append(out, triple{subj, pred, "<" + node(x, path) + ">"})
			case xml.EndElement:
				if !nested {
					o := `"` + text.String() + `"`
					if lang != "" {
						o += "@" + lang
					} else if dtype != "" {
						o += "^^" + dtype
					}
					out = append(out, triple{subj, pred, o})
				}
				return
			}
		}
	}
	node = func(start xml.StartElement, path string) string {
		subj := "_:" + path
		for _, a := range start.Attr {
			if a.Name.Space == rdfNS && a.Name.Local == "about" {
				subj = a.Value
			}
		}
		out = append(out, triple{subj, rdfNS + "type", "<" + start.Name.Space + start.Name.Local + ">"})
		counts := map[string]int{}
		for {
			tok, err := d.Token()
			if err != nil {
				t.Fatalf("RDF/XML: %v", err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				key := x.Name.Space + x.Name.Local
				prop(subj, x, fmt.Sprintf("%s/%s[%d]", path, key, counts[key]))
				counts[key]++
			case xml.EndElement:
				return subj
			}
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("RDF/XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space != rdfNS {
			node(se, "")
		}
	}
	return sorted(out)
}

func sorted(ts []triple) []triple {
	sort.Slice(ts, func(i, j int) bool { return fmt.Sprint(ts[i]) < fmt.Sprint(ts[j]) })
	return ts
}
