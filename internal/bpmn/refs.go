package bpmn

// checkRefs reports references to ids the model does not have and
// duplicate ids. The diagram may refer to elements of the file that the
// model leaves out (inFile), such as data inputs; those are drawn as plain
// outlines and not reported.
func checkRefs(m *Model, rep *Report, inFile map[string]bool) {
	ids := m.ids(rep)
	missing := func(what, id string) {
		if id != "" && !ids[id] {
			rep.warn("bpmn.dangling_ref", 0, what+" refers to unknown id "+id)
		}
	}
	missingDI := func(what, id string) {
		if !inFile[id] {
			missing(what, id)
		}
	}
	var checkFlows func(els []*Element, flows []*Flow)
	checkFlows = func(els []*Element, flows []*Flow) {
		for _, f := range flows {
			if f.Source == "" || f.Target == "" {
				rep.warn("bpmn.dangling_ref", 0, "sequence flow "+f.ID+" lacks a source or target")
			}
			missing("sequence flow "+f.ID, f.Source)
			missing("sequence flow "+f.ID, f.Target)
		}
		for _, e := range els {
			missing(e.Kind+" "+e.ID+" default", e.Default)
			missing(e.Kind+" "+e.ID+" attachedToRef", e.AttachedTo)
			missing(e.Kind+" "+e.ID, e.Source)
			missing(e.Kind+" "+e.ID, e.Target)
			checkFlows(e.Elements, e.Flows)
		}
	}
	for _, p := range m.Processes {
		checkFlows(p.Elements, p.Flows)
		walkLanes(p.Lanes, func(l *Lane) {
			for _, r := range l.FlowNodeRefs {
				missing("lane "+l.ID, r)
			}
		})
	}
	if c := m.Collaboration; c != nil {
		for _, p := range c.Participants {
			missing("participant "+p.ID, p.ProcessRef)
		}
		for _, f := range c.MessageFlows {
			missing("message flow "+f.ID, f.Source)
			missing("message flow "+f.ID, f.Target)
		}
		checkFlows(c.Artifacts, nil)
	}
	if d := m.Diagram; d != nil {
		for _, s := range d.Shapes {
			missingDI("diagram shape "+s.ID, s.Element)
		}
		for _, e := range d.Edges {
			missingDI("diagram edge "+e.ID, e.Element)
		}
	}
}

// ids collects the ids of everything in the model that the diagram and
// flows can refer to; duplicates are reported when rep is not nil.
func (m *Model) ids(rep *Report) map[string]bool {
	ids := map[string]bool{}
	add := func(id string) {
		if id == "" {
			return
		}
		if ids[id] && rep != nil {
			rep.warn("bpmn.duplicate_id", 0, "id "+id+" is used twice")
		}
		ids[id] = true
	}
	var addAll func(els []*Element, flows []*Flow)
	addAll = func(els []*Element, flows []*Flow) {
		for _, e := range els {
			add(e.ID)
			addAll(e.Elements, e.Flows)
		}
		for _, f := range flows {
			add(f.ID)
		}
	}
	for _, p := range m.Processes {
		add(p.ID)
		addAll(p.Elements, p.Flows)
		walkLanes(p.Lanes, func(l *Lane) { add(l.ID) })
	}
	if c := m.Collaboration; c != nil {
		add(c.ID)
		for _, p := range c.Participants {
			add(p.ID)
		}
		addAll(c.Artifacts, c.MessageFlows)
	}
	return ids
}

func walkLanes(lanes []*Lane, fn func(*Lane)) {
	for _, l := range lanes {
		fn(l)
		walkLanes(l.Lanes, fn)
	}
}
