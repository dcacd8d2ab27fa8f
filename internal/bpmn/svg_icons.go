package bpmn

import (
	"math"
	"strings"
)

// taskMarker draws the task type's small icon with its top left at x, y.
func (c *svgCtx) taskMarker(x, y float64, kind string) {
	line := `fill="none" ` + stroke + `stroke-width="1.2"`
	switch kind {
	case "userTask":
		c.circle(x+8, y+5, 4, `fill="#fff" `+stroke+`stroke-width="1.2"`)
		c.path("M"+f(x+1)+" "+f(y+17)+" v-3 a7 5 0 0 1 14 0 v3 z", `fill="#fff" `+stroke+`stroke-width="1.2"`)
	case "serviceTask":
		c.gear(x+8, y+8, 6, 4)
	case "sendTask":
		c.envelope(x+8, y+8, 14, 10, true)
	case "receiveTask":
		c.envelope(x+8, y+8, 14, 10, false)
	case "manualTask":
		c.path("M"+f(x)+" "+f(y+8)+" l5 -5 h9 v2 h-5 m-4 0 h10 v2 h-10 m0 0 h9 v2 h-9 m0 0 h8 v2 h-13 z", line)
	case "businessRuleTask":
		c.rect(Bounds{x, y + 2, 16, 12}, 0, `fill="#fff" `+stroke)
		c.rect(Bounds{x, y + 2, 16, 3}, 0, `fill="#000" stroke="none"`)
		c.line(x, y+9.5, x+16, y+9.5, "")
		c.line(x+5, y+5, x+5, y+14, "")
	case "scriptTask":
		c.path("M"+f(x+3)+" "+f(y+1)+" h10 q-4 4 0 8 t0 8 h-10 q-4 -4 0 -8 t0 -8 z", line)
		for i := range 3 {
			c.line(x+4, y+5+float64(i)*4, x+11, y+5+float64(i)*4, `stroke-width="0.8"`)
		}
	}
}

func (c *svgCtx) circle(cx, cy, r float64, attrs string) {
	c.b.WriteString(`<circle cx="` + f(cx) + `" cy="` + f(cy) + `" r="` + f(r) + `" ` + attrs + "/>\n")
}

// gear draws a cog of radius r with n-fold teeth.
func (c *svgCtx) gear(cx, cy, r float64, teeth int) {
	var d strings.Builder
	for i := range teeth * 4 {
		a := float64(i) * math.Pi * 2 / float64(teeth*4)
		rr := r
		if i%4 < 2 {
			rr = r * 1.3
		}
		cmd := "L"
		if i == 0 {
			cmd = "M"
		}
		d.WriteString(cmd + f(cx+rr*math.Cos(a)) + " " + f(cy+rr*math.Sin(a)) + " ")
	}
	c.path(d.String()+"z", `fill="#fff" `+stroke)
	c.circle(cx, cy, r*0.4, `fill="#fff" `+stroke)
}

// envelope draws a letter centred on cx, cy; filled for sending.
func (c *svgCtx) envelope(cx, cy, w, h float64, filled bool) {
	fill, flap := "#fff", "#000"
	if filled {
		fill, flap = "#000", "#fff"
	}
	c.rect(Bounds{cx - w/2, cy - h/2, w, h}, 0, `fill="`+fill+`" `+stroke)
	c.path("M"+f(cx-w/2)+" "+f(cy-h/2)+" L"+f(cx)+" "+f(cy+h*0.1)+" L"+f(cx+w/2)+" "+f(cy-h/2), `fill="none" stroke="`+flap+`"`)
}

// event draws a circle: thin for start, thick for end, double for
// intermediate and boundary events (dashed when not interrupting), with the
// icon of its event definition, filled for throwing events.
func (c *svgCtx) event(s *Shape, e *Element) {
	b := s.Bounds
	cx, cy, r := b.X+b.W/2, b.Y+b.H/2, min(b.W, b.H)/2
	dash := ""
	if e.Kind == "boundaryEvent" && !e.CancelActivity {
		dash = ` stroke-dasharray="4 2"`
	}
	switch e.Kind {
	case "startEvent":
		c.circle(cx, cy, r, `fill="#fff" `+stroke+`stroke-width="1.5"`+dash)
	case "endEvent":
		c.circle(cx, cy, r-1.5, `fill="#fff" `+stroke+`stroke-width="4"`)
	default:
		c.circle(cx, cy, r, `fill="#fff" `+stroke+`stroke-width="1.2"`+dash)
		c.circle(cx, cy, r-3, `fill="none" `+stroke+`stroke-width="1.2"`+dash)
	}
	throw := e.Kind == "endEvent" || e.Kind == "intermediateThrowEvent"
	switch len(e.EventDefs) {
	case 0:
	case 1:
		c.eventIcon(cx, cy, r*0.55, e.EventDefs[0], throw)
	default:
		c.poly(cx, cy, r*0.55, pentagon, throw)
	}
}

var pentagon = []Point{{0, -1}, {0.95, -0.3}, {0.6, 0.85}, {-0.6, 0.85}, {-0.95, -0.3}}

