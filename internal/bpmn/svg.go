package bpmn

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strings"
)

// SVGOptions adjust how a diagram is drawn.
type SVGOptions struct {
	Title string // the accessible title; the model's name when empty
	// Highlight adds a CSS class to an element's shape or edge, for
	// colouring deviations or obstacles (element id -> class).
	Highlight map[string]string
	// Labels puts a small badge with extra text on an element, such as counts.
	Labels map[string]string
}

// svgCtx is the state of one rendering.
type svgCtx struct {
	b        *bytes.Buffer
	o        SVGOptions
	els      map[string]*Element
	flows    map[string]*Flow
	defaults map[string]bool
	msgFlows map[string]*Flow
	pools    map[string]*Participant
	lanes    map[string]*Lane
}

// SVG draws the model's diagram from its BPMNDI coordinates as an
// accessible SVG image: role="img" with a title and a description listing
// the steps, BPMN notation for tasks, events, gateways, pools, lanes,
// sub-processes, data and annotations, CSS classes (bpmn-task,
// bpmn-event, …) with presentation attributes so it looks right without a
// stylesheet. It has no scripts and no external references. A model
// without a diagram is drawn from Layout's coordinates (the model itself is
// left unchanged).
func (m *Model) SVG(o SVGOptions) []byte {
	d := m.Diagram
	if d == nil {
		cp := *m
		cp.Layout()
		d = cp.Diagram
	}
	c := newSVGCtx(m, o)
	box := d.extent()
	const pad = 12
	vb := f(box.X-pad) + " " + f(box.Y-pad) + " " + f(box.W+2*pad) + " " + f(box.H+2*pad)
	c.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="bpmn-diagram" role="img" viewBox="` + vb +
		`" width="` + f(box.W+2*pad) + `" height="` + f(box.H+2*pad) + `" font-family="Arial, Helvetica, sans-serif">` + "\n")
	c.b.WriteString("<title>")
	esc(c.b, cmp.Or(o.Title, m.Name, "BPMN diagram"))
	c.b.WriteString("</title>\n<desc>")
	esc(c.b, describe(m))
	c.b.WriteString("</desc>\n")
	swim, containers, nodes := c.sortShapes(d.Shapes)
	for _, s := range swim {
		c.shape(s)
	}
	for _, s := range containers {
		c.shape(s)
	}
	for _, e := range d.Edges {
		if c.msgFlows[e.Element] == nil {
			c.edge(e)
		}
	}
	for _, s := range nodes {
		c.shape(s)
	}
	for _, e := range d.Edges { // message flows cross pools: on top
		if c.msgFlows[e.Element] != nil {
			c.edge(e)
		}
	}
	c.b.WriteString("</svg>\n")
	return c.b.Bytes()
}

func newSVGCtx(m *Model, o SVGOptions) *svgCtx {
	c := &svgCtx{b: &bytes.Buffer{}, o: o, els: map[string]*Element{}, flows: map[string]*Flow{},
		defaults: map[string]bool{}, msgFlows: map[string]*Flow{}, pools: map[string]*Participant{}, lanes: map[string]*Lane{}}
	var add func(els []*Element, flows []*Flow)
	add = func(els []*Element, flows []*Flow) {
		for _, e := range els {
			c.els[e.ID] = e
			if e.Default != "" {
				c.defaults[e.Default] = true
			}
			add(e.Elements, e.Flows)
		}
		for _, fl := range flows {
			c.flows[fl.ID] = fl
		}
	}
	for _, p := range m.Processes {
		add(p.Elements, p.Flows)
		walkLanes(p.Lanes, func(l *Lane) { c.lanes[l.ID] = l })
	}
	if col := m.Collaboration; col != nil {
		add(col.Artifacts, nil)
		for _, p := range col.Participants {
			c.pools[p.ID] = p
		}
		for _, fl := range col.MessageFlows {
			c.msgFlows[fl.ID] = fl
		}
	}
	return c
}

// describe lists the steps for screen readers.
func describe(m *Model) string {
	tasks := m.Tasks()
	if len(tasks) == 0 {
		return "BPMN process diagram without steps."
	}
	names := make([]string, 0, len(tasks))
	for _, t := range tasks {
		names = append(names, strings.Join(strings.Fields(cmp.Or(t.Name, t.ID)), " "))
	}
	return "BPMN process diagram with these steps: " + strings.Join(names, "; ") + "."
}

