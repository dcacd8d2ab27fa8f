package mining

import "strings"

// String writes the tree in pm4py's notation: 'a' for an activity, tau
// for a silent step, ->( ) sequence, X( ) choice, +( ) parallel and *( )
// loop, e.g. ->( 'a', X( 'b', tau ) ).
func (t *Tree) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t *Tree) write(b *strings.Builder) {
	if t.Op == OpLeaf {
		if t.Activity == "" {
			b.WriteString("tau")
		} else {
			b.WriteString("'" + t.Activity + "'")
		}
		return
	}
	b.WriteString([...]string{"", "->", "X", "+", "*"}[t.Op])
	b.WriteString("( ")
	for i, c := range t.Children {
		if i > 0 {
			b.WriteString(", ")
		}
		c.write(b)
	}
	b.WriteString(" )")
}

// Activities are the tree's distinct activities in the order they first
// appear (depth first, left to right).
func (t *Tree) Activities() []string {
	var out []string
	seen := map[string]bool{}
	t.walk(func(n *Tree) {
		if n.Op == OpLeaf && n.Activity != "" && !seen[n.Activity] {
			seen[n.Activity] = true
			out = append(out, n.Activity)
		}
	})
	return out
}

// Size is the number of nodes of the tree, leaves included.
func (t *Tree) Size() int {
	n := 0
	t.walk(func(*Tree) { n++ })
	return n
}

func (t *Tree) walk(f func(*Tree)) {
	f(t)
	for _, c := range t.Children {
		c.walk(f)
	}
}

// simplify removes what filtering can leave behind without changing the
// behaviour: silent steps in sequences and parallel blocks, blocks with a
// single child, sequences in sequences, and repeated silent choices.
func simplify(t *Tree) *Tree {
	if t.Op == OpLeaf {
		return t
	}
	var kids []*Tree
	tauSeen := false
	for _, c := range t.Children {
		c = simplify(c)
		silent := c.Op == OpLeaf && c.Activity == ""
		switch {
		case silent && (t.Op == OpSeq || t.Op == OpAnd):
			continue
		case silent && t.Op == OpXor && tauSeen:
			continue
		case c.Op == t.Op && (t.Op == OpSeq || t.Op == OpAnd):
			kids = append(kids, c.Children...)
			continue
		}
		tauSeen = tauSeen || silent
		kids = append(kids, c)
	}
	if t.Op == OpLoop {
		return &Tree{Op: OpLoop, Children: kids}
	}
	switch len(kids) {
	case 0:
		return tauLeaf()
	case 1:
		return kids[0]
	}
	return &Tree{Op: t.Op, Children: kids}
}
