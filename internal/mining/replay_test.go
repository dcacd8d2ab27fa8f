package mining

import (
	"math"
	"slices"
	"testing"
)

func seqTree(acts ...string) *Tree {
	t := &Tree{Op: OpSeq}
	for _, a := range acts {
		t.Children = append(t.Children, leaf(a))
	}
	return t
}

// transitionOf is the index of the visible transition for activity a.
func transitionOf(t *testing.T, n *Net, a string) int {
	t.Helper()
	for i, tr := range n.Transitions {
		if tr.Label == a {
			return i
		}
	}
	t.Fatalf("no transition for %s", a)
	return -1
}

func TestReplayPerfectFit(t *testing.T) {
	tree := node(OpSeq, leaf("a"), node(OpXor, tauLeaf(), leaf("b")), node(OpAnd, leaf("c"), leaf("d")))
	l := tracesLog("a b c d", "a d c", "a c d", "a b d c")
	r := Replay(tree.Net(), l)
	if r.Fitness != 1 || r.MeanTraceFitness != 1 || r.FitCases != 4 || r.FitShare != 1 {
		t.Errorf("fitness %v, mean %v, %d fit (share %v); want a perfect fit of 4 cases", r.Fitness, r.MeanTraceFitness, r.FitCases, r.FitShare)
	}
	if r.Missing != 0 || r.Remaining != 0 || len(r.Deviations) != 0 {
		t.Errorf("missing %d, remaining %d, deviations %v; want none", r.Missing, r.Remaining, r.Deviations)
	}
	if got := r.Transitions[transitionOf(t, tree.Net(), "b")].Fired; got != 2 {
		t.Errorf("b fired %d times, want 2", got)
	}
}

func TestReplaySkippedStep(t *testing.T) {
	// Net source -a-> p1 -b-> p2 -c-> sink. "a c": a fires (c=1, p=2), c
	// lacks a token in p2 (m=1, c=2, p=3), the end consumes the sink
	// token (c=3) and finds one left in p1 (r=1): 1/2(1-1/3)+1/2(1-1/3).
	n := seqTree("a", "b", "c").Net()
	l := tracesLog("a b c", "a c", "a b c")
	r := Replay(n, l)
	if r.Produced != 11 || r.Consumed != 11 || r.Missing != 1 || r.Remaining != 1 {
		t.Errorf("tokens p=%d c=%d m=%d r=%d, want 11 11 1 1", r.Produced, r.Consumed, r.Missing, r.Remaining)
	}
	if want := 1 - 1.0/11; math.Abs(r.Fitness-want) > 1e-12 {
		t.Errorf("log fitness %v, want %v", r.Fitness, want)
	}
	if want := (1 + 1 + 2.0/3) / 3; math.Abs(r.MeanTraceFitness-want) > 1e-12 {
		t.Errorf("mean trace fitness %v, want %v", r.MeanTraceFitness, want)
	}
	if r.FitCases != 2 {
		t.Errorf("%d cases fit, want 2", r.FitCases)
	}
	c := r.Transitions[transitionOf(t, n, "c")]
	if c.Fired != 3 || c.Forced != 1 {
		t.Errorf("c fired %d, forced %d; want 3 and 1", c.Fired, c.Forced)
	}
	want := []Deviation{{"b", Skipped, 1, 1}, {"c", NotEnabled, 1, 1}}
	if len(r.Deviations) != 2 || r.Deviations[0] != want[0] || r.Deviations[1] != want[1] {
		t.Errorf("deviations %v, want %v", r.Deviations, want)
	}
	wantActs := []ActivityReplay{{"a", true, 3, 0, 0}, {"b", true, 2, 0, 1}, {"c", true, 3, 1, 0}}
	if !slices.Equal(r.Activities, wantActs) {
		t.Errorf("activities %v, want %v", r.Activities, wantActs)
	}
	if r.Variants[0].Cases != 2 || math.Abs(r.Variants[1].Fitness-2.0/3) > 1e-12 || r.Variants[1].Fit {
		t.Errorf("variants %+v", r.Variants)
	}
}

func TestReplayForeignActivity(t *testing.T) {
	// "a x b c": a, b, c fit (p=4, c=4 with the final token); x is not in
	// the model and counts one missing, consumed, produced and remaining
	// token: 1/2(1-1/5) + 1/2(1-1/5) = 0.8.
	n := seqTree("a", "b", "c").Net()
	r := Replay(n, tracesLog("a x b c"))
	if math.Abs(r.Fitness-0.8) > 1e-12 || r.FitCases != 0 {
		t.Errorf("fitness %v with %d fitting cases, want 0.8 and none", r.Fitness, r.FitCases)
	}
	if len(r.NotInModel) != 1 || r.NotInModel[0] != "x" {
		t.Errorf("not in model %v, want [x]", r.NotInModel)
	}
	if x := r.Activities[3]; x != (ActivityReplay{"x", false, 1, 1, 0}) {
		t.Errorf("activity x: %+v", x)
	}
	if len(r.Deviations) != 1 || r.Deviations[0] != (Deviation{"x", NotInModel, 1, 1}) {
		t.Errorf("deviations %v", r.Deviations)
	}
}

func TestReplayFiresSilentTransitions(t *testing.T) {
	// skipping b and looping over c need silent transitions only
	tree := node(OpSeq, leaf("a"), node(OpXor, tauLeaf(), leaf("b")), node(OpLoop, leaf("c"), tauLeaf()))
	r := Replay(tree.Net(), tracesLog("a c", "a c c c", "a b c"))
	if r.Fitness != 1 || r.FitCases != 3 {
		t.Errorf("fitness %v, %d fit; want 1 and 3", r.Fitness, r.FitCases)
	}
}

func TestReplayEmptyLog(t *testing.T) {
	r := Replay(seqTree("a").Net(), tracesLog())
	if r.Fitness != 1 || r.Cases != 0 {
		t.Errorf("fitness %v of %d cases, want 1 of 0", r.Fitness, r.Cases)
	}
}

func TestReplayManyOptionalParallelBranches(t *testing.T) {
	// 3^8 markings lie between start and end; the silent search has to
	// head for the goal instead of trying them all
	block := &Tree{Op: OpAnd}
	for i := range 8 {
		a := string(rune('a' + i))
		block.Children = append(block.Children, node(OpXor, tauLeaf(), node(OpLoop, leaf(a), tauLeaf())))
	}
	tree := node(OpSeq, leaf("start"), block, leaf("end"))
	r := Replay(tree.Net(), tracesLog("start end", "start d end", "start h b h a end"))
	if r.Fitness != 1 || r.FitCases != 3 {
		t.Errorf("fitness %v, %d of 3 cases fit; deviations %v", r.Fitness, r.FitCases, r.Deviations)
	}
}
