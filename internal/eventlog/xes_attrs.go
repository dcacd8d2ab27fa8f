package eventlog

import (
	"bytes"
	"fmt"
)

// attribute reads an attribute element (string, date, ...) in the current
// context and passes over its nested attributes.
func (x *xesReader) attribute(typ AttrType) {
	s := x.s
	if x.ctx == ctxLog {
		x.order(3, "attribute")
	} else {
		x.order(0, "attribute")
	}
	key, value, ok := x.attrForm(typ)
	if typ == attrList && x.strict && string(s.LocalName()) == "container" {
		x.violation("", s.Line, "<%s> is not an element of the XES schema", s.Name)
	}
	if typ == attrList {
		x.warnOnce("list", "line %d: list and container attributes are ignored", s.Line)
		ok = false
	}
	if ok {
		if (typ != TypeDate || string(key) != "time:timestamp" || x.strict) && !validLexical(typ, value) {
			x.violation("", s.Line, "%q is not a valid %s value (attribute %s)", value, typ.XESTag(), key)
			if string(key) != "time:timestamp" {
				typ = TypeString
			}
		}
		switch x.ctx {
		case ctxEvent:
			x.eventAttr(key, value, typ)
		case ctxTrace:
			x.traceAttr(key, value, typ)
		default:
			x.logAttr(key, value, typ)
		}
	}
	x.skip(skipNested)
}

// attrForm reads key and value of an attribute element, checking them in
// strict mode; ok is false when the element has no key or value.
func (x *xesReader) attrForm(typ AttrType) (key, value []byte, ok bool) {
	s := x.s
	for _, a := range s.Attrs {
		switch string(a.Name) {
		case "key":
			key = a.Value
		case "value":
			value = a.Value
		default:
			if x.strict {
				x.violation("", s.Line, "<%s> has an attribute %s the schema does not know", s.Name, a.Name)
			}
		}
	}
	switch {
	case key == nil:
		x.violation("nokey", s.Line, "<%s> has no key and is ignored", s.Name)
		return nil, nil, false
	case value == nil && typ != attrList:
		x.violation("novalue", s.Line, "<%s key=%q> has no value and is ignored", s.Name, key)
		return nil, nil, false
	case typ == attrList && value != nil && x.strict:
		x.violation("", s.Line, "<%s key=%q> must not have a value", s.Name, key)
	}
	if x.strict && !validName(string(key)) {
		x.violation("", s.Line, "key %q is not an XML name", key)
	}
	return key, value, true
}

// nestedAttribute checks, in strict mode, an element inside an attribute.
func (x *xesReader) nestedAttribute() {
	s := x.s
	name := s.LocalName()
	if string(name) == "values" {
		return
	}
	typ, ok := xesAttrType(name)
	if !ok || string(name) == "container" {
		x.violation("", s.Line, "unknown element <%s> inside an attribute", s.Name)
		return
	}
	if key, value, ok := x.attrForm(typ); ok && typ != attrList && !validLexical(typ, value) {
		x.violation("", s.Line, "%q is not a valid %s value (attribute %s)", value, typ.XESTag(), key)
	}
}

func (x *xesReader) logAttr(key, value []byte, typ AttrType) {
	if string(key) == "concept:name" && x.logName == "" {
		x.logName = string(value)
	}
	x.b.LogAttr(KV{Key: string(key), Type: typ, Value: string(value)})
}

func (x *xesReader) startTrace() {
	x.ctx, x.phase = ctxTrace, 0
	x.traces++
	x.caseIdx, x.hasID, x.traceID, x.traceLine = -1, false, "", x.s.Line
	x.caseAttrs = x.caseAttrs[:0]
	if x.s.SelfClosing {
		x.endTrace()
		x.ctx, x.phase = ctxLog, 4
	}
}

func (x *xesReader) traceAttr(key, value []byte, typ AttrType) {
	if string(key) != "concept:name" {
		col := columnIndex(&x.b.log.CaseAttrs, x.b.csAttr, key, typ, x.hint/8)
		x.caseAttrs = append(x.caseAttrs, pendingAttr{col, x.b.internBytes(value)})
		return
	}
	x.traceID, x.hasID = string(value), true
	if x.caseIdx >= 0 { // the name comes after events: rename the case
		x.violation("order:trace-name", x.s.Line, "the trace's concept:name comes after its events")
		c := &x.b.log.Cases[x.caseIdx]
		delete(x.b.cases, c.ID)
		c.ID = x.uniqueCaseID(x.traceID)
		x.b.cases[c.ID] = x.caseIdx
	}
}

// resolveCase makes the case of the current trace when it does not exist.
func (x *xesReader) resolveCase() int32 {
	if x.caseIdx >= 0 {
		return x.caseIdx
	}
	id := x.traceID
	if !x.hasID {
		id = fmt.Sprintf("trace %d", x.traces)
		x.rep.Warn("line %d: the trace has no concept:name; it is called %q", x.traceLine, id)
	}
	x.caseIdx = x.b.Case(x.uniqueCaseID(id))
	return x.caseIdx
}

// uniqueCaseID keeps traces with the same name apart.
func (x *xesReader) uniqueCaseID(id string) string {
	if _, dup := x.b.cases[id]; !dup {
		return id
	}
	x.rep.Warn("line %d: a second trace is named %q; it is renamed", x.traceLine, id)
	for n := 2; ; n++ {
		alt := fmt.Sprintf("%s#%d", id, n)
		if _, dup := x.b.cases[alt]; !dup {
			return alt
		}
	}
}

func (x *xesReader) endTrace() {
	c := x.resolveCase()
	cols := x.b.log.CaseAttrs
	for _, pa := range x.caseAttrs {
		col := &cols[pa.col]
		col.Val = padColumn(col.Val, int(c)+1)
		col.Val[c] = pa.val
	}
}

func (x *xesReader) startEvent() {
	x.ctx, x.phase = ctxEvent, 0
	x.act, x.time, x.res, x.eventLine = -1, NoTime, -1, x.s.Line
	x.attrs = x.attrs[:0]
	for i := range x.parts {
		x.parts[i] = x.parts[i][:0]
	}
	if x.s.SelfClosing {
		x.endEvent()
		x.ctx, x.phase = ctxTrace, 1
	}
}

func (x *xesReader) eventAttr(key, value []byte, typ AttrType) {
	switch string(key) {
	case "time:timestamp":
		t, ok := parseDateTime(value)
		if !ok {
			x.rep.Warn("line %d: the timestamp %q cannot be read; the event has no time", x.s.Line, value)
		}
		x.time = t
		return
	case "org:resource":
		x.res = x.b.internBytes(value)
		return
	case "concept:name":
		if x.classifier == nil {
			x.act = x.b.internActivity(value)
			return
		}
	}
	for i, k := range x.classifier {
		if bytes.Equal(k, key) {
			x.parts[i] = append(x.parts[i][:0], value...)
		}
	}
	col := x.eventColumn(key, typ)
	x.attrs = append(x.attrs, pendingAttr{col, x.columnValue(col, value)})
}

// classifierActivity joins the event's classifier values with "+"; -1
// when the event has none of them.
func (x *xesReader) classifierActivity() int32 {
	x.joined = x.joined[:0]
	any := false
	for i, p := range x.parts {
		if i > 0 {
			x.joined = append(x.joined, '+')
		}
		x.joined = append(x.joined, p...)
		any = any || len(p) > 0
	}
	if !any {
		return -1
	}
	return x.b.internActivity(x.joined)
}
