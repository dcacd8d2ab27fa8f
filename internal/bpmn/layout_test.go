package bpmn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rathaus/internal/mining"
)

// overlaps reports two node shapes that overlap (boundary events sit on
// their activity by design; pools contain their nodes).
func overlaps(m *Model) (a, b string, bad bool) {
	var shapes []*Shape
	for _, s := range m.Diagram.Shapes {
		e := m.Element(s.Element)
		if e != nil && e.Kind != "boundaryEvent" {
			shapes = append(shapes, s)
		}
	}
	for i, s := range shapes {
		for _, u := range shapes[i+1:] {
			p, q := s.Bounds, u.Bounds
			if p.X < q.X+q.W && q.X < p.X+p.W && p.Y < q.Y+q.H && q.Y < p.Y+p.H {
				return s.Element, u.Element, true
			}
		}
	}
	return "", "", false
}

func TestLayoutReferenceModels(t *testing.T) {
	out := os.Getenv("BPMN_SVG_DIR")
	for _, path := range append(refFiles(t, "miwg-reference/*.bpmn"), refFiles(t, "pm4py/*.bpmn")...) {
		m, _ := parseFile(t, path)
		m.Layout()
		name := filepath.Base(path)
		if a, b, bad := overlaps(m); bad {
			t.Errorf("%s: shapes of %s and %s overlap", name, a, b)
		}
		placed := 0
		for _, p := range m.Processes {
			for _, e := range p.Elements {
				if IsFlowNode(e.Kind) && m.Diagram.Shape(e.ID) == nil {
					t.Errorf("%s: %s %s has no shape", name, e.Kind, e.ID)
				}
				placed++
			}
			for _, f := range p.Flows {
				if src, tgt := m.Element(f.Source), m.Element(f.Target); src != nil && tgt != nil && !hasEdge(m, f.ID) &&
					m.Diagram.Shape(f.Source) != nil && m.Diagram.Shape(f.Target) != nil {
					t.Errorf("%s: flow %s has no edge", name, f.ID)
				}
			}
		}
		if m.Collaboration != nil {
			for _, f := range m.Collaboration.MessageFlows {
				if m.Diagram.Shape(f.Source) != nil && m.Diagram.Shape(f.Target) != nil && !hasEdge(m, f.ID) {
					t.Errorf("%s: message flow %s has no edge", name, f.ID)
				}
			}
		}
		svg := m.SVG(SVGOptions{})
		svgInfo(t, svg)
		if out != "" {
			os.WriteFile(filepath.Join(out, "layout-"+strings.TrimSuffix(name, ".bpmn")+".svg"), svg, 0o644)
		}
	}
}

func hasEdge(m *Model, id string) bool {
	for _, e := range m.Diagram.Edges {
		if e.Element == id && len(e.Waypoints) >= 2 {
			return true
		}
	}
	return false
}

func TestLayoutFromTreeIsLeftToRight(t *testing.T) {
	tree := op(mining.OpSeq, leaf("Antrag"), op(mining.OpXor, leaf("Prüfen"), op(mining.OpLoop, leaf("Nachfordern"), leaf(""))), leaf("Bescheid"))
	m := FromTree(tree, "Antrag")
	if a, b, bad := overlaps(m); bad {
		t.Errorf("shapes of %s and %s overlap", a, b)
	}
	x := func(name string) float64 {
		for _, e := range m.Tasks() {
			if e.Name == name {
				return m.Diagram.Shape(e.ID).Bounds.X
			}
		}
		t.Fatalf("no task %s", name)
		return 0
	}
	if !(x("Antrag") < x("Prüfen") && x("Prüfen") < x("Bescheid")) {
		t.Errorf("tasks not left to right: %v %v %v", x("Antrag"), x("Prüfen"), x("Bescheid"))
	}
	if out := os.Getenv("BPMN_SVG_DIR"); out != "" {
		os.WriteFile(filepath.Join(out, "fromtree.svg"), m.SVG(SVGOptions{Title: "Antrag",
			Highlight: map[string]string{m.Tasks()[1].ID: "deviation"}, Labels: map[string]string{m.Tasks()[0].ID: "42"}}), 0o644)
	}
}

func TestLayoutKeepsNodesInTheirLanes(t *testing.T) {
	for _, path := range refFiles(t, "miwg-reference/*.bpmn") {
		m, _ := parseFile(t, path)
		m.Layout()
		for _, p := range m.Processes {
			walkLanes(p.Lanes, func(l *Lane) {
				ls := m.Diagram.Shape(l.ID)
				if ls == nil {
					t.Errorf("%s: lane %s not drawn", filepath.Base(path), l.Name)
					return
				}
				for _, ref := range l.FlowNodeRefs {
					s, e := m.Diagram.Shape(ref), m.Element(ref)
					if s == nil || e == nil || !IsFlowNode(e.Kind) || e.Kind == "boundaryEvent" {
						continue
					}
					a, b := ls.Bounds, s.Bounds
					if b.X < a.X || b.Y < a.Y || b.X+b.W > a.X+a.W || b.Y+b.H > a.Y+a.H {
						t.Errorf("%s: %s lies outside its lane %s", filepath.Base(path), e.Name, l.Name)
					}
				}
			})
		}
	}
}
