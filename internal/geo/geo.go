// Package geo holds the city's geography without a map service: areas
// (the city's outline and its districts) imported from GeoJSON, which
// area a point lies in, distances and bounding boxes for "nearby"
// prefilters, and a server-drawn, accessible SVG map of reports over the
// outline and districts. Coordinates are WGS 84 degrees; GeoJSON's order
// is longitude, latitude (RFC 7946). Pure functions, standard library
// only: no HTTP, no SQL, no external requests.
package geo

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// EarthRadius is the mean Earth radius in metres (IUGG), used by
// Distance and BoxAround.
const EarthRadius = 6371008.8

// Point is a WGS 84 position in degrees.
type Point struct {
	Lat, Lon float64
}

// Valid reports whether the point lies within the ranges of latitude
// and longitude and is a real number.
func (p Point) Valid() bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}

// Distance is the great-circle distance between a and b in metres
// (haversine on a sphere of EarthRadius; good to about 0.5 % at the
// city's scale, plenty for "nearby reports").
func Distance(a, b Point) float64 {
	la1, la2 := rad(a.Lat), rad(b.Lat)
	dLat := la2 - la1
	dLon := rad(b.Lon - a.Lon)
	h := sq(math.Sin(dLat/2)) + math.Cos(la1)*math.Cos(la2)*sq(math.Sin(dLon/2))
	return 2 * EarthRadius * math.Asin(math.Min(1, math.Sqrt(h)))
}

func rad(d float64) float64 { return d * math.Pi / 180 }
func sq(x float64) float64  { return x * x }

// BBox is a bounding box in degrees: west, south, east, north. It does
// not cross the antimeridian (a city never does).
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Contains reports whether p lies in the box, edges included.
func (b BBox) Contains(p Point) bool {
	return p.Lat >= b.MinLat && p.Lat <= b.MaxLat && p.Lon >= b.MinLon && p.Lon <= b.MaxLon
}

// Intersects reports whether the boxes share at least a point.
func (b BBox) Intersects(o BBox) bool {
	return b.MinLon <= o.MaxLon && o.MinLon <= b.MaxLon && b.MinLat <= o.MaxLat && o.MinLat <= b.MaxLat
}

// Extend returns the smallest box holding b and p. The zero BBox is not
// empty (it holds 0,0); start from EmptyBox instead.
func (b BBox) Extend(p Point) BBox {
	b.MinLon, b.MaxLon = math.Min(b.MinLon, p.Lon), math.Max(b.MaxLon, p.Lon)
	b.MinLat, b.MaxLat = math.Min(b.MinLat, p.Lat), math.Max(b.MaxLat, p.Lat)
	return b
}

// Union returns the smallest box holding both.
func (b BBox) Union(o BBox) BBox {
	return b.Extend(Point{o.MinLat, o.MinLon}).Extend(Point{o.MaxLat, o.MaxLon})
}

// Empty reports whether the box holds no point (as EmptyBox).
func (b BBox) Empty() bool { return b.MinLon > b.MaxLon || b.MinLat > b.MaxLat }

// Center is the box's midpoint.
func (b BBox) Center() Point { return Point{(b.MinLat + b.MaxLat) / 2, (b.MinLon + b.MaxLon) / 2} }

// String writes the box as "west,south,east,north", the order ParseBBox
// and Open311's bbox parameter read.
func (b BBox) String() string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	return f(b.MinLon) + "," + f(b.MinLat) + "," + f(b.MaxLon) + "," + f(b.MaxLat)
}

// EmptyBox is the box holding nothing, the start for Extend.
func EmptyBox() BBox {
	return BBox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
}

// BoxAround is the box holding every point within radius metres of p
// (a prefilter: check Distance afterwards for the circle). Near the poles
// the box spans all longitudes.
func BoxAround(p Point, radius float64) BBox {
	dLat := radius / EarthRadius * 180 / math.Pi
	b := BBox{MinLat: math.Max(-90, p.Lat-dLat), MaxLat: math.Min(90, p.Lat+dLat)}
	c := math.Cos(rad(math.Max(math.Abs(b.MinLat), math.Abs(b.MaxLat))))
	if c < 1e-9 || radius/(EarthRadius*c)*180/math.Pi >= 180 {
		b.MinLon, b.MaxLon = -180, 180
		return b
	}
	dLon := radius / (EarthRadius * c) * 180 / math.Pi
	b.MinLon, b.MaxLon = math.Max(-180, p.Lon-dLon), math.Min(180, p.Lon+dLon)
	return b
}

// Errors of ParseBBox, to tell the user which part is wrong.
var (
	ErrBBoxFormat = errors.New("bbox: want four numbers lon1,lat1,lon2,lat2")
	ErrBBoxRange  = errors.New("bbox: longitude must lie in -180..180 and latitude in -90..90")
)

// ParseBBox reads "lon1,lat1,lon2,lat2" (two opposite corners in either
// order, as Open311's bbox extension and RFC 7946 write them; spaces
// around the numbers allowed) and refuses numbers out of range. A box
// written lat,lon is often still in range (for Jena it lands in
// Somalia); callers that know their city compare the result with its
// extent (Intersects).
func ParseBBox(s string) (BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return BBox{}, ErrBBoxFormat
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return BBox{}, fmt.Errorf("%w (part %d: %q)", ErrBBoxFormat, i+1, strings.TrimSpace(p))
		}
		v[i] = f
	}
	a, b := Point{Lat: v[1], Lon: v[0]}, Point{Lat: v[3], Lon: v[2]}
	if !a.Valid() || !b.Valid() {
		return BBox{}, ErrBBoxRange
	}
	return EmptyBox().Extend(a).Extend(b), nil
}
