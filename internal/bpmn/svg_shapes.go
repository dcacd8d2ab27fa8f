package bpmn

import (
	"strings"
)

const stroke = `stroke="#000" `

// shape draws one BPMNDI shape.
func (c *svgCtx) shape(s *Shape) {
	id := s.Element
	e := c.els[id]
	switch {
	case c.pools[id] != nil:
		c.open(id, "bpmn-pool")
		c.swimlane(s, c.pools[id].Name)
	case c.lanes[id] != nil:
		c.open(id, "bpmn-lane")
		c.swimlane(s, c.lanes[id].Name)
	case e == nil:
		c.open(id, "bpmn-unknown")
		c.rect(s.Bounds, 0, `fill="none" `+stroke+`stroke-dasharray="4 3"`)
	case IsTask(e.Kind):
		c.open(id, "bpmn-task", "bpmn-"+e.Kind)
		c.task(s, e)
	case IsSubProcess(e.Kind):
		c.open(id, "bpmn-subprocess", "bpmn-"+e.Kind)
		c.subProcess(s, e)
	case IsEvent(e.Kind):
		c.open(id, "bpmn-event", "bpmn-"+e.Kind)
		c.event(s, e)
		c.label(s, e.Name)
	case IsGateway(e.Kind):
		c.open(id, "bpmn-gateway", "bpmn-"+e.Kind)
		kind := e.Kind
		if s.HideMarker && kind == "exclusiveGateway" {
			kind = ""
		}
		c.gateway(s.Bounds, kind)
		c.label(s, e.Name)
	default:
		c.open(id, "bpmn-"+e.Kind)
		c.artifact(s, e)
	}
	c.badge(id, s.Bounds)
	c.b.WriteString("</g>\n")
}

func (c *svgCtx) rect(b Bounds, rx float64, attrs string) {
	c.b.WriteString(`<rect x="` + f(b.X) + `" y="` + f(b.Y) + `" width="` + f(b.W) + `" height="` + f(b.H) + `"`)
	if rx > 0 {
		c.b.WriteString(` rx="` + f(rx) + `"`)
	}
	c.b.WriteString(" " + attrs + "/>\n")
}

// swimlane draws a pool or lane with its name in a band at the start.
func (c *svgCtx) swimlane(s *Shape, name string) {
	b := s.Bounds
	c.rect(b, 0, `fill="none" `+stroke+`stroke-width="1.5"`)
	if s.Horizontal || b.W >= b.H {
		c.line(b.X+30, b.Y, b.X+30, b.Y+b.H, "")
		cx, cy := b.X+15, b.Y+b.H/2
		c.b.WriteString(`<g transform="rotate(-90 ` + f(cx) + " " + f(cy) + `)">`)
		c.text(cx, cy, b.H-10, 2, "middle", "bpmn-label", name)
		c.b.WriteString("</g>\n")
		return
	}
	c.line(b.X, b.Y+30, b.X+b.W, b.Y+30, "")
	c.text(b.X+b.W/2, b.Y+15, b.W-10, 2, "middle", "bpmn-label", name)
}

func (c *svgCtx) line(x1, y1, x2, y2 float64, attrs string) {
	c.b.WriteString(`<line x1="` + f(x1) + `" y1="` + f(y1) + `" x2="` + f(x2) + `" y2="` + f(y2) + `" ` + stroke + attrs + "/>\n")
}

// task draws a rounded rectangle with the wrapped name, the task type's
// marker at the top left and the loop marker at the bottom.
func (c *svgCtx) task(s *Shape, e *Element) {
	b := s.Bounds
	width := "1.5"
	if e.Kind == "callActivity" {
		width = "4"
	}
	c.rect(b, 10, `fill="#fff" `+stroke+`stroke-width="`+width+`"`)
	c.taskMarker(b.X+5, b.Y+5, e.Kind)
	if s.Expanded {
		c.textTop(b.X+8, b.Y+8, b.W-16, 2, "start", "bpmn-name", e.Name)
	} else {
		cy, room := b.Y+b.H/2, b.H-8
		if e.Kind != "task" && e.Kind != "callActivity" { // leave the type marker free
			cy, room = cy+5, room-10
		}
		c.text(b.X+b.W/2, cy, b.W-12, max(int(room/lineH), 1), "middle", "bpmn-name", e.Name)
	}
	var markers []func(x, y float64)
	if e.Loop != LoopNone {
		markers = append(markers, func(x, y float64) { c.loopMarker(x, y, e.Loop) })
	}
	if e.Kind == "callActivity" && !s.Expanded && len(e.Elements) > 0 {
		markers = append(markers, c.plusMarker)
	}
	c.bottomMarkers(b, markers)
}

// bottomMarkers places 14×14 markers side by side at the bottom centre.
func (c *svgCtx) bottomMarkers(b Bounds, markers []func(x, y float64)) {
	x := b.X + b.W/2 - float64(len(markers))*16/2 + 1
	for _, mk := range markers {
		mk(x, b.Y+b.H-17)
		x += 16
	}
}

