package geo

import (
	_ "embed"
	"fmt"
)

// jenaSchematic is a hand-drawn, coarse map of Jena for the demo: NOT
// the official boundaries (see README.md). A city imports its own.
//
//go:embed jena_schematic.geojson
var jenaSchematic []byte

// JenaSchematicGeoJSON returns the demo file's bytes (a copy).
func JenaSchematicGeoJSON() []byte { return append([]byte(nil), jenaSchematic...) }

// JenaSchematic returns the demo map: the outline (property level
// "city") and the ten districts (level "district"), in the file's order.
// Schematic and hand-drawn, for the demo only.
func JenaSchematic() (outline Area, districts Areas) {
	res, err := Parse(jenaSchematic, Options{})
	if err != nil {
		panic(fmt.Sprintf("geo: the embedded Jena map does not parse: %v", err))
	}
	city, districts := Partition(res.Areas, "level", "city")
	if len(city) != 1 {
		panic("geo: the embedded Jena map needs exactly one outline")
	}
	return city[0], districts
}
