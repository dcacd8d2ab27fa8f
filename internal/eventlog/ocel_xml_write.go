package eventlog

import (
	"bufio"
	"encoding/xml"
	"io"
)

// WriteOCELXML writes o in the OCEL 2.0 XML form so that it validates
// against the standard's XML schema (ocel2-validation.xsd):
//
//   - relationships are written as <object object-id=".." qualifier=".."
//     type=".."/>, the form the schema demands (the standard's examples
//     write <relationship>; ReadOCELXML reads both);
//   - the schema's key references require every attribute name to be
//     declared by exactly one event type (and one object type), so a name
//     that several types declare is declared only on the first of them.
//     Readers then find an attribute's type by its name; Flatten does so.
//
// Attribute types outside the standard's five are written as "string".
func WriteOCELXML(w io.Writer, o *OCEL) error {
	x := xmlOCEL{
		ObjectTypes: xmlObjTypes{toXMLTypes(o.ObjectTypes)},
		EventTypes:  xmlEvTypes{toXMLTypes(o.EventTypes)},
		Objects:     xmlObjects{make([]xmlObject, len(o.Objects))},
		Events:      xmlEventSet{make([]xmlEvent, len(o.Events))},
	}
	typeOf := o.objectTypes()
	for i, ob := range o.Objects {
		xo := xmlObject{ID: ob.ID, Type: ob.Type}
		for _, a := range ob.Attributes {
			xo.Attributes.Items = append(xo.Attributes.Items, xmlAttr{Name: a.Name, Time: formatOCELTime(a.Time), Value: a.Value})
		}
		if len(ob.Relationships) > 0 {
			xo.Rels = &xmlRels{toXMLRels(ob.Relationships, typeOf)}
		}
		x.Objects.Items[i] = xo
	}
	for i, ev := range o.Events {
		xe := xmlEvent{ID: ev.ID, Type: ev.Type, Time: formatOCELTime(ev.Time), Rels: xmlRels{toXMLRels(ev.Relationships, typeOf)}}
		for _, a := range ev.Attributes {
			xe.Attributes.Items = append(xe.Attributes.Items, xmlAttr{Name: a.Name, Value: a.Value})
		}
		x.Events.Items[i] = xe
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(&x); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// toXMLTypes declares each attribute name once over all types (see
// WriteOCELXML).
func toXMLTypes(ts []TypeDef) []xmlType {
	declared := map[string]bool{}
	out := make([]xmlType, len(ts))
	for i, t := range ts {
		out[i].Name = t.Name
		for _, a := range t.Attributes {
			if declared[a.Name] {
				continue
			}
			declared[a.Name] = true
			out[i].Attributes.Items = append(out[i].Attributes.Items, xmlAttr{Name: a.Name, Type: xmlAttrType(a.Type)})
		}
	}
	return out
}

// xmlAttrType is t when the schema allows it, else "string".
func xmlAttrType(t string) string {
	switch t {
	case ocelString, ocelTime, ocelInteger, ocelFloat, ocelBoolean:
		return t
	}
	return ocelType(attrType(t))
}

func toXMLRels(rs []Relationship, typeOf map[string]string) []xmlRel {
	out := make([]xmlRel, len(rs))
	for i, r := range rs {
		out[i] = xmlRel{XMLName: xml.Name{Local: "object"}, ObjectID: r.ObjectID, Qualifier: r.Qualifier, Type: typeOf[r.ObjectID]}
	}
	return out
}
