package open311

import (
	"reflect"
	"strings"
	"testing"
)

var potholeDef = ServiceDefinition{ServiceCode: "pothole", Attributes: []Attribute{
	{Variable: false, Code: "INFO", Datatype: String, Order: 0, Description: "Only for reading"},
	{Variable: true, Code: "DEPTH", Datatype: Number, Required: true, Order: 2, Description: "Depth in cm"},
	{Variable: true, Code: "SEEN", Datatype: Datetime, Order: 3},
	{Variable: true, Code: "SURFACE", Datatype: SingleValueList, Required: true, Order: 1,
		Values: []Value{{Key: "road", Name: "Fahrbahn"}, {Key: "walk", Name: "Gehweg"}}},
	{Variable: true, Code: "SIDES", Datatype: MultiValueList, Order: 4,
		Values: []Value{{Key: "left", Name: "links"}, {Key: "right", Name: "rechts"}}},
	{Variable: true, Code: "NOTE", Datatype: String, Order: 5},
	{Variable: true, Code: "LONG", Datatype: Text, Order: 6},
}}

func TestValidateAttributes(t *testing.T) {
	got, err := ValidateAttributes(potholeDef, map[string][]string{
		"DEPTH": {"12.5"}, "SEEN": {"2026-03-29T01:30:00Z"}, "SURFACE": {"road"},
		"SIDES": {"left", "right", "left"}, "NOTE": {"tief"}, "LONG": {strings.Repeat("l", MaxTextAttribute)},
		"INFO": {"ignored"}, "UNKNOWN": {"dropped"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"DEPTH": {"12.5"}, "SEEN": {"2026-03-29T03:30:00+02:00"}, "SURFACE": {"road"},
		"SIDES": {"left", "right"}, "NOTE": {"tief"}, "LONG": {strings.Repeat("l", MaxTextAttribute)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// attribute[CODE][] from the form arrives as a list and is validated as one.
func TestValidateAttributesFromForm(t *testing.T) {
	v := valid("attribute[DEPTH]", "3", "attribute[SURFACE]", "walk")
	v.Add("attribute[SIDES][]", "left")
	v.Add("attribute[SIDES][]", "right")
	p, err := ParsePostRequest(v)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ValidateAttributes(potholeDef, p.Attributes)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got["SIDES"], []string{"left", "right"}) || got["SURFACE"][0] != "walk" {
		t.Errorf("got %v", got)
	}
}

func TestValidateAttributesErrors(t *testing.T) {
	base := func(kv ...string) map[string][]string {
		m := map[string][]string{"DEPTH": {"1"}, "SURFACE": {"road"}}
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == "" {
				delete(m, kv[i])
				continue
			}
			m[kv[i]] = strings.Split(kv[i+1], "|")
		}
		return m
	}
	cases := []struct {
		name   string
		given  map[string][]string
		fields []string
		desc   string
	}{
		{"required missing", base("DEPTH", ""), []string{"attribute[DEPTH]"}, "attribute[DEPTH] is required"},
		{"two required missing, in order", base("DEPTH", "", "SURFACE", ""), []string{"attribute[SURFACE]", "attribute[DEPTH]"}, "attribute[SURFACE] is required"},
		{"number not a number", base("DEPTH", "tief"), []string{"attribute[DEPTH]"}, "must be a number"},
		{"number NaN", base("DEPTH", "NaN"), []string{"attribute[DEPTH]"}, "must be a number"},
		{"datetime unreadable", base("SEEN", "gestern"), []string{"attribute[SEEN]"}, "ISO 8601"},
		{"single value not a key", base("SURFACE", "Fahrbahn"), []string{"attribute[SURFACE]"}, `no value with key "Fahrbahn"; allowed keys: road, walk`},
		{"single value twice", base("SURFACE", "road|walk"), []string{"attribute[SURFACE]"}, "takes one value, got 2"},
		{"multi value not a key", base("SIDES", "left|middle"), []string{"attribute[SIDES]"}, `no value with key "middle"`},
		{"number twice", base("DEPTH", "1|2"), []string{"attribute[DEPTH]"}, "takes one value"},
		{"string too long", base("NOTE", strings.Repeat("n", MaxStringAttribute+1)), []string{"attribute[NOTE]"}, "at most 1000 characters"},
		{"text too long", base("LONG", strings.Repeat("n", MaxTextAttribute+1)), []string{"attribute[LONG]"}, "at most 4000 characters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ValidateAttributes(potholeDef, c.given)
			if err == nil {
				t.Fatalf("no error, got %v", got)
			}
			es := AsErrors(err)
			var fields []string
			for _, e := range es {
				fields = append(fields, e.Field)
			}
			if es.Status() != 400 || !reflect.DeepEqual(fields, c.fields) {
				t.Errorf("status %d fields %q, want 400 %q", es.Status(), fields, c.fields)
			}
			if !strings.Contains(es[0].Description, c.desc) {
				t.Errorf("description %q, want %q in it", es[0].Description, c.desc)
			}
		})
	}
}

func TestValidateAttributesWithoutDefinition(t *testing.T) {
	got, err := ValidateAttributes(ServiceDefinition{ServiceCode: "x"}, map[string][]string{"A": {"1"}})
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v; want nothing kept and no error", got, err)
	}
}

func TestDatatypeValid(t *testing.T) {
	for _, d := range []Datatype{String, Number, Datetime, Text, SingleValueList, MultiValueList} {
		if !d.Valid() {
			t.Errorf("%s not valid", d)
		}
	}
	for _, d := range []Datatype{"", "int", "List"} {
		if d.Valid() {
			t.Errorf("%q valid", d)
		}
	}
}
