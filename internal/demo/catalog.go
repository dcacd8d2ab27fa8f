package demo

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"rathaus/internal/catalog"
)

// catalogJSON is the demo city's catalogue in rathaus' own exchange
// format: the most used services of a German city written for Jena, with
// their real LeiKa keys, the offices that provide them and the life
// situations that group them. Addresses, hours and fees marked "Demo" are
// plausible, not official.
//
//go:embed catalog.json
var catalogJSON []byte

// Catalog decodes the embedded demo catalogue. It is strict: a field the
// bundle format does not know is an error, so a typo in the file fails the
// build's tests instead of silently dropping text.
func Catalog() (*catalog.Bundle, error) {
	dec := json.NewDecoder(bytes.NewReader(catalogJSON))
	dec.DisallowUnknownFields()
	var b catalog.Bundle
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("demo catalogue: %w", err)
	}
	if b.Format != catalog.BundleFormat {
		return nil, fmt.Errorf("demo catalogue: format %q, want %q", b.Format, catalog.BundleFormat)
	}
	return &b, nil
}
