package bpmn

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"io"
	"slices"
	"strings"
)

// xw writes indented XML; the first write error sticks.
type xw struct {
	w     *bufio.Writer
	depth int
}

func (x *xw) open(name string, attrs ...string)  { x.start(name, false, attrs); x.depth++ }
func (x *xw) empty(name string, attrs ...string) { x.start(name, true, attrs) }
func (x *xw) close(name string) {
	x.depth--
	x.indent()
	x.w.WriteString("</" + name + ">\n")
}

func (x *xw) indent() { x.w.WriteString(strings.Repeat("  ", x.depth)) }

// start writes a start tag; attrs are name, value pairs and empty values are left out.
func (x *xw) start(name string, selfClose bool, attrs []string) {
	x.indent()
	x.w.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		x.w.WriteString(" " + attrs[i] + `="`)
		xml.EscapeText(x.w, []byte(attrs[i+1]))
		x.w.WriteString(`"`)
	}
	if selfClose {
		x.w.WriteString("/>\n")
	} else {
		x.w.WriteString(">\n")
	}
}

func (x *xw) textElem(name, text string, attrs ...string) {
	x.indent()
	x.w.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.w.WriteString(" " + attrs[i] + `="` + attrs[i+1] + `"`)
	}
	x.w.WriteString(">")
	xml.EscapeText(x.w, []byte(text))
	x.w.WriteString("</" + name + ">\n")
}

// WriteXML writes the model as BPMN 2.0 XML with its diagram (BPMNDI)
// and rathaus' step annotations as extension elements. The output
// validates against the BPMN 2.0 schema when the model's references are
// consistent; Parse reads it back to the same model.
func (m *Model) WriteXML(w io.Writer) error {
	x := &xw{w: bufio.NewWriter(w)}
	x.w.WriteString(xml.Header)
	x.open("bpmn:definitions", "xmlns:bpmn", NSModel, "xmlns:bpmndi", NSDI, "xmlns:dc", NSDC,
		"xmlns:di", NSDD, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xmlns:rathaus", NSRathaus, "id", m.ID, "name", m.Name,
		"targetNamespace", NSRathaus+"/models", "exporter", "rathaus")
	if c := m.Collaboration; c != nil {
		x.writeCollaboration(c)
	}
	ids := m.ids(nil)
	for _, p := range m.Processes {
		x.open("bpmn:process", "id", p.ID, "name", p.Name, "isExecutable", "false")
		if len(p.Lanes) > 0 {
			x.open("bpmn:laneSet", "id", p.ID+"_lanes")
			x.writeLanes(p.Lanes, ids)
			x.close("bpmn:laneSet")
		}
		x.writeContent(p.Elements, p.Flows, ids)
		x.close("bpmn:process")
	}
	if d := m.Diagram; d != nil {
		x.writeDiagram(m, d)
	}
	x.close("bpmn:definitions")
	return x.w.Flush()
}

func (x *xw) writeCollaboration(c *Collaboration) {
	x.open("bpmn:collaboration", "id", c.ID, "name", c.Name)
	for _, p := range c.Participants {
		x.empty("bpmn:participant", "id", p.ID, "name", p.Name, "processRef", p.ProcessRef)
	}
	for _, f := range c.MessageFlows {
		x.empty("bpmn:messageFlow", "id", f.ID, "name", f.Name, "sourceRef", f.Source, "targetRef", f.Target)
	}
	for _, e := range c.Artifacts {
		x.writeElement(e, nil, nil)
	}
	x.close("bpmn:collaboration")
}

func (x *xw) writeLanes(lanes []*Lane, ids map[string]bool) {
	for _, l := range lanes {
		x.open("bpmn:lane", "id", l.ID, "name", l.Name)
		for _, r := range l.FlowNodeRefs {
			if ids[r] {
				x.textElem("bpmn:flowNodeRef", r)
			}
		}
		if len(l.Lanes) > 0 {
			x.open("bpmn:childLaneSet", "id", l.ID+"_lanes")
			x.writeLanes(l.Lanes, ids)
			x.close("bpmn:childLaneSet")
		}
		x.close("bpmn:lane")
	}
}

