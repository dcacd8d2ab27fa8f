package geo

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Symbol is a marker's shape. A point's status picks it, so status is
// told by shape, not by colour alone (WCAG 1.4.1).
type Symbol string

// The marker shapes.
const (
	Circle   Symbol = "circle"
	Square   Symbol = "square"
	Triangle Symbol = "triangle"
	Diamond  Symbol = "diamond"
	Cross    Symbol = "cross"
)

// symbolPaths are drawn around 0,0, about 12 units across.
var symbolPaths = map[Symbol]string{
	Circle:   "M-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0z",
	Square:   "M-4.5-4.5h9v9h-9z",
	Triangle: "M0-6L5.6 4.2H-5.6z",
	Diamond:  "M0-6.5L6.5 0 0 6.5-6.5 0z",
	Cross:    "M-2-6h4v4h4v4h-4v4h-4v-4h-4v-4h4z",
}

// Palette holds the default category colours (Okabe–Ito, told apart with
// the common colour-vision deficiencies), given to categories in key
// order. Markers carry a dark outline, so each keeps 3:1 against white.
var Palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

// MapPoint is one report on the map.
type MapPoint struct {
	Point
	Category string // picks the colour
	Status   string // picks the shape
	Label    string // the accessible name, e.g. "Schlagloch, Löbdergraben, offen"
	Href     string // where the marker links to (a path or http(s) URL); none when empty
}

// MapOptions steer RenderMap. The zero value is usable.
type MapOptions struct {
	// ID prefixes the SVG's element ids; unique per page ("geomap").
	ID string
	// Title is the map's accessible name; Desc an optional description.
	Title, Desc string
	// Width of the viewBox (800); the height follows the city's shape.
	Width float64
	// Symbols maps a status to its shape (unknown statuses: Circle).
	Symbols map[string]Symbol
	// Colors maps a category to a CSS hex colour; others take Palette's
	// in key order.
	Colors map[string]string
	// ClusterAbove: with more points than this (30), points sharing a
	// grid cell of ClusterCell units (24, grown so that there are at most
	// MaxMarks cells, 600) are drawn as one cluster showing their count.
	ClusterAbove int
	ClusterCell  float64
	MaxMarks     int
	// ClusterLabel names a cluster ("12 reports" when nil); ClusterHref
	// links it (e.g. the list filtered by the box; no link when nil).
	ClusterLabel func(members []MapPoint) string
	ClusterHref  func(box BBox, members []MapPoint) string
	// Extent is the part of the world drawn; by default the box of the
	// outline and districts, or of the points when there are no areas.
	// Points outside it are left out (counted in Map.Omitted).
	Extent *BBox
}

// Map is a rendered map.
type Map struct {
	SVG string
	// Points drawn as single markers, clusters drawn, points left out
	// (outside the extent or without valid coordinates).
	Points, Clusters, Omitted int
	// Legend lists the categories and statuses seen, in key order, for a
	// legend next to the map (SymbolSVG draws a marker for it).
	Legend []LegendEntry
}

// HTML returns the SVG for html/template (it is built escaped).
func (m Map) HTML() template.HTML { return template.HTML(m.SVG) }

// LegendEntry is a category's colour or a status's shape.
type LegendEntry struct {
	Kind   string // "category" or "status"
	Key    string
	Color  string
	Symbol Symbol
}

// RenderMap draws the outline, the districts (with their names) and the
// points as an accessible SVG: one <title> and link per marker or
// cluster, the whole named by aria-labelledby (role "img" when nothing
// in it is a link, "group" otherwise: an img's children are hidden from
// screen readers, links included). Output is deterministic: areas in
// the given order, points sorted, numbers rounded to 0.1 unit.
func RenderMap(outline, districts Areas, points []MapPoint, o MapOptions) Map {
	o = o.withDefaults()
	ext := EmptyBox()
	if o.Extent != nil {
		ext = *o.Extent
	} else {
		ext = outline.Box().Union(districts.Box())
		if ext.Empty() {
			for _, p := range points {
				if p.Valid() {
					ext = ext.Extend(p.Point)
				}
			}
		}
	}
	pr := newProjection(ext, o.Width)
	var m Map
	inside := make([]MapPoint, 0, len(points))
	for _, p := range points {
		if p.Valid() && pr.box.Contains(p.Point) {
			inside = append(inside, p)
		} else {
			m.Omitted++
		}
	}
	sortPoints(inside)
	colors := categoryColors(inside, o)
	m.Legend = legend(inside, colors, o)
	marks := cluster(inside, pr, o)
	w := &svgWriter{o: o, pr: pr, colors: colors}
	m.SVG = w.write(outline, districts, marks, &m)
	return m
}

