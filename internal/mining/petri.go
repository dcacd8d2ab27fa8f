package mining

import "strconv"

// Net turns the tree into a sound workflow net: one source place with the
// initial token, one sink place for the final marking. Activities become
// visible transitions (Label and Element the activity), silent steps
// silent transitions; a choice shares its entry and exit place among the
// branches, a parallel block has a silent split and join, and a loop a
// silent entry and exit around its body with the redo leading back.
func (t *Tree) Net() *Net {
	b := &netBuilder{n: &Net{}}
	src, sink := b.place("source"), b.place("sink")
	b.build(t, src, sink)
	b.n.Initial = make(Marking, b.n.Places)
	b.n.Final = make(Marking, b.n.Places)
	b.n.Initial[src] = 1
	b.n.Final[sink] = 1
	return b.n
}

type netBuilder struct {
	n *Net
}

func (b *netBuilder) place(name string) int {
	if name == "" {
		name = "p" + strconv.Itoa(b.n.Places)
	}
	b.n.PlaceNames = append(b.n.PlaceNames, name)
	b.n.Places++
	return b.n.Places - 1
}

func (b *netBuilder) transition(label string, in, out []int) {
	b.n.Transitions = append(b.n.Transitions, Transition{Label: label, Element: label, In: in, Out: out})
}

// build adds the net of t between the places in and out.
func (b *netBuilder) build(t *Tree, in, out int) {
	switch t.Op {
	case OpLeaf:
		b.transition(t.Activity, []int{in}, []int{out})
	case OpSeq:
		for i, c := range t.Children {
			next := out
			if i < len(t.Children)-1 {
				next = b.place("")
			}
			b.build(c, in, next)
			in = next
		}
		if len(t.Children) == 0 {
			b.transition("", []int{in}, []int{out})
		}
	case OpXor:
		for _, c := range t.Children {
			b.build(c, in, out)
		}
	case OpAnd:
		starts, ends := make([]int, len(t.Children)), make([]int, len(t.Children))
		for i, c := range t.Children {
			starts[i], ends[i] = b.place(""), b.place("")
			b.build(c, starts[i], ends[i])
		}
		b.transition("", []int{in}, starts)
		b.transition("", ends, []int{out})
	case OpLoop:
		do, redo := b.place(""), b.place("")
		b.transition("", []int{in}, []int{do})
		b.build(t.Children[0], do, redo)
		for _, c := range t.Children[1:] {
			b.build(c, redo, do)
		}
		b.transition("", []int{redo}, []int{out})
	}
}
