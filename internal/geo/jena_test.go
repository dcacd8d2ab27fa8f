package geo

import "testing"

func TestJenaSchematicKnownPlaces(t *testing.T) {
	outline, districts := JenaSchematic()
	if outline.Key != "jena" || len(districts) != 10 {
		t.Fatalf("outline %q, %d districts", outline.Key, len(districts))
	}
	for _, c := range []struct {
		name     string
		lat, lon float64
		want     string
	}{
		{"Markt", 50.9280, 11.5890, "zentrum"},
		{"Lobeda-West", 50.898, 11.603, "lobeda"},
		{"Lobeda-Ost", 50.905, 11.630, "lobeda"},
		{"Winzerla", 50.897, 11.565, "winzerla"},
		{"Göschwitz", 50.884, 11.597, "goeschwitz-burgau"},
		{"Jena-Nord", 50.944, 11.585, "nord"},
		{"Zwätzen", 50.962, 11.600, "zwaetzen"},
		{"Wenigenjena", 50.940, 11.610, "wenigenjena"},
		{"Jena-Ost", 50.927, 11.612, "ost"},
		{"Jena-West (Westbahnhof)", 50.925, 11.568, "west"},
		{"Jena-Süd", 50.913, 11.585, "sued"},
	} {
		a, ok := districts.AreaOf(c.lat, c.lon)
		if !ok || a.Key != c.want {
			t.Errorf("%s (%v, %v): %q %v, want %q", c.name, c.lat, c.lon, a.Key, ok, c.want)
		}
		if !outline.Contains(Point{c.lat, c.lon}) {
			t.Errorf("%s is outside the outline", c.name)
		}
	}
	if a, ok := districts.AreaOf(50.93, 11.40); ok {
		t.Errorf("Weimar's direction lies in %q", a.Key)
	}
	if _, ok := districts.AreaOf(50.875, 11.545); ok {
		t.Error("the cut-off south-west corner is in a district")
	}
}

// The districts tile the outline: every sample point of the outline's
// box lies in exactly one district when it is inside the outline, and in
// none when outside. Samples include the grid lines the districts share.
func TestJenaSchematicTilesTheOutline(t *testing.T) {
	outline, districts := JenaSchematic()
	b := outline.Box
	const n = 160
	inside := 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			p := Point{b.MinLat + (b.MaxLat-b.MinLat)*float64(i)/n, b.MinLon + (b.MaxLon-b.MinLon)*float64(j)/n}
			hits := 0
			for _, d := range districts {
				if d.Contains(p) {
					hits++
				}
			}
			in := outline.Contains(p)
			if in {
				inside++
			}
			if (in && hits != 1) || (!in && hits != 0) {
				t.Fatalf("%v: in outline %v, in %d districts", p, in, hits)
			}
		}
	}
	if inside < n*n/2 {
		t.Errorf("only %d samples inside", inside)
	}
	// and on shared vertices and edges exactly (the grid lines)
	for _, d := range districts {
		for _, v := range d.Shape[0].Outer {
			hits := 0
			for _, e := range districts {
				if e.Contains(v) {
					hits++
				}
			}
			if hits > 1 || (hits == 0 && outline.Contains(v)) {
				t.Errorf("vertex %v of %s lies in %d districts", v, d.Key, hits)
			}
		}
	}
}
