package bpmn

import (
	"io"
	"strconv"
	"strings"
)

// Report lists what Parse tolerated: dangling references, duplicate ids,
// ignored diagrams. None of it stops the import.
type Report struct {
	Warnings []Error
}

func (r *Report) warn(key string, line int, detail string) {
	r.Warnings = append(r.Warnings, Error{Key: key, Line: line, Detail: detail})
}

// Parse reads a BPMN 2.0 file leniently: any namespace prefix or none is
// accepted, elements outside BPMN are left out, a missing diagram is
// allowed and dangling references become warnings in the Report. It fails
// with an *Error for input that is not XML, not BPMN or too large.
func Parse(r io.Reader) (*Model, *Report, error) {
	root, err := readTree(r)
	if err != nil {
		return nil, nil, err
	}
	if root.name.Local != "definitions" || !isModel(root) {
		return nil, nil, &Error{Key: "bpmn.not_bpmn", Line: root.line,
			Detail: "the root element is " + root.name.Local + ", not BPMN definitions"}
	}
	rep := &Report{}
	m := &Model{ID: root.attr("id"), Name: root.attr("name")}
	for _, c := range root.children {
		switch {
		case isModel(c) && c.name.Local == "process":
			m.Processes = append(m.Processes, parseProcess(c, rep))
		case isModel(c) && c.name.Local == "collaboration" && m.Collaboration == nil:
			m.Collaboration = parseCollaboration(c, rep)
		case c.name.Local == "BPMNDiagram":
			if m.Diagram != nil {
				rep.warn("bpmn.extra_diagram", c.line, "only the first diagram is kept")
				continue
			}
			m.Diagram = parseDiagram(c, rep)
		}
	}
	if len(m.Processes) == 0 && m.Collaboration == nil {
		return nil, nil, &Error{Key: "bpmn.no_process", Line: root.line, Detail: "the file has no process"}
	}
	checkRefs(m, rep, fileIDs(root))
	return m, rep, nil
}

