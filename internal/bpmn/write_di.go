package bpmn

import "strconv"

// writeDiagram writes the BPMNDI plane with its shapes and edges.
func (x *xw) writeDiagram(m *Model, d *Diagram) {
	plane := d.Plane
	if plane == "" && m.Collaboration != nil {
		plane = m.Collaboration.ID
	} else if plane == "" && len(m.Processes) > 0 {
		plane = m.Processes[0].ID
	}
	id := d.ID
	if id == "" {
		id = "diagram_1"
	}
	x.open("bpmndi:BPMNDiagram", "id", id, "name", d.Name)
	x.open("bpmndi:BPMNPlane", "id", id+"_plane", "bpmnElement", plane)
	swimlanes := m.swimlaneIDs()
	subs := map[string]bool{}
	m.Walk(func(e *Element) { subs[e.ID] = IsSubProcess(e.Kind) })
	for _, s := range d.Shapes {
		attrs := []string{"id", s.ID, "bpmnElement", s.Element}
		if swimlanes[s.Element] || s.Horizontal {
			attrs = append(attrs, "isHorizontal", strconv.FormatBool(s.Horizontal))
		}
		if s.Expanded || subs[s.Element] {
			attrs = append(attrs, "isExpanded", strconv.FormatBool(s.Expanded))
		}
		if s.HideMarker {
			attrs = append(attrs, "isMarkerVisible", "false")
		}
		x.open("bpmndi:BPMNShape", attrs...)
		x.writeBounds(s.Bounds)
		x.writeLabel(s.Label)
		x.close("bpmndi:BPMNShape")
	}
	for _, e := range d.Edges {
		x.open("bpmndi:BPMNEdge", "id", e.ID, "bpmnElement", e.Element)
		for _, p := range e.Waypoints {
			x.empty("di:waypoint", "x", fnum(p.X), "y", fnum(p.Y))
		}
		x.writeLabel(e.Label)
		x.close("bpmndi:BPMNEdge")
	}
	x.close("bpmndi:BPMNPlane")
	x.close("bpmndi:BPMNDiagram")
}

func (x *xw) writeBounds(b Bounds) {
	x.empty("dc:Bounds", "x", fnum(b.X), "y", fnum(b.Y), "width", fnum(b.W), "height", fnum(b.H))
}

func (x *xw) writeLabel(b *Bounds) {
	if b == nil {
		return
	}
	x.open("bpmndi:BPMNLabel")
	x.writeBounds(*b)
	x.close("bpmndi:BPMNLabel")
}

// fnum formats a coordinate; zero is written as "0", never left out.
func fnum(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	return s
}

// swimlaneIDs are the ids of pools and lanes.
func (m *Model) swimlaneIDs() map[string]bool {
	ids := map[string]bool{}
	if m.Collaboration != nil {
		for _, p := range m.Collaboration.Participants {
			ids[p.ID] = true
		}
	}
	for _, p := range m.Processes {
		walkLanes(p.Lanes, func(l *Lane) { ids[l.ID] = true })
	}
	return ids
}
