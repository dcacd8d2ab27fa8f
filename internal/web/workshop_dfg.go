package web

import (
	"fmt"
	"strconv"
	"strings"

	"rathaus/internal/bpmn"
	"rathaus/internal/mining"
)

// The directly-follows graph as a drawing. The layout is the BPMN
// package's layered one: the graph becomes a BPMN process whose tasks are
// the activities and whose sequence flows are the edges, with a start and
// an end event for where cases begin and finish; Layout places them and
// routes the flows. The template draws boxes with counts and edges whose
// thickness shows frequency (or waiting time), labelled "n · median".

// dfgDrawing is a laid-out graph ready for the template.
type dfgDrawing struct {
	W, H  float64
	Nodes []dfgBox
	Edges []dfgArrow
}

// dfgBox is an activity (or the start or end) on the drawing.
type dfgBox struct {
	X, Y, W, H float64
	CX, CY, R  float64 // start and end: a circle
	Circle     bool
	End        bool
	Lines      []dfgLine
	Title      string // full text for the tooltip
}

// dfgLine is one line of text.
type dfgLine struct {
	X, Y float64
	Text string
	Bold bool
}

// dfgArrow is an edge: its path, thickness and label.
type dfgArrow struct {
	Path           string
	Width          float64
	LabelX, LabelY float64
	Label          string
	Title          string
	Dashed         bool // to and from start and end
}

// dfgLabels say how to write the texts of a drawing.
type dfgLabels struct {
	Act    func(string) string // an activity's name
	Num    func(int) string
	Dur    func(float64) string
	Mode   string // "frequency", "median" or "mean"
	Start  string
	End    string
	Events string // "%s events"
}

// drawDFG lays out g (already pruned) and returns the drawing.
func drawDFG(g *mining.Graph, acts []string, lb dfgLabels) dfgDrawing {
	m, flows := dfgModel(g, acts)
	m.Layout()
	widenGaps(m.Diagram, dfgGapExtra)
	shapes := map[string]*bpmn.Shape{}
	for _, sh := range m.Diagram.Shapes {
		shapes[sh.Element] = sh
	}
	var d dfgDrawing
	grow := func(b bpmn.Bounds) {
		d.W, d.H = max(d.W, b.X+b.W+40), max(d.H, b.Y+b.H+40)
	}
	for _, sh := range m.Diagram.Shapes {
		grow(sh.Bounds)
		d.Nodes = append(d.Nodes, dfgNode(sh, g, lb))
	}
	maxVal := 0.0
	for _, e := range g.Edges {
		maxVal = max(maxVal, edgeValue(e, lb.Mode))
	}
	for _, de := range m.Diagram.Edges {
		e, ok := flows[de.Element]
		if !ok {
			d.Edges = append(d.Edges, dfgArrow{Path: pathOf(de.Waypoints), Width: 1.2, Dashed: true})
			continue
		}
		for _, p := range de.Waypoints {
			grow(bpmn.Bounds{X: p.X, Y: p.Y})
		}
		d.Edges = append(d.Edges, edgeArrow(e, de.Waypoints, maxVal, acts, lb))
	}
	for _, e := range g.Edges {
		if e.From == e.To { // self-loops: an arc over the box
			if sh := shapes["n"+strconv.Itoa(int(e.From))]; sh != nil {
				d.Edges = append(d.Edges, selfLoop(e, sh.Bounds, maxVal, acts, lb))
			}
		}
	}
	d.W, d.H = d.W+10, d.H+40 // the view box starts at (-10, -40), room for self-loops
	return d
}

// dfgModel is the graph as a BPMN process; flows maps each flow id to
// its edge.
func dfgModel(g *mining.Graph, acts []string) (*bpmn.Model, map[string]mining.Edge) {
	p := &bpmn.Process{ID: "dfg"}
	p.Elements = append(p.Elements, &bpmn.Element{ID: "start", Kind: "startEvent"})
	for _, n := range g.Nodes {
		p.Elements = append(p.Elements, &bpmn.Element{ID: "n" + strconv.Itoa(int(n.ID)), Kind: "task", Name: acts[n.ID]})
	}
	p.Elements = append(p.Elements, &bpmn.Element{ID: "end", Kind: "endEvent"})
	for _, n := range g.Nodes {
		id := "n" + strconv.Itoa(int(n.ID))
		if n.Start > 0 {
			p.Flows = append(p.Flows, &bpmn.Flow{ID: "s" + id, Source: "start", Target: id})
		}
		if n.End > 0 {
			p.Flows = append(p.Flows, &bpmn.Flow{ID: "e" + id, Source: id, Target: "end"})
		}
	}
	flows := map[string]mining.Edge{}
	for i, e := range g.Edges {
		if e.From == e.To {
			continue
		}
		id := "f" + strconv.Itoa(i)
		flows[id] = e
		p.Flows = append(p.Flows, &bpmn.Flow{ID: id, Source: "n" + strconv.Itoa(int(e.From)), Target: "n" + strconv.Itoa(int(e.To))})
	}
	return &bpmn.Model{ID: "dfg", Processes: []*bpmn.Process{p}}, flows
}

