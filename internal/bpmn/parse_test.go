package bpmn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const dataDir = "../../../shared/data/bpmn"

// refFiles returns the reference models, skipping when the data is absent.
func refFiles(t *testing.T, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dataDir, pattern))
	if len(files) == 0 {
		t.Skipf("no BPMN reference data at %s/%s (the shared data set is not checked out)", dataDir, pattern)
	}
	return files
}

func parseFile(t *testing.T, path string) (*Model, *Report) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, rep, err := Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m, rep
}

// xmlCounts counts BPMN model elements by local name straight from the
// XML tokens, independently of Parse, and the shapes of the first diagram.
func xmlCounts(t *testing.T, path string) (map[string]int, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
	counts := map[string]int{}
	shapes, diagrams := 0, 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case se.Name.Local == "BPMNDiagram":
			diagrams++
		case se.Name.Local == "BPMNShape" && diagrams == 1:
			shapes++
		case se.Name.Space == NSModel:
			counts[se.Name.Local]++
		}
	}
	return counts, shapes
}

func sum(counts map[string]int, kinds []string) int {
	n := 0
	for _, k := range kinds {
		n += counts[k]
	}
	return n
}

func TestParseMIWGCounts(t *testing.T) {
	for _, path := range refFiles(t, "miwg-reference/*.bpmn") {
		m, _ := parseFile(t, path)
		want, _ := xmlCounts(t, path)
		got := map[string]int{}
		flows := 0
		var count func(els []*Element, fl []*Flow)
		count = func(els []*Element, fl []*Flow) {
			flows += len(fl)
			for _, e := range els {
				got[e.Kind]++
				count(e.Elements, e.Flows)
			}
		}
		for _, p := range m.Processes {
			count(p.Elements, p.Flows)
		}
		name := filepath.Base(path)
		for what, kinds := range map[string][]string{"tasks": taskKinds, "events": eventKinds, "gateways": gatewayKinds, "sub-processes": subProcessKinds} {
			if g, w := sum(got, kinds), sum(want, kinds); g != w {
				t.Errorf("%s: %d %s, the XML has %d", name, g, what, w)
			}
		}
		if flows != want["sequenceFlow"] {
			t.Errorf("%s: %d sequence flows, the XML has %d", name, flows, want["sequenceFlow"])
		}
		if g, w := len(m.Tasks()), sum(want, taskKinds); g != w {
			t.Errorf("%s: Tasks() gives %d, the XML has %d", name, g, w)
		}
	}
}

func TestParsePM4Py(t *testing.T) {
	for _, path := range refFiles(t, "pm4py/*.bpmn") {
		m, _ := parseFile(t, path)
		if len(m.Tasks()) == 0 {
			t.Errorf("%s: no tasks", filepath.Base(path))
		}
	}
}

func TestParseRejects(t *testing.T) {
	cases := map[string]string{
		"not xml":   "this is not xml",
		"not bpmn":  `<html><body/></html>`,
		"other ns":  `<definitions xmlns="urn:other"><process id="p"/></definitions>`,
		"no procss": `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>`,
		"too large": `<definitions>` + strings.Repeat(" ", MaxSize) + `</definitions>`,
		"too many":  `<definitions>` + strings.Repeat("<a/>", MaxElements) + `</definitions>`,
	}
	keys := map[string]string{"not xml": "bpmn.not_xml", "not bpmn": "bpmn.not_bpmn", "other ns": "bpmn.not_bpmn",
		"no procss": "bpmn.no_process", "too large": "bpmn.too_large", "too many": "bpmn.too_many_elements"}
	for name, in := range cases {
		_, _, err := Parse(strings.NewReader(in))
		var e *Error
		if !errors.As(err, &e) || e.Key != keys[name] {
			t.Errorf("%s: error %v, want key %s", name, err, keys[name])
		}
	}
}

func TestParseLenient(t *testing.T) {
	in := `<definitions><process id="p">
	<startEvent id="s"/><task id="t" name="Check"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
	<sequenceFlow id="f2" sourceRef="t" targetRef="gone"/><foo:bar xmlns:foo="urn:x" id="x"/>
	</process></definitions>`
	m, rep, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Processes[0].Elements) != 2 || m.Element("x") != nil {
		t.Errorf("elements %d, unknown element kept: %v", len(m.Processes[0].Elements), m.Element("x") != nil)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Key != "bpmn.dangling_ref" {
		t.Errorf("warnings %+v, want one dangling reference", rep.Warnings)
	}
}

func TestTasksInDiagramOrder(t *testing.T) {
	for _, path := range refFiles(t, "miwg-reference/A.*.bpmn") {
		m, _ := parseFile(t, path)
		prev := -1e9
		for _, task := range m.Tasks() {
			x := m.Diagram.Shape(task.ID).Bounds.X
			if x < prev {
				t.Errorf("%s: %s comes after a task further right", filepath.Base(path), task.Name)
			}
			prev = x
		}
	}
}

func TestGatewayMarkerVisibility(t *testing.T) {
	path := refFiles(t, "miwg-reference/B.1.0.bpmn")[0]
	m, _ := parseFile(t, path)
	raw, _ := os.ReadFile(path)
	hidden := 0
	for _, s := range m.Diagram.Shapes {
		if s.HideMarker {
			hidden++
		}
	}
	if want := bytes.Count(raw, []byte(`isMarkerVisible="false"`)); hidden != want || want == 0 {
		t.Errorf("%d gateway markers read as hidden, the file hides %d", hidden, want)
	}
}

func TestParseReportsOnlyRealProblems(t *testing.T) {
	for _, path := range refFiles(t, "miwg-reference/*.bpmn") {
		_, rep := parseFile(t, path)
		for _, w := range rep.Warnings {
			if w.Key != "bpmn.extra_diagram" {
				t.Errorf("%s: %v", filepath.Base(path), &w)
			}
		}
	}
	in := `<definitions><process id="p"><task id="t"/></process><BPMNDiagram><BPMNPlane>
	<BPMNShape id="s" bpmnElement="nowhere"><Bounds x="1" y="2" width="3" height="4"/></BPMNShape>
	</BPMNPlane></BPMNDiagram></definitions>`
	_, rep, err := Parse(strings.NewReader(in))
	if err != nil || len(rep.Warnings) != 1 || rep.Warnings[0].Key != "bpmn.dangling_ref" {
		t.Errorf("a shape of a missing element: %v %+v", err, rep)
	}
}

func TestTasksInFlowOrderWithoutDiagram(t *testing.T) {
	in := `<definitions><process id="p">
	<task id="c" name="Bescheid"/><task id="b" name="Prüfen"/><startEvent id="s"/><task id="a" name="Antrag"/>
	<sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
	<sequenceFlow id="f3" sourceRef="b" targetRef="c"/><task id="x" name="Notiz"/></process></definitions>`
	m, _, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range m.Tasks() {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, ","); got != "Notiz,Antrag,Prüfen,Bescheid" && got != "Antrag,Prüfen,Bescheid,Notiz" {
		t.Errorf("tasks in order %s", got)
	}
}
