package eventlog

import (
	"strconv"
	"time"
)

// Object type and qualifiers FromLog uses, and Flatten reads resources from.
const (
	ResourceType        = "resource"
	QualifierCase       = "case"
	QualifierPerformer  = "performed by"
	resourceIDCollision = "resource:" // prefix of a resource ID that equals a case ID
)

// Flatten makes a case-centric log with one case per object of objectType
// (in object order, named by the object ID; objects without events give
// empty cases). Each event joins the cases of the objects it relates to,
// sorted by time within a case; it keeps its attributes, typed by the
// declarations of the event types (found by name), and its resource is
// the first related object of type "resource". A case's attributes are the
// initial (earliest) values of its object's attributes. Events with the
// zero time get NoTime.
func (o *OCEL) Flatten(objectType string) *Log {
	b := NewBuilder(objectType, len(o.Events))
	cases := map[string]int32{}
	caseTypes := declaredTypes(o.ObjectTypes)
	for _, ob := range o.Objects {
		if ob.Type != objectType {
			continue
		}
		c := b.Case(ob.ID)
		cases[ob.ID] = c
		for _, a := range initialValues(ob.Attributes) {
			b.CaseAttr(c, KV{Key: a.Name, Type: caseTypes[a.Name], Value: a.Value})
		}
	}
	typeOf := o.objectTypes()
	evTypes := declaredTypes(o.EventTypes)
	for _, ev := range o.Events {
		t := NoTime
		if !ev.Time.IsZero() {
			t = ev.Time.UnixNano()
		}
		res := resourceOf(ev, typeOf)
		for k, r := range ev.Relationships {
			c, ok := cases[r.ObjectID]
			if !ok || relatesBefore(ev.Relationships[:k], r.ObjectID) {
				continue
			}
			b.Event(c, ev.Type, t, res)
			for _, a := range ev.Attributes {
				b.Attr(KV{Key: a.Name, Type: evTypes[a.Name], Value: a.Value})
			}
		}
	}
	return b.Log()
}

// declaredTypes maps attribute names to types; the first declaration wins.
func declaredTypes(ts []TypeDef) map[string]AttrType {
	m := map[string]AttrType{}
	for _, t := range ts {
		for _, a := range t.Attributes {
			if _, ok := m[a.Name]; !ok {
				m[a.Name] = attrType(a.Type)
			}
		}
	}
	return m
}

// initialValues is the earliest value of each attribute name, in the order
// the names first occur.
func initialValues(vs []TimedValue) []TimedValue {
	var out []TimedValue
next:
	for _, v := range vs {
		for i := range out {
			if out[i].Name == v.Name {
				if v.Time.Before(out[i].Time) {
					out[i] = v
				}
				continue next
			}
		}
		out = append(out, v)
	}
	return out
}

func resourceOf(ev Event, typeOf map[string]string) string {
	for _, r := range ev.Relationships {
		if typeOf[r.ObjectID] == ResourceType {
			return r.ObjectID
		}
	}
	return ""
}

func relatesBefore(rs []Relationship, id string) bool {
	for _, r := range rs {
		if r.ObjectID == id {
			return true
		}
	}
	return false
}

// FromLog makes an OCEL of a case-centric log: each case becomes an object
// of objectType with the case attributes as initial values (time Unix 0);
// each resource becomes an object of type "resource" (its ID prefixed with
// "resource:" only when it equals a case ID); each activity becomes an
// event type declaring the attributes its events carry, with their types.
// Events are named e1, e2, … in log order and relate to their case
// (qualifier "case") and resource (qualifier "performed by"). Events
// without time get the zero time.
func FromLog(l *Log, objectType string) *OCEL {
	o := &OCEL{ObjectTypes: []TypeDef{{Name: objectType, Attributes: attrDefs(l.CaseAttrs, nil)}}}
	epoch := time.Unix(0, 0).UTC()
	isCase := make(map[string]bool, len(l.Cases))
	for i, c := range l.Cases {
		isCase[c.ID] = true
		ob := Object{ID: c.ID, Type: objectType}
		for _, col := range l.CaseAttrs {
			if v := col.Val[i]; v >= 0 {
				ob.Attributes = append(ob.Attributes, TimedValue{Name: col.Key, Time: epoch, Value: l.Values[v]})
			}
		}
		o.Objects = append(o.Objects, ob)
	}
	resID := resourceObjects(l, o, isCase)
	o.EventTypes = eventTypes(l)
	o.Events = make([]Event, 0, l.NumEvents())
	for _, c := range l.Cases {
		for e := c.Start; e < c.End; e++ {
			ev := Event{ID: "e" + strconv.Itoa(e+1), Type: l.Activities[l.Act[e]],
				Relationships: []Relationship{{ObjectID: c.ID, Qualifier: QualifierCase}}}
			if t := l.Time[e]; t != NoTime {
				ev.Time = time.Unix(0, t).UTC()
			}
			if r := l.Resource[e]; r >= 0 {
				ev.Relationships = append(ev.Relationships, Relationship{ObjectID: resID[r], Qualifier: QualifierPerformer})
			}
			for _, col := range l.EventAttrs {
				if v := col.Val[e]; v >= 0 {
					ev.Attributes = append(ev.Attributes, AttrValue{Name: col.Key, Value: l.Values[v]})
				}
			}
			o.Events = append(o.Events, ev)
		}
	}
	return o
}

// resourceObjects adds an object per resource, in order of first use, and
// returns the object ID of each dictionary value that is a resource.
func resourceObjects(l *Log, o *OCEL, isCase map[string]bool) []string {
	ids := make([]string, len(l.Values))
	for _, r := range l.Resource {
		if r < 0 || ids[r] != "" {
			continue
		}
		id := l.Values[r]
		if isCase[id] {
			id = resourceIDCollision + id
		}
		ids[r] = id
		o.Objects = append(o.Objects, Object{ID: id, Type: ResourceType})
	}
	if len(o.Objects) > len(l.Cases) {
		o.ObjectTypes = append(o.ObjectTypes, TypeDef{Name: ResourceType, Attributes: []AttrDef{}})
	}
	return ids
}

// eventTypes declares one event type per activity with the attributes its
// events carry.
func eventTypes(l *Log) []TypeDef {
	nc := len(l.EventAttrs)
	uses := make([]bool, len(l.Activities)*nc)
	for j, col := range l.EventAttrs {
		for e, v := range col.Val {
			if v >= 0 {
				uses[int(l.Act[e])*nc+j] = true
			}
		}
	}
	out := make([]TypeDef, len(l.Activities))
	for a, name := range l.Activities {
		out[a] = TypeDef{Name: name, Attributes: attrDefs(l.EventAttrs, uses[a*nc:(a+1)*nc])}
	}
	return out
}

// attrDefs declares the columns (those with use[i] when use is not nil).
func attrDefs(cols []Column, use []bool) []AttrDef {
	defs := []AttrDef{}
	for i, c := range cols {
		if use == nil || use[i] {
			defs = append(defs, AttrDef{Name: c.Key, Type: ocelType(c.Type)})
		}
	}
	return defs
}
