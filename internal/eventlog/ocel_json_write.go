package eventlog

import "io"

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
