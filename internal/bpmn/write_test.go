package bpmn

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

const schema = "../../../shared/data/schemas/bpmn20/BPMN20.xsd"

// xmllint validates file against the BPMN 2.0 schema.
func xmllint(t *testing.T, file string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("RATHAUS_REQUIRE_XMLLINT") != "" {
			t.Fatal("xmllint is required (RATHAUS_REQUIRE_XMLLINT is set) but not installed")
		}
		t.Skip("xmllint is not installed (Debian package libxml2-utils); skipping schema validation")
	}
	if _, err := os.Stat(schema); err != nil {
		t.Skipf("BPMN schema not found at %s", schema)
	}
	out, err := exec.Command(bin, "--noout", "--schema", schema, file).CombinedOutput()
	if err != nil {
		t.Errorf("%s does not validate: %v\n%s", file, err, out)
	}
}

func TestWriteValidatesAndRoundTrips(t *testing.T) {
	files := append(refFiles(t, "miwg-reference/*.bpmn"), refFiles(t, "pm4py/*.bpmn")...)
	dir := t.TempDir()
	for _, path := range files {
		m, _ := parseFile(t, path)
		var buf bytes.Buffer
		if err := m.WriteXML(&buf); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, filepath.Base(path))
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		xmllint(t, out)
		again, rep, err := Parse(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: re-import: %v", path, err)
		}
		if !reflect.DeepEqual(m, again) {
			t.Errorf("%s: re-import differs from the original model", filepath.Base(path))
			diffModels(t, m, again)
		}
		_ = rep
	}
}

// diffModels names the first differing processes, elements and shapes.
func diffModels(t *testing.T, a, b *Model) {
	t.Helper()
	for i := range min(len(a.Processes), len(b.Processes)) {
		pa, pb := a.Processes[i], b.Processes[i]
		if !reflect.DeepEqual(pa.Flows, pb.Flows) {
			t.Logf("process %s flows differ", pa.ID)
		}
		if !reflect.DeepEqual(pa.Lanes, pb.Lanes) {
			t.Logf("process %s lanes differ", pa.ID)
		}
		for j := range min(len(pa.Elements), len(pb.Elements)) {
			if !reflect.DeepEqual(pa.Elements[j], pb.Elements[j]) {
				t.Logf("element %+v\n   vs %+v", pa.Elements[j], pb.Elements[j])
				return
			}
		}
	}
	if !reflect.DeepEqual(a.Collaboration, b.Collaboration) {
		t.Logf("collaboration differs")
	}
	if !reflect.DeepEqual(a.Diagram, b.Diagram) {
		t.Logf("diagram differs")
	}
}

func TestPropsRoundTrip(t *testing.T) {
	m := &Model{ID: "m", Processes: []*Process{{ID: "p", Elements: []*Element{
		{ID: "t", Kind: "userTask", Name: "Antrag prüfen", Props: map[string]string{
			"digital.status": "paper-only", "note": `needs "wet" signature & <stamp>`}},
	}}}}
	var buf bytes.Buffer
	if err := m.WriteXML(&buf); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "props.bpmn")
	os.WriteFile(out, buf.Bytes(), 0o644)
	xmllint(t, out)
	again, _, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Element("t"); got == nil || !reflect.DeepEqual(got.Props, m.Processes[0].Elements[0].Props) {
		t.Errorf("props after round trip: %+v", got)
	}
}

func TestLaidOutExportValidates(t *testing.T) {
	dir := t.TempDir()
	for _, path := range refFiles(t, "miwg-reference/[ABC].[14].*.bpmn") {
		m, _ := parseFile(t, path)
		m.Layout()
		var buf bytes.Buffer
		if err := m.WriteXML(&buf); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, filepath.Base(path))
		os.WriteFile(out, buf.Bytes(), 0o644)
		xmllint(t, out)
		again, _, err := Parse(&buf)
		if err != nil || !reflect.DeepEqual(m.Diagram, again.Diagram) {
			t.Errorf("%s: the laid-out diagram does not survive export (%v)", filepath.Base(path), err)
		}
	}
}