func (c *svgCtx) subProcess(s *Shape, e *Element) {
	b := s.Bounds
	attrs := `fill="#fff" ` + stroke + `stroke-width="1.5"`
	if e.TriggeredByEvent {
		attrs += ` stroke-dasharray="3 3"`
	}
	if s.Expanded {
		attrs = strings.Replace(attrs, `fill="#fff"`, `fill="#fff" fill-opacity="0.6"`, 1)
	}
	c.rect(b, 10, attrs)
	if e.Kind == "transaction" {
		c.rect(Bounds{b.X + 3, b.Y + 3, b.W - 6, b.H - 6}, 8, `fill="none" `+stroke)
	}
	var markers []func(x, y float64)
	if e.Loop != LoopNone {
		markers = append(markers, func(x, y float64) { c.loopMarker(x, y, e.Loop) })
	}
	if e.Kind == "adHocSubProcess" {
		markers = append(markers, c.adHocMarker)
	}
	if s.Expanded {
		c.textTop(b.X+8, b.Y+6, b.W-16, 2, "start", "bpmn-name", e.Name)
	} else {
		markers = append(markers, c.plusMarker)
		c.text(b.X+b.W/2, b.Y+b.H/2-6, b.W-12, max(int((b.H-24)/lineH), 1), "middle", "bpmn-name", e.Name)
	}
	c.bottomMarkers(b, markers)
}

func (c *svgCtx) plusMarker(x, y float64) {
	c.rect(Bounds{x, y, 14, 14}, 0, `fill="#fff" `+stroke)
	c.line(x+3, y+7, x+11, y+7, "")
	c.line(x+7, y+3, x+7, y+11, "")
}

func (c *svgCtx) adHocMarker(x, y float64) {
	c.path("M"+f(x+1)+" "+f(y+8)+" q3 -5 6 0 t6 0", `fill="none" `+stroke+`stroke-width="1.5"`)
}

func (c *svgCtx) loopMarker(x, y float64, l Loop) {
	switch l {
	case LoopStandard:
		c.path("M"+f(x+4)+" "+f(y+12)+" A5.5 5.5 0 1 1 "+f(x+10)+" "+f(y+12), `fill="none" `+stroke+`stroke-width="1.5"`)
		c.path("M"+f(x+1)+" "+f(y+9)+" l3 3 l-3 2", `fill="none" `+stroke)
	case LoopMultiInstance:
		for i := range 3 {
			c.line(x+3+float64(i)*4, y+1, x+3+float64(i)*4, y+13, `stroke-width="2"`)
		}
	case LoopMultiInstanceSequential:
		for i := range 3 {
			c.line(x+1, y+3+float64(i)*4, x+13, y+3+float64(i)*4, `stroke-width="2"`)
		}
	}
}

func (c *svgCtx) path(d, attrs string) {
	c.b.WriteString(`<path d="` + d + `" ` + attrs + "/>\n")
}

// artifact draws data objects, data stores, text annotations and groups.
func (c *svgCtx) artifact(s *Shape, e *Element) {
	b := s.Bounds
	switch e.Kind {
	case "dataObject", "dataObjectReference":
		fold := min(b.W, b.H) * 0.3
		c.path("M"+f(b.X)+" "+f(b.Y)+" h"+f(b.W-fold)+" l"+f(fold)+" "+f(fold)+" v"+f(b.H-fold)+" h"+f(-b.W)+" z", `fill="#fff" `+stroke)
		c.path("M"+f(b.X+b.W-fold)+" "+f(b.Y)+" v"+f(fold)+" h"+f(fold), `fill="none" `+stroke)
		c.label(s, e.Name)
	case "dataStoreReference":
		ry := b.H * 0.12
		c.path("M"+f(b.X)+" "+f(b.Y+ry)+" a"+f(b.W/2)+" "+f(ry)+" 0 0 0 "+f(b.W)+" 0 v"+f(b.H-2*ry)+
			" a"+f(b.W/2)+" "+f(ry)+" 0 0 1 "+f(-b.W)+" 0 z", `fill="#fff" `+stroke)
		c.path("M"+f(b.X)+" "+f(b.Y+ry)+" a"+f(b.W/2)+" "+f(ry)+" 0 0 1 "+f(b.W)+" 0", `fill="#fff" `+stroke)
		c.label(s, e.Name)
	case "textAnnotation":
		c.rect(b, 0, `fill="#fff" fill-opacity="0.5" stroke="none"`)
		c.path("M"+f(b.X+15)+" "+f(b.Y)+" H"+f(b.X)+" V"+f(b.Y+b.H)+" H"+f(b.X+15), `fill="none" `+stroke)
		c.textTop(b.X+5, b.Y+4, b.W-8, max(int((b.H-4)/lineH), 1), "start", "bpmn-text", e.Text)
	case "group":
		c.rect(b, 10, `fill="none" `+stroke+`stroke-dasharray="8 3 2 3"`)
		c.label(&Shape{Bounds: Bounds{b.X, b.Y - 4 - lineH, b.W, lineH}, Label: s.Label}, e.Name)
	default:
		c.rect(b, 0, `fill="none" `+stroke+`stroke-dasharray="4 3"`)
	}
}
