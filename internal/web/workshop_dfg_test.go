package web

import (
	"strings"
	"testing"

	"rathaus/internal/eventlog"
	"rathaus/internal/mining"
)

// TestWorkshopDFGDrawing draws a small graph with a loop back, a
// self-loop and an activity name longer than a box: every activity is a
// box that overlaps no other, every path has its label, the self-loop is
// an arc, and labels fit between the layers.
func TestWorkshopDFGDrawing(t *testing.T) {
	b := eventlog.NewBuilder("t", 0)
	day := int64(86400e9)
	for i, trace := range [][]string{
		{"Antrag eingegangen", "Prüfung der Unterlagen durch die Fachabteilung", "Bescheid"},
		{"Antrag eingegangen", "Prüfung der Unterlagen durch die Fachabteilung", "Nachforderung", "Nachforderung", "Prüfung der Unterlagen durch die Fachabteilung", "Bescheid"},
	} {
		c := b.Case(string(rune('A' + i)))
		for j, a := range trace {
			b.Event(c, a, int64(j+1)*day, "")
		}
	}
	l := b.Log()
	g := mining.DFG(l)
	d := drawDFG(g, l.Activities, dfgLabels{Act: func(s string) string { return s }, Num: func(n int) string { return formatInt("de", n) },
		Dur: func(s float64) string { return formatDuration("de", s) }, Mode: "frequency", Start: "Beginn", End: "Ende", Events: "%s Ereignisse"})
	var boxes []dfgBox
	for _, n := range d.Nodes {
		if !n.Circle {
			boxes = append(boxes, n)
		}
	}
	if len(boxes) != len(l.Activities) {
		t.Fatalf("boxes: %d, want %d", len(boxes), len(l.Activities))
	}
	for i, a := range boxes {
		for _, c := range boxes[i+1:] {
			if a.X < c.X+c.W && c.X < a.X+a.W && a.Y < c.Y+c.H && c.Y < a.Y+a.H {
				t.Errorf("boxes %q and %q overlap", a.Title, c.Title)
			}
		}
		for _, line := range a.Lines {
			if len([]rune(line.Text)) > 16 {
				t.Errorf("line %q is wider than a box", line.Text)
			}
		}
	}
	labels, arcs := 0, 0
	for _, e := range d.Edges {
		if e.Label != "" {
			labels++
			if !strings.Contains(e.Label, " · ") {
				t.Errorf("label %q is not \"n · median\"", e.Label)
			}
		}
		if strings.Contains(e.Path, "C") {
			arcs++
		}
	}
	if labels != len(g.Edges) || arcs != 1 {
		t.Errorf("labels %d for %d paths, arcs %d for the one self-loop", labels, len(g.Edges), arcs)
	}
	// Layers are at least a label apart.
	xs := map[float64]bool{}
	for _, n := range boxes {
		xs[n.X] = true
	}
	for x := range xs {
		for y := range xs {
			if x < y && y-x < 100+dfgGapExtra {
				t.Errorf("layers at %.0f and %.0f are too close for a label", x, y)
			}
		}
	}
}

func TestWorkshopFormatDuration(t *testing.T) {
	for _, c := range []struct {
		s  float64
		de string
		en string
	}{{0, "0 Sek.", "0 s"}, {59, "59 Sek.", "59 s"}, {3600, "1 Std.", "1 h"}, {3660, "1 Std. 1 Min.", "1 h 1 min"},
		{86400 * 2, "2 Tg.", "2 d"}, {86400*2 + 7200, "2 Tg. 2 Std.", "2 d 2 h"}, {86400 * 12.4, "12 Tg.", "12 d"}} {
		if got := formatDuration("de", c.s); got != c.de {
			t.Errorf("de %v: %q, want %q", c.s, got, c.de)
		}
		if got := formatDuration("en", c.s); got != c.en {
			t.Errorf("en %v: %q, want %q", c.s, got, c.en)
		}
	}
	if got := formatInt("de", 1234567); got != "1.234.567" {
		t.Errorf("formatInt: %q", got)
	}
}
