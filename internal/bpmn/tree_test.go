package bpmn

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"rathaus/internal/mining"
)

func leaf(a string) *mining.Tree { return &mining.Tree{Op: mining.OpLeaf, Activity: a} }
func op(o mining.Op, c ...*mining.Tree) *mining.Tree {
	return &mining.Tree{Op: o, Children: c}
}

// language lists a tree's traces, with loops taken at most once more.
func language(t *mining.Tree) [][]string {
	switch t.Op {
	case mining.OpLeaf:
		if t.Activity == "" {
			return [][]string{{}}
		}
		return [][]string{{t.Activity}}
	case mining.OpSeq:
		out := [][]string{{}}
		for _, c := range t.Children {
			out = concat(out, language(c))
		}
		return out
	case mining.OpXor:
		var out [][]string
		for _, c := range t.Children {
			out = append(out, language(c)...)
		}
		return out
	case mining.OpAnd:
		out := [][]string{{}}
		for _, c := range t.Children {
			var next [][]string
			for _, a := range out {
				for _, b := range language(c) {
					next = append(next, shuffle(a, b)...)
				}
			}
			out = next
		}
		return out
	case mining.OpLoop:
		do, redo := language(t.Children[0]), language(t.Children[1])
		return append(slices.Clone(do), concat(concat(do, redo), do)...)
	}
	return nil
}

func concat(a, b [][]string) [][]string {
	var out [][]string
	for _, x := range a {
		for _, y := range b {
			out = append(out, append(slices.Clone(x), y...))
		}
	}
	return out
}

func shuffle(a, b []string) [][]string {
	if len(a) == 0 || len(b) == 0 {
		return [][]string{append(slices.Clone(a), b...)}
	}
	var out [][]string
	for _, r := range shuffle(a[1:], b) {
		out = append(out, append([]string{a[0]}, r...))
	}
	for _, r := range shuffle(a, b[1:]) {
		out = append(out, append([]string{b[0]}, r...))
	}
	return out
}

// accepts plays the token game: can the net fire the trace's activities,
// with silent transitions in between, from the initial to the final marking?
func accepts(n *mining.Net, trace []string) bool {
	cur := closure(n, []mining.Marking{n.Initial})
	for _, act := range trace {
		var next []mining.Marking
		for _, m := range cur {
			for _, t := range n.Transitions {
				if t.Label == act && enabled(m, t) {
					next = append(next, fire(m, t))
				}
			}
		}
		if cur = closure(n, next); len(cur) == 0 {
			return false
		}
	}
	for _, m := range cur {
		if slices.Equal(m, n.Final) {
			return true
		}
	}
	return false
}

func enabled(m mining.Marking, t mining.Transition) bool {
	need := map[int]int{}
	for _, p := range t.In {
		need[p]++
	}
	for p, k := range need {
		if m[p] < k {
			return false
		}
	}
	return true
}

func fire(m mining.Marking, t mining.Transition) mining.Marking {
	m = slices.Clone(m)
	for _, p := range t.In {
		m[p]--
	}
	for _, p := range t.Out {
		m[p]++
	}
	return m
}

// closure adds the markings reachable by silent transitions (bounded).
func closure(n *mining.Net, ms []mining.Marking) []mining.Marking {
	seen := map[string]bool{}
	var out []mining.Marking
	for len(ms) > 0 && len(out) < 20000 {
		m := ms[len(ms)-1]
		ms = ms[:len(ms)-1]
		if k := fmt.Sprint(m); !seen[k] {
			seen[k] = true
			out = append(out, m)
			for _, t := range n.Transitions {
				if t.Label == "" && enabled(m, t) {
					ms = append(ms, fire(m, t))
				}
			}
		}
	}
	return out
}

func kinds(m *Model) map[string]int {
	k := map[string]int{}
	m.Walk(func(e *Element) { k[e.Kind]++ })
	return k
}

func TestFromTree(t *testing.T) {
	a, b, c, d := leaf("Antrag"), leaf("Prüfen"), leaf("Bescheid"), leaf("Nachfordern")
	cases := []struct {
		name  string
		tree  *mining.Tree
		kinds map[string]int
		wrong []string // a trace the model must reject
	}{
		{"sequence", op(mining.OpSeq, a, b, c), map[string]int{"task": 3}, []string{"Antrag", "Bescheid"}},
		{"choice", op(mining.OpSeq, a, op(mining.OpXor, b, c)), map[string]int{"task": 3, "exclusiveGateway": 2}, []string{"Antrag", "Prüfen", "Bescheid"}},
		{"parallel", op(mining.OpAnd, a, b, c), map[string]int{"task": 3, "parallelGateway": 2}, []string{"Antrag", "Prüfen"}},
		{"loop", op(mining.OpSeq, a, op(mining.OpLoop, b, d), c), map[string]int{"task": 4, "exclusiveGateway": 2}, []string{"Antrag", "Nachfordern", "Bescheid"}},
		{"skip", op(mining.OpSeq, a, op(mining.OpXor, b, leaf("")), c), map[string]int{"task": 3, "exclusiveGateway": 2}, []string{"Antrag", "Prüfen", "Prüfen", "Bescheid"}},
		{"nested", op(mining.OpSeq, a, op(mining.OpAnd, op(mining.OpLoop, b, leaf("")), op(mining.OpXor, c, d))),
			map[string]int{"task": 4, "exclusiveGateway": 4, "parallelGateway": 2}, []string{"Antrag", "Bescheid", "Nachfordern"}},
	}
	for _, tc := range cases {
		m := FromTree(tc.tree, tc.name)
		got := kinds(m)
		for k, want := range tc.kinds {
			if got[k] != want {
				t.Errorf("%s: %d %s, want %d", tc.name, got[k], k, want)
			}
		}
		if got["startEvent"] != 1 || got["endEvent"] != 1 {
			t.Errorf("%s: %d start and %d end events", tc.name, got["startEvent"], got["endEvent"])
		}
		n, err := m.Net()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, tr := range language(tc.tree) {
			if !accepts(n, tr) {
				t.Errorf("%s: the net rejects the tree's trace %s", tc.name, strings.Join(tr, ","))
			}
		}
		if accepts(n, tc.wrong) {
			t.Errorf("%s: the net accepts %s, which the tree does not allow", tc.name, strings.Join(tc.wrong, ","))
		}
		for _, tr := range n.Transitions {
			if tr.Label != "" && m.Element(tr.Element) == nil {
				t.Errorf("%s: transition %s points to unknown element %s", tc.name, tr.Label, tr.Element)
			}
		}
	}
}
