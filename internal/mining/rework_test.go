package mining

import "testing"

func TestRework(t *testing.T) {
	r := Rework(buildLog(t, fourCases...))
	if r.Cases != 4 || r.ReworkCases != 1 || r.SelfLoopCount != 1 || len(r.PingPong) != 0 {
		t.Errorf("cases %d, rework %d, self-loops %d, ping-pong %v; want 4, 1, 1, none",
			r.Cases, r.ReworkCases, r.SelfLoopCount, r.PingPong)
	}
	approx(t, "share", r.Share, 0.25)
	if len(r.Activities) != 1 || r.Activities[0] != (ReworkActivity{"B", 1, 0.25, 1, 1}) {
		t.Errorf("activities = %+v, want B repeated once in one case", r.Activities)
	}
	// The rework case takes 10 h; the others 30 min, 2 h and 3 h.
	approx(t, "extra mean", r.ExtraMeanS, 36000-6600)
	approx(t, "extra median", r.ExtraMedianS, 36000-7200)
	if r.With.N != 1 || r.Without.N != 3 {
		t.Errorf("with %d, without %d cases; want 1 and 3", r.With.N, r.Without.N)
	}
}

func TestReworkPingPong(t *testing.T) {
	r := Rework(buildLog(t,
		"p1 A 0", "p1 B 1", "p1 A 2", "p1 B 3", "p1 C 4",
		"p2 A 0", "p2 B 1", "p2 A 2",
		"p3 A 0", "p3 C 1"))
	if len(r.PingPong) != 2 {
		t.Fatalf("ping-pong = %+v, want A-B-A and B-A-B", r.PingPong)
	}
	if p := r.PingPong[0]; p != (PingPong{"A", "B", 2, 2}) {
		t.Errorf("first ping-pong = %+v, want A-B-A twice in two cases", p)
	}
	if p := r.PingPong[1]; p != (PingPong{"B", "A", 1, 1}) {
		t.Errorf("second ping-pong = %+v, want B-A-B once", p)
	}
	if r.ReworkCases != 2 || r.SelfLoopCount != 0 {
		t.Errorf("rework cases %d, self-loops %d; want 2 and 0", r.ReworkCases, r.SelfLoopCount)
	}
	if a := r.Activities[0]; a.Activity != "A" || a.Cases != 2 || a.Extra != 2 {
		t.Errorf("first repeated activity = %+v, want A in 2 cases, 2 extra", a)
	}
}
