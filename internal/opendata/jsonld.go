package opendata

import (
	"encoding/json"
	"io"
)

// WriteJSONLD writes the catalogue as one JSON-LD document: the catalogue
// node with its datasets and distributions nested, compact IRIs under a
// context that declares the prefixes.
func WriteJSONLD(w io.Writer, c Catalog) error {
	ctx := map[string]string{}
	for _, ns := range namespaces {
		ctx[ns.prefix] = ns.iri
	}
	doc := jsonNode(graph(c))
	doc["@context"] = ctx
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// jsonNode is n as a JSON-LD node object; a property given more than
// once becomes an array.
func jsonNode(n *node) map[string]any {
	m := map[string]any{"@type": n.typ}
	if n.id != "" {
		m["@id"] = n.id
	}
	for _, p := range n.props {
		v := jsonValue(p)
		switch old := m[p.name].(type) {
		case nil:
			m[p.name] = v
		case []any:
			m[p.name] = append(old, v)
		default:
			m[p.name] = []any{old, v}
		}
	}
	return m
}

func jsonValue(p prop) any {
	switch {
	case p.node != nil:
		return jsonNode(p.node)
	case p.ref != "":
		return map[string]string{"@id": p.ref}
	case p.lang != "":
		return map[string]string{"@value": p.lit, "@language": p.lang}
	case p.dtype != "":
		return map[string]string{"@value": p.lit, "@type": p.dtype}
	default:
		return p.lit
	}
}
