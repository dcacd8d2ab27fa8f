package config

import (
	"io"
	"strings"
	"testing"
)

// TestReportTileSettings: the tile server and its attribution come from
// the environment or flags; by default there is none (no third-party
// requests), and a template the browser could not use is refused at start
// with the setting's name.
func TestReportTileSettings(t *testing.T) {
	c, _, err := Load("serve", nil, envOf(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReportTileURL != "" || c.ReportTileAttribution != "" {
		t.Errorf("defaults: got %q, %q, want no tile server", c.ReportTileURL, c.ReportTileAttribution)
	}
	c, _, err = Load("serve", nil, envOf(map[string]string{
		"RATHAUS_REPORT_TILE_URL":         "https://tiles.jena.de/{z}/{x}/{y}.png",
		"RATHAUS_REPORT_TILE_ATTRIBUTION": "© OpenStreetMap-Mitwirkende",
	}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReportTileURL != "https://tiles.jena.de/{z}/{x}/{y}.png" || c.ReportTileAttribution != "© OpenStreetMap-Mitwirkende" {
		t.Errorf("from the environment: got %q, %q", c.ReportTileURL, c.ReportTileAttribution)
	}
	c, _, err = Load("serve", []string{"--report-tile-url", "http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?v=2"}, envOf(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.ReportTileURL != "http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?v=2" {
		t.Errorf("from the flag: got %q", c.ReportTileURL)
	}
	for _, bad := range []string{
		"tiles.jena.de/{z}/{x}/{y}.png",          // no scheme
		"ftp://tiles.jena.de/{z}/{x}/{y}.png",    // not http(s)
		"javascript:alert(1)//{z}/{x}/{y}",       // not http(s)
		"https://tiles.jena.de/{z}/{x}.png",      // no {y}
		"https://{s}.tile.example/{z}/{x}/{y}",   // host not fixed: the CSP names one origin
		"https://u:pw@tiles.jena.de/{z}/{x}/{y}", // credentials every browser would see
		"https:///{z}/{x}/{y}.png",               // no host
	} {
		_, _, err := Load("serve", nil, envOf(map[string]string{"RATHAUS_REPORT_TILE_URL": bad}), io.Discard)
		if err == nil || !strings.Contains(err.Error(), "RATHAUS_REPORT_TILE_URL") {
			t.Errorf("%q: got %v, want an error naming RATHAUS_REPORT_TILE_URL", bad, err)
		}
	}
}