// writeContent writes flow elements first and artifacts last, as the schema wants.
func (x *xw) writeContent(els []*Element, flows []*Flow, ids map[string]bool) {
	in, out := map[string][]string{}, map[string][]string{}
	for _, f := range flows {
		out[f.Source] = append(out[f.Source], f.ID)
		in[f.Target] = append(in[f.Target], f.ID)
	}
	for _, e := range els {
		if !isArtifact(e.Kind) {
			x.writeElement(e, in[e.ID], out[e.ID])
		}
	}
	for _, f := range flows {
		x.writeFlow(f)
	}
	for _, e := range els {
		if isArtifact(e.Kind) {
			x.writeElement(e, nil, nil)
		}
	}
}

func (x *xw) writeFlow(f *Flow) {
	if f.Condition == "" && !f.Conditional {
		x.empty("bpmn:sequenceFlow", "id", f.ID, "name", f.Name, "sourceRef", f.Source, "targetRef", f.Target)
		return
	}
	x.open("bpmn:sequenceFlow", "id", f.ID, "name", f.Name, "sourceRef", f.Source, "targetRef", f.Target)
	x.textElem("bpmn:conditionExpression", f.Condition, "xsi:type", "bpmn:tFormalExpression")
	x.close("bpmn:sequenceFlow")
}

func (x *xw) writeElement(e *Element, in, out []string) {
	name := "bpmn:" + e.Kind
	attrs := []string{"id", e.ID, "name", e.Name}
	switch {
	case e.Kind == "boundaryEvent":
		attrs = append(attrs, "attachedToRef", e.AttachedTo)
		if !e.CancelActivity {
			attrs = append(attrs, "cancelActivity", "false")
		}
	case e.Kind == "association":
		attrs = append(attrs, "sourceRef", e.Source, "targetRef", e.Target)
	case e.Kind == "dataObjectReference":
		attrs = append(attrs, "dataObjectRef", e.DataObjectRef)
	}
	if e.Default != "" && (IsTask(e.Kind) || IsSubProcess(e.Kind) || slices.Contains(
		[]string{"exclusiveGateway", "inclusiveGateway", "complexGateway"}, e.Kind)) {
		attrs = append(attrs, "default", e.Default)
	}
	if e.TriggeredByEvent {
		attrs = append(attrs, "triggeredByEvent", "true")
	}
	x.open(name, attrs...)
	x.writeProps(e.Props)
	if e.Kind == "textAnnotation" {
		x.textElem("bpmn:text", e.Text)
	}
	for _, id := range in {
		x.textElem("bpmn:incoming", id)
	}
	for _, id := range out {
		x.textElem("bpmn:outgoing", id)
	}
	switch e.Loop {
	case LoopStandard:
		x.empty("bpmn:standardLoopCharacteristics")
	case LoopMultiInstance:
		x.empty("bpmn:multiInstanceLoopCharacteristics")
	case LoopMultiInstanceSequential:
		x.empty("bpmn:multiInstanceLoopCharacteristics", "isSequential", "true")
	}
	for _, d := range e.EventDefs {
		x.writeEventDef(e, d)
	}
	if IsSubProcess(e.Kind) {
		x.writeContent(e.Elements, e.Flows, nil)
	}
	x.close(name)
}

func (x *xw) writeProps(props map[string]string) {
	if len(props) == 0 {
		return
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	x.open("bpmn:extensionElements")
	for _, k := range keys {
		x.empty("rathaus:property", "name", k, "value", props[k])
	}
	x.close("bpmn:extensionElements")
}

// writeEventDef writes an event definition with what the schema requires.
func (x *xw) writeEventDef(e *Element, def string) {
	name := "bpmn:" + def + "EventDefinition"
	switch def {
	case "conditional":
		x.open(name)
		x.empty("bpmn:condition", "xsi:type", "bpmn:tFormalExpression")
		x.close(name)
	case "link":
		x.empty(name, "name", cmp.Or(e.Name, e.ID, "link"))
	default:
		x.empty(name)
	}
}
