package geo

import "math"

// Ring is a closed sequence of positions; the last equals the first.
type Ring []Point

// Polygon is an outer ring with optional holes.
type Polygon struct {
	Outer Ring
	Holes []Ring
}

// Shape is one or more polygons (a GeoJSON Polygon is a Shape of one).
type Shape []Polygon

// Area is a named region: the city's outline or a district.
type Area struct {
	// Key identifies the area for routing rules ("category and area
	// decide the responsible unit"); unique within an import.
	Key  string
	Name string
	// Props holds the feature's other string and number properties,
	// numbers in their JSON spelling.
	Props map[string]string
	Shape Shape
	Box   BBox
}

// Contains reports whether p lies inside the ring by the crossing rule
// with half-open edges: a point on an edge shared by two rings that tile
// the plane (same vertices on both sides) belongs to exactly one of them,
// so every point of a district map has exactly one district.
func (r Ring) Contains(p Point) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a.Lat > p.Lat) != (b.Lat > p.Lat) &&
			p.Lon < (b.Lon-a.Lon)*(p.Lat-a.Lat)/(b.Lat-a.Lat)+a.Lon {
			in = !in
		}
	}
	return in
}

// Contains reports whether p lies in the outer ring and in none of the
// holes (by the same half-open rule, so a hole filled by another area
// hands its edge to exactly one of the two).
func (pg Polygon) Contains(p Point) bool {
	if !pg.Outer.Contains(p) {
		return false
	}
	for _, h := range pg.Holes {
		if h.Contains(p) {
			return false
		}
	}
	return true
}

// Contains reports whether any polygon of the shape holds p.
func (s Shape) Contains(p Point) bool {
	for _, pg := range s {
		if pg.Contains(p) {
			return true
		}
	}
	return false
}

// Contains reports whether p lies in the area (box checked first).
func (a Area) Contains(p Point) bool {
	return a.Box.Contains(p) && a.Shape.Contains(p)
}

// AreaOf finds the area holding p, the first one in the slice's order
// when areas overlap (an import refuses nothing for overlaps: order
// the slice as the city's rules want; Parse keeps the file's order).
func AreaOf(areas []Area, p Point) (Area, bool) {
	for _, a := range areas {
		if a.Contains(p) {
			return a, true
		}
	}
	return Area{}, false
}

// Areas is a set of districts with a lookup by point.
type Areas []Area

// AreaOf finds the district holding the point at lat, lon.
func (as Areas) AreaOf(lat, lon float64) (Area, bool) {
	return AreaOf(as, Point{Lat: lat, Lon: lon})
}

// ByKey finds an area by its key.
func (as Areas) ByKey(key string) (Area, bool) {
	for _, a := range as {
		if a.Key == key {
			return a, true
		}
	}
	return Area{}, false
}

// Box is the box of all areas (EmptyBox for none).
func (as Areas) Box() BBox {
	b := EmptyBox()
	for _, a := range as {
		b = b.Union(a.Box)
	}
	return b
}

func (s Shape) box() BBox {
	b := EmptyBox()
	for _, pg := range s {
		for _, p := range pg.Outer {
			b = b.Extend(p)
		}
	}
	return b
}

// vertices counts the shape's positions.
func (s Shape) vertices() int {
	n := 0
	for _, pg := range s {
		n += len(pg.Outer)
		for _, h := range pg.Holes {
			n += len(h)
		}
	}
	return n
}

// planarArea is the ring's area in squared degrees (shoelace), for
// choosing the largest polygon of a shape to label.
func (r Ring) planarArea() float64 {
	s := 0.0
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		s += (r[j].Lon - r[i].Lon) * (r[j].Lat + r[i].Lat)
	}
	return math.Abs(s / 2)
}
