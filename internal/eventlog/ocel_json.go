package eventlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"
)

// The OCEL 2.0 JSON form.
type (
	jsonOCEL struct {
		ObjectTypes []jsonType      `json:"objectTypes"`
		EventTypes  []jsonType      `json:"eventTypes"`
		Objects     []jsonObject    `json:"objects"`
		Events      []jsonEvent     `json:"events"`
		V1Events    json.RawMessage `json:"ocel:events"` // OCEL 1.0
		V1Objects   json.RawMessage `json:"ocel:objects"`
	}
	jsonType struct {
		Name       string        `json:"name"`
		Attributes []jsonAttrDef `json:"attributes"`
	}
	jsonAttrDef struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	jsonObject struct {
		ID            jsonValue   `json:"id"`
		Type          string      `json:"type"`
		Attributes    []jsonTimed `json:"attributes,omitempty"`
		Relationships []jsonRel   `json:"relationships,omitempty"`
	}
	jsonTimed struct {
		Name  string    `json:"name"`
		Time  string    `json:"time"`
		Value jsonValue `json:"value"`
	}
	jsonEvent struct {
		ID            jsonValue  `json:"id"`
		Type          string     `json:"type"`
		Time          string     `json:"time"`
		Attributes    []jsonAttr `json:"attributes"`
		Relationships []jsonRel  `json:"relationships"`
	}
	jsonAttr struct {
		Name  string    `json:"name"`
		Value jsonValue `json:"value"`
	}
	jsonRel struct {
		ObjectID  jsonValue `json:"objectId"`
		Qualifier string    `json:"qualifier"`
	}
)

// jsonValue is a value written as a JSON string; reading also takes
// numbers and booleans (in their lexical form) and null ("").
type jsonValue string

// UnmarshalJSON takes any JSON scalar.
func (v *jsonValue) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		err := json.Unmarshal(b, &s)
		*v = jsonValue(s)
		return err
	}
	if string(b) == "null" {
		*v = ""
		return nil
	}
	*v = jsonValue(bytes.TrimSpace(b))
	return nil
}

// ReadOCELJSON reads an OCEL 2.0 JSON log. It is lenient: unknown fields
// are ignored, values may be JSON numbers or booleans, and times without
// zone are taken as UTC. It also reads OCEL 1.0 JSON (relationships
// without qualifier, object values from Unix 0 on). Errors are
// *ImportError.
func ReadOCELJSON(r io.Reader) (*OCEL, error) { return ReadOCELJSONIn(r, time.UTC) }

// ReadOCELJSONIn is ReadOCELJSON with times without zone taken in loc.
func ReadOCELJSONIn(r io.Reader, loc *time.Location) (*OCEL, error) {
	var j jsonOCEL
	if err := json.NewDecoder(bufio.NewReader(r)).Decode(&j); err != nil {
		if err == io.EOF {
			return nil, importErr(KeyEmpty, 0)
		}
		e := importErr(KeyOCELSyntax, 0, err.Error())
		e.Err = err
		return nil, e
	}
	if len(j.V1Events) > 0 {
		o, err := readOCELv1(j.V1Events, j.V1Objects, loc)
		if _, ok := err.(*ImportError); err != nil && !ok {
			e := importErr(KeyOCELSyntax, 0, err.Error())
			e.Err = err
			return nil, e
		}
		return o, err
	}
	o := &OCEL{ObjectTypes: fromJSONTypes(j.ObjectTypes), EventTypes: fromJSONTypes(j.EventTypes)}
	o.Objects = make([]Object, len(j.Objects))
	for i, jo := range j.Objects {
		ob := Object{ID: string(jo.ID), Type: jo.Type, Relationships: fromJSONRels(jo.Relationships)}
		for _, a := range jo.Attributes {
			t, ok := parseAttrTime(a.Time, loc)
			if !ok {
				return nil, importErr(KeyOCELTime, 0, a.Time, "object "+ob.ID)
			}
			ob.Attributes = append(ob.Attributes, TimedValue{Name: a.Name, Time: t, Value: string(a.Value)})
		}
		o.Objects[i] = ob
	}
	o.Events = make([]Event, len(j.Events))
	for i, je := range j.Events {
		t, ok := parseOCELTime(je.Time, loc)
		if !ok {
			return nil, importErr(KeyOCELTime, 0, je.Time, "event "+string(je.ID))
		}
		ev := Event{ID: string(je.ID), Type: je.Type, Time: t, Relationships: fromJSONRels(je.Relationships)}
		for _, a := range je.Attributes {
			ev.Attributes = append(ev.Attributes, AttrValue{Name: a.Name, Value: string(a.Value)})
		}
		o.Events[i] = ev
	}
	return o, nil
}