// sortShapes splits the shapes into pools and lanes, containers drawn
// behind the flows (expanded sub-processes and groups, largest first) and
// the remaining nodes (boundary events last, on top of their activity).
func (c *svgCtx) sortShapes(shapes []*Shape) (swim, containers, nodes []*Shape) {
	var boundary []*Shape
	for _, s := range shapes {
		e := c.els[s.Element]
		switch {
		case c.pools[s.Element] != nil:
			swim = append([]*Shape{s}, swim...)
		case c.lanes[s.Element] != nil:
			swim = append(swim, s)
		case e != nil && (e.Kind == "group" || s.Expanded && (IsSubProcess(e.Kind) || e.Kind == "callActivity")):
			containers = append(containers, s)
		case e != nil && e.Kind == "boundaryEvent":
			boundary = append(boundary, s)
		default:
			nodes = append(nodes, s)
		}
	}
	slices.SortStableFunc(containers, func(a, b *Shape) int {
		return cmp.Compare(b.Bounds.W*b.Bounds.H, a.Bounds.W*a.Bounds.H)
	})
	return swim, containers, append(nodes, boundary...)
}

// extent is the rectangle around all shapes, waypoints and labels.
func (d *Diagram) extent() Bounds {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	grow := func(b Bounds) {
		minX, minY = min(minX, b.X), min(minY, b.Y)
		maxX, maxY = max(maxX, b.X+b.W), max(maxY, b.Y+b.H)
	}
	for _, s := range d.Shapes {
		grow(s.Bounds)
		if s.Label != nil {
			grow(*s.Label)
		} else if b := s.Bounds; b.W < 80 { // a label below the shape
			w := max(b.W*2.5, 90)
			grow(Bounds{b.X + b.W/2 - w/2, b.Y, w, b.H + 4 + 2*lineH})
		}
	}
	for _, e := range d.Edges {
		for _, p := range e.Waypoints {
			grow(Bounds{X: p.X, Y: p.Y})
		}
		if e.Label != nil {
			grow(*e.Label)
		}
	}
	if math.IsInf(minX, 0) {
		return Bounds{W: 100, H: 100}
	}
	return Bounds{minX, minY, maxX - minX, maxY - minY}
}

// open starts an element's group with its classes.
func (c *svgCtx) open(id string, classes ...string) {
	if h := c.o.Highlight[id]; h != "" {
		classes = append(classes, h)
	}
	c.b.WriteString(`<g class="`)
	esc(c.b, strings.Join(classes, " "))
	c.b.WriteString(`" data-element="`)
	esc(c.b, id)
	c.b.WriteString("\">")
	if name := strings.Join(strings.Fields(c.nameOf(id)), " "); name != "" {
		c.b.WriteString("<title>") // a tooltip with the full name
		esc(c.b, name)
		c.b.WriteString("</title>")
	}
	c.b.WriteString("\n")
}

// nameOf returns the name of an element, pool, lane or flow.
func (c *svgCtx) nameOf(id string) string {
	switch {
	case c.els[id] != nil:
		return cmp.Or(c.els[id].Name, c.els[id].Text)
	case c.pools[id] != nil:
		return c.pools[id].Name
	case c.lanes[id] != nil:
		return c.lanes[id].Name
	case c.flows[id] != nil:
		return c.flows[id].Name
	case c.msgFlows[id] != nil:
		return c.msgFlows[id].Name
	}
	return ""
}

// badge draws the extra label of an element at its top right corner.
func (c *svgCtx) badge(id string, b Bounds) {
	text := c.o.Labels[id]
	if text == "" {
		return
	}
	w := float64(len([]rune(text)))*6 + 10
	x, y := b.X+b.W-w/2, b.Y-9
	c.b.WriteString(`<g class="bpmn-badge"><rect x="` + f(x) + `" y="` + f(y) + `" width="` + f(w) +
		`" height="16" rx="8" fill="#1d4f91" stroke="#fff"/><text x="` + f(x+w/2) + `" y="` + f(y+12) +
		`" text-anchor="middle" font-size="10" fill="#fff">`)
	esc(c.b, text)
	c.b.WriteString("</text></g>\n")
}
