package eventlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const sharedSchemas = "../../../shared/data/schemas"

// cet is the zone the standard's XML example writes its times in (without
// saying so): its times are one hour ahead of the JSON example's UTC times.
var cet = time.FixedZone("CET", 3600)

func readExampleJSON(t *testing.T) *OCEL {
	t.Helper()
	o, err := ReadOCELJSON(openShared(t, "ocel/ocel20_example.jsonocel"))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func readExampleXML(t *testing.T) *OCEL {
	t.Helper()
	o, err := ReadOCELXMLIn(openShared(t, "ocel/ocel20_example.xmlocel"), cet)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// sameOCEL compares element by element (go-cmp alone takes seconds on a
// real log) and shows the first difference.
func sameOCEL(t *testing.T, want, got *OCEL) {
	t.Helper()
	opt := cmpopts.EquateEmpty()
	if d := cmp.Diff(want.ObjectTypes, got.ObjectTypes, opt); d != "" {
		t.Errorf("object types differ (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want.EventTypes, got.EventTypes, opt); d != "" {
		t.Errorf("event types differ (-want +got):\n%s", d)
	}
	if len(want.Objects) != len(got.Objects) || len(want.Events) != len(got.Events) {
		t.Fatalf("%d objects, %d events; want %d, %d", len(got.Objects), len(got.Events), len(want.Objects), len(want.Events))
	}
	for i, ob := range want.Objects {
		if !sameObject(ob, got.Objects[i]) {
			t.Fatalf("object %d differs (-want +got):\n%s", i, cmp.Diff(ob, got.Objects[i], opt))
		}
	}
	for i, ev := range want.Events {
		if !sameEvent(ev, got.Events[i]) {
			t.Fatalf("event %d differs (-want +got):\n%s", i, cmp.Diff(ev, got.Events[i], opt))
		}
	}
}

func sameObject(a, b Object) bool {
	return a.ID == b.ID && a.Type == b.Type && slices.Equal(a.Relationships, b.Relationships) &&
		slices.EqualFunc(a.Attributes, b.Attributes, func(x, y TimedValue) bool {
			return x.Name == y.Name && x.Value == y.Value && x.Time.Equal(y.Time)
		})
}

func sameEvent(a, b Event) bool {
	return a.ID == b.ID && a.Type == b.Type && a.Time.Equal(b.Time) &&
		slices.Equal(a.Attributes, b.Attributes) && slices.Equal(a.Relationships, b.Relationships)
}

func TestReadOCELExamplesAgree(t *testing.T) {
	j, x := readExampleJSON(t), readExampleXML(t)
	if len(j.Objects) == 0 || len(j.Events) == 0 || len(j.ObjectTypes) == 0 || len(j.EventTypes) == 0 {
		t.Fatalf("JSON example read as %d object types, %d event types, %d objects, %d events",
			len(j.ObjectTypes), len(j.EventTypes), len(j.Objects), len(j.Events))
	}
	sameOCEL(t, j, x)
	known := j.objectTypes()
	for _, ev := range j.Events {
		if ev.Time.IsZero() || len(ev.Relationships) == 0 || len(ev.Attributes) == 0 {
			t.Errorf("event %+v lacks time, relationships or attributes", ev)
		}
		for _, r := range ev.Relationships {
			if known[r.ObjectID] == "" || r.Qualifier == "" {
				t.Errorf("event %s relates to unknown object %q or without qualifier", ev.ID, r.ObjectID)
			}
		}
	}
	// Times without zone are read in the given location.
	utc, err := ReadOCELXML(openShared(t, "ocel/ocel20_example.xmlocel"))
	if err != nil {
		t.Fatal(err)
	}
	if d := utc.Events[0].Time.Sub(x.Events[0].Time); d != time.Hour {
		t.Errorf("UTC reading is %v after CET reading, want 1h", d)
	}
}

func TestOCELRoundTrips(t *testing.T) {
	j := readExampleJSON(t)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *OCEL) error
		read  func(*bytes.Buffer) (*OCEL, error)
	}{
		{"json", func(b *bytes.Buffer, o *OCEL) error { return WriteOCELJSON(b, o) }, func(b *bytes.Buffer) (*OCEL, error) { return ReadOCELJSON(b) }},
		{"xml", func(b *bytes.Buffer, o *OCEL) error { return WriteOCELXML(b, o) }, func(b *bytes.Buffer) (*OCEL, error) { return ReadOCELXML(b) }},
	} {
		for _, src := range []struct {
			name string
			o    *OCEL
		}{{"json example", j}, {"xml example", readExampleXML(t)}} {
			var buf bytes.Buffer
			if err := tc.write(&buf, src.o); err != nil {
				t.Fatal(err)
			}
			back, err := tc.read(&buf)
			if err != nil {
				t.Fatalf("%s → %s: %v", src.name, tc.name, err)
			}
			sameOCEL(t, src.o, back)
		}
	}
}

func TestWriteOCELValidates(t *testing.T) {
	l, _ := readSharedCSV(t, "receipt.csv")
	for name, o := range map[string]*OCEL{
		"json example": readExampleJSON(t),
		"xml example":  readExampleXML(t),
		"builder log":  FromLog(builderLog(), "Antrag"),
		"receipt.csv":  FromLog(l, "application"),
	} {
		t.Run(name, func(t *testing.T) {
			var js, xs bytes.Buffer
			if err := WriteOCELJSON(&js, o); err != nil {
				t.Fatal(err)
			}
			validateOCELJSON(t, js.Bytes())
			if err := WriteOCELXML(&xs, o); err != nil {
				t.Fatal(err)
			}
			validateOCELXML(t, xs.Bytes())
		})
	}
}

// TestValidationRejects shows that the schema checks can fail.
func TestValidationRejects(t *testing.T) {
	o := FromLog(builderLog(), "Antrag")
	o.Events[0].Type = "undeclared"
	var xs bytes.Buffer
	if err := WriteOCELXML(&xs, o); err != nil {
		t.Fatal(err)
	}
	if err := xmllint(t, xs.Bytes()); err == nil {
		t.Error("xmllint accepts an event of an undeclared type")
	}
	sch := ocelJSONSchema(t)
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"objectTypes":[],"eventTypes":[],"objects":[],"events":[{"id":"e1","type":"x"}]}`))
	if sch.Validate(inst) == nil {
		t.Error("the JSON schema accepts an event without time")
	}
}

func ocelJSONSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, _ := filepath.Abs(filepath.Join(sharedSchemas, "ocel2-schema.json"))
	if _, err := os.Stat(path); err != nil {
		t.Skipf("OCEL JSON schema not present: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateOCELJSON(t *testing.T, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := ocelJSONSchema(t).Validate(inst); err != nil {
		t.Errorf("OCEL JSON does not validate: %v", err)
	}
}

func validateOCELXML(t *testing.T, data []byte) {
	t.Helper()
	if err := xmllint(t, data); err != nil {
		t.Errorf("OCEL XML does not validate: %v", err)
	}
}

// xmllint validates data against the OCEL 2.0 XSD; it skips the test when
// xmllint is missing, unless RATHAUS_REQUIRE_XMLLINT is set.
func xmllint(t *testing.T, data []byte) error {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("RATHAUS_REQUIRE_XMLLINT") != "" {
			t.Fatal("xmllint is required (RATHAUS_REQUIRE_XMLLINT) but missing: install libxml2-utils")
		}
		t.Skip("xmllint missing (Debian: libxml2-utils); XML schema validation skipped")
	}
	xsd := filepath.Join(sharedSchemas, "ocel2-validation.xsd")
	if _, err := os.Stat(xsd); err != nil {
		t.Skipf("OCEL XSD not present: %v", err)
	}
	file := filepath.Join(t.TempDir(), "log.xmlocel")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--schema", xsd, file).CombinedOutput()
	if err != nil {
		return errors.New(firstLines(string(out), 5))
	}
	return nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func TestReadOCELErrors(t *testing.T) {
	for _, tc := range []struct {
		name, key string
		read      func() (*OCEL, error)
	}{
		{"OCEL 1.0 XML", KeyOCELVersion, func() (*OCEL, error) { return ReadOCELXML(openShared(t, "ocel/example_log.xmlocel")) }},
		{"bad time", KeyOCELTime, func() (*OCEL, error) {
			return ReadOCELJSON(strings.NewReader(`{"events":[{"id":"e1","type":"a","time":"gestern"}]}`))
		}},
		{"broken JSON", KeyOCELSyntax, func() (*OCEL, error) { return ReadOCELJSON(strings.NewReader(`{"events":[`)) }},
		{"broken XML", KeyOCELSyntax, func() (*OCEL, error) { return ReadOCELXML(strings.NewReader("<log>\n<events>\n</log>")) }},
		{"empty", KeyEmpty, func() (*OCEL, error) { return ReadOCELXML(strings.NewReader("")) }},
	} {
		_, err := tc.read()
		var ie *ImportError
		if !errors.As(err, &ie) || ie.Key != tc.key {
			t.Errorf("%s: error %v, want key %s", tc.name, err, tc.key)
		}
	}
}

func TestReadOCELLenient(t *testing.T) {
	text := `{"objectTypes":[{"name":"Akte","attributes":[{"name":"n","type":"integer"}]}],"eventTypes":[],
		"objects":[{"id":7,"type":"Akte","extra":true,"attributes":[{"name":"n","time":"2024-01-01T10:00:00","value":3}]}],
		"events":[{"id":"e1","type":"a","time":"2024-01-01 10:00:00.5+01:00","relationships":[{"objectId":7,"qualifier":"q"}]}]}`
	o, err := ReadOCELJSON(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if o.Objects[0].ID != "7" || o.Objects[0].Attributes[0].Value != "3" || o.Events[0].Relationships[0].ObjectID != "7" {
		t.Errorf("numbers not read as strings: %+v", o)
	}
	if want := time.Date(2024, 1, 1, 9, 0, 0, 5e8, time.UTC); !o.Events[0].Time.Equal(want) {
		t.Errorf("event time %v, want %v", o.Events[0].Time, want)
	}
}

func TestReadOCELv1JSON(t *testing.T) {
	o, err := ReadOCELJSON(openShared(t, "ocel/example_log.jsonocel"))
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Events map[string]struct {
			Activity string   `json:"ocel:activity"`
			OMap     []string `json:"ocel:omap"`
		} `json:"ocel:events"`
		Objects map[string]struct {
			Type string `json:"ocel:type"`
		} `json:"ocel:objects"`
	}
	if err := json.NewDecoder(openShared(t, "ocel/example_log.jsonocel")).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if len(o.Events) != len(raw.Events) || len(o.Objects) != len(raw.Objects) {
		t.Fatalf("%d events, %d objects; file has %d, %d", len(o.Events), len(o.Objects), len(raw.Events), len(raw.Objects))
	}
	for _, ev := range o.Events {
		want := raw.Events[ev.ID]
		var got []string
		for _, r := range ev.Relationships {
			got = append(got, r.ObjectID)
		}
		if ev.Type != want.Activity || !slices.Equal(got, want.OMap) || ev.Time.IsZero() {
			t.Errorf("event %s = %s %v at %v, file: %s %v", ev.ID, ev.Type, got, ev.Time, want.Activity, want.OMap)
		}
	}
	for _, ob := range o.Objects {
		if ob.Type != raw.Objects[ob.ID].Type {
			t.Errorf("object %s has type %q, file %q", ob.ID, ob.Type, raw.Objects[ob.ID].Type)
		}
	}
	// Converted to OCEL 2.0, the log is valid.
	var js, xs bytes.Buffer
	if err := WriteOCELJSON(&js, o); err != nil {
		t.Fatal(err)
	}
	validateOCELJSON(t, js.Bytes())
	if err := WriteOCELXML(&xs, o); err != nil {
		t.Fatal(err)
	}
	validateOCELXML(t, xs.Bytes())
}

func FuzzReadOCEL(f *testing.F) {
	f.Add(`<log><object-types><object-type name="a"><attributes/></object-type></object-types><objects><object id="o" type="a"><attributes><attribute name="n" time="0">1</attribute></attributes><objects><relationship object-id="o" qualifier="q"/></objects></object></objects><events><event id="e" type="t" time="2024-01-01T00:00:00"><attributes/><objects><object object-id="o"/></objects></event></events></log>`)
	f.Add(`{"objectTypes":[],"eventTypes":[],"objects":[{"id":"o","type":"a"}],"events":[{"id":"e","type":"t","time":"2024-01-01","relationships":[{"objectId":"o"}]}]}`)
	f.Add(`{"ocel:events":{"e1":{"ocel:activity":"a","ocel:timestamp":"1980-01-01T00:00:00","ocel:omap":["o"],"ocel:vmap":{"x":1}}},"ocel:objects":{"o":{"ocel:type":"t"}}}`)
	f.Fuzz(func(t *testing.T, text string) {
		for _, read := range []func(io.Reader) (*OCEL, error){ReadOCELJSON, ReadOCELXML} {
			o, err := read(strings.NewReader(text))
			var ie *ImportError
			if err != nil && !errors.As(err, &ie) {
				t.Fatalf("error %v is not an ImportError", err)
			}
			if err == nil {
				for _, typ := range o.ObjectTypes {
					o.Flatten(typ.Name)
				}
				var buf bytes.Buffer
				if err := WriteOCELJSON(&buf, o); err != nil {
					t.Fatal(err)
				}
				if _, err := ReadOCELJSON(&buf); err != nil {
					t.Fatalf("written OCEL does not read back: %v", err)
				}
			}
		}
	})
}
