package mining

import (
	"slices"
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

func TestWorkloadByResource(t *testing.T) {
	// c5 runs from the first day into the second.
	l := buildLog(t, append(fourCases, "c5 A 60 dan", "c5 B 1500 dan")...)
	r := Workload(l, WorkloadOptions{By: "resource", Period: PeriodDay})
	if r.Period != PeriodDay || len(r.Periods) != 2 || !r.Periods[1].Equal(logStart.Truncate(24*time.Hour).Add(24*time.Hour)) {
		t.Fatalf("periods = %s %v, want the two days", r.Period, r.Periods)
	}
	if !slices.Equal(r.WIP, []int{4, 2}) {
		t.Errorf("work in progress = %v, want 4 cases open on the first day and 2 on the second", r.WIP)
	}
	want := map[string]struct {
		events, cases       int
		eventsPer, casesPer []int
	}{
		"ann": {5, 3, []int{5, 0}, []int{3, 0}},
		"bob": {5, 3, []int{3, 2}, []int{2, 1}},
		"cid": {2, 2, []int{1, 1}, []int{1, 1}},
		"dan": {2, 1, []int{1, 1}, []int{1, 1}},
	}
	if len(r.Units) != len(want) {
		t.Fatalf("units = %+v, want ann, bob, cid and dan", r.Units)
	}
	for _, u := range r.Units {
		w := want[u.Unit]
		if u.Events != w.events || u.Cases != w.cases || !slices.Equal(u.EventsPer, w.eventsPer) || !slices.Equal(u.CasesPer, w.casesPer) {
			t.Errorf("%s: %d events in %d cases, per day %v in %v; want %d in %d, %v in %v",
				u.Unit, u.Events, u.Cases, u.EventsPer, u.CasesPer, w.events, w.cases, w.eventsPer, w.casesPer)
		}
	}
	if r.Units[0].Events < r.Units[len(r.Units)-1].Events {
		t.Error("units are not sorted by events")
	}
}

func TestWorkloadByAttributes(t *testing.T) {
	b := eventlog.NewBuilder("units", 0)
	at := logStart.UnixNano()
	for i, unit := range []string{"north", "north", "south"} {
		c := b.Case(string(rune('a' + i)))
		b.CaseAttr(c, eventlog.KV{Key: "unit", Value: unit})
		b.Event(c, "A", at, "")
		b.Attr(eventlog.KV{Key: "org:group", Value: "desk " + unit})
		b.Event(c, "B", at+int64(time.Hour), "")
	}
	l := b.Log()
	byCase := Workload(l, WorkloadOptions{By: "unit"})
	if len(byCase.Units) != 2 || byCase.Units[0].Unit != "north" || byCase.Units[0].Events != 4 || byCase.Units[0].Cases != 2 {
		t.Errorf("by case attribute = %+v, want north with 4 events in 2 cases first", byCase.Units)
	}
	// The group is on the first event only; the second counts for "".
	byEvent := Workload(l, WorkloadOptions{By: "org:group"})
	names := map[string]int{}
	for _, u := range byEvent.Units {
		names[u.Unit] = u.Events
	}
	if names["desk north"] != 2 || names["desk south"] != 1 || names[""] != 3 {
		t.Errorf("by event attribute = %v, want desk north 2, desk south 1, none 3", names)
	}
}
