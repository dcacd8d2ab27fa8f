package eventlog

import (
	"bytes"
	"testing"
	"time"
)

// builderLog is a small log with what FromLog must carry over: case
// attributes, resources, typed event attributes
// shared by several activities, and an event without time.
func builderLog() *Log {
	b := NewBuilder("Bauanträge", 0)
	t0 := time.Date(2024, 5, 6, 8, 0, 0, 123456789, time.UTC)
	at := func(h int) int64 { return t0.Add(time.Duration(h) * time.Hour).UnixNano() }
	c1, c2 := b.Case("A-1"), b.Case("A-2")
	b.CaseAttr(c1, KV{Key: "Amt", Type: TypeString, Value: "Bauamt"})
	b.CaseAttr(c2, KV{Key: "Eingang", Type: TypeDate, Value: "2024-05-01T00:00:00+02:00"})
	b.Event(c1, "Antrag stellen", at(0), "Bürger")
	b.Attr(KV{Key: "Kanal", Type: TypeString, Value: "online"})
	b.Event(c2, "Antrag stellen", at(1), "Poststelle")
	b.Attr(KV{Key: "Kanal", Type: TypeString, Value: "Post"})
	b.Attr(KV{Key: "Seiten", Type: TypeInt, Value: "12"})
	b.Event(c1, "Prüfen", at(3), "Maria")
	b.Attr(KV{Key: "Seiten", Type: TypeInt, Value: "4"})
	b.Attr(KV{Key: "vollständig", Type: TypeBool, Value: "true"})
	b.Event(c1, "Bescheid", at(2), "Maria") // earlier than Prüfen: the log sorts it
	b.Attr(KV{Key: "Gebühr", Type: TypeFloat, Value: "12.5"})
	b.Event(c2, "Ablegen", NoTime, "")
	return b.Log()
}

func TestFlattenFromLogGivesTheLogBack(t *testing.T) {
	receipt, _ := readSharedCSV(t, "receipt.csv")
	for name, l := range map[string]*Log{"builder": builderLog(), "receipt.csv": receipt} {
		t.Run(name, func(t *testing.T) {
			o := FromLog(l, "Vorgang")
			sameLogIgnoringEmpty(t, l, o.Flatten("Vorgang"))
			var js, xs bytes.Buffer
			if err := WriteOCELJSON(&js, o); err != nil {
				t.Fatal(err)
			}
			if err := WriteOCELXML(&xs, o); err != nil {
				t.Fatal(err)
			}
			fromJSON, err := ReadOCELJSON(&js)
			if err != nil {
				t.Fatal(err)
			}
			sameOCEL(t, o, fromJSON)
			fromXML, err := ReadOCELXML(&xs)
			if err != nil {
				t.Fatal(err)
			}
			// XML declares shared attribute names once; objects and events stay.
			sameOCEL(t, &OCEL{Objects: o.Objects, Events: o.Events}, &OCEL{Objects: fromXML.Objects, Events: fromXML.Events})
			sameLogIgnoringEmpty(t, l, fromXML.Flatten("Vorgang"))
		})
	}
}

func TestFromLogObjects(t *testing.T) {
	o := FromLog(builderLog(), "Vorgang")
	types := map[string]string{}
	for _, ob := range o.Objects {
		types[ob.ID] = ob.Type
	}
	want := map[string]string{"A-1": "Vorgang", "A-2": "Vorgang", "Bürger": ResourceType,
		"Poststelle": ResourceType, "Maria": ResourceType}
	if len(types) != len(want) {
		t.Errorf("objects %v, want %v", types, want)
	}
	for id, tp := range want {
		if types[id] != tp {
			t.Errorf("object %q has type %q, want %q", id, types[id], tp)
		}
	}
	for _, et := range o.EventTypes {
		if et.Name == "Antrag stellen" && len(et.Attributes) != 2 {
			t.Errorf("event type %s declares %v, want Kanal and Seiten", et.Name, et.Attributes)
		}
	}
	b := NewBuilder("", 0)
	b.Event(b.Case("Maria"), "a", NoTime, "Maria")
	if o := FromLog(b.Log(), "Vorgang"); o.Objects[1].ID != "resource:Maria" || o.Events[0].Relationships[1].ObjectID != "resource:Maria" {
		t.Errorf("a resource named like a case: objects %+v, events %+v", o.Objects, o.Events)
	}
	if l := o.Flatten(ResourceType); len(l.Cases) != 3 || l.NumEvents() != 4 {
		t.Errorf("flattened by resource: %d cases, %d events; want 3, 4", len(l.Cases), l.NumEvents())
	}
}

func TestFlattenExample(t *testing.T) {
	o := readExampleJSON(t)
	for _, ot := range o.ObjectTypes {
		l := o.Flatten(ot.Name)
		wantCases, wantEvents := 0, 0
		typeOf := o.objectTypes()
		for _, ob := range o.Objects {
			if ob.Type == ot.Name {
				wantCases++
			}
		}
		for _, ev := range o.Events {
			seen := map[string]bool{}
			for _, r := range ev.Relationships {
				if typeOf[r.ObjectID] == ot.Name && !seen[r.ObjectID] {
					seen[r.ObjectID] = true
					wantEvents++
				}
			}
		}
		if len(l.Cases) != wantCases || l.NumEvents() != wantEvents {
			t.Errorf("%s: %d cases, %d events; want %d, %d", ot.Name, len(l.Cases), l.NumEvents(), wantCases, wantEvents)
		}
		for _, c := range l.Cases {
			for e := c.Start + 1; e < c.End; e++ {
				if l.Time[e] < l.Time[e-1] {
					t.Errorf("%s %s: events not sorted by time", ot.Name, c.ID)
				}
			}
		}
		if len(l.EventAttrs) == 0 && wantEvents > 0 {
			t.Errorf("%s: event attributes lost", ot.Name)
		}
	}
}

// sameLogIgnoringEmpty is sameLog on copies without attribute columns that
// hold no value (Flatten cannot know of them).
func sameLogIgnoringEmpty(t *testing.T, want, got *Log) {
	t.Helper()
	strip := func(l *Log) *Log {
		c := *l
		c.EventAttrs, c.CaseAttrs = nonEmpty(l.EventAttrs), nonEmpty(l.CaseAttrs)
		return &c
	}
	sameLog(t, strip(want), strip(got))
}

func nonEmpty(cols []Column) []Column {
	var out []Column
	for _, c := range cols {
		for _, v := range c.Val {
			if v >= 0 {
				out = append(out, c)
				break
			}
		}
	}
	return out
}
