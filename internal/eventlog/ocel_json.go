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
		ObjectTypes []jsonType   `json:"objectTypes"`
		EventTypes  []jsonType   `json:"eventTypes"`
		Objects     []jsonObject `json:"objects"`
		Events      []jsonEvent  `json:"events"`
		V1Events    *struct{}    `json:"ocel:events,omitempty"` // only to recognise OCEL 1.0
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
// zone are taken as UTC. Errors are *ImportError.
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
	if j.V1Events != nil {
		return nil, importErr(KeyOCELVersion, 0)
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
// strings, times RFC 3339 in UTC).
func WriteOCELJSON(w io.Writer, o *OCEL) error {
	j := jsonOCEL{ObjectTypes: toJSONTypes(o.ObjectTypes), EventTypes: toJSONTypes(o.EventTypes),
		Objects: make([]jsonObject, len(o.Objects)), Events: make([]jsonEvent, len(o.Events))}
	for i, ob := range o.Objects {
		jo := jsonObject{ID: jsonValue(ob.ID), Type: ob.Type, Relationships: toJSONRels(ob.Relationships)}
		for _, a := range ob.Attributes {
			jo.Attributes = append(jo.Attributes, jsonTimed{Name: a.Name, Time: formatOCELTime(a.Time), Value: jsonValue(a.Value)})
		}
		j.Objects[i] = jo
	}
	for i, ev := range o.Events {
		je := jsonEvent{ID: jsonValue(ev.ID), Type: ev.Type, Time: formatOCELTime(ev.Time),
			Attributes: make([]jsonAttr, len(ev.Attributes)), Relationships: toJSONRels(ev.Relationships)}
		if je.Relationships == nil {
			je.Relationships = []jsonRel{}
		}
		for k, a := range ev.Attributes {
			je.Attributes[k] = jsonAttr{Name: a.Name, Value: jsonValue(a.Value)}
		}
		j.Events[i] = je
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := json.NewEncoder(bw).Encode(&j); err != nil {
		return err
	}
	return bw.Flush()
}

func toJSONTypes(ts []TypeDef) []jsonType {
	out := make([]jsonType, len(ts))
	for i, t := range ts {
		out[i] = jsonType{Name: t.Name, Attributes: make([]jsonAttrDef, len(t.Attributes))}
		for k, a := range t.Attributes {
			out[i].Attributes[k] = jsonAttrDef(a)
		}
	}
	return out
}

func toJSONRels(rs []Relationship) []jsonRel {
	var out []jsonRel
	for _, r := range rs {
		out = append(out, jsonRel{ObjectID: jsonValue(r.ObjectID), Qualifier: r.Qualifier})
	}
	return out
}
