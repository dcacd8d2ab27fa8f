package geo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Options steer Parse. The zero value is usable.
type Options struct {
	// KeyProperty and NameProperty name the feature properties that
	// hold the area's key and name ("key" and "name" when empty). A
	// feature without the key property takes the feature's "id" member,
	// then its name; one without a name takes its key.
	KeyProperty, NameProperty string
	// SkipOther skips features that are not a Polygon or MultiPolygon
	// (points, lines, null geometries; Parse reports how many). By
	// default they are refused: a district file with a stray line is
	// usually the wrong file.
	SkipOther bool
	// MaxVertices bounds the positions of the whole file (default
	// 200,000), MaxFeatures its areas (default 1,000), MaxBytes its size
	// (default 20 MB). Simplify big boundaries before importing.
	MaxVertices, MaxFeatures, MaxBytes int
	// Extent, when set, is where every position must lie (e.g. the
	// city's region). A file whose positions fit only when read the
	// other way round is refused as written latitude first.
	Extent *BBox
}

func (o Options) withDefaults() Options {
	if o.KeyProperty == "" {
		o.KeyProperty = "key"
	}
	if o.NameProperty == "" {
		o.NameProperty = "name"
	}
	if o.MaxVertices <= 0 {
		o.MaxVertices = 200000
	}
	if o.MaxFeatures <= 0 {
		o.MaxFeatures = 1000
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 20 << 20
	}
	return o
}

// Error is an import error: which feature (0-based, -1 for the file) and
// what is wrong. Code is a stable word for translation keys
// ("error.geo.<code>"): json, type, geometry, ring_open, ring_short,
// range, order, extent, too_many_vertices, too_many_features, too_big,
// no_key, duplicate_key, hole_outside.
type Error struct {
	Feature int
	Code    string
	Msg     string
}

func (e *Error) Error() string {
	if e.Feature < 0 {
		return "geojson: " + e.Msg
	}
	return fmt.Sprintf("geojson: feature %d: %s", e.Feature+1, e.Msg)
}

// Result is what Parse read.
type Result struct {
	Areas Areas
	// Skipped counts the features left out under SkipOther.
	Skipped int
}

type rawFeature struct {
	Type       string                     `json:"type"`
	ID         json.RawMessage            `json:"id"`
	Geometry   *rawGeometry               `json:"geometry"`
	Properties map[string]json.RawMessage `json:"properties"`
}

type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

type rawDoc struct {
	Type     string       `json:"type"`
	Features []rawFeature `json:"features"`
	rawFeature
}

// Parse reads a GeoJSON FeatureCollection (or a single Feature) of
// Polygon and MultiPolygon features into areas, in the file's order.
// It checks what breaks maps silently: rings not closed or with fewer
// than four positions, positions out of range or (with Extent) written
// latitude first, holes outside their polygon's box, missing or
// duplicate keys, and the size limits. Winding order is not checked
// (RFC 7946 asks parsers not to), nor self-intersection.
func Parse(data []byte, opt Options) (Result, error) {
	o := opt.withDefaults()
	if len(data) > o.MaxBytes {
		return Result{}, &Error{-1, "too_big", fmt.Sprintf("the file has %d bytes, more than the limit of %d", len(data), o.MaxBytes)}
	}
	var doc rawDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return Result{}, &Error{-1, "json", "not valid JSON: " + err.Error()}
	}
	var feats []rawFeature
	switch doc.Type {
	case "FeatureCollection":
		feats = doc.Features
	case "Feature":
		f := doc.rawFeature
		f.Type = doc.Type
		feats = []rawFeature{f}
	case "":
		return Result{}, &Error{-1, "type", `no "type": expected a GeoJSON FeatureCollection`}
	default:
		return Result{}, &Error{-1, "type", fmt.Sprintf("type %q: expected a FeatureCollection of Polygon or MultiPolygon features", doc.Type)}
	}
	p := parser{o: o, keys: map[string]int{}}
	var res Result
	for i, f := range feats {
		a, ok, err := p.feature(i, f)
		if err != nil {
			return Result{}, err
		}
		if !ok {
			res.Skipped++
			continue
		}
		if len(res.Areas) == o.MaxFeatures {
			return Result{}, &Error{i, "too_many_features", fmt.Sprintf("more than %d areas", o.MaxFeatures)}
		}
		res.Areas = append(res.Areas, a)
	}
	return res, nil
}

type parser struct {
	o        Options
	vertices int
	keys     map[string]int
}