func (o MapOptions) withDefaults() MapOptions {
	o.ID = cleanID(o.ID)
	if o.Width <= 0 {
		o.Width = 800
	}
	if o.ClusterAbove <= 0 {
		o.ClusterAbove = 30
	}
	if o.ClusterCell <= 0 {
		o.ClusterCell = 24
	}
	if o.MaxMarks <= 0 {
		o.MaxMarks = 600
	}
	if o.ClusterLabel == nil {
		o.ClusterLabel = func(ms []MapPoint) string { return strconv.Itoa(len(ms)) + " reports" }
	}
	if o.Title == "" {
		o.Title = "Map"
	}
	return o
}

func cleanID(id string) string {
	ok := id != "" && (id[0] >= 'a' && id[0] <= 'z' || id[0] >= 'A' && id[0] <= 'Z')
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			ok = false
		}
	}
	if !ok {
		return "geomap"
	}
	return id
}

func sortPoints(ps []MapPoint) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		switch {
		case a.Lat != b.Lat:
			return a.Lat > b.Lat
		case a.Lon != b.Lon:
			return a.Lon < b.Lon
		case a.Href != b.Href:
			return a.Href < b.Href
		case a.Label != b.Label:
			return a.Label < b.Label
		case a.Category != b.Category:
			return a.Category < b.Category
		}
		return a.Status < b.Status
	})
}

func legend(ps []MapPoint, colors map[string]string, o MapOptions) []LegendEntry {
	cats, stats := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		cats[p.Category], stats[p.Status] = true, true
	}
	var out []LegendEntry
	for _, k := range sortedKeys(cats) {
		out = append(out, LegendEntry{Kind: "category", Key: k, Color: colors[k]})
	}
	for _, k := range sortedKeys(stats) {
		out = append(out, LegendEntry{Kind: "status", Key: k, Symbol: symbolOf(k, o)})
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func symbolOf(status string, o MapOptions) Symbol {
	if s, ok := o.Symbols[status]; ok && symbolPaths[s] != "" {
		return s
	}
	return Circle
}

// categoryColors gives each category its configured colour, else the
// palette's by its rank among the unconfigured categories' keys.
func categoryColors(ps []MapPoint, o MapOptions) map[string]string {
	free := map[string]bool{}
	out := map[string]string{}
	for _, p := range ps {
		if c, ok := o.Colors[p.Category]; ok && hexColor(c) {
			out[p.Category] = c
		} else {
			free[p.Category] = true
		}
	}
	for i, k := range sortedKeys(free) {
		out[k] = Palette[i%len(Palette)]
	}
	return out
}

func hexColor(c string) bool {
	if len(c) != 4 && len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

// safeHref keeps site paths, fragments, queries and http(s) URLs;
// anything else (javascript:, data:) is dropped.
func safeHref(h string) string {
	l := strings.ToLower(strings.TrimSpace(h))
	if strings.HasPrefix(l, "/") && !strings.HasPrefix(l, "//") || strings.HasPrefix(l, "?") ||
		strings.HasPrefix(l, "#") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return strings.TrimSpace(h)
	}
	return ""
}

// clip shortens long labels (the title stays readable and small).
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// projection is equirectangular, x scaled by cos(latitude) at the
// extent's middle, fitted to the width with a margin.
type projection struct {
	box               BBox
	k, cos, pad, w, h float64
}

func newProjection(b BBox, width float64) projection {
	if b.Empty() {
		b = BBox{-0.01, -0.01, 0.01, 0.01}
	}
	if b.MaxLon-b.MinLon < 1e-4 {
		b.MinLon, b.MaxLon = b.MinLon-0.005, b.MaxLon+0.005
	}
	if b.MaxLat-b.MinLat < 1e-4 {
		b.MinLat, b.MaxLat = b.MinLat-0.005, b.MaxLat+0.005
	}
	pad := math.Round(width * 0.02)
	c := math.Cos(rad((b.MinLat + b.MaxLat) / 2))
	k := (width - 2*pad) / ((b.MaxLon - b.MinLon) * c)
	return projection{box: b, k: k, cos: c, pad: pad, w: width, h: math.Ceil((b.MaxLat-b.MinLat)*k + 2*pad)}
}

func (p projection) xy(q Point) (float64, float64) {
	return p.pad + (q.Lon-p.box.MinLon)*p.cos*p.k, p.pad + (p.box.MaxLat-q.Lat)*p.k
}

func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func esc(s string) string {
	return template.HTMLEscapeString(s)
}

// SymbolSVG draws one marker as a small standalone SVG for a legend,
// hidden from screen readers (the legend's text names it).
func SymbolSVG(s Symbol, color string) template.HTML {
	d := symbolPaths[s]
	if d == "" {
		d = symbolPaths[Circle]
	}
	if !hexColor(color) {
		color = "#ffffff"
	}
	return template.HTML(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false"><path d="%s" fill="%s" stroke="#1a1a1a" stroke-width="1"/></svg>`, d, color))
}