// Icon outlines in unit coordinates, scaled by the event's radius.
var icons = map[string][]Point{
	"error":      {{-0.7, 0.8}, {-0.3, -0.6}, {0.15, 0.15}, {0.7, -0.8}, {0.3, 0.6}, {-0.15, -0.15}},
	"signal":     {{0, -0.85}, {0.8, 0.6}, {-0.8, 0.6}},
	"escalation": {{0, -0.9}, {0.6, 0.8}, {0, 0.2}, {-0.6, 0.8}},
	"link":       {{-0.8, -0.3}, {0.1, -0.3}, {0.1, -0.75}, {0.85, 0}, {0.1, 0.75}, {0.1, 0.3}, {-0.8, 0.3}},
	"compensate": {{-0.9, 0}, {-0.1, -0.6}, {-0.1, 0}, {0.7, -0.6}, {0.7, 0.6}, {-0.1, 0}, {-0.1, 0.6}},
}

func (c *svgCtx) eventIcon(cx, cy, s float64, def string, filled bool) {
	if pts, ok := icons[def]; ok {
		c.poly(cx, cy, s, pts, filled)
		return
	}
	switch def {
	case "message":
		c.envelope(cx, cy, s*2, s*1.4, filled)
	case "timer":
		c.circle(cx, cy, s*1.1, `fill="#fff" `+stroke+`stroke-width="1.5"`)
		for i := range 12 {
			a := float64(i) * math.Pi / 6
			c.line(cx+s*0.85*math.Cos(a), cy+s*0.85*math.Sin(a), cx+s*1.05*math.Cos(a), cy+s*1.05*math.Sin(a), "")
		}
		c.line(cx, cy, cx+s*0.15, cy-s*0.8, `stroke-width="1.2"`)
		c.line(cx, cy, cx+s*0.6, cy+s*0.1, `stroke-width="1.2"`)
	case "conditional":
		c.rect(Bounds{cx - s*0.7, cy - s*0.9, s * 1.4, s * 1.8}, 0, `fill="#fff" `+stroke)
		for i := range 4 {
			y := cy - s*0.55 + float64(i)*s*0.37
			c.line(cx-s*0.45, y, cx+s*0.45, y, "")
		}
	case "cancel":
		c.poly(cx, cy, s, []Point{{-0.9, -0.6}, {-0.6, -0.9}, {0, -0.3}, {0.6, -0.9}, {0.9, -0.6}, {0.3, 0},
			{0.9, 0.6}, {0.6, 0.9}, {0, 0.3}, {-0.6, 0.9}, {-0.9, 0.6}, {-0.3, 0}}, filled)
	case "terminate":
		c.circle(cx, cy, s*1.1, `fill="#000" stroke="none"`)
	}
}

// poly draws a closed polygon given in unit coordinates around cx, cy.
func (c *svgCtx) poly(cx, cy, s float64, pts []Point, filled bool) {
	var d strings.Builder
	for i, p := range pts {
		if i > 0 {
			d.WriteByte(' ')
		}
		d.WriteString(f(cx+p.X*s) + "," + f(cy+p.Y*s))
	}
	fill := "#fff"
	if filled {
		fill = "#000"
	}
	c.b.WriteString(`<polygon points="` + d.String() + `" fill="` + fill + `" ` + stroke + `stroke-width="1.2"/>` + "\n")
}

// gateway draws a diamond with the gateway type's marker.
func (c *svgCtx) gateway(b Bounds, kind string) {
	cx, cy := b.X+b.W/2, b.Y+b.H/2
	c.poly(cx, cy, 1, []Point{{0, -b.H / 2}, {b.W / 2, 0}, {0, b.H / 2}, {-b.W / 2, 0}}, false)
	s := min(b.W, b.H) / 2
	thick := `stroke-width="` + f(max(s/6, 2.5)) + `" stroke-linecap="round"`
	switch kind {
	case "exclusiveGateway":
		c.line(cx-s*0.3, cy-s*0.3, cx+s*0.3, cy+s*0.3, thick)
		c.line(cx-s*0.3, cy+s*0.3, cx+s*0.3, cy-s*0.3, thick)
	case "parallelGateway":
		c.line(cx-s*0.45, cy, cx+s*0.45, cy, thick)
		c.line(cx, cy-s*0.45, cx, cy+s*0.45, thick)
	case "inclusiveGateway":
		c.circle(cx, cy, s*0.42, `fill="none" `+stroke+thick)
	case "eventBasedGateway":
		c.circle(cx, cy, s*0.5, `fill="none" `+stroke)
		c.circle(cx, cy, s*0.42, `fill="none" `+stroke)
		c.poly(cx, cy, s*0.28, pentagon, false)
	case "complexGateway":
		c.line(cx-s*0.45, cy, cx+s*0.45, cy, thick)
		c.line(cx, cy-s*0.45, cx, cy+s*0.45, thick)
		c.line(cx-s*0.32, cy-s*0.32, cx+s*0.32, cy+s*0.32, thick)
		c.line(cx-s*0.32, cy+s*0.32, cx+s*0.32, cy-s*0.32, thick)
	}
}