func (p *parser) feature(i int, f rawFeature) (Area, bool, error) {
	fail := func(code, format string, args ...any) (Area, bool, error) {
		return Area{}, false, &Error{i, code, fmt.Sprintf(format, args...)}
	}
	if f.Type != "Feature" {
		return fail("type", "type %q, expected Feature", f.Type)
	}
	if f.Geometry == nil || (f.Geometry.Type != "Polygon" && f.Geometry.Type != "MultiPolygon") {
		if p.o.SkipOther {
			return Area{}, false, nil
		}
		t := "null"
		if f.Geometry != nil {
			t = f.Geometry.Type
		}
		return fail("geometry", "geometry %s: only Polygon and MultiPolygon describe an area", t)
	}
	var shape Shape
	if f.Geometry.Type == "Polygon" {
		var c [][][]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &c); err != nil {
			return fail("geometry", "the Polygon's coordinates are not a list of rings of [lon, lat] positions")
		}
		pg, err := p.polygon(i, c)
		if err != nil {
			return Area{}, false, err
		}
		shape = Shape{pg}
	} else {
		var c [][][][]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &c); err != nil {
			return fail("geometry", "the MultiPolygon's coordinates are not a list of polygons of rings of [lon, lat] positions")
		}
		for _, pc := range c {
			pg, err := p.polygon(i, pc)
			if err != nil {
				return Area{}, false, err
			}
			shape = append(shape, pg)
		}
	}
	if len(shape) == 0 {
		return fail("geometry", "the geometry has no polygon")
	}
	props := map[string]string{}
	for k, v := range f.Properties {
		if s, ok := scalar(v); ok {
			props[k] = s
		}
	}
	a := Area{Key: props[p.o.KeyProperty], Name: props[p.o.NameProperty], Shape: shape, Box: shape.box()}
	delete(props, p.o.KeyProperty)
	delete(props, p.o.NameProperty)
	if len(props) > 0 {
		a.Props = props
	}
	if a.Key == "" {
		a.Key, _ = scalar(f.ID)
	}
	if a.Key == "" {
		a.Key = a.Name
	}
	if a.Name == "" {
		a.Name = a.Key
	}
	if a.Key == "" {
		return fail("no_key", "no %q or %q property and no id", p.o.KeyProperty, p.o.NameProperty)
	}
	if j, dup := p.keys[a.Key]; dup {
		return fail("duplicate_key", "key %q is already used by feature %d", a.Key, j+1)
	}
	p.keys[a.Key] = i
	return a, true, nil
}

// scalar reads a JSON string or number as text.
func scalar(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return "", false
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return strings.TrimSpace(s), true
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		return n.String(), true
	}
	return "", false
}

func (p *parser) polygon(i int, rings [][][]float64) (Polygon, error) {
	if len(rings) == 0 {
		return Polygon{}, &Error{i, "geometry", "a polygon without rings"}
	}
	var pg Polygon
	for ri, rc := range rings {
		r, err := p.ring(i, ri, rc)
		if err != nil {
			return Polygon{}, err
		}
		if ri == 0 {
			pg.Outer = r
			continue
		}
		box := Shape{pg}.box()
		for _, q := range r {
			if !box.Contains(q) {
				return Polygon{}, &Error{i, "hole_outside", fmt.Sprintf("hole %d reaches outside its polygon (%g, %g)", ri, q.Lon, q.Lat)}
			}
		}
		pg.Holes = append(pg.Holes, r)
	}
	return pg, nil
}

func (p *parser) ring(i, ri int, rc [][]float64) (Ring, error) {
	what := "the outer ring"
	if ri > 0 {
		what = "hole " + strconv.Itoa(ri)
	}
	if len(rc) < 4 {
		return nil, &Error{i, "ring_short", fmt.Sprintf("%s has %d positions; a ring needs at least 4 (the first repeated at the end)", what, len(rc))}
	}
	p.vertices += len(rc)
	if p.vertices > p.o.MaxVertices {
		return nil, &Error{i, "too_many_vertices", fmt.Sprintf("more than %d positions in the file; simplify the boundaries first", p.o.MaxVertices)}
	}
	r := make(Ring, len(rc))
	for k, c := range rc {
		if len(c) < 2 {
			return nil, &Error{i, "geometry", fmt.Sprintf("%s: position %d has %d numbers, want [lon, lat]", what, k+1, len(c))}
		}
		q := Point{Lat: c[1], Lon: c[0]}
		if !q.Valid() {
			if (Point{Lat: c[0], Lon: c[1]}).Valid() {
				return nil, &Error{i, "order", fmt.Sprintf("%s: position %d (%g, %g) has a latitude past ±90; GeoJSON writes longitude first", what, k+1, c[0], c[1])}
			}
			return nil, &Error{i, "range", fmt.Sprintf("%s: position %d (%g, %g) is out of range", what, k+1, c[0], c[1])}
		}
		if e := p.o.Extent; e != nil && !e.Contains(q) {
			if e.Contains(Point{Lat: c[0], Lon: c[1]}) {
				return nil, &Error{i, "order", fmt.Sprintf("%s: position %d (%g, %g) is written latitude first; GeoJSON writes longitude first", what, k+1, c[0], c[1])}
			}
			return nil, &Error{i, "extent", fmt.Sprintf("%s: position %d (%g, %g) lies outside %s", what, k+1, c[0], c[1], e)}
		}
		r[k] = q
	}
	if r[0] != r[len(r)-1] {
		return nil, &Error{i, "ring_open", fmt.Sprintf("%s is not closed: its last position must repeat the first", what)}
	}
	return r, nil
}

// Partition splits areas by a property: those whose Props[prop] equals
// value, and the rest (e.g. the city's outline, level "city", from its
// districts in one file). Order is kept.
func Partition(areas Areas, prop, value string) (match, rest Areas) {
	for _, a := range areas {
		if a.Props[prop] == value {
			match = append(match, a)
		} else {
			rest = append(rest, a)
		}
	}
	return match, rest
}

// SortByKey orders areas by key (for deterministic listings).
func SortByKey(areas Areas) {
	sort.SliceStable(areas, func(i, j int) bool { return areas[i].Key < areas[j].Key })
}
