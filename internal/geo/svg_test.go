package geo

import (
	"encoding/xml"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"
)

func jenaPoints(n int, seed int64) []MapPoint {
	outline, _ := JenaSchematic()
	r := rand.New(rand.NewSource(seed))
	b := outline.Box
	cats := []string{"pothole", "streetlight", "dumping", "graffiti"}
	stats := []string{"open", "in_progress", "done"}
	var ps []MapPoint
	for len(ps) < n {
		p := Point{b.MinLat + r.Float64()*(b.MaxLat-b.MinLat), b.MinLon + r.Float64()*(b.MaxLon-b.MinLon)}
		if !outline.Contains(p) {
			continue
		}
		i := len(ps)
		ps = append(ps, MapPoint{Point: p, Category: cats[i%4], Status: stats[i%3],
			Label: fmt.Sprintf("Meldung %d: %s, %s", i+1, cats[i%4], stats[i%3]), Href: fmt.Sprintf("/meldungen/%d", i+1)})
	}
	return ps
}

// xmlElems parses the SVG and counts elements by name; fails the test
// when it is not well-formed XML.
func xmlElems(t *testing.T, svg string) map[string]int {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	d.Strict = true
	n := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%.400s", err, svg)
		}
		if s, ok := tok.(xml.StartElement); ok {
			n[s.Name.Local]++
		}
	}
}

