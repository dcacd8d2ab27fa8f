package bpmn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// svgInfo parses an SVG with encoding/xml and returns its text content and
// the element ids of its shape groups.
func svgInfo(t *testing.T, svg []byte) (text string, groups map[string]int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var sb strings.Builder
	groups = map[string]int{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Local == "script" || tk.Name.Local == "foreignObject" {
				t.Errorf("SVG contains <%s>", tk.Name.Local)
			}
			for _, a := range tk.Attr {
				if strings.HasPrefix(a.Name.Local, "on") || a.Name.Local == "href" {
					t.Errorf("SVG has attribute %s", a.Name.Local)
				}
				if tk.Name.Local == "g" && a.Name.Local == "data-element" {
					groups[a.Value]++
				}
			}
		case xml.CharData:
			sb.Write(tk)
			sb.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(sb.String()), " "), groups
}

func TestSVGReferenceModels(t *testing.T) {
	files := append(refFiles(t, "miwg-reference/*.bpmn"), refFiles(t, "pm4py/*.bpmn")...)
	out := os.Getenv("BPMN_SVG_DIR") // set to keep the drawings for a look
	for _, path := range files {
		m, _ := parseFile(t, path)
		svg := m.SVG(SVGOptions{})
		text, groups := svgInfo(t, svg)
		name := filepath.Base(path)
		_, shapes := xmlCounts(t, path)
		drawn := 0
		for _, s := range m.Diagram.Shapes {
			if groups[s.Element] > 0 {
				drawn++
			}
		}
		if drawn != shapes {
			t.Errorf("%s: %d of the diagram's %d shapes drawn", name, drawn, shapes)
		}
		for _, task := range m.Tasks() {
			for _, word := range strings.Fields(task.Name) {
				if m.Diagram.Shape(task.ID) != nil && !strings.Contains(text, word) {
					t.Errorf("%s: task name word %q missing from the SVG", name, word)
				}
			}
		}
		if !bytes.Contains(svg, []byte(`role="img"`)) || !strings.HasPrefix(text, m.Name) && m.Name != "" {
			t.Errorf("%s: no role=img or title", name)
		}
		if out != "" {
			os.WriteFile(filepath.Join(out, strings.TrimSuffix(name, ".bpmn")+".svg"), svg, 0o644)
		}
	}
}
