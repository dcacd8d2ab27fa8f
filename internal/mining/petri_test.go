package mining

import (
	"fmt"
	"slices"
	"testing"
)

func TestTreeNetShape(t *testing.T) {
	tree := node(OpSeq, leaf("a"), node(OpAnd, leaf("b"), leaf("c")), node(OpLoop, leaf("d"), tauLeaf()))
	n := tree.Net()
	// source, sink, between a and the block, between the blocks, two per
	// parallel branch, two for the loop
	if n.Places != 10 || len(n.Transitions) != 9 {
		t.Errorf("%d places and %d transitions, want 10 and 9", n.Places, len(n.Transitions))
	}
	var visible []string
	for _, tr := range n.Transitions {
		if tr.Label != "" {
			visible = append(visible, tr.Label)
			if tr.Element != tr.Label {
				t.Errorf("transition %s stands for element %q", tr.Label, tr.Element)
			}
		}
	}
	slices.Sort(visible)
	if !slices.Equal(visible, []string{"a", "b", "c", "d"}) {
		t.Errorf("visible transitions %v", visible)
	}
	if n.PlaceNames[0] != "source" || n.PlaceNames[1] != "sink" || n.Initial[0] != 1 || n.Final[1] != 1 {
		t.Errorf("places %v, initial %v, final %v", n.PlaceNames, n.Initial, n.Final)
	}
}

func TestTreeNetsAreSound(t *testing.T) {
	trees := []*Tree{
		node(OpSeq, leaf("a"), node(OpXor, tauLeaf(), leaf("b")), node(OpAnd, leaf("c"), node(OpLoop, leaf("d"), leaf("e")))),
		node(OpLoop, node(OpXor, leaf("a"), node(OpAnd, leaf("b"), leaf("c"))), node(OpXor, tauLeaf(), leaf("d"))),
		node(OpLoop, tauLeaf(), node(OpXor, leaf("a"), leaf("b"))),
		Discover(tracesLog("a b c d", "a c b d", "a e d", "a b c f b c d"), 0),
	}
	for _, tree := range trees {
		if err := checkSound(tree.Net(), 100000); err != nil {
			t.Errorf("%s: %v", tree, err)
		}
	}
	t.Run("running example", func(t *testing.T) {
		tree := Discover(sharedLog(t, "running-example.xes"), 0)
		if err := checkSound(tree.Net(), 100000); err != nil {
			t.Errorf("%s: %v", tree, err)
		}
	})
	// the check itself: a choice joined by a synchronisation is unsound
	bad := &Net{Places: 4, Initial: Marking{1, 0, 0, 0}, Final: Marking{0, 0, 0, 1}, Transitions: []Transition{
		{Label: "a", In: []int{0}, Out: []int{1}}, {Label: "b", In: []int{0}, Out: []int{2}},
		{Label: "c", In: []int{1, 2}, Out: []int{3}}}}
	if checkSound(bad, 100) == nil {
		t.Error("a choice joined by a synchronisation passes as sound")
	}
}

// checkSound explores the reachability graph: the final marking must be
// reachable from every reachable marking, a marking with the sink's token
// must be the final one, and every transition must be able to fire.
func checkSound(n *Net, limit int) error {
	key := func(m Marking) string { return fmt.Sprint(m) }
	marks := []Marking{slices.Clone(n.Initial)}
	index := map[string]int{key(n.Initial): 0}
	var back [][]int // predecessors of each marking
	back = append(back, nil)
	fired := make([]bool, len(n.Transitions))
	for i := 0; i < len(marks); i++ {
		if len(marks) > limit {
			return fmt.Errorf("more than %d markings", limit)
		}
		for t, tr := range n.Transitions {
			if !enabled(n, marks[i], t) {
				continue
			}
			fired[t] = true
			next := slices.Clone(marks[i])
			for _, p := range tr.In {
				next[p]--
			}
			for _, p := range tr.Out {
				next[p]++
			}
			j, ok := index[key(next)]
			if !ok {
				j = len(marks)
				index[key(next)] = j
				marks = append(marks, next)
				back = append(back, nil)
			}
			back[j] = append(back[j], i)
		}
	}
	final, ok := index[key(n.Final)]
	if !ok {
		return fmt.Errorf("the final marking is not reachable")
	}
	reaches := make([]bool, len(marks))
	reaches[final] = true
	for queue := []int{final}; len(queue) > 0; queue = queue[1:] {
		for _, p := range back[queue[0]] {
			if !reaches[p] {
				reaches[p] = true
				queue = append(queue, p)
			}
		}
	}
	for i, m := range marks {
		if !reaches[i] {
			return fmt.Errorf("marking %v cannot complete", m)
		}
		if covers(m, n.Final) && !slices.Equal(m, n.Final) {
			return fmt.Errorf("marking %v leaves tokens behind at the end", m)
		}
	}
	for t, f := range fired {
		if !f {
			return fmt.Errorf("transition %d (%q) can never fire", t, n.Transitions[t].Label)
		}
	}
	return nil
}