func fromJSONTypes(js []jsonType) []TypeDef {
	out := make([]TypeDef, len(js))
	for i, t := range js {
		out[i] = TypeDef{Name: t.Name}
		for _, a := range t.Attributes {
			out[i].Attributes = append(out[i].Attributes, AttrDef(a))
		}
	}
	return out
}

func fromJSONRels(js []jsonRel) []Relationship {
	var out []Relationship
	for _, r := range js {
		out = append(out, Relationship{ObjectID: string(r.ObjectID), Qualifier: r.Qualifier})
	}
	return out
}

// WriteOCELJSON writes o in the OCEL 2.0 JSON form (all values as JSON
// strings, times RFC 3339 in UTC), one object or event per line.
func WriteOCELJSON(w io.Writer, o *OCEL) error {
	j := newOCELWriter(w)
	j.WriteString("{\n\"objectTypes\": ")
	writeJSONTypes(j, o.ObjectTypes)
	j.WriteString(",\n\"eventTypes\": ")
	writeJSONTypes(j, o.EventTypes)
	j.WriteString(",\n\"objects\": [")
	for i, ob := range o.Objects {
		j.WriteString(sep(i))
		j.WriteString(`{"id":`)
		j.jsonString(ob.ID)
		j.WriteString(`,"type":`)
		j.jsonString(ob.Type)
		j.WriteString(`,"attributes":[`)
		for k, a := range ob.Attributes {
			j.WriteString(comma(k))
			j.WriteString(`{"name":`)
			j.jsonString(a.Name)
			j.WriteString(`,"time":"`)
			j.time(a.Time)
			j.WriteString(`","value":`)
			j.jsonString(a.Value)
			j.WriteByte('}')
		}
		j.WriteString(`],"relationships":`)
		writeJSONRels(j, ob.Relationships)
		j.WriteByte('}')
	}
	j.WriteString("],\n\"events\": [")
	for i, ev := range o.Events {
		j.WriteString(sep(i))
		j.WriteString(`{"id":`)
		j.jsonString(ev.ID)
		j.WriteString(`,"type":`)
		j.jsonString(ev.Type)
		j.WriteString(`,"time":"`)
		j.time(ev.Time)
		j.WriteString(`","attributes":[`)
		for k, a := range ev.Attributes {
			j.WriteString(comma(k))
			j.WriteString(`{"name":`)
			j.jsonString(a.Name)
			j.WriteString(`,"value":`)
			j.jsonString(a.Value)
			j.WriteByte('}')
		}
		j.WriteString(`],"relationships":`)
		writeJSONRels(j, ev.Relationships)
		j.WriteByte('}')
	}
	j.WriteString("]\n}\n")
	return j.Flush()
}

// sep is the separator before item i of a list: "\n" first, ",\n" later.
func sep(i int) string {
	if i == 0 {
		return "\n"
	}
	return ",\n"
}

func writeJSONTypes(j *ocelWriter, ts []TypeDef) {
	j.WriteByte('[')
	for i, t := range ts {
		j.WriteString(sep(i))
		j.WriteString(`{"name":`)
		j.jsonString(t.Name)
		j.WriteString(`,"attributes":[`)
		for k, a := range t.Attributes {
			j.WriteString(comma(k))
			j.WriteString(`{"name":`)
			j.jsonString(a.Name)
			j.WriteString(`,"type":`)
			j.jsonString(a.Type)
			j.WriteByte('}')
		}
		j.WriteString("]}")
	}
	j.WriteByte(']')
}

func writeJSONRels(j *ocelWriter, rs []Relationship) {
	j.WriteByte('[')
	for k, r := range rs {
		j.WriteString(comma(k))
		j.WriteString(`{"objectId":`)
		j.jsonString(r.ObjectID)
		j.WriteString(`,"qualifier":`)
		j.jsonString(r.Qualifier)
		j.WriteByte('}')
	}
	j.WriteByte(']')
}

// comma is the separator before item i of an inline list.
func comma(i int) string {
	if i == 0 {
		return ""
	}
	return ","
}
