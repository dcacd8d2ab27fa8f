package web

import (
	"math"
	"slices"
	"strings"

	"rathaus/internal/bpmn"
)

// Geometry helpers of the process map: room between the layers for the
// edges' labels, and activity names broken into lines that fit a box.

// dfgGapExtra widens the layout's gaps between layers, so that an edge
// has room for its label ("60 · 11 Tg.").
const dfgGapExtra = 70.0

// widenGaps moves every layer right by extra times the number of layers
// before it. A point belongs to the layer whose centre is nearest, by the
// midpoints between the layers' centres, so boxes keep their width, the
// ends of edges stay on their boxes and vertical segments stay vertical.
func widenGaps(d *bpmn.Diagram, extra float64) {
	var centres []float64
	for _, sh := range d.Shapes {
		c := sh.Bounds.X + sh.Bounds.W/2
		if !slices.ContainsFunc(centres, func(x float64) bool { return math.Abs(x-c) < 1 }) {
			centres = append(centres, c)
		}
	}
	slices.Sort(centres)
	shift := func(x float64) float64 {
		n := 0
		for i := 1; i < len(centres); i++ {
			if x > (centres[i-1]+centres[i])/2 {
				n++
			}
		}
		return x + extra*float64(n)
	}
	for _, sh := range d.Shapes {
		sh.Bounds.X = shift(sh.Bounds.X+sh.Bounds.W/2) - sh.Bounds.W/2
	}
	for _, e := range d.Edges {
		for i := range e.Waypoints {
			e.Waypoints[i].X = shift(e.Waypoints[i].X)
		}
	}
}

// wrapText breaks s into at most n lines of about width characters,
// shortening the last with "…".
func wrapText(s string, width, n int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' }) {
		for len([]rune(w)) > width {
			r := []rune(w)
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			lines, w = append(lines, string(r[:width])), string(r[width:])
		}
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			lines, cur = append(lines, cur), w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > n {
		lines = lines[:n]
		r := []rune(lines[n-1])
		if len(r) >= width {
			r = r[:width-1]
		}
		lines[n-1] = string(r) + "…"
	}
	return lines
}
