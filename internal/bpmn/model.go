// Package bpmn reads, writes, lays out and draws BPMN 2.0 process models,
// and converts them from and to the mining package's process trees and
// Petri nets. It has no HTTP and no SQL; the XML is the standard's own
// (namespace http://www.omg.org/spec/BPMN/20100524/MODEL) with BPMNDI for
// the diagram and rathaus' step annotations as extension elements.
package bpmn

// Namespaces used when reading and writing BPMN 2.0 XML.
const (
	NSModel   = "http://www.omg.org/spec/BPMN/20100524/MODEL"
	NSDI      = "http://www.omg.org/spec/BPMN/20100524/DI"
	NSDC      = "http://www.omg.org/spec/DD/20100524/DC"
	NSDD      = "http://www.omg.org/spec/DD/20100524/DI"
	NSRathaus = "https://rathaus.example/bpmn"
)

// Model is a BPMN 2.0 definitions document: its processes, the
// collaboration between pools and the diagram.
type Model struct {
	ID, Name      string
	Processes     []*Process
	Collaboration *Collaboration // nil without pools
	Diagram       *Diagram       // nil when the file has no BPMNDI
}

// Collaboration holds the pools (participants) and the message flows
// between them, and artifacts drawn outside any process.
type Collaboration struct {
	ID, Name     string
	Participants []*Participant
	MessageFlows []*Flow
	Artifacts    []*Element // text annotations, associations and groups
}

// Participant is a pool; ProcessRef is empty for a black-box pool.
type Participant struct {
	ID, Name, ProcessRef string
}

// Process is one executable or descriptive process of a model.
type Process struct {
	ID, Name string
	Elements []*Element // flow nodes, data and artifacts in document order
	Flows    []*Flow    // sequence flows
	Lanes    []*Lane    // top-level lanes of all lane sets
}

// Lane is a swimlane inside a pool; Lanes are the lanes of its child lane set.
type Lane struct {
	ID, Name     string
	FlowNodeRefs []string
	Lanes        []*Lane
}

// Flow is a sequence flow (or, in a Collaboration, a message flow).
type Flow struct {
	ID, Name       string
	Source, Target string
	Condition      string // the condition expression's text
	// Conditional is set by Parse when the flow has a condition
	// expression, also an empty one; WriteXML writes one when it is set or
	// Condition is not empty.
	Conditional bool
}

// Loop is an activity's loop marker.
type Loop uint8

const (
	LoopNone                    Loop = iota
	LoopStandard                     // standardLoopCharacteristics
	LoopMultiInstance                // multiInstanceLoopCharacteristics, parallel
	LoopMultiInstanceSequential      // multiInstanceLoopCharacteristics isSequential="true"
)

// Element is a flow node, data element or artifact. Kind is the BPMN
// element's local name, for example "userTask", "boundaryEvent",
// "exclusiveGateway", "subProcess", "textAnnotation".
type Element struct {
	ID, Name string
	Kind     string

	// EventDefs are the event definitions of an event without the
	// "EventDefinition" suffix: message, timer, error, signal, escalation,
	// conditional, compensate, cancel, link, terminate.
	EventDefs      []string
	AttachedTo     string // boundary events: the activity's id
	CancelActivity bool   // boundary events: interrupting (the default)

	Default string // gateways and activities: the default flow's id
	Loop    Loop

	// Sub-processes, transactions and ad-hoc sub-processes.
	Elements         []*Element
	Flows            []*Flow
	TriggeredByEvent bool

	Text           string // text annotations
	Source, Target string // associations
	DataObjectRef  string // data object references

	// Props are rathaus' own annotations of a step (for example the
	// digitisation check's findings), written as rathaus:property
	// extension elements.
	Props map[string]string
}

// Diagram is the BPMNDI of the first diagram of a model.
type Diagram struct {
	ID, Name string
	Plane    string // the element the plane shows: the collaboration or a process
	Shapes   []*Shape
	Edges    []*Edge
}

// Bounds is a rectangle in diagram coordinates.
type Bounds struct{ X, Y, W, H float64 }

// Point is a position in diagram coordinates.
type Point struct{ X, Y float64 }

// Shape places a node, pool or lane on the diagram.
type Shape struct {
	ID, Element string
	Bounds      Bounds
	Label       *Bounds // nil when the tool places the label
	Expanded    bool    // sub-processes: drawn open
	Horizontal  bool    // pools and lanes: laid out left to right
	HideMarker  bool    // exclusive gateways: drawn without the X (isMarkerVisible="false")
}

// Edge draws a flow or association on the diagram.
type Edge struct {
	ID, Element string
	Waypoints   []Point
	Label       *Bounds
}

// Element finds an element by id anywhere in the model, including inside
// sub-processes and the collaboration's artifacts; nil when there is none.
func (m *Model) Element(id string) *Element {
	for _, p := range m.Processes {
		if e := findElement(p.Elements, id); e != nil {
			return e
		}
	}
	if m.Collaboration != nil {
		return findElement(m.Collaboration.Artifacts, id)
	}
	return nil
}

func findElement(els []*Element, id string) *Element {
	for _, e := range els {
		if e.ID == id {
			return e
		}
		if c := findElement(e.Elements, id); c != nil {
			return c
		}
	}
	return nil
}

// Tasks returns every task (including call activities) of the model, also
// those inside sub-processes, ordered by the diagram (left to right, then
// top to bottom) when every task has a shape, and otherwise along the
// sequence flows (breadth first from the start, a sub-process's tasks after
// it, unreachable tasks in document order).
func (m *Model) Tasks() []*Element {
	var tasks []*Element
	for _, p := range m.Processes {
		for _, e := range flowOrder(p.Elements, p.Flows) {
			if IsTask(e.Kind) {
				tasks = append(tasks, e)
			}
		}
	}
	if m.Diagram == nil {
		return tasks
	}
	shapes := m.Diagram.index()
	for _, t := range tasks {
		if shapes[t.ID] == nil {
			return tasks
		}
	}
	sortStable(tasks, func(a, b *Element) bool {
		sa, sb := shapes[a.ID].Bounds, shapes[b.ID].Bounds
		if sa.X != sb.X {
			return sa.X < sb.X
		}
		return sa.Y < sb.Y
	})
	return tasks
}

// Walk calls fn for every element of every process in document order,
// parents before their children.
func (m *Model) Walk(fn func(*Element)) {
	for _, p := range m.Processes {
		walk(p.Elements, fn)
	}
}

func walk(els []*Element, fn func(*Element)) {
	for _, e := range els {
		fn(e)
		walk(e.Elements, fn)
	}
}

// Shape returns the diagram shape of an element, or nil.
func (d *Diagram) Shape(element string) *Shape {
	if d == nil {
		return nil
	}
	return d.index()[element]
}

func (d *Diagram) index() map[string]*Shape {
	idx := make(map[string]*Shape, len(d.Shapes))
	for _, s := range d.Shapes {
		if idx[s.Element] == nil {
			idx[s.Element] = s
		}
	}
	return idx
}
