package eventlog

import (
	"slices"
	"strconv"
	"time"
)

var synthEpoch = time.Date(2023, 1, 2, 8, 0, 0, 0, time.UTC)

// process appends the events of one permit application to g.events.
func (g *synth) process() {
	r := g.rnd
	t := synthEpoch.Add(time.Duration(r.IntN(730))*24*time.Hour + time.Duration(r.IntN(9*3600))*time.Second)
	if r.IntN(3) == 0 {
		g.add(t, "Submit application", "portal", `<boolean key="online" value="true"/>`)
	} else {
		g.add(t, "Submit application", "clerk", `<boolean key="online" value="false"/>`)
	}
	t = g.add(t.Add(g.wait(600)), "Check completeness", "clerk", intAttr("documents", 3+r.IntN(8)))
	for round := 1; round <= 3 && r.Float64() < 0.3; round++ { // rework loop
		t = g.add(t.Add(g.wait(60)), "Request missing documents", "clerk", intAttr("round", round))
		t = g.add(t.Add(g.wait(4000)), "Receive documents", "clerk", "")
		t = g.add(t.Add(g.wait(300)), "Check completeness", "clerk", intAttr("documents", 3+r.IntN(8)))
	}
	t = g.assess(t.Add(g.wait(900)))
	t = g.consult(t)
	fee := 50 + 450*r.Float64()
	t = g.add(t.Add(g.wait(200)), "Calculate fee", "clerk", `<float key="fee" value="`+strconv.FormatFloat(fee, 'f', 2, 64)+`"/>`)
	t = g.add(t.Add(g.wait(1500)), "Decide", "head", "")
	if r.Float64() < 0.8 {
		t = g.add(t.Add(g.wait(100)), "Issue permit", "clerk", "")
	} else {
		t = g.add(t.Add(g.wait(100)), "Reject application", "clerk", "")
		if r.Float64() < 0.3 {
			t = g.add(t.Add(g.wait(10000)), "File objection", "portal", "")
			t = g.add(t.Add(g.wait(5000)), "Review objection", "head", "")
		}
	}
	g.add(t.Add(g.wait(120)), "Send notification", "clerk", `<string key="channel" value="`+[]string{"post", "email", "portal"}[r.IntN(3)]+`"/>`)
}

// assess is the building law assessment, with start and complete events.
func (g *synth) assess(t time.Time) time.Time {
	who := g.staff("planner")
	g.events = append(g.events, synthEvent{activity: "Assess building law", transition: "start", resource: who, at: t})
	t = t.Add(g.wait(180))
	g.events = append(g.events, synthEvent{activity: "Assess building law", transition: "complete", resource: who, at: t,
		extra: `<boolean key="compliant" value="` + strconv.FormatBool(g.rnd.Float64() < 0.9) + `"/>`})
	return t
}

// consult runs the consultations in parallel; their events interleave in
// time order and the process goes on after the last one.
func (g *synth) consult(t time.Time) time.Time {
	first := len(g.events)
	end := g.add(t.Add(g.wait(2000)), "Consult fire department", "fire", "")
	if e := g.add(t.Add(g.wait(2500)), "Consult environment office", "env", ""); e.After(end) {
		end = e
	}
	if g.rnd.Float64() < 0.2 {
		if e := g.add(t.Add(g.wait(5000)), "Consult monument protection", "monument", ""); e.After(end) {
			end = e
		}
	}
	slices.SortFunc(g.events[first:], func(a, b synthEvent) int { return a.at.Compare(b.at) })
	return end
}