func TestRenderMapFewPoints(t *testing.T) {
	outline, districts := JenaSchematic()
	pts := []MapPoint{
		{Point: Point{50.9280, 11.5890}, Category: "pothole", Status: "open", Label: `Schlagloch am Markt <"&">`, Href: "/meldungen/1"},
		{Point: Point{50.898, 11.603}, Category: "streetlight", Status: "done", Label: "Laterne Lobeda", Href: "/meldungen/2?x=1&y=2"},
		{Point: Point{50.95, 11.58}, Category: "pothole", Status: "in_progress", Label: "Ohne Link"},
		{Point: Point{50.94, 11.60}, Category: "dumping", Status: "open", Label: "Böser Link", Href: "javascript:alert(1)"},
		{Point: Point{52.52, 13.40}, Category: "pothole", Status: "open", Label: "Berlin", Href: "/meldungen/9"},
	}
	m := RenderMap(Areas{outline}, districts, pts, MapOptions{
		ID: "karte", Title: "Meldungen in Jena", Desc: "4 Meldungen auf der Karte",
		Symbols: map[string]Symbol{"open": Circle, "in_progress": Diamond, "done": Square},
	})
	el := xmlElems(t, m.SVG)
	if m.Points != 4 || m.Omitted != 1 || m.Clusters != 0 {
		t.Errorf("points %d omitted %d clusters %d", m.Points, m.Omitted, m.Clusters)
	}
	if el["a"] != 2 {
		t.Errorf("%d links, want 2 (no href, javascript: dropped)", el["a"])
	}
	for _, want := range []string{
		`role="group" aria-labelledby="karte-title" aria-describedby="karte-desc"`,
		`<title id="karte-title">Meldungen in Jena</title>`,
		`<title>Schlagloch am Markt &lt;&#34;&amp;&#34;&gt;</title>`,
		`href="/meldungen/2?x=1&amp;y=2"`,
		`<use href="#karte-square"`, `<use href="#karte-diamond"`, `<use href="#karte-circle"`,
		`<title>Zentrum</title>`, `>Göschwitz/Burgau</text>`,
	} {
		if !strings.Contains(m.SVG, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(m.SVG, "javascript") || strings.Contains(m.SVG, "Berlin") {
		t.Error("unsafe link or point outside the city drawn")
	}
	if el["path"] != 11+3 || el["text"] != 10 {
		t.Errorf("paths %d (outline, 10 districts, 3 shapes), texts %d", el["path"], el["text"])
	}
	if len(m.Legend) != 6 || m.Legend[0] != (LegendEntry{Kind: "category", Key: "dumping", Color: Palette[0]}) ||
		m.Legend[5] != (LegendEntry{Kind: "status", Key: "open", Symbol: Circle}) {
		t.Errorf("legend %+v", m.Legend)
	}
	// without links the whole is one image
	m = RenderMap(Areas{outline}, districts, pts[2:3], MapOptions{Title: "Karte"})
	if !strings.Contains(m.SVG, `role="img" aria-labelledby="geomap-title"`) {
		t.Errorf("no role img: %.300s", m.SVG)
	}
	xmlElems(t, m.SVG)
}

func TestRenderMapLabelsInsideTheirDistrict(t *testing.T) {
	outline, districts := JenaSchematic()
	pr := newProjection(outline.Box, 800)
	for _, d := range districts {
		x, y := labelPoint(d.Shape[0], pr)
		// back to degrees
		p := Point{Lat: pr.box.MaxLat - (y-pr.pad)/pr.k, Lon: pr.box.MinLon + (x-pr.pad)/(pr.cos*pr.k)}
		if !d.Contains(p) {
			t.Errorf("label of %s at %v lies outside it", d.Name, p)
		}
	}
}

func TestRenderMapClustersThousandPoints(t *testing.T) {
	outline, districts := JenaSchematic()
	pts := jenaPoints(1000, 1)
	opt := MapOptions{Title: "Meldungen", ClusterLabel: func(ms []MapPoint) string { return fmt.Sprintf("%d Meldungen", len(ms)) },
		ClusterHref: func(b BBox, _ []MapPoint) string { return "/meldungen?bbox=" + b.String() }}
	m := RenderMap(Areas{outline}, districts, pts, opt)
	el := xmlElems(t, m.SVG)
	if m.Points+m.Clusters > 600 || m.Clusters == 0 {
		t.Errorf("%d points and %d clusters drawn", m.Points, m.Clusters)
	}
	if el["a"] != m.Points+m.Clusters {
		t.Errorf("%d links for %d marks", el["a"], m.Points+m.Clusters)
	}
	total := m.Points
	for _, s := range strings.Split(m.SVG, `aria-label="`)[1:] {
		var n int
		if _, err := fmt.Sscanf(s, "%d Meldungen", &n); err == nil {
			total += n
		}
	}
	if total != 1000 || m.Omitted != 0 {
		t.Errorf("marks account for %d of 1000 points (omitted %d)", total, m.Omitted)
	}
	if len(m.SVG) > 300_000 {
		t.Errorf("SVG is %d bytes", len(m.SVG))
	}
	t.Logf("1,000 points: %d single, %d clusters, %d bytes", m.Points, m.Clusters, len(m.SVG))
	m5 := RenderMap(Areas{outline}, districts, jenaPoints(20000, 2), opt)
	if m5.Points+m5.Clusters > 600 || len(m5.SVG) > 300_000 {
		t.Errorf("20,000 points: %d marks, %d bytes", m5.Points+m5.Clusters, len(m5.SVG))
	}
	t.Logf("20,000 points: %d single, %d clusters, %d bytes", m5.Points, m5.Clusters, len(m5.SVG))
}

func TestRenderMapDeterministic(t *testing.T) {
	outline, districts := JenaSchematic()
	pts := jenaPoints(300, 3)
	a := RenderMap(Areas{outline}, districts, pts, MapOptions{})
	rand.New(rand.NewSource(4)).Shuffle(len(pts), func(i, j int) { pts[i], pts[j] = pts[j], pts[i] })
	b := RenderMap(Areas{outline}, districts, pts, MapOptions{})
	if a.SVG != b.SVG {
		t.Error("the order of the points changes the SVG")
	}
}

func TestRenderMapWithoutAreas(t *testing.T) {
	m := RenderMap(nil, nil, []MapPoint{{Point: Point{50.93, 11.59}, Label: "Eine", Href: "/m/1"}}, MapOptions{ID: "1bad id"})
	el := xmlElems(t, m.SVG)
	if m.Points != 1 || el["a"] != 1 || !strings.Contains(m.SVG, `id="geomap"`) {
		t.Errorf("%+v", m)
	}
	m = RenderMap(nil, nil, nil, MapOptions{})
	xmlElems(t, m.SVG)
	if m.Points != 0 || !strings.Contains(m.SVG, `role="img"`) {
		t.Errorf("empty map: %s", m.SVG)
	}
}

func TestSymbolSVG(t *testing.T) {
	s := string(SymbolSVG(Triangle, "#D55E00"))
	xmlElems(t, s)
	if !strings.Contains(s, symbolPaths[Triangle]) || !strings.Contains(s, `aria-hidden="true"`) {
		t.Error(s)
	}
	if strings.Contains(string(SymbolSVG("x", `red" onload="x`)), "onload") {
		t.Error("colour not checked")
	}
}
