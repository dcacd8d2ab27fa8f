package eventlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// The OCEL 2.0 JSON form of types, objects and events.
type (
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
// Objects and events are converted one by one as they are decoded.
func ReadOCELJSONIn(r io.Reader, loc *time.Location) (*OCEL, error) {
	d := json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	o, err := readOCELJSON(d, loc)
	var ie *ImportError
	switch {
	case err == nil:
		return o, nil
	case errors.As(err, &ie):
		return nil, ie
	case err == io.EOF && d.InputOffset() == 0:
		return nil, importErr(KeyEmpty, 0)
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	e := importErr(KeyOCELSyntax, 0, err.Error())
	e.Err = err
	return nil, e
}

func readOCELJSON(d *json.Decoder, loc *time.Location) (*OCEL, error) {
	if err := expectDelim(d, '{'); err != nil {
		return nil, err
	}
	o := &OCEL{}
	var v1Events, v1Objects json.RawMessage
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch tok {
		case "objectTypes", "eventTypes":
			var ts []jsonType
			err = d.Decode(&ts)
			if tok == "objectTypes" {
				o.ObjectTypes = fromJSONTypes(ts)
			} else {
				o.EventTypes = fromJSONTypes(ts)
			}
		case "objects":
			err = eachItem(d, func() error { return decodeObject(d, o, loc) })
		case "events":
			err = eachItem(d, func() error { return decodeEvent(d, o, loc) })
		case "ocel:events":
			err = d.Decode(&v1Events)
		case "ocel:objects":
			err = d.Decode(&v1Objects)
		default:
			var skip json.RawMessage
			err = d.Decode(&skip)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := expectDelim(d, '}'); err != nil {
		return nil, err
	}
	if len(v1Events) > 0 {
		return readOCELv1(v1Events, v1Objects, loc)
	}
	return o, nil
}

// expectDelim reads the next token, which must be delim.
func expectDelim(d *json.Decoder, delim json.Delim) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok != delim {
		return fmt.Errorf("%v where %v was expected", tok, delim)
	}
	return nil
}

// eachItem calls f to decode each item of a JSON array (null is empty).
func eachItem(d *json.Decoder, f func() error) error {
	tok, err := d.Token()
	if err != nil || tok == nil {
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("%v where a list was expected", tok)
	}
	for d.More() {
		if err := f(); err != nil {
			return err
		}
	}
	_, err = d.Token() // ]
	return err
}

func decodeObject(d *json.Decoder, o *OCEL, loc *time.Location) error {
	var jo jsonObject
	if err := d.Decode(&jo); err != nil {
		return err
	}
	ob := Object{ID: string(jo.ID), Type: jo.Type, Relationships: fromJSONRels(jo.Relationships)}
	for _, a := range jo.Attributes {
		t, ok := parseAttrTime(a.Time, loc)
		if !ok {
			return importErr(KeyOCELTime, 0, a.Time, "object "+ob.ID)
		}
		ob.Attributes = append(ob.Attributes, TimedValue{Name: a.Name, Time: t, Value: string(a.Value)})
	}
	o.Objects = append(o.Objects, ob)
	return nil
}

func decodeEvent(d *json.Decoder, o *OCEL, loc *time.Location) error {
	var je jsonEvent
	if err := d.Decode(&je); err != nil {
		return err
	}
	t, ok := parseOCELTime(je.Time, loc)
	if !ok {
		return importErr(KeyOCELTime, 0, je.Time, "event "+string(je.ID))
	}
	ev := Event{ID: string(je.ID), Type: je.Type, Time: t, Relationships: fromJSONRels(je.Relationships)}
	for _, a := range je.Attributes {
		ev.Attributes = append(ev.Attributes, AttrValue{Name: a.Name, Value: string(a.Value)})
	}
	o.Events = append(o.Events, ev)
	return nil
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
