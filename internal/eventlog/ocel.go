package eventlog

import (
	"strings"
	"time"
)

// OCEL is an object-centric event log in the OCEL 2.0 standard
// (https://www.ocel-standard.org/): events relate to any number of objects
// of several types, objects relate to each other, and object attributes
// change over time. Times are in UTC.
type OCEL struct {
	ObjectTypes []TypeDef
	EventTypes  []TypeDef
	Objects     []Object
	Events      []Event
}

// TypeDef declares an object or event type and its attributes.
type TypeDef struct {
	Name       string
	Attributes []AttrDef
}

// AttrDef declares an attribute; Type is one of the OCEL types "string",
// "time", "integer", "float", "boolean".
type AttrDef struct {
	Name, Type string
}

// Object is one object. Attributes may hold several values of one name,
// each valid from its Time on; the initial value has time 1970-01-01
// (Unix 0), as the standard recommends.
type Object struct {
	ID, Type      string
	Attributes    []TimedValue
	Relationships []Relationship // object-to-object
}

// TimedValue is an object attribute value from a point in time on.
type TimedValue struct {
	Name  string
	Time  time.Time
	Value string
}

// Relationship links to an object, with a qualifier that says how.
type Relationship struct {
	ObjectID, Qualifier string
}

// Event is one event. The zero Time stands for an unknown time (an event of
// a flat log without timestamp).
type Event struct {
	ID, Type      string
	Time          time.Time
	Attributes    []AttrValue
	Relationships []Relationship // event-to-object
}

// AttrValue is an event attribute value in lexical form.
type AttrValue struct {
	Name, Value string
}

// OCEL attribute types.
const (
	ocelString  = "string"
	ocelTime    = "time"
	ocelInteger = "integer"
	ocelFloat   = "float"
	ocelBoolean = "boolean"
)

// ocelType is the OCEL type of a Log attribute type.
func ocelType(t AttrType) string {
	switch t {
	case TypeDate:
		return ocelTime
	case TypeInt:
		return ocelInteger
	case TypeFloat:
		return ocelFloat
	case TypeBool:
		return ocelBoolean
	}
	return ocelString
}

// attrType is the Log attribute type of an OCEL type; it also takes the
// names other tools write (pm4py: "date", "int", "double").
func attrType(t string) AttrType {
	switch strings.ToLower(t) {
	case ocelTime, "date", "datetime", "timestamp":
		return TypeDate
	case ocelInteger, "int", "long":
		return TypeInt
	case ocelFloat, "double", "number":
		return TypeFloat
	case ocelBoolean, "bool":
		return TypeBool
	}
	return TypeString
}

// ocelTimeLayouts are the layouts ReadOCELJSON and ReadOCELXML accept:
// ISO 8601 with or without zone and fraction.
var ocelTimeLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02",
}

// parseOCELTime reads an ISO time; times without zone are in loc.
func parseOCELTime(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range ocelTimeLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// parseAttrTime reads the time of an object attribute value; "" and "0"
// (written by pm4py) stand for the initial value at Unix 0.
func parseAttrTime(s string, loc *time.Location) (time.Time, bool) {
	if s == "" || s == "0" {
		return time.Unix(0, 0).UTC(), true
	}
	return parseOCELTime(s, loc)
}

// formatOCELTime writes t as RFC 3339 in UTC (xs:dateTime).
func formatOCELTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// objectTypes maps object IDs to their types.
func (o *OCEL) objectTypes() map[string]string {
	m := make(map[string]string, len(o.Objects))
	for _, ob := range o.Objects {
		m[ob.ID] = ob.Type
	}
	return m
}
