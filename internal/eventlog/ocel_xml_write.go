package eventlog

import (
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
// Attribute types outside the standard's five are mapped to them.
func WriteOCELXML(w io.Writer, o *OCEL) error {
	x := newOCELWriter(w)
	x.WriteString(xml.Header + "<log>\n")
	writeXMLTypes(x, "object-type", o.ObjectTypes)
	writeXMLTypes(x, "event-type", o.EventTypes)
	typeOf := o.objectTypes()
	x.WriteString("  <objects>\n")
	for _, ob := range o.Objects {
		x.WriteString("    <object")
		x.xmlAttr("id", ob.ID)
		x.xmlAttr("type", ob.Type)
		x.WriteString(">\n")
		x.openAttrs(len(ob.Attributes))
		for _, a := range ob.Attributes {
			x.WriteString("        <attribute")
			x.xmlAttr("name", a.Name)
			x.WriteString(` time="`)
			x.time(a.Time)
			x.WriteString(`">`)
			x.xmlText(a.Value)
			x.WriteString("</attribute>\n")
		}
		x.closeAttrs(len(ob.Attributes))
		if len(ob.Relationships) > 0 {
			writeXMLRels(x, ob.Relationships, typeOf)
		}
		x.WriteString("    </object>\n")
	}
	x.WriteString("  </objects>\n  <events>\n")
	for _, ev := range o.Events {
		x.WriteString("    <event")
		x.xmlAttr("id", ev.ID)
		x.xmlAttr("type", ev.Type)
		x.WriteString(` time="`)
		x.time(ev.Time)
		x.WriteString("\">\n")
		x.openAttrs(len(ev.Attributes))
		for _, a := range ev.Attributes {
			x.WriteString("        <attribute")
			x.xmlAttr("name", a.Name)
			x.WriteByte('>')
			x.xmlText(a.Value)
			x.WriteString("</attribute>\n")
		}
		x.closeAttrs(len(ev.Attributes))
		writeXMLRels(x, ev.Relationships, typeOf)
		x.WriteString("    </event>\n")
	}
	x.WriteString("  </events>\n</log>\n")
	return x.Flush()
}

// writeXMLTypes writes the type declarations, each attribute name once over
// all types (see WriteOCELXML).
func writeXMLTypes(x *ocelWriter, tag string, ts []TypeDef) {
	declared := map[string]bool{}
	x.WriteString("  <" + tag + "s>\n")
	for _, t := range ts {
		x.WriteString("    <" + tag)
		x.xmlAttr("name", t.Name)
		x.WriteString(">\n      <attributes>\n")
		for _, a := range t.Attributes {
			if declared[a.Name] {
				continue
			}
			declared[a.Name] = true
			x.WriteString("        <attribute")
			x.xmlAttr("name", a.Name)
			x.xmlAttr("type", xmlAttrType(a.Type))
			x.WriteString("/>\n")
		}
		x.WriteString("      </attributes>\n    </" + tag + ">\n")
	}
	x.WriteString("  </" + tag + "s>\n")
}

func writeXMLRels(x *ocelWriter, rs []Relationship, typeOf map[string]string) {
	if len(rs) == 0 {
		x.WriteString("      <objects/>\n")
		return
	}
	x.WriteString("      <objects>\n")
	for _, r := range rs {
		x.WriteString("        <object")
		x.xmlAttr("object-id", r.ObjectID)
		x.xmlAttr("qualifier", r.Qualifier)
		x.xmlAttr("type", typeOf[r.ObjectID])
		x.WriteString("/>\n")
	}
	x.WriteString("      </objects>\n")
}

// xmlAttrType is t when the schema allows it, else the nearest type the
// schema knows (pm4py's "date" is "time"; unknown types are "string").
func xmlAttrType(t string) string {
	switch t {
	case ocelString, ocelTime, ocelInteger, ocelFloat, ocelBoolean:
		return t
	}
	return ocelType(attrType(t))
}

// openAttrs and closeAttrs write the <attributes> element around n
// attributes, as an empty element when n is 0.
func (x *ocelWriter) openAttrs(n int) {
	if n == 0 {
		x.WriteString("      <attributes/>\n")
		return
	}
	x.WriteString("      <attributes>\n")
}

func (x *ocelWriter) closeAttrs(n int) {
	if n > 0 {
		x.WriteString("      </attributes>\n")
	}
}
