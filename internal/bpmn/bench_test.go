package bpmn

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"rathaus/internal/mining"
)

func BenchmarkParseSVG(b *testing.B) {
	data, err := os.ReadFile(dataDir + "/miwg-reference/C.8.0.bpmn")
	if err != nil {
		b.Skip("reference data absent")
	}
	for b.Loop() {
		m, _, err := Parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		m.SVG(SVGOptions{})
	}
}

// BenchmarkFromTreeLarge lays out a discovered model of 300 activities.
func BenchmarkFromTreeLarge(b *testing.B) {
	var blocks []*mining.Tree
	for i := range 100 {
		a := func(k int) *mining.Tree { return leaf("step " + strconv.Itoa(i*3+k)) }
		blocks = append(blocks, op(mining.OpXor, a(0), op(mining.OpAnd, a(1), op(mining.OpLoop, a(2), leaf("")))))
	}
	tree := op(mining.OpSeq, blocks...)
	for b.Loop() {
		m := FromTree(tree, "large")
		if _, err := m.Net(); err != nil {
			b.Fatal(err)
		}
		m.SVG(SVGOptions{})
	}
}
