package bpmn

import (
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/eventlog"
	"rathaus/internal/mining"
)

// TestFromTreeReplaysWithMiningReplay replays the tree's own traces on the
// net of FromTree's model with the mining package's token replay.
func TestFromTreeReplaysWithMiningReplay(t *testing.T) {
	a, b, c, d := leaf("Antrag"), leaf("Prüfen"), leaf("Bescheid"), leaf("Nachfordern")
	trees := map[string]*mining.Tree{
		"choice":   op(mining.OpSeq, a, op(mining.OpXor, b, c)),
		"parallel": op(mining.OpSeq, a, op(mining.OpAnd, b, c), d),
		"loop":     op(mining.OpSeq, a, op(mining.OpLoop, b, d), c),
		"skip":     op(mining.OpSeq, a, op(mining.OpXor, b, leaf("")), c),
	}
	for name, tree := range trees {
		n, err := FromTree(tree, name).Net()
		if err != nil {
			t.Fatal(err)
		}
		bl := eventlog.NewBuilder(name, 0)
		for i, tr := range language(tree) {
			cs := bl.Case(strconv.Itoa(i))
			for j, act := range tr {
				bl.Event(cs, act, int64(j+1)*1e9, "")
			}
		}
		res := mining.Replay(n, bl.Log())
		if res.FitCases != res.Cases || res.Cases == 0 {
			t.Errorf("%s: %d of %d traces fit (fitness %.3f)", name, res.FitCases, res.Cases, res.Fitness)
		}
		bad := eventlog.NewBuilder("bad", 0)
		cs := bad.Case("x")
		for j, act := range strings.Fields("Bescheid Antrag") {
			bad.Event(cs, act, int64(j+1)*1e9, "")
		}
		if res := mining.Replay(n, bad.Log()); res.FitCases != 0 {
			t.Errorf("%s: a trace in the wrong order fits", name)
		}
	}
}
