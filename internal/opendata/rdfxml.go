package opendata

import (
	"bufio"
	"encoding/xml"
	"io"
	"strings"
)

// WriteRDFXML writes the catalogue as RDF/XML in the striped form
// harvesters expect: a dcat:Catalog element with its datasets and their
// distributions nested as typed node elements.
func WriteRDFXML(w io.Writer, c Catalog) error {
	b := bufio.NewWriter(w)
	b.WriteString(xml.Header + "<rdf:RDF")
	for _, ns := range namespaces {
		b.WriteString("\n    xmlns:" + ns.prefix + `="` + ns.iri + `"`)
	}
	b.WriteString(">\n")
	writeXMLNode(b, graph(c), 1)
	b.WriteString("</rdf:RDF>\n")
	return b.Flush()
}

func writeXMLNode(b *bufio.Writer, n *node, depth int) {
	in := strings.Repeat("  ", depth)
	b.WriteString(in + "<" + n.typ)
	if n.id != "" {
		b.WriteString(` rdf:about="` + escape(n.id) + `"`)
	}
	b.WriteString(">\n")
	for _, p := range n.props {
		writeXMLProp(b, p, depth+1)
	}
	b.WriteString(in + "</" + n.typ + ">\n")
}

func writeXMLProp(b *bufio.Writer, p prop, depth int) {
	in := strings.Repeat("  ", depth)
	switch {
	case p.node != nil:
		b.WriteString(in + "<" + p.name + ">\n")
		writeXMLNode(b, p.node, depth+1)
		b.WriteString(in + "</" + p.name + ">\n")
	case p.ref != "":
		b.WriteString(in + "<" + p.name + ` rdf:resource="` + escape(p.ref) + `"/>` + "\n")
	default:
		b.WriteString(in + "<" + p.name)
		if p.lang != "" {
			b.WriteString(` xml:lang="` + escape(p.lang) + `"`)
		}
		if p.dtype != "" {
			b.WriteString(` rdf:datatype="` + escape(expand(p.dtype)) + `"`)
		}
		b.WriteString(">" + escape(p.lit) + "</" + p.name + ">\n")
	}
}

// expand turns a compact IRI ("xsd:date") into the full one.
func expand(curie string) string {
	prefix, local, _ := strings.Cut(curie, ":")
	for _, ns := range namespaces {
		if ns.prefix == prefix {
			return ns.iri + local
		}
	}
	return curie
}

func escape(s string) string {
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s))
	return sb.String()
}
