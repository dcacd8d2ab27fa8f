package bpmn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rathaus/internal/mining"
)

// svgInfo parses an SVG with encoding/xml and returns its drawn text (the
// content of text elements) and the element ids of its shape groups.
func svgInfo(t *testing.T, svg []byte) (text string, groups map[string]int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var sb strings.Builder
	groups = map[string]int{}
	inText := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.EndElement:
			if tk.Name.Local == "text" {
				inText--
			}
		case xml.StartElement:
			if tk.Name.Local == "text" {
				inText++
			}
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
			if inText == 0 {
				continue
			}
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
			words := strings.Fields(task.Name)
			if m.Diagram.Shape(task.ID) == nil || len(words) == 0 {
				continue
			}
			want := strings.Join(words, " ") // short names are drawn whole
			if len([]rune(want)) > 20 {
				want = words[0] // long ones may be cut after their first line
			}
			if !strings.Contains(text, want) {
				t.Errorf("%s: task name %q not drawn", name, want)
			}
		}
		if !bytes.Contains(svg, []byte(`role="img"`)) || !bytes.Contains(svg, []byte("<title>"+m.Name)) ||
			!bytes.Contains(svg, []byte("<desc>BPMN process diagram")) {
			t.Errorf("%s: no role=img, title or description", name)
		}
		if out != "" {
			os.WriteFile(filepath.Join(out, strings.TrimSuffix(name, ".bpmn")+".svg"), svg, 0o644)
		}
	}
}

func TestSVGEscapesAndMarks(t *testing.T) {
	tree := op(mining.OpSeq, leaf(`<script>alert("x")</script>`), leaf("Bescheid & Zustellung"))
	m := FromTree(tree, `Antrag "A" <b>`)
	tasks := m.Tasks()
	svg := m.SVG(SVGOptions{
		Highlight: map[string]string{tasks[1].ID: "deviation"},
		Labels:    map[string]string{tasks[0].ID: "17 cases"},
	})
	text, groups := svgInfo(t, svg) // fails on unescaped markup or a script element
	if !bytes.Contains(svg, []byte(`<title>Antrag &#34;A&#34; &lt;b&gt;</title>`)) {
		t.Errorf("the title is missing or not escaped")
	}
	for _, want := range []string{"Bescheid & Zustellung", "17 cases"} {
		if !strings.Contains(text, want) {
			t.Errorf("SVG text lacks %q: %s", want, text)
		}
	}
	if !bytes.Contains(svg, []byte(`class="bpmn-task bpmn-task deviation"`)) {
		t.Errorf("highlighted task lacks its class")
	}
	if groups[tasks[0].ID] != 1 || groups[tasks[1].ID] != 1 {
		t.Errorf("task groups: %v", groups)
	}
	if m.Diagram == nil {
		t.Fatal("FromTree leaves no diagram")
	}
	bare := &Model{Name: "no DI", Processes: m.Processes}
	if _, g := svgInfo(t, bare.SVG(SVGOptions{})); g[tasks[1].ID] != 1 || bare.Diagram != nil {
		t.Errorf("a model without a diagram is not drawn from a layout, or SVG changed the model")
	}
}

func TestFromTreeExportValidates(t *testing.T) {
	m := FromTree(op(mining.OpSeq, leaf("A"), op(mining.OpAnd, leaf("B"), op(mining.OpLoop, leaf("C"), leaf("D")))), "export")
	m.Processes[0].Elements[1].Props = map[string]string{"digital": "online form"}
	var buf bytes.Buffer
	if err := m.WriteXML(&buf); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "tree.bpmn")
	os.WriteFile(out, buf.Bytes(), 0o644)
	xmllint(t, out)
	again, rep, err := Parse(&buf)
	if err != nil || len(rep.Warnings) > 0 {
		t.Fatalf("re-import: %v %+v", err, rep)
	}
	if !reflect.DeepEqual(m, again) {
		t.Errorf("re-import differs")
		diffModels(t, m, again)
	}
}

func TestWrap(t *testing.T) {
	lines := wrap("Boundary Intermediate Event Non-Interrupting Conditional", 90, 0)
	for _, l := range lines {
		if float64(len([]rune(l)))*charWidth > 90+charWidth {
			t.Errorf("line %q is wider than 90px", l)
		}
	}
	if got := strings.Join(lines, "|"); !strings.Contains(got, "Non-|Interrupting") && !strings.Contains(got, "Non-Interrupting") {
		t.Errorf("hyphenated word broken elsewhere than at its hyphen: %s", got)
	}
	if got := wrap("eins zwei drei vier fünf sechs", 40, 2); len(got) != 2 || !strings.HasSuffix(got[1], "…") {
		t.Errorf("cut text %q lacks an ellipsis or has more than 2 lines", got)
	}
}

func TestSVGConditionalFlowMarkers(t *testing.T) {
	path := refFiles(t, "miwg-reference/A.2.1.bpmn")[0]
	m, _ := parseFile(t, path)
	counts, _ := xmlCounts(t, path)
	conditional, fromActivity := 0, 0
	for _, f := range m.Processes[0].Flows {
		if f.Conditional {
			conditional++
			if !IsGateway(m.Element(f.Source).Kind) {
				fromActivity++
			}
		}
	}
	if conditional != counts["conditionExpression"] {
		t.Errorf("%d conditional flows, the XML has %d condition expressions", conditional, counts["conditionExpression"])
	}
	if got := bytes.Count(m.SVG(SVGOptions{}), []byte(`class="bpmn-condition"`)); got != fromActivity || got == 0 {
		t.Errorf("%d condition markers drawn, want %d", got, fromActivity)
	}
}
