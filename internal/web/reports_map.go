package web

import (
	"net/url"
	"strings"

	"rathaus/internal/geo"
)

// The reports' tile map: with Options.ReportTileURL set (the city's own
// tile server), /melden and /meldungen carry a hidden container that
// static/reports_map.js turns into a small slippy map: on /melden it
// places the report's pin into the latitude and longitude fields, on
// /meldungen it shows the listed reports as links. Without a tile server
// there is no container and no request to any other host; the forms, the
// server-drawn SVG map and the list work the same with or without it.

// reportTileMap is what the map's container carries.
type reportTileMap struct {
	// Mode is "pick" (place the report's pin) or "pins" (show reports).
	Mode        string
	Tiles       string // the URL template with {z}, {x}, {y}
	Attribution string
	// Box is the part of the world shown first, "west,south,east,north".
	Box  string
	Pins []reportMapPin
}

// reportMapPin is a listed report on the map, read by the script from a
// JSON block (never executed: the CSP allows no inline script).
type reportMapPin struct {
	Label string  `json:"label"`
	Href  string  `json:"href"`
	Lat   float64 `json:"lat"`
	Lon   float64 `json:"lon"`
}

// jenaCentre is where the map opens without any outline: the market square.
var jenaCentre = geo.Point{Lat: 50.9271, Lon: 11.5892}

// tileOrigin is the tile server's origin (scheme://host[:port]) for the
// CSP, or "" when raw is no usable template. config refuses such values
// at start; this keeps a bad one from reaching the CSP all the same.
func tileOrigin(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		strings.Trim(u.Host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != "" {
		return ""
	}
	for _, p := range []string{"{z}", "{x}", "{y}"} {
		if !strings.Contains(raw, p) {
			return ""
		}
	}
	return u.Scheme + "://" + u.Host
}

// contentPolicy is csp, with the tile server's origin allowed for images
// when one is set.
func contentPolicy(tileURL string) string {
	if o := tileOrigin(tileURL); o != "" {
		return strings.Replace(csp, "img-src 'self' data:", "img-src 'self' data: "+o, 1)
	}
	return csp
}

// reportTileMap is the map for a page, showing box first (the city when
// it is empty); nil without a tile server.
func (s *Server) reportTileMap(mode string, box geo.BBox) *reportTileMap {
	if tileOrigin(s.opts.ReportTileURL) == "" {
		return nil
	}
	if box.Empty() {
		box = s.reportCityBox()
	}
	return &reportTileMap{Mode: mode, Tiles: s.opts.ReportTileURL, Attribution: s.opts.ReportTileAttribution, Box: box.String()}
}

// reportCityBox is the box of the city's outline and districts, as the
// SVG map draws them; without any, 3 km around Jena's market square.
func (s *Server) reportCityBox() geo.BBox {
	city, areas := s.reportMapAreas()
	if len(city.Shape) > 0 {
		areas = append(geo.Areas{city}, areas...)
	}
	b := areas.Box()
	if b.Empty() {
		b = geo.BoxAround(jenaCentre, 3000)
	}
	return b
}
