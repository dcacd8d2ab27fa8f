package bpmn

import (
	"rathaus/internal/mining"
)

// Net converts the model's process into a workflow net for conformance
// checking. Every sequence flow is a place; a task becomes a visible
// transition labelled with its name (Element is the BPMN id); events,
// gateways and the entry and exit of sub-processes become silent
// transitions. Exclusive, event-based and complex gateways and the incoming
// flows of any other node are choices (XOR); parallel gateways and the
// outgoing flows of activities and events are parallel (AND). Sub-processes
// are flattened. Boundary events are an alternative to their activity.
//
// Inclusive gateways are approximated: a split may take any non-empty
// subset of its outgoing flows and a join fires for any non-empty subset of
// its incoming flows, so the net may accept more than the model and leave
// tokens behind.
//
// Nodes without incoming flows start from a single source place and nodes
// without outgoing flows end in a single sink place (parallel branches that
// end in end events of their own leave more than the one token there that
// the final marking expects). Event sub-processes and
// nodes without incoming flows in a process with a start event (such as
// compensation handlers) are left out. The error is an *Error with a Key
// when the model has no or several processes (then convert one with
// Process.Net), or no start or end.
func (m *Model) Net() (*mining.Net, error) {
	var proc *Process
	for _, p := range m.Processes {
		if !hasFlowNodes(p.Elements) {
			continue
		}
		if proc != nil {
			return nil, &Error{Key: "bpmn.net.several_processes", Detail: "the model has more than one process"}
		}
		proc = p
	}
	if proc == nil {
		return nil, &Error{Key: "bpmn.net.no_process", Detail: "the model has no process with steps"}
	}
	return proc.Net()
}

// Net converts one process into a workflow net; see Model.Net.
func (proc *Process) Net() (*mining.Net, error) {
	c := &netConv{net: &mining.Net{}}
	c.source, c.sink = c.place(), c.place()
	c.container(proc.Elements, proc.Flows, c.source, c.sink)
	if !c.started {
		return nil, &Error{Key: "bpmn.net.no_start", Detail: "no step begins the process"}
	}
	if !c.ended {
		return nil, &Error{Key: "bpmn.net.no_end", Detail: "no step ends the process"}
	}
	return c.finish(), nil
}

func hasFlowNodes(els []*Element) bool {
	for _, e := range els {
		if IsFlowNode(e.Kind) {
			return true
		}
	}
	return false
}

// netConv builds the net; places are merged with a union-find.
type netConv struct {
	net            *mining.Net
	parent         []int
	source, sink   int
	started, ended bool
}

func (c *netConv) place() int {
	c.parent = append(c.parent, len(c.parent))
	return len(c.parent) - 1
}

func (c *netConv) find(p int) int {
	for c.parent[p] != p {
		c.parent[p] = c.parent[c.parent[p]]
		p = c.parent[p]
	}
	return p
}

func (c *netConv) union(a, b int) { c.parent[c.find(a)] = c.find(b) }

func (c *netConv) transition(label, element string, in, out []int) {
	c.net.Transitions = append(c.net.Transitions, mining.Transition{Label: label, Element: element,
		In: append([]int(nil), in...), Out: append([]int(nil), out...)})
}

