package mining

import (
	"math"
	"testing"
	"time"
)

func TestAlignHandComputed(t *testing.T) {
	n := seqTree("a", "b", "c").Net()
	for _, c := range []struct {
		trace   string
		cost    int
		fitness float64 // 1 - cost / (trace length + 3, the shortest model run)
		moves   []Move
	}{
		{"a b c", 0, 1, nil},
		{"a c", 1, 1 - 1.0/5, []Move{{SyncMove, "a", 0}, {ModelMove, "b", 1}, {SyncMove, "c", 2}}},
		{"a x b c", 1, 1 - 1.0/7, []Move{{SyncMove, "a", 0}, {LogMove, "x", -1}, {SyncMove, "b", 1}, {SyncMove, "c", 2}}},
		{"a c b", 2, 1 - 2.0/6, nil},
		{"", 3, 0, nil},
	} {
		r := Align(n, tracesLog(c.trace), AlignOptions{})
		v := r.Variants[0]
		if !v.Computed || v.Cost != c.cost || math.Abs(v.Fitness-c.fitness) > 1e-12 || math.Abs(r.Fitness-c.fitness) > 1e-12 {
			t.Errorf("%q: computed %v, cost %d, fitness %v (log %v); want cost %d, fitness %v",
				c.trace, v.Computed, v.Cost, v.Fitness, r.Fitness, c.cost, c.fitness)
		}
		if c.moves != nil && !equalMoves(v.Moves, c.moves) {
			t.Errorf("%q: moves %v, want %v", c.trace, v.Moves, c.moves)
		}
	}
}

func equalMoves(a, b []Move) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAlignSilentStepsAreFree(t *testing.T) {
	tree := node(OpSeq, leaf("a"), node(OpXor, tauLeaf(), leaf("b")), node(OpLoop, leaf("c"), tauLeaf()),
		node(OpAnd, leaf("d"), leaf("e")))
	l := tracesLog("a c d e", "a b c c e d", "a c c c c d e")
	r := Align(tree.Net(), l, AlignOptions{})
	if r.Fitness != 1 || r.FitCases != 3 || r.NotComputed != 0 {
		t.Errorf("fitness %v, %d fit, %d not computed; want 1, 3, 0", r.Fitness, r.FitCases, r.NotComputed)
	}
}

func TestAlignGivesUpBeyondMaxStates(t *testing.T) {
	tree := node(OpAnd, leaf("a"), leaf("b"), leaf("c"), leaf("d"))
	// the fitting trace needs about 20 states, the other about 200
	r := Align(tree.Net(), tracesLog("a a b b c c d d a b c d", "a b c d"), AlignOptions{MaxStates: 100})
	if r.NotComputed != 1 || r.Cases != 2 {
		t.Errorf("%d of %d cases not computed, want 1 of 2", r.NotComputed, r.Cases)
	}
	for _, v := range r.Variants {
		if v.Computed == (len(v.Activities) == 12) {
			t.Errorf("variant %v computed %v", v.Activities, v.Computed)
		}
	}
}

func TestAlignReceipt(t *testing.T) {
	l := sharedLog(t, "08_receipt.xes.gz")
	for _, noise := range []float64{0, 0.2} {
		n := Discover(l, noise).Net()
		start := time.Now()
		r := Align(n, l, AlignOptions{})
		took := time.Since(start)
		tok := Replay(n, l)
		t.Logf("noise %v: %d places, %d transitions; alignments in %v: fitness %.4f (mean %.4f), %d/%d fit, %d not computed; token replay %.4f",
			noise, n.Places, len(n.Transitions), took, r.Fitness, r.MeanTraceFitness, r.FitCases, r.Cases, r.NotComputed, tok.Fitness)
		if r.NotComputed != 0 {
			t.Errorf("noise %v: %d cases not computed", noise, r.NotComputed)
		}
		if noise == 0 && (r.Fitness != 1 || r.FitCases != r.Cases) {
			t.Errorf("noise 0: alignment fitness %v, %d of %d cases fit; the Inductive Miner fits every case", r.Fitness, r.FitCases, r.Cases)
		}
		if noise > 0 && (r.Fitness < 0.8 || r.Fitness >= 1) {
			t.Errorf("noise %v: alignment fitness %v, want below 1 and not far below token replay's %v", noise, r.Fitness, tok.Fitness)
		}
		if r.FitCases != tok.FitCases {
			t.Errorf("noise %v: %d cases align without cost, token replay fits %d", noise, r.FitCases, tok.FitCases)
		}
	}
}

func TestAlignManyOptionalParallelBranches(t *testing.T) {
	block := &Tree{Op: OpAnd}
	for i := range 8 {
		a := string(rune('a' + i))
		block.Children = append(block.Children, node(OpXor, tauLeaf(), node(OpLoop, leaf(a), tauLeaf())))
	}
	tree := node(OpSeq, leaf("start"), block, leaf("end"))
	l := tracesLog("start end", "start d end", "start h b h a end", "start h x end", "start c")
	r := Align(tree.Net(), l, AlignOptions{})
	if r.NotComputed != 0 || r.FitCases != 3 {
		t.Fatalf("%d cases not computed, %d fit; want 0 and 3", r.NotComputed, r.FitCases)
	}
	for _, v := range r.Variants {
		want := 0
		if len(v.Activities) == 4 || len(v.Activities) == 2 && v.Activities[1] == "c" {
			want = 1 // x is a log move, end a model move
		}
		if v.Cost != want {
			t.Errorf("%v: cost %d, want %d", v.Activities, v.Cost, want)
		}
	}
}
