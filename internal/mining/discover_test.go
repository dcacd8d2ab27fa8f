package mining

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"rathaus/internal/eventlog"
)

// tracesLog builds a log with one case per trace; a trace lists its
// activities separated by spaces.
func tracesLog(traces ...string) *eventlog.Log {
	b := eventlog.NewBuilder("hand", 0)
	for i, tr := range traces {
		c := b.Case(string(rune('A'+i%26)) + strings.Repeat("'", i/26))
		for _, a := range strings.Fields(tr) {
			b.Event(c, a, eventlog.NoTime, "")
		}
	}
	return b.Log()
}

// sharedLog reads an XES log of the shared test data.
func sharedLog(t testing.TB, name string) *eventlog.Log {
	t.Helper()
	path := "../../../shared/data/eventlogs/" + name
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared test data %s is not available (%v)", name, err)
	}
	l, _, err := eventlog.ReadXESFile(path, eventlog.XESOptions{})
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return l
}

func TestDiscoverKnownStructures(t *testing.T) {
	for _, c := range []struct {
		name   string
		traces []string
		want   string
	}{
		{"choice in a sequence", []string{"a b d", "a c d", "a b d"}, "->( 'a', X( 'b', 'c' ), 'd' )"},
		{"parallel", []string{"a b", "b a"}, "+( 'a', 'b' )"},
		{"loop", []string{"a", "a b a", "a b a b a"}, "*( 'a', 'b' )"},
		{"optional step", []string{"a b c", "a c"}, "->( 'a', X( tau, 'b' ), 'c' )"},
		{"single activity", []string{"a", "a"}, "'a'"},
		{"repeated activity", []string{"a", "a a a"}, "*( 'a', tau )"},
		{"parallel inside a sequence", []string{"s a b e", "s b a e"}, "->( 's', +( 'a', 'b' ), 'e' )"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := tracesLog(c.traces...)
			got := Discover(l, 0)
			if got.String() != c.want {
				t.Errorf("tree %s, want %s", got, c.want)
			}
			if r := Replay(got.Net(), l); r.Fitness != 1 || r.FitCases != len(c.traces) {
				t.Errorf("the log does not fit its tree: fitness %v, %d of %d cases fit", r.Fitness, r.FitCases, len(c.traces))
			}
		})
	}
}

func TestDiscoverFallsThroughToAFlower(t *testing.T) {
	l := tracesLog("a b c", "c a b", "b c a", "a c b a")
	tree := Discover(l, 0)
	if got := strings.Join(tree.Activities(), ","); len(tree.Activities()) != 3 {
		t.Errorf("activities %s, want a, b and c", got)
	}
	if r := Replay(tree.Net(), l); r.Fitness != 1 {
		t.Errorf("%s: fitness %v, want 1", tree, r.Fitness)
	}
}

func TestDiscoverRealLogs(t *testing.T) {
	for _, name := range []string{"running-example.xes", "08_receipt.xes.gz"} {
		t.Run(name, func(t *testing.T) {
			l := sharedLog(t, name)
			exact := Discover(l, 0)
			r := Replay(exact.Net(), l)
			t.Logf("noise 0: %d nodes, fitness %.4f, %d/%d cases fit: %s", exact.Size(), r.Fitness, r.FitCases, r.Cases, exact)
			if r.Fitness != 1 || r.FitCases != len(l.Cases) {
				t.Errorf("noise 0: fitness %v with %d of %d cases fitting, want a perfect fit", r.Fitness, r.FitCases, len(l.Cases))
			}
			if got := len(exact.Activities()); got != len(l.Activities) {
				t.Errorf("noise 0: the tree has %d activities, the log %d", got, len(l.Activities))
			}
			filtered := Discover(l, 0.2)
			rf := Replay(filtered.Net(), l)
			t.Logf("noise 0.2: %d nodes, fitness %.4f, %d/%d cases fit: %s", filtered.Size(), rf.Fitness, rf.FitCases, rf.Cases, filtered)
			if rf.Fitness < 0.9 {
				t.Errorf("noise 0.2: fitness %.4f, want at least 0.9", rf.Fitness)
			}
			for _, tree := range []*Tree{exact, filtered} {
				if err := checkSound(tree.Net(), 1_000_000); err != nil {
					t.Errorf("%s: %v", tree, err)
				}
			}
			if filtered.Size() > exact.Size() {
				t.Errorf("noise 0.2: %d nodes, more than the %d without filtering", filtered.Size(), exact.Size())
			}
		})
	}
}

// The Inductive Miner without filtering fits every log it is given.
func TestDiscoverFitsRandomLogs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	acts := []string{"a", "b", "c", "d", "e", "f"}
	for round := range 200 {
		traces := make([]string, 1+rng.IntN(8))
		for i := range traces {
			var tr []string
			for range rng.IntN(7) {
				tr = append(tr, acts[rng.IntN(2+round%5)])
			}
			traces[i] = strings.Join(tr, " ")
		}
		l := tracesLog(traces...)
		tree := Discover(l, 0)
		r := Replay(tree.Net(), l)
		al := Align(tree.Net(), l, AlignOptions{})
		if r.FitCases != len(traces) || al.FitCases != len(traces) || len(tree.Activities()) != len(l.Activities) {
			t.Fatalf("log %q: tree %s fits %d (replay) and %d (alignments) of %d cases, has %d of %d activities",
				traces, tree, r.FitCases, al.FitCases, len(traces), len(tree.Activities()), len(l.Activities))
		}
		noisy := Discover(l, 0.3)
		if len(noisy.Activities()) == 0 && len(l.Activities) > 0 {
			t.Fatalf("log %q: noise 0.3 tree %s has no activity", traces, noisy)
		}
		for _, tr := range []*Tree{tree, noisy} {
			if err := checkSound(tr.Net(), 100000); err != nil {
				t.Fatalf("log %q: tree %s: %v", traces, tr, err)
			}
		}
	}
}

func TestSimplifyKeepsBehaviour(t *testing.T) {
	in := node(OpXor, node(OpSeq, tauLeaf(), leaf("a"), node(OpSeq, leaf("b"), leaf("c"))), tauLeaf(), tauLeaf(),
		node(OpAnd, tauLeaf(), leaf("d")), node(OpLoop, leaf("e"), tauLeaf()))
	want := "X( ->( 'a', 'b', 'c' ), tau, 'd', *( 'e', tau ) )"
	if got := simplify(in).String(); got != want {
		t.Errorf("simplified %s, want %s", got, want)
	}
}
