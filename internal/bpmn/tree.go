package bpmn

import (
	"strconv"

	"rathaus/internal/mining"
)

// FromTree turns a process tree into a BPMN model with one process: a
// sequence becomes a chain, a choice exclusive split and join gateways,
// parallelism parallel gateways, a loop an exclusive join before its body
// and an exclusive split after it with a flow back, a silent step a direct
// flow; a start and an end event frame it. The model is laid out.
func FromTree(t *mining.Tree, name string) *Model {
	b := &treeBuilder{p: &Process{ID: "Process_1", Name: name}}
	start := b.node("startEvent", "")
	in, out := b.build(t)
	end := b.node("endEvent", "")
	if in == "" {
		b.flow(start, end)
	} else {
		b.flow(start, in)
		b.flow(out, end)
	}
	m := &Model{ID: "Definitions_1", Name: name, Processes: []*Process{b.p}}
	m.Layout()
	return m
}

type treeBuilder struct {
	p     *Process
	count map[string]int
}

// node adds an element and returns its id.
func (b *treeBuilder) node(kind, name string) string {
	if b.count == nil {
		b.count = map[string]int{}
	}
	b.count[kind]++
	id := kind + "_" + strconv.Itoa(b.count[kind])
	b.p.Elements = append(b.p.Elements, &Element{ID: id, Name: name, Kind: kind})
	return id
}

func (b *treeBuilder) flow(from, to string) {
	b.count["flow"]++
	b.p.Flows = append(b.p.Flows, &Flow{ID: "Flow_" + strconv.Itoa(b.count["flow"]), Source: from, Target: to})
}

// build adds the fragment for t and returns its entry and exit node; both
// are "" for a fragment that does nothing (a silent step).
func (b *treeBuilder) build(t *mining.Tree) (in, out string) {
	if t == nil {
		return "", ""
	}
	switch t.Op {
	case mining.OpLeaf:
		if t.Activity == "" {
			return "", ""
		}
		id := b.node("task", t.Activity)
		return id, id
	case mining.OpSeq:
		for _, c := range t.Children {
			ci, co := b.build(c)
			if ci == "" {
				continue
			}
			if in == "" {
				in = ci
			} else {
				b.flow(out, ci)
			}
			out = co
		}
		return in, out
	case mining.OpXor, mining.OpAnd:
		return b.block(t)
	case mining.OpLoop:
		return b.loop(t)
	}
	return "", ""
}

// block builds a choice or parallel block between a split and a join gateway.
func (b *treeBuilder) block(t *mining.Tree) (string, string) {
	if len(t.Children) == 1 {
		return b.build(t.Children[0])
	}
	kind := "exclusiveGateway"
	if t.Op == mining.OpAnd {
		kind = "parallelGateway"
	}
	split := b.node(kind, "")
	join := b.node(kind, "")
	skip := false
	for _, c := range t.Children {
		ci, co := b.build(c)
		if ci == "" {
			skip = true
			continue
		}
		b.flow(split, ci)
		b.flow(co, join)
	}
	if skip {
		b.flow(split, join)
	}
	return split, join
}

// loop builds join → do → split, split → redo → join.
func (b *treeBuilder) loop(t *mining.Tree) (string, string) {
	join := b.node("exclusiveGateway", "")
	split := b.node("exclusiveGateway", "")
	var do *mining.Tree
	if len(t.Children) > 0 {
		do = t.Children[0]
	}
	if di, dout := b.build(do); di == "" {
		b.flow(join, split)
	} else {
		b.flow(join, di)
		b.flow(dout, split)
	}
	var redo *mining.Tree
	switch {
	case len(t.Children) == 2:
		redo = t.Children[1]
	case len(t.Children) > 2:
		redo = &mining.Tree{Op: mining.OpXor, Children: t.Children[1:]}
	}
	if ri, rout := b.build(redo); ri == "" {
		b.flow(split, join)
	} else {
		b.flow(split, ri)
		b.flow(rout, join)
	}
	return join, split
}