func dfgNode(sh *bpmn.Shape, g *mining.Graph, lb dfgLabels) dfgBox {
	b := sh.Bounds
	box := dfgBox{X: b.X, Y: b.Y, W: b.W, H: b.H}
	if sh.Element == "start" || sh.Element == "end" {
		box.Circle, box.End = true, sh.Element == "end"
		box.CX, box.CY, box.R = b.X+b.W/2, b.Y+b.H/2, b.W/2
		box.Title = lb.Start
		if box.End {
			box.Title = lb.End
		}
		box.Lines = []dfgLine{{X: box.CX, Y: b.Y + b.H + 14, Text: box.Title}}
		return box
	}
	id, _ := strconv.Atoi(strings.TrimPrefix(sh.Element, "n"))
	for _, n := range g.Nodes {
		if int(n.ID) == id {
			name := lb.Act(n.Activity)
			box.Title = name + ": " + fmt.Sprintf(lb.Events, lb.Num(n.Events))
			lines := wrapText(name, 15, 3)
			y := b.Y + b.H/2 - float64(len(lines))*7
			for _, l := range lines {
				box.Lines = append(box.Lines, dfgLine{X: b.X + b.W/2, Y: y + 4, Text: l})
				y += 14
			}
			box.Lines = append(box.Lines, dfgLine{X: b.X + b.W/2, Y: y + 8, Text: lb.Num(n.Events), Bold: true})
		}
	}
	return box
}

// edgeValue is what the thickness of an edge shows.
func edgeValue(e mining.Edge, mode string) float64 {
	switch mode {
	case "median":
		return e.MedianS
	case "mean":
		return e.MeanS
	}
	return float64(e.Count)
}

// edgeText is the label of an edge: "n · median" by frequency, the
// waiting time in the performance views.
func edgeText(e mining.Edge, lb dfgLabels) string {
	switch lb.Mode {
	case "median":
		return lb.Dur(e.MedianS)
	case "mean":
		return lb.Dur(e.MeanS)
	}
	return lb.Num(e.Count) + " · " + lb.Dur(e.MedianS)
}

func edgeArrow(e mining.Edge, pts []bpmn.Point, maxVal float64, acts []string, lb dfgLabels) dfgArrow {
	a := dfgArrow{Path: pathOf(pts), Width: thickness(edgeValue(e, lb.Mode), maxVal), Label: edgeText(e, lb),
		Title: lb.Act(acts[e.From]) + " → " + lb.Act(acts[e.To]) + ": " + edgeText(e, lb)}
	// The label sits on the middle of the longest segment.
	best := -1.0
	for i := 1; i < len(pts); i++ {
		dx, dy := pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y
		if l := dx*dx + dy*dy; l > best {
			best = l
			a.LabelX, a.LabelY = (pts[i].X+pts[i-1].X)/2, (pts[i].Y+pts[i-1].Y)/2-4
		}
	}
	return a
}

func selfLoop(e mining.Edge, b bpmn.Bounds, maxVal float64, acts []string, lb dfgLabels) dfgArrow {
	x0, x1 := b.X+b.W*0.3, b.X+b.W*0.7
	return dfgArrow{Path: fmt.Sprintf("M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f", x0, b.Y, x0, b.Y-30, x1, b.Y-30, x1, b.Y),
		Width: thickness(edgeValue(e, lb.Mode), maxVal), Label: edgeText(e, lb), LabelX: b.X + b.W/2, LabelY: b.Y - 26,
		Title: lb.Act(acts[e.From]) + " → " + lb.Act(acts[e.To]) + ": " + edgeText(e, lb)}
}

// thickness maps a value to a stroke width of 1 to 7.
func thickness(v, maxVal float64) float64 {
	if maxVal <= 0 {
		return 1
	}
	return 1 + 6*v/maxVal
}

func pathOf(pts []bpmn.Point) string {
	var b strings.Builder
	for i, p := range pts {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString(" L")
		}
		fmt.Fprintf(&b, "%.1f %.1f", p.X, p.Y)
	}
	return b.String()
}
