package mining

import (
	"slices"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

// caseIDs lists the case IDs of l.
func caseIDs(l *eventlog.Log) []string {
	var ids []string
	for _, c := range l.Cases {
		ids = append(ids, c.ID)
	}
	return ids
}

func TestApply(t *testing.T) {
	l := buildLog(t, fourCases...)
	day := 24 * time.Hour
	for _, c := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"everything", Filter{}, []string{"c1", "c2", "c3", "c4"}},
		{"starting on the second day", Filter{From: logStart.Add(day / 2)}, []string{"c4"}},
		{"starting on the first day", Filter{To: logStart.Add(day / 2)}, []string{"c1", "c2", "c3"}},
		{"with an event between 13:00 and 19:00", Filter{From: logStart.Add(5 * time.Hour),
			To: logStart.Add(11 * time.Hour), TimeMode: TimeIntersects}, []string{"c3"}},
		{"worked on by cid", Filter{Attr: []AttrFilter{{Key: "org:resource", Value: "cid"}}}, []string{"c2", "c4"}},
		{"worked on by cid or bob", Filter{Attr: []AttrFilter{{Key: "resource", Value: "cid"},
			{Key: "resource", Value: "bob"}}}, []string{"c1", "c2", "c3", "c4"}},
		{"unknown value", Filter{Attr: []AttrFilter{{Key: "resource", Value: "eve"}}}, nil},
		{"top variant", Filter{Variants: []int{0}}, []string{"c1", "c4"}},
		{"top variant and cid", Filter{Variants: []int{0}, Attr: []AttrFilter{{Key: "resource", Value: "cid"}}}, []string{"c4"}},
		{"containing B", Filter{Activities: []string{"B"}, ActivityMode: ModeContains}, []string{"c1", "c3", "c4"}},
		{"lacking B", Filter{Activities: []string{"B"}, ActivityMode: ModeLacks}, []string{"c2"}},
		{"2 to 3 hours", Filter{MinDuration: 2 * time.Hour, MaxDuration: 3 * time.Hour}, []string{"c1", "c4"}},
		{"at least 3 hours", Filter{MinDuration: 3 * time.Hour}, []string{"c3", "c4"}},
	} {
		got := Apply(l, c.f)
		if ids := caseIDs(got); !slices.Equal(ids, c.want) {
			t.Errorf("%s: cases %v, want %v", c.name, ids, c.want)
		}
	}
}

func TestApplyKeepEvents(t *testing.T) {
	l := buildLog(t, fourCases...)
	f := Apply(l, Filter{Activities: []string{"A", "C"}, ActivityMode: ModeKeepEvents})
	o := Stats(f)
	if o.Cases != 4 || o.Events != 8 || o.Activities != 2 || o.Variants != 1 {
		t.Errorf("A and C only: %d cases, %d events, %d activities, %d variants; want 4, 8, 2, 1",
			o.Cases, o.Events, o.Activities, o.Variants)
	}
	e := edgeMap(f, DFG(f))
	if len(e) != 1 || e["A->C"].Count != 4 {
		t.Errorf("edges after dropping B = %v, want A->C four times", e)
	}
	// Cases left without events are gone.
	if only := Apply(l, Filter{Activities: []string{"B"}, ActivityMode: ModeKeepEvents}); len(only.Cases) != 3 {
		t.Errorf("B only keeps %d cases, want 3", len(only.Cases))
	}
	if l.NumEvents() != 12 || len(l.Cases) != 4 {
		t.Error("filtering changed the source log")
	}
}

func TestApplyCarriesAttributes(t *testing.T) {
	b := eventlog.NewBuilder("attrs", 0)
	for i, unit := range []string{"north", "south", "north"} {
		c := b.Case(string(rune('a' + i)))
		b.CaseAttr(c, eventlog.KV{Key: "unit", Value: unit})
		b.Event(c, "A", logStart.UnixNano(), "ann")
		b.Attr(eventlog.KV{Key: "amount", Type: eventlog.TypeInt, Value: string(rune('1' + i))})
	}
	l := b.Log()
	f := Apply(l, Filter{Attr: []AttrFilter{{Key: "unit", Value: "north", Case: true}}})
	if ids := caseIDs(f); !slices.Equal(ids, []string{"a", "c"}) {
		t.Fatalf("north cases = %v, want a and c", ids)
	}
	unit, amount := f.CaseAttr("unit"), f.EventAttr("amount")
	if f.Value(unit.Val[1]) != "north" || f.Value(amount.Val[1]) != "3" || amount.Type != eventlog.TypeInt {
		t.Errorf("second kept case: unit %q, amount %q; want north and 3", f.Value(unit.Val[1]), f.Value(amount.Val[1]))
	}
	if f.Value(f.Resource[0]) != "ann" || f.Cases[1].Start != 1 || f.Cases[1].End != 2 {
		t.Errorf("rows not carried over: resource %q, case bounds %+v", f.Value(f.Resource[0]), f.Cases[1])
	}
	if got := Apply(l, Filter{Attr: []AttrFilter{{Key: "amount", Value: "2"}}}); !slices.Equal(caseIDs(got), []string{"b"}) {
		t.Errorf("amount 2 = %v, want b", caseIDs(got))
	}
}
