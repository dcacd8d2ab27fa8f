package mining

import (
	"testing"
	"time"

	"rathaus/internal/eventlog"
)

func TestDeadlinesTarget(t *testing.T) {
	// Four hours for cases of 2 h, 30 min, 10 h and 3 h.
	r := Deadlines(buildLog(t, fourCases...), DeadlineOptions{Target: 4 * time.Hour})
	if r.Cases != 4 || r.Closed != 4 || r.OnTime != 3 || r.Late != 1 || r.Open != 0 {
		t.Errorf("cases %d closed %d on time %d late %d open %d; want 4 4 3 1 0", r.Cases, r.Closed, r.OnTime, r.Late, r.Open)
	}
	approx(t, "on-time share", r.OnTimeShare, 0.75)
	if len(r.LateCases) != 1 || r.LateCases[0].Case != "c3" || r.LateCases[0].LateS != 6*3600 || r.LateCases[0].Open {
		t.Errorf("late cases = %+v, want c3 closed 6 h late", r.LateCases)
	}
	if !r.LateCases[0].Deadline.Equal(logStart.Add(4 * time.Hour)) {
		t.Errorf("c3's deadline = %v, want 4 h after its start", r.LateCases[0].Deadline)
	}
	approx(t, "median lateness", r.Lateness.Median, 6*3600)
	if len(r.Histogram) != 1 || r.Histogram[0].Count != 1 {
		t.Errorf("lateness histogram = %v, want one bar", r.Histogram)
	}
	if none := Deadlines(buildLog(t, fourCases...), DeadlineOptions{}); none.Cases != 0 || none.NoDeadline != 4 {
		t.Errorf("without a target: %d cases with a deadline, %d without; want 0 and 4", none.Cases, none.NoDeadline)
	}
}

func TestDeadlinesOpenCases(t *testing.T) {
	l := buildLog(t, append([]string{"c5 A 0", "c6 A 0"}, fourCases...)...)
	r := Deadlines(l, DeadlineOptions{Target: 4 * time.Hour, EndActivities: []string{"C"},
		Now: logStart.Add(10 * time.Hour)})
	if r.Closed != 4 || r.Open != 2 || r.OpenOverdue != 2 {
		t.Errorf("closed %d open %d overdue %d; want 4, 2, 2", r.Closed, r.Open, r.OpenOverdue)
	}
	// c5 and c6 are 6 h overdue at Now, as late as c3 at its end.
	if len(r.LateCases) != 3 || !r.LateCases[0].Open || r.LateCases[0].LateS != 6*3600 || r.LateCases[2].Case != "c3" {
		t.Errorf("late cases = %+v, want c5, c6 (open) and c3", r.LateCases)
	}
	approx(t, "on-time share of closed cases", r.OnTimeShare, 0.75)
}

func TestDeadlinesFromCaseAttribute(t *testing.T) {
	b := eventlog.NewBuilder("due", 0)
	at := func(min int) int64 { return logStart.Add(time.Duration(min) * time.Minute).UnixNano() }
	due := func(c int32, v string) { b.CaseAttr(c, eventlog.KV{Key: "due", Type: eventlog.TypeDate, Value: v}) }
	c1, c2, c3, c4 := b.Case("c1"), b.Case("c2"), b.Case("c3"), b.Case("c4")
	for _, c := range []int32{c1, c2, c3, c4} {
		b.Event(c, "A", at(0), "")
		b.Event(c, "B", at(120), "")
	}
	due(c1, "2024-03-04T09:00:00Z")      // due 1 h before its end
	due(c2, "2024-03-04T12:00:00+02:00") // 10:00 UTC, just on time
	due(c3, "0.05")                      // 72 minutes after its start
	due(c4, "soon")                      // unreadable: falls back to Target
	r := Deadlines(b.Log(), DeadlineOptions{CaseAttr: "due", Target: 3 * time.Hour})
	if r.Cases != 4 || r.OnTime != 2 || r.Late != 2 {
		t.Errorf("cases %d on time %d late %d; want 4, 2, 2", r.Cases, r.OnTime, r.Late)
	}
	if len(r.LateCases) != 2 || r.LateCases[0].Case != "c1" || r.LateCases[0].LateS != 3600 ||
		r.LateCases[1].Case != "c3" || r.LateCases[1].LateS != 48*60 {
		t.Errorf("late cases = %+v, want c1 1 h and c3 48 min late", r.LateCases)
	}
}
