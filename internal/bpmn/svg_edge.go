package bpmn

import (
	"math"
	"strings"
)

// edge draws a sequence flow (solid with a filled arrowhead, a slash at a
// default flow's start), a message flow (dashed, open circle and open
// arrowhead), an association or data association (dotted) and its label.
func (c *svgCtx) edge(e *Edge) {
	pts := e.Waypoints
	if len(pts) < 2 {
		return
	}
	var d strings.Builder
	for i, p := range pts {
		if i > 0 {
			d.WriteByte(' ')
		}
		d.WriteString(f(p.X) + "," + f(p.Y))
	}
	name := ""
	line := `fill="none" ` + stroke + `stroke-width="1.5" stroke-linejoin="round"`
	last, prev := pts[len(pts)-1], pts[len(pts)-2]
	switch {
	case c.flows[e.Element] != nil:
		fl := c.flows[e.Element]
		name = fl.Name
		c.open(e.Element, "bpmn-flow", "bpmn-sequence-flow")
		c.polyline(d.String(), line)
		c.arrow(prev, last, true)
		if c.defaults[e.Element] {
			c.slash(pts[0], pts[1])
		} else if src := c.els[fl.Source]; (fl.Conditional || fl.Condition != "") && src != nil && !IsGateway(src.Kind) {
			c.conditionMarker(pts[0], pts[1])
		}
	case c.msgFlows[e.Element] != nil:
		name = c.msgFlows[e.Element].Name
		c.open(e.Element, "bpmn-flow", "bpmn-message-flow")
		c.polyline(d.String(), line+` stroke-dasharray="6 4"`)
		c.circle(pts[0].X, pts[0].Y, 4, `fill="#fff" `+stroke)
		c.arrow(prev, last, false)
	case c.els[e.Element] != nil:
		name = c.els[e.Element].Name
		c.open(e.Element, "bpmn-association")
		c.polyline(d.String(), `fill="none" `+stroke+`stroke-dasharray="2 4" stroke-linecap="round"`)
	default:
		c.open(e.Element, "bpmn-data-association")
		c.polyline(d.String(), `fill="none" `+stroke+`stroke-dasharray="2 4" stroke-linecap="round"`)
		c.openArrow(prev, last)
	}
	if name != "" {
		if l := e.Label; l != nil && l.W > 0 {
			c.text(l.X+l.W/2, l.Y+l.H/2, max(l.W, 60), 0, "middle", "bpmn-label", name)
		} else {
			mid := midpoint(pts)
			c.text(mid.X+4, mid.Y-10, 100, 3, "start", "bpmn-label", name)
		}
	}
	c.b.WriteString("</g>\n")
}

func (c *svgCtx) polyline(points, attrs string) {
	c.b.WriteString(`<polyline points="` + points + `" ` + attrs + "/>\n")
}

// unit returns the direction from a to b and its normal.
func unit(a, b Point) (dir, normal Point) {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return Point{1, 0}, Point{0, 1}
	}
	return Point{dx / l, dy / l}, Point{-dy / l, dx / l}
}

// arrow draws an arrowhead with its tip at b.
func (c *svgCtx) arrow(a, b Point, filled bool) {
	d, n := unit(a, b)
	base := Point{b.X - d.X*11, b.Y - d.Y*11}
	fill := "#fff"
	if filled {
		fill = "#000"
	}
	c.b.WriteString(`<polygon points="` + f(b.X) + "," + f(b.Y) + " " + f(base.X+n.X*4) + "," + f(base.Y+n.Y*4) + " " +
		f(base.X-n.X*4) + "," + f(base.Y-n.Y*4) + `" fill="` + fill + `" ` + stroke + `stroke-width="1"/>` + "\n")
}

func (c *svgCtx) openArrow(a, b Point) {
	d, n := unit(a, b)
	base := Point{b.X - d.X*10, b.Y - d.Y*10}
	c.polyline(f(base.X+n.X*5)+","+f(base.Y+n.Y*5)+" "+f(b.X)+","+f(b.Y)+" "+f(base.X-n.X*5)+","+f(base.Y-n.Y*5), `fill="none" `+stroke)
}

// slash marks a default flow near its start.
func (c *svgCtx) slash(a, b Point) {
	d, n := unit(a, b)
	q := Point{a.X + d.X*12, a.Y + d.Y*12}
	c.line(q.X-d.X*4+n.X*5, q.Y-d.Y*4+n.Y*5, q.X+d.X*4-n.X*5, q.Y+d.Y*4-n.Y*5, `stroke-width="1.5"`)
}

// conditionMarker draws the small open diamond of a conditional flow
// leaving an activity.
func (c *svgCtx) conditionMarker(a, b Point) {
	d, n := unit(a, b)
	p := func(along, across float64) string {
		return f(a.X+d.X*along+n.X*across) + "," + f(a.Y+d.Y*along+n.Y*across)
	}
	c.b.WriteString(`<polygon class="bpmn-condition" points="` + p(0, 0) + " " + p(8, 5) + " " + p(16, 0) + " " + p(8, -5) +
		`" fill="#fff" ` + stroke + `stroke-width="1"/>` + "\n")
}

// midpoint is the point halfway along a polyline.
func midpoint(pts []Point) Point {
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += math.Hypot(pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y)
	}
	half := total / 2
	for i := 1; i < len(pts); i++ {
		l := math.Hypot(pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y)
		if l >= half && l > 0 {
			t := half / l
			return Point{pts[i-1].X + t*(pts[i].X-pts[i-1].X), pts[i-1].Y + t*(pts[i].Y-pts[i-1].Y)}
		}
		half -= l
	}
	return pts[0]
}
