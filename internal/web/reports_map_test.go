package web

import (
	"encoding/json"
	"strings"
	"testing"
)

// withTileServer gives the reports env's server the city's tile server,
// as serve does from RATHAUS_REPORT_TILE_URL (the CSP is set up with the
// handler).
func withTileServer(t testing.TB, e *reportsEnv, tiles, attribution string) {
	t.Helper()
	e.srv.opts.ReportTileURL, e.srv.opts.ReportTileAttribution = tiles, attribution
	h, err := e.srv.buildHandler()
	if err != nil {
		t.Fatal(err)
	}
	e.srv.handler = h
}

// imgSrc is the img-src directive of a response's CSP.
func imgSrc(t testing.TB, res *response) string {
	t.Helper()
	for _, d := range strings.Split(res.Header.Get("Content-Security-Policy"), ";") {
		if d = strings.TrimSpace(d); strings.HasPrefix(d, "img-src ") {
			return d
		}
	}
	t.Fatalf("no img-src in the CSP %q", res.Header.Get("Content-Security-Policy"))
	return ""
}

// TestReportMapWithoutTiles: without a tile server the report pages have
// no map container and no map script, say that no third-party map is
// loaded, and the CSP allows images only from the site itself.
func TestReportMapWithoutTiles(t *testing.T) {
	e := newReportsEnv(t)
	e.submit(t, "schlagloch", marktLat, marktLong, "Tiefes Loch am Markt")
	b := e.browser(t, nil)
	for _, path := range []string{"/melden", "/meldungen"} {
		res := b.get(path)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		if query(res.doc, "#reports-slippy") != nil || strings.Contains(res.body, "reports_map") {
			t.Errorf("%s: a tile map without a tile server", path)
		}
		if got := imgSrc(t, res); got != "img-src 'self' data:" {
			t.Errorf("%s: got %q, want img-src 'self' data:", path, got)
		}
	}
	if res := b.get("/melden"); !strings.Contains(res.body, "Es wird keine Karte von Dritten geladen.") {
		t.Error("/melden does not say that no third-party map is loaded")
	}
	if res := b.get("/meldungen"); query(res.doc, ".app-report-map svg") == nil {
		t.Error("/meldungen lost its server-drawn map")
	}
}

// TestReportMapWithTiles: with the city's tile server both report pages
// carry the (hidden) map with the template, the attribution and the box
// to show; /meldungen lists the page's reports as pins; the CSP allows
// images from the tile server's origin and nowhere else new; the forms,
// the SVG map and the list stay as they are.
func TestReportMapWithTiles(t *testing.T) {
	e := newReportsEnv(t)
	first := e.submit(t, "schlagloch", marktLat, marktLong, "Tiefes Loch am Markt")
	withTileServer(t, e, "https://tiles.jena.example:8443/osm/{z}/{x}/{y}.png", "© OpenStreetMap-Mitwirkende")
	b := e.browser(t, nil)

	res := b.get("/melden")
	m := query(res.doc, "#field-location-group #reports-slippy[hidden][data-mode=pick]")
	if m == nil {
		t.Fatalf("/melden: no hidden map in the place's fieldset:\n%.3000s", res.body)
	}
	if got, _ := attr(m, "data-tiles"); got != "https://tiles.jena.example:8443/osm/{z}/{x}/{y}.png" {
		t.Errorf("data-tiles = %q", got)
	}
	if got, _ := attr(m, "data-box"); got == "" || strings.Contains(got, "Inf") {
		t.Errorf("data-box = %q, want the city's box", got)
	}
	if got, _ := attr(m, "data-placed"); got != "Ort gesetzt: {pos}" {
		t.Errorf("data-placed = %q", got)
	}
	if v := query(res.doc, "#reports-slippy [role=application][tabindex='0'][aria-describedby=reports-slippy-hint]"); v == nil {
		t.Error("/melden: the map is not a focusable, described application")
	}
	if got := texts(res.doc, "#reports-slippy button"); len(got) != 2 || got[0] != "+Karte vergrößern" || got[1] != "−Karte verkleinern" {
		t.Errorf("zoom buttons %q", got)
	}
	if !strings.Contains(textOf(query(res.doc, ".app-slippy__attribution")), "© OpenStreetMap-Mitwirkende") {
		t.Error("/melden: the attribution is missing")
	}
	if query(res.doc, "#reports-slippy-status[role=status]") == nil || query(res.doc, "#field-location") == nil || query(res.doc, "#field-long") == nil {
		t.Error("/melden: the live region or the coordinate fields are missing")
	}
	if strings.Contains(res.body, "Es wird keine Karte von Dritten geladen.") {
		t.Error("/melden says there is no map although there is one")
	}
	if got := imgSrc(t, res); got != "img-src 'self' data: https://tiles.jena.example:8443" {
		t.Errorf("/melden: got %q, want the tile server's origin in img-src", got)
	}
	if !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self';") {
		t.Errorf("the CSP changed beyond img-src: %q", res.Header.Get("Content-Security-Policy"))
	}

	res = b.get("/meldungen")
	m = query(res.doc, "#reports-slippy[hidden][data-mode=pins]")
	if m == nil {
		t.Fatalf("/meldungen: no hidden map:\n%.3000s", res.body)
	}
	var pins []reportMapPin
	if err := json.Unmarshal([]byte(textOf(query(res.doc, "script#reports-slippy-pins[type='application/json']"))), &pins); err != nil {
		t.Fatalf("pins: %v", err)
	}
	if len(pins) != 1 || pins[0].Href != "/meldungen/"+first.Reference || pins[0].Lat != marktLat || pins[0].Lon != marktLong ||
		!strings.HasPrefix(pins[0].Label, first.Reference+": Schlagloch") {
		t.Errorf("pins = %+v", pins)
	}
	if got, _ := attr(m, "data-box"); !strings.Contains(got, "11.5") {
		t.Errorf("/meldungen: data-box = %q, want the box of the reports", got)
	}
	if query(res.doc, ".app-report-map svg") == nil || query(res.doc, "main table a[href='/meldungen/"+first.Reference+"']") == nil {
		t.Error("/meldungen lost the SVG map or the list")
	}
	if got := imgSrc(t, res); got != "img-src 'self' data: https://tiles.jena.example:8443" {
		t.Errorf("/meldungen: got %q", got)
	}
}

// TestTileOrigin: only an http(s) template with a plain host reaches the
// CSP, whatever slipped past the configuration.
func TestTileOrigin(t *testing.T) {
	for raw, want := range map[string]string{
		"":                                      "",
		"https://tiles.jena.de/{z}/{x}/{y}.png": "https://tiles.jena.de",
		"http://127.0.0.1:8081/t/{z}/{x}/{y}":   "http://127.0.0.1:8081",
		"https://tiles.jena.de/{z}/{x}.png":     "",
		"ftp://tiles.jena.de/{z}/{x}/{y}":       "",
		"https://{s}.tiles.example/{z}/{x}/{y}": "",
		"https://u:p@tiles.jena.de/{z}/{x}/{y}": "",
		"//tiles.jena.de/{z}/{x}/{y}":           "",
	} {
		if got := tileOrigin(raw); got != want {
			t.Errorf("tileOrigin(%q) = %q, want %q", raw, got, want)
		}
	}
}
