package geo

import (
	"errors"
	"strings"
	"testing"
)

const squareWithHole = `{"type":"FeatureCollection","features":[
{"type":"Feature","id":7,"properties":{"name":"Ring","unit":"Tiefbau","pop":1200},
 "geometry":{"type":"Polygon","coordinates":[
  [[11.0,50.0],[12.0,50.0],[12.0,51.0],[11.0,51.0],[11.0,50.0]],
  [[11.4,50.4],[11.6,50.4],[11.6,50.6],[11.4,50.6],[11.4,50.4]]]}},
{"type":"Feature","properties":{"key":"hole","name":"Loch"},
 "geometry":{"type":"Polygon","coordinates":[
  [[11.4,50.4],[11.6,50.4],[11.6,50.6],[11.4,50.6],[11.4,50.4]]]}},
{"type":"Feature","properties":{"key":"islands","name":"Inseln"},
 "geometry":{"type":"MultiPolygon","coordinates":[
  [[[13,50],[13.1,50],[13.1,50.1],[13,50]]],
  [[[14,50],[14.1,50],[14.1,50.1],[14,50]]]]}}
]}`

func TestParseHolesKeysAndProps(t *testing.T) {
	res, err := Parse([]byte(squareWithHole), Options{})
	if err != nil {
		t.Fatal(err)
	}
	as := res.Areas
	if len(as) != 3 {
		t.Fatalf("%d areas", len(as))
	}
	ring := as[0]
	if ring.Key != "7" || ring.Name != "Ring" {
		t.Errorf("feature id as key: %q %q", ring.Key, ring.Name)
	}
	if ring.Props["unit"] != "Tiefbau" || ring.Props["pop"] != "1200" || len(ring.Props) != 2 {
		t.Errorf("props %v", ring.Props)
	}
	if ring.Box != (BBox{11, 50, 12, 51}) {
		t.Errorf("box %v", ring.Box)
	}
	if len(ring.Shape) != 1 || len(ring.Shape[0].Holes) != 1 {
		t.Fatalf("shape %+v", ring.Shape)
	}
	for _, c := range []struct {
		p    Point
		want string
	}{
		{Point{50.2, 11.2}, "7"},
		{Point{50.5, 11.5}, "hole"}, // inside the hole: the other area
		{Point{50.02, 13.09}, "islands"},
		{Point{50.02, 14.09}, "islands"},
		{Point{50.09, 14.01}, ""}, // beside the triangle, inside its box
		{Point{49.9, 11.5}, ""},
	} {
		a, ok := as.AreaOf(c.p.Lat, c.p.Lon)
		if a.Key != c.want || ok != (c.want != "") {
			t.Errorf("%v: got %q %v, want %q", c.p, a.Key, ok, c.want)
		}
	}
	// the hole's edge belongs to exactly one of the two
	for _, p := range []Point{{50.4, 11.5}, {50.5, 11.4}, {50.6, 11.5}, {50.5, 11.6}, {50.4, 11.4}} {
		n := 0
		for _, a := range as {
			if a.Contains(p) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%v on the hole's edge lies in %d areas", p, n)
		}
	}
}

func TestParseKeyOptionsAndSkip(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
	{"type":"Feature","properties":{"STT_NR":"01","STT_NAME":"Mitte"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
	{"type":"Feature","properties":{"STT_NAME":"Rathaus"},"geometry":{"type":"Point","coordinates":[0.5,0.5]}},
	{"type":"Feature","properties":{"STT_NAME":"Nichts"},"geometry":null}]}`
	_, err := Parse([]byte(doc), Options{KeyProperty: "STT_NR", NameProperty: "STT_NAME"})
	if code(err) != "geometry" || !strings.Contains(err.Error(), "feature 2") || !strings.Contains(err.Error(), "Point") {
		t.Errorf("points refused by default: %v", err)
	}
	res, err := Parse([]byte(doc), Options{KeyProperty: "STT_NR", NameProperty: "STT_NAME", SkipOther: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Areas) != 1 || res.Skipped != 2 || res.Areas[0].Key != "01" || res.Areas[0].Name != "Mitte" {
		t.Errorf("%+v", res)
	}
	single := `{"type":"Feature","properties":{"name":"Allein"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}`
	res, err = Parse([]byte(single), Options{})
	if err != nil || len(res.Areas) != 1 || res.Areas[0].Key != "Allein" {
		t.Errorf("single feature: %+v %v", res, err)
	}
}

func code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestParseErrors(t *testing.T) {
	poly := func(coords string) string {
		return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":` + coords + `}}]}`
	}
	jena := BBox{11.4, 50.8, 11.8, 51.0}
	cases := []struct {
		name, doc string
		opt       Options
		code, msg string
	}{
		{"not json", `{"type":`, Options{}, "json", "not valid JSON"},
		{"no type", `{}`, Options{}, "type", "FeatureCollection"},
		{"geometry only", `{"type":"Polygon","coordinates":[]}`, Options{}, "type", `"Polygon"`},
		{"open ring", poly(`[[[0,0],[1,0],[1,1],[0,1]]]`), Options{}, "ring_open", "not closed"},
		{"short ring", poly(`[[[0,0],[1,0],[0,0]]]`), Options{}, "ring_short", "at least 4"},
		{"lat first", poly(`[[[30,120],[30,121],[31,121],[30,120]]]`), Options{}, "order", "longitude first"},
		{"lat first by extent", poly(`[[[50.9,11.5],[50.9,11.6],[50.95,11.6],[50.9,11.5]]]`), Options{Extent: &jena}, "order", "latitude first"},
		{"outside extent", poly(`[[[13.4,52.5],[13.5,52.5],[13.5,52.6],[13.4,52.5]]]`), Options{Extent: &jena}, "extent", "outside"},
		{"out of range", poly(`[[[200,95],[1,0],[1,1],[200,95]]]`), Options{}, "range", "out of range"},
		{"one number", poly(`[[[0],[1,0],[1,1],[0]]]`), Options{}, "geometry", "want [lon, lat]"},
		{"not rings", poly(`[[0,0],[1,0]]`), Options{}, "geometry", "Polygon's coordinates"},
		{"no rings", poly(`[]`), Options{}, "geometry", "without rings"},
		{"hole outside", poly(`[[[0,0],[1,0],[1,1],[0,0]],[[2,2],[3,2],[3,3],[2,2]]]`), Options{}, "hole_outside", "hole 1"},
		{"too many vertices", poly(`[[[0,0],[1,0],[1,1],[0,1],[0,0]]]`), Options{MaxVertices: 4}, "too_many_vertices", "simplify"},
		{"too big", poly(`[[[0,0],[1,0],[1,1],[0,0]]]`), Options{MaxBytes: 10}, "too_big", "limit"},
		{"no key", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`, Options{}, "no_key", `"key"`},
		{"duplicate key", `{"type":"FeatureCollection","features":[
			{"type":"Feature","properties":{"key":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
			{"type":"Feature","properties":{"key":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`, Options{}, "duplicate_key", "feature 1"},
		{"too many features", `{"type":"FeatureCollection","features":[
			{"type":"Feature","properties":{"key":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
			{"type":"Feature","properties":{"key":"b"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`, Options{MaxFeatures: 1}, "too_many_features", "more than 1"},
		{"feature type", `{"type":"FeatureCollection","features":[{"type":"Thing"}]}`, Options{}, "type", "expected Feature"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.doc), c.opt)
		if code(err) != c.code || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: got %v (code %q), want code %q with %q", c.name, err, code(err), c.code, c.msg)
		}
	}
}