// fileIDs collects the id of every element in the file, also of those the
// model leaves out (data inputs, messages, …).
func fileIDs(root *node) map[string]bool {
	ids := map[string]bool{}
	var walk func(n *node)
	walk = func(n *node) {
		if id := n.attr("id"); id != "" {
			ids[id] = true
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(root)
	return ids
}

func isModel(n *node) bool { return n.name.Space == NSModel || n.name.Space == "" }

func parseProcess(n *node, rep *Report) *Process {
	p := &Process{ID: n.attr("id"), Name: n.attr("name")}
	p.Elements, p.Flows, p.Lanes = parseContainer(n, rep)
	return p
}

// parseContainer reads the flow elements, sequence flows and lanes of a
// process or sub-process.
func parseContainer(n *node, rep *Report) ([]*Element, []*Flow, []*Lane) {
	var els []*Element
	var flows []*Flow
	var lanes []*Lane
	for _, c := range n.children {
		if !isModel(c) {
			continue
		}
		switch local := c.name.Local; {
		case local == "sequenceFlow":
			flows = append(flows, parseFlow(c))
		case local == "laneSet":
			lanes = append(lanes, parseLanes(c)...)
		case local == "association" && (c.attr("sourceRef") == "" || c.attr("targetRef") == ""):
			rep.warn("bpmn.dangling_ref", c.line, "association "+c.attr("id")+" lacks a source or target")
		case knownKind(local):
			els = append(els, parseElement(c, rep))
		}
	}
	return els, flows, lanes
}

func parseFlow(n *node) *Flow {
	f := &Flow{ID: n.attr("id"), Name: n.attr("name"), Source: ref(n.attr("sourceRef")), Target: ref(n.attr("targetRef"))}
	for _, c := range n.children {
		if isModel(c) && c.name.Local == "conditionExpression" {
			f.Condition = strings.TrimSpace(c.text.String())
			f.Conditional = true
		}
	}
	return f
}

func parseLanes(set *node) []*Lane {
	var lanes []*Lane
	for _, c := range set.children {
		if !isModel(c) || c.name.Local != "lane" {
			continue
		}
		l := &Lane{ID: c.attr("id"), Name: c.attr("name")}
		for _, cc := range c.children {
			switch {
			case !isModel(cc):
			case cc.name.Local == "flowNodeRef":
				l.FlowNodeRefs = append(l.FlowNodeRefs, strings.TrimSpace(cc.text.String()))
			case cc.name.Local == "childLaneSet":
				l.Lanes = append(l.Lanes, parseLanes(cc)...)
			}
		}
		lanes = append(lanes, l)
	}
	return lanes
}

func parseElement(n *node, rep *Report) *Element {
	e := &Element{ID: n.attr("id"), Name: n.attr("name"), Kind: n.name.Local,
		Default: ref(n.attr("default")), AttachedTo: ref(n.attr("attachedToRef")),
		CancelActivity: n.name.Local == "boundaryEvent" && n.attr("cancelActivity") != "false",
		Source:         ref(n.attr("sourceRef")), Target: ref(n.attr("targetRef")),
		DataObjectRef:    ref(n.attr("dataObjectRef")),
		TriggeredByEvent: n.attr("triggeredByEvent") == "true"}
	if e.ID == "" {
		rep.warn("bpmn.missing_id", n.line, "a "+e.Kind+" has no id")
	}
	for _, c := range n.children {
		if c.name.Space == NSRathaus {
			continue
		}
		switch local := c.name.Local; {
		case !isModel(c):
		case local == "text":
			e.Text = c.text.String()
		case local == "standardLoopCharacteristics":
			e.Loop = LoopStandard
		case local == "multiInstanceLoopCharacteristics":
			e.Loop = LoopMultiInstance
			if c.attr("isSequential") == "true" {
				e.Loop = LoopMultiInstanceSequential
			}
		case local == "extensionElements":
			e.Props = parseProps(c)
		case eventDefName(local) != "":
			e.EventDefs = append(e.EventDefs, eventDefName(local))
		}
	}
	if IsSubProcess(e.Kind) {
		e.Elements, e.Flows, _ = parseContainer(n, rep)
	}
	return e
}

func parseProps(ext *node) map[string]string {
	var props map[string]string
	for _, c := range ext.children {
		if c.name.Space != NSRathaus || c.name.Local != "property" {
			continue
		}
		if props == nil {
			props = map[string]string{}
		}
		props[c.attr("name")] = c.attr("value")
	}
	return props
}

func parseCollaboration(n *node, rep *Report) *Collaboration {
	col := &Collaboration{ID: n.attr("id"), Name: n.attr("name")}
	for _, c := range n.children {
		if !isModel(c) {
			continue
		}
		switch local := c.name.Local; {
		case local == "participant":
			col.Participants = append(col.Participants, &Participant{ID: c.attr("id"), Name: c.attr("name"), ProcessRef: ref(c.attr("processRef"))})
		case local == "messageFlow":
			col.MessageFlows = append(col.MessageFlows, parseFlow(c))
		case isArtifact(local):
			col.Artifacts = append(col.Artifacts, parseElement(c, rep))
		}
	}
	return col
}

// ref strips a namespace prefix from a QName reference; ids have no colon.
func ref(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func parseDiagram(n *node, rep *Report) *Diagram {
	d := &Diagram{ID: n.attr("id"), Name: n.attr("name")}
	for _, plane := range n.children {
		if plane.name.Local != "BPMNPlane" {
			continue
		}
		d.Plane = ref(plane.attr("bpmnElement"))
		for _, c := range plane.children {
			switch c.name.Local {
			case "BPMNShape":
				d.Shapes = append(d.Shapes, parseShape(c, rep))
			case "BPMNEdge":
				d.Edges = append(d.Edges, parseEdge(c, rep))
			}
		}
	}
	return d
}

func parseShape(n *node, rep *Report) *Shape {
	s := &Shape{ID: n.attr("id"), Element: ref(n.attr("bpmnElement")),
		Expanded: n.attr("isExpanded") == "true", Horizontal: n.attr("isHorizontal") == "true",
		HideMarker: n.attr("isMarkerVisible") == "false"}
	for _, c := range n.children {
		switch c.name.Local {
		case "Bounds":
			s.Bounds = parseBounds(c, rep)
		case "BPMNLabel":
			s.Label = parseLabel(c, rep)
		}
	}
	return s
}

func parseEdge(n *node, rep *Report) *Edge {
	e := &Edge{ID: n.attr("id"), Element: ref(n.attr("bpmnElement"))}
	for _, c := range n.children {
		switch c.name.Local {
		case "waypoint":
			e.Waypoints = append(e.Waypoints, Point{num(c, "x", rep), num(c, "y", rep)})
		case "BPMNLabel":
			e.Label = parseLabel(c, rep)
		}
	}
	return e
}

func parseLabel(n *node, rep *Report) *Bounds {
	for _, c := range n.children {
		if c.name.Local == "Bounds" {
			b := parseBounds(c, rep)
			return &b
		}
	}
	return nil
}

func parseBounds(n *node, rep *Report) Bounds {
	return Bounds{num(n, "x", rep), num(n, "y", rep), num(n, "width", rep), num(n, "height", rep)}
}

func num(n *node, attr string, rep *Report) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(n.attr(attr)), 64)
	if err != nil {
		rep.warn("bpmn.bad_number", n.line, n.name.Local+" "+attr+"="+strconv.Quote(n.attr(attr)))
	}
	return v
}