// container converts the nodes of a process or sub-process; nodes without
// incoming flows take their token from entry, nodes without outgoing flows
// put theirs into exit.
func (c *netConv) container(els []*Element, flows []*Flow, entry, exit int) {
	nodes := map[string]*Element{}
	for _, e := range els {
		if IsFlowNode(e.Kind) {
			nodes[e.ID] = e
		}
	}
	in, out := map[string][]int{}, map[string][]int{}
	for _, f := range flows {
		if nodes[f.Source] == nil || nodes[f.Target] == nil {
			continue
		}
		p := c.place()
		out[f.Source] = append(out[f.Source], p)
		in[f.Target] = append(in[f.Target], p)
	}
	inPlace := map[string]int{} // the merged input place of XOR-joining nodes
	for _, e := range els {
		if nodes[e.ID] == nil || e.Kind == "boundaryEvent" {
			continue
		}
		if len(in[e.ID]) == 0 && (e.Kind == "startEvent" || !hasStart(els)) {
			in[e.ID] = []int{entry}
			c.started = c.started || entry == c.source
		}
		if len(out[e.ID]) == 0 {
			out[e.ID] = []int{exit}
			c.ended = c.ended || exit == c.sink
		}
		if e.Kind != "parallelGateway" && e.Kind != "inclusiveGateway" && len(in[e.ID]) > 0 {
			for _, p := range in[e.ID][1:] {
				c.union(p, in[e.ID][0])
			}
			inPlace[e.ID] = in[e.ID][0]
			in[e.ID] = in[e.ID][:1]
		}
	}
	for _, e := range els {
		if nodes[e.ID] != nil && e.Kind != "boundaryEvent" && len(in[e.ID]) > 0 {
			c.node(e, in[e.ID], out[e.ID])
		}
	}
	for _, e := range els { // boundary events take the token of their activity
		if p, ok := inPlace[e.AttachedTo]; ok && e.Kind == "boundaryEvent" {
			if len(out[e.ID]) == 0 {
				out[e.ID] = []int{exit}
			}
			c.transition("", e.ID, []int{p}, out[e.ID])
		}
	}
}

// hasStart reports whether a container has a start event.
func hasStart(els []*Element) bool {
	for _, e := range els {
		if e.Kind == "startEvent" {
			return true
		}
	}
	return false
}

// node adds the transitions of one flow node.
func (c *netConv) node(e *Element, in, out []int) {
	switch {
	case IsTask(e.Kind):
		c.transition(e.Name, e.ID, in, out)
	case IsSubProcess(e.Kind):
		start, end := c.place(), c.place()
		c.transition("", e.ID, in, []int{start})
		c.container(e.Elements, e.Flows, start, end)
		c.transition("", e.ID, []int{end}, out)
	case e.Kind == "parallelGateway":
		c.transition("", e.ID, in, out)
	case e.Kind == "inclusiveGateway":
		c.inclusive(e, in, out)
	case IsGateway(e.Kind): // exclusive, event-based, complex: a choice
		for _, p := range out {
			c.transition("", e.ID, in, []int{p})
		}
	default: // events
		c.transition("", e.ID, in, out)
	}
}

// inclusive approximates an inclusive gateway: one transition per
// non-empty subset of its incoming flows times its outgoing flows, at most
// 2^6 each way (then all flows only).
func (c *netConv) inclusive(e *Element, in, out []int) {
	for _, i := range subsets(in) {
		for _, o := range subsets(out) {
			c.transition("", e.ID, i, o)
		}
	}
}

func subsets(ps []int) [][]int {
	if len(ps) <= 1 || len(ps) > 6 {
		return [][]int{ps}
	}
	var out [][]int
	for mask := 1; mask < 1<<len(ps); mask++ {
		var s []int
		for i, p := range ps {
			if mask&(1<<i) != 0 {
				s = append(s, p)
			}
		}
		out = append(out, s)
	}
	return out
}

// finish renumbers the merged places densely and sets the markings.
func (c *netConv) finish() *mining.Net {
	ids := map[int]int{}
	id := func(p int) int {
		r := c.find(p)
		if n, ok := ids[r]; ok {
			return n
		}
		ids[r] = len(ids)
		return ids[r]
	}
	id(c.source)
	id(c.sink)
	for i := range c.net.Transitions {
		t := &c.net.Transitions[i]
		for j, p := range t.In {
			t.In[j] = id(p)
		}
		for j, p := range t.Out {
			t.Out[j] = id(p)
		}
	}
	n := c.net
	n.Places = len(ids)
	n.Initial, n.Final = make(mining.Marking, n.Places), make(mining.Marking, n.Places)
	n.Initial[id(c.source)], n.Final[id(c.sink)] = 1, 1
	n.PlaceNames = make([]string, n.Places)
	n.PlaceNames[id(c.source)], n.PlaceNames[id(c.sink)] = "source", "sink"
	return n
}
