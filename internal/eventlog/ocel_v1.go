package eventlog

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"
)

// OCEL 1.0 JSON (http://www.ocel-standard.org/1.0/): events and objects
// are JSON objects keyed by ID; events name their objects without
// qualifier ("omap") and carry a value map ("vmap"); objects have a
// static value map ("ovmap").
type (
	v1Event struct {
		Activity  string                     `json:"ocel:activity"`
		Timestamp string                     `json:"ocel:timestamp"`
		OMap      []jsonValue                `json:"ocel:omap"`
		VMap      map[string]json.RawMessage `json:"ocel:vmap"`
	}
	v1Object struct {
		Type  string                     `json:"ocel:type"`
		OVMap map[string]json.RawMessage `json:"ocel:ovmap"`
	}
)

// readOCELv1 converts the OCEL 1.0 parts of a JSON log, keeping the file's
// order of events and objects. Object values hold from Unix 0 on;
// relationships have the empty qualifier.
func readOCELv1(events, objects json.RawMessage, loc *time.Location) (*OCEL, error) {
	o := &OCEL{}
	otypes, etypes := typeIndex{}, typeIndex{}
	err := eachMember(objects, func(id string, raw json.RawMessage) error {
		var v v1Object
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		ob := Object{ID: id, Type: v.Type}
		for _, k := range sortedKeys(v.OVMap) {
			val, typ := v1Value(v.OVMap[k])
			otypes.declare(&o.ObjectTypes, v.Type, k, typ)
			ob.Attributes = append(ob.Attributes, TimedValue{Name: k, Time: time.Unix(0, 0).UTC(), Value: val})
		}
		otypes.declare(&o.ObjectTypes, v.Type, "", "")
		o.Objects = append(o.Objects, ob)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachMember(events, func(id string, raw json.RawMessage) error {
		var v v1Event
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		t, ok := parseOCELTime(v.Timestamp, loc)
		if !ok {
			return importErr(KeyOCELTime, 0, v.Timestamp, "event "+id)
		}
		ev := Event{ID: id, Type: v.Activity, Time: t}
		for _, oid := range v.OMap {
			ev.Relationships = append(ev.Relationships, Relationship{ObjectID: string(oid)})
		}
		for _, k := range sortedKeys(v.VMap) {
			val, typ := v1Value(v.VMap[k])
			etypes.declare(&o.EventTypes, v.Activity, k, typ)
			ev.Attributes = append(ev.Attributes, AttrValue{Name: k, Value: val})
		}
		etypes.declare(&o.EventTypes, v.Activity, "", "")
		o.Events = append(o.Events, ev)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// typeIndex finds type declarations by name and their attributes.
type typeIndex map[string]int

// declare makes sure type name exists in *defs and, when attr is not "",
// declares attr on it (first type seen wins).
func (ix typeIndex) declare(defs *[]TypeDef, name, attr, typ string) {
	i, ok := ix[name]
	if !ok {
		i = len(*defs)
		ix[name] = i
		*defs = append(*defs, TypeDef{Name: name, Attributes: []AttrDef{}})
	}
	if attr == "" {
		return
	}
	td := &(*defs)[i]
	for _, a := range td.Attributes {
		if a.Name == attr {
			return
		}
	}
	td.Attributes = append(td.Attributes, AttrDef{Name: attr, Type: typ})
}

// v1Value is a JSON scalar in lexical form and its OCEL type.
func v1Value(raw json.RawMessage) (string, string) {
	var v jsonValue
	v.UnmarshalJSON(raw)
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || raw[0] == '"' || string(raw) == "null":
		return string(v), ocelString
	case string(raw) == "true" || string(raw) == "false":
		return string(v), ocelBoolean
	case bytes.ContainsAny(raw, ".eE"):
		return string(v), ocelFloat
	}
	return string(v), ocelInteger
}

// eachMember calls f for each member of a JSON object, in file order.
func eachMember(obj json.RawMessage, f func(key string, value json.RawMessage) error) error {
	if len(obj) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(obj))
	if _, err := d.Token(); err != nil { // {
		return err
	}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return err
		}
		if err := f(key, raw); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
