package eventlog

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"time"
)

// ReadOCELXML reads an OCEL 2.0 XML log. It is lenient: unknown elements
// are ignored, relationships may be <relationship> or <object> elements,
// and times without zone are taken as UTC. Errors are *ImportError.
func ReadOCELXML(r io.Reader) (*OCEL, error) { return ReadOCELXMLIn(r, time.UTC) }

// ReadOCELXMLIn is ReadOCELXML with times without zone taken in loc.
func ReadOCELXMLIn(r io.Reader, loc *time.Location) (*OCEL, error) {
	x := &ocelXMLReader{d: xml.NewDecoder(bufio.NewReaderSize(r, 64<<10)), loc: loc, o: &OCEL{}}
	if err := x.run(); err != nil {
		var ie *ImportError
		if errors.As(err, &ie) {
			return nil, ie
		}
		e := importErr(KeyOCELSyntax, 0, err.Error())
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			e.Line, e.Args = se.Line, []any{se.Msg}
		}
		e.Err = err
		return nil, e
	}
	if x.roots == 0 {
		return nil, importErr(KeyEmpty, 0)
	}
	return x.o, nil
}

// ocelXMLReader streams the XML into an OCEL, going by the path of
// element names below the root.
type ocelXMLReader struct {
	d     *xml.Decoder
	loc   *time.Location
	o     *OCEL
	path  []string
	roots int

	inValue bool   // inside an <attribute> of an object or event
	name    string // its name
	time    string // its time (objects only)
	text    []byte
}

func (x *ocelXMLReader) run() error {
	for {
		tok, err := x.d.RawToken()
		if err == io.EOF && len(x.path) > 0 {
			return &xml.SyntaxError{Msg: "unexpected end of file in <" + x.path[len(x.path)-1] + ">", Line: x.line()}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			x.path = append(x.path, t.Name.Local)
			if len(x.path) == 1 {
				x.roots++
			}
			if err := x.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if len(x.path) == 0 || x.path[len(x.path)-1] != t.Name.Local {
				return &xml.SyntaxError{Msg: "unexpected end element </" + t.Name.Local + ">", Line: x.line()}
			}
			if err := x.end(); err != nil {
				return err
			}
			x.path = x.path[:len(x.path)-1]
		case xml.CharData:
			if x.inValue {
				x.text = append(x.text, t...)
			}
		}
	}
}

// at reports whether the path below the root is names.
func (x *ocelXMLReader) at(names ...string) bool {
	if len(x.path) != len(names)+1 {
		return false
	}
	for i, n := range names {
		if x.path[i+1] != n {
			return false
		}
	}
	return true
}

func (x *ocelXMLReader) start(t xml.StartElement) error {
	o := x.o
	switch {
	case x.at("global"):
		return importErr(KeyOCELVersion, 0)
	case x.at("object-types", "object-type"):
		o.ObjectTypes = append(o.ObjectTypes, TypeDef{Name: xmlAttrValue(t, "name")})
	case x.at("object-types", "object-type", "attributes", "attribute") && len(o.ObjectTypes) > 0:
		td := &o.ObjectTypes[len(o.ObjectTypes)-1]
		td.Attributes = append(td.Attributes, AttrDef{Name: xmlAttrValue(t, "name"), Type: xmlAttrValue(t, "type")})
	case x.at("event-types", "event-type"):
		o.EventTypes = append(o.EventTypes, TypeDef{Name: xmlAttrValue(t, "name")})
	case x.at("event-types", "event-type", "attributes", "attribute") && len(o.EventTypes) > 0:
		td := &o.EventTypes[len(o.EventTypes)-1]
		td.Attributes = append(td.Attributes, AttrDef{Name: xmlAttrValue(t, "name"), Type: xmlAttrValue(t, "type")})
	case x.at("objects", "object"):
		o.Objects = append(o.Objects, Object{ID: xmlAttrValue(t, "id"), Type: xmlAttrValue(t, "type")})
	case x.at("events", "event"):
		tm, ok := parseOCELTime(xmlAttrValue(t, "time"), x.loc)
		id := xmlAttrValue(t, "id")
		if !ok {
			return importErr(KeyOCELTime, x.line(), xmlAttrValue(t, "time"), "event "+id)
		}
		o.Events = append(o.Events, Event{ID: id, Type: xmlAttrValue(t, "type"), Time: tm})
	case (x.at("objects", "object", "attributes", "attribute") && len(o.Objects) > 0) ||
		(x.at("events", "event", "attributes", "attribute") && len(o.Events) > 0):
		x.inValue, x.name, x.time, x.text = true, xmlAttrValue(t, "name"), xmlAttrValue(t, "time"), x.text[:0]
	case x.at("objects", "object", "objects", t.Name.Local) && len(o.Objects) > 0:
		ob := &o.Objects[len(o.Objects)-1]
		ob.Relationships = append(ob.Relationships, xmlRelationship(t))
	case x.at("events", "event", "objects", t.Name.Local) && len(o.Events) > 0:
		ev := &o.Events[len(o.Events)-1]
		ev.Relationships = append(ev.Relationships, xmlRelationship(t))
	}
	return nil
}

// end finishes an attribute value.
func (x *ocelXMLReader) end() error {
	if !x.inValue || len(x.path) != 5 {
		return nil
	}
	x.inValue = false
	if x.path[1] == "events" {
		ev := &x.o.Events[len(x.o.Events)-1]
		ev.Attributes = append(ev.Attributes, AttrValue{Name: x.name, Value: string(x.text)})
		return nil
	}
	ob := &x.o.Objects[len(x.o.Objects)-1]
	tm, ok := parseAttrTime(x.time, x.loc)
	if !ok {
		return importErr(KeyOCELTime, x.line(), x.time, "object "+ob.ID)
	}
	ob.Attributes = append(ob.Attributes, TimedValue{Name: x.name, Time: tm, Value: string(x.text)})
	return nil
}

func (x *ocelXMLReader) line() int {
	l, _ := x.d.InputPos()
	return l
}

func xmlAttrValue(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// xmlRelationship reads a relationship: <relationship> in the standard's
// examples, <object> in its XML schema; any element name is taken.
func xmlRelationship(t xml.StartElement) Relationship {
	return Relationship{ObjectID: xmlAttrValue(t, "object-id"), Qualifier: xmlAttrValue(t, "qualifier")}
}
