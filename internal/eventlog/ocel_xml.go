package eventlog

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"time"
)

// The OCEL 2.0 XML form.
type (
	xmlOCEL struct {
		XMLName     xml.Name    `xml:"log"`
		Globals     []struct{}  `xml:"global"` // only to recognise OCEL 1.0
		ObjectTypes xmlObjTypes `xml:"object-types"`
		EventTypes  xmlEvTypes  `xml:"event-types"`
		Objects     xmlObjects  `xml:"objects"`
		Events      xmlEventSet `xml:"events"`
	}
	xmlObjTypes struct {
		Items []xmlType `xml:"object-type"`
	}
	xmlEvTypes struct {
		Items []xmlType `xml:"event-type"`
	}
	xmlType struct {
		Name       string   `xml:"name,attr"`
		Attributes xmlAttrs `xml:"attributes"`
	}
	xmlAttrs struct {
		Items []xmlAttr `xml:"attribute"`
	}
	xmlAttr struct {
		Name  string `xml:"name,attr"`
		Type  string `xml:"type,attr,omitempty"`
		Time  string `xml:"time,attr,omitempty"`
		Value string `xml:",chardata"`
	}
	xmlObjects struct {
		Items []xmlObject `xml:"object"`
	}
	xmlObject struct {
		ID         string   `xml:"id,attr"`
		Type       string   `xml:"type,attr"`
		Attributes xmlAttrs `xml:"attributes"`
		Rels       *xmlRels `xml:"objects"`
	}
	xmlEventSet struct {
		Items []xmlEvent `xml:"event"`
	}
	xmlEvent struct {
		ID         string   `xml:"id,attr"`
		Type       string   `xml:"type,attr"`
		Time       string   `xml:"time,attr"`
		Attributes xmlAttrs `xml:"attributes"`
		Rels       xmlRels  `xml:"objects"`
	}
	// xmlRels are relationships: <relationship> in the standard's
	// examples, <object> in its XML schema; reading takes any element.
	xmlRels struct {
		Items []xmlRel `xml:",any"`
	}
	xmlRel struct {
		XMLName   xml.Name
		ObjectID  string `xml:"object-id,attr"`
		Qualifier string `xml:"qualifier,attr"`
	}
)

// ReadOCELXML reads an OCEL 2.0 XML log. It is lenient: unknown elements
// are ignored, relationships may be <relationship> or <object> elements,
// and times without zone are taken as UTC. Errors are *ImportError.
func ReadOCELXML(r io.Reader) (*OCEL, error) { return ReadOCELXMLIn(r, time.UTC) }

// ReadOCELXMLIn is ReadOCELXML with times without zone taken in loc.
func ReadOCELXMLIn(r io.Reader, loc *time.Location) (*OCEL, error) {
	var x xmlOCEL
	if err := xml.NewDecoder(bufio.NewReader(r)).Decode(&x); err != nil {
		if err == io.EOF {
			return nil, importErr(KeyEmpty, 0)
		}
		e := importErr(KeyOCELSyntax, 0, err.Error())
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			e.Line, e.Args = se.Line, []any{se.Msg}
		}
		e.Err = err
		return nil, e
	}
	if len(x.Globals) > 0 {
		return nil, importErr(KeyOCELVersion, 0)
	}
	o := &OCEL{ObjectTypes: fromXMLTypes(x.ObjectTypes.Items), EventTypes: fromXMLTypes(x.EventTypes.Items)}
	o.Objects = make([]Object, len(x.Objects.Items))
	for i, xo := range x.Objects.Items {
		ob := Object{ID: xo.ID, Type: xo.Type}
		if xo.Rels != nil {
			ob.Relationships = fromXMLRels(xo.Rels.Items)
		}
		for _, a := range xo.Attributes.Items {
			t, ok := parseAttrTime(a.Time, loc)
			if !ok {
				return nil, importErr(KeyOCELTime, 0, a.Time, "object "+ob.ID)
			}
			ob.Attributes = append(ob.Attributes, TimedValue{Name: a.Name, Time: t, Value: a.Value})
		}
		o.Objects[i] = ob
	}
	o.Events = make([]Event, len(x.Events.Items))
	for i, xe := range x.Events.Items {
		t, ok := parseOCELTime(xe.Time, loc)
		if !ok {
			return nil, importErr(KeyOCELTime, 0, xe.Time, "event "+xe.ID)
		}
		ev := Event{ID: xe.ID, Type: xe.Type, Time: t, Relationships: fromXMLRels(xe.Rels.Items)}
		for _, a := range xe.Attributes.Items {
			ev.Attributes = append(ev.Attributes, AttrValue{Name: a.Name, Value: a.Value})
		}
		o.Events[i] = ev
	}
	return o, nil
}

func fromXMLTypes(xs []xmlType) []TypeDef {
	out := make([]TypeDef, len(xs))
	for i, t := range xs {
		out[i] = TypeDef{Name: t.Name}
		for _, a := range t.Attributes.Items {
			out[i].Attributes = append(out[i].Attributes, AttrDef{Name: a.Name, Type: a.Type})
		}
	}
	return out
}

func fromXMLRels(xs []xmlRel) []Relationship {
	var out []Relationship
	for _, r := range xs {
		out = append(out, Relationship{ObjectID: r.ObjectID, Qualifier: r.Qualifier})
	}
	return out
}
