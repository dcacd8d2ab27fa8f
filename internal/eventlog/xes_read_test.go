package eventlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// dataDir holds the shared real event logs (outside the repository).
const dataDir = "../../../shared/data/eventlogs"

func dataFile(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(dataDir, name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real event log %s is not available: %v", p, err)
	}
	return p
}

type xesReference struct {
	Cases          int            `json:"cases"`
	Events         int            `json:"events"`
	Activities     int            `json:"activities"`
	ActivityCounts map[string]int `json:"activity_counts"`
}

func TestReadXESMatchesReferences(t *testing.T) {
	for file, ref := range map[string]string{
		"08_receipt.xes.gz":         "receipt_reference.json",
		"running-example.xes":       "running-example_reference.json",
		"01_running-example.xes.gz": "running-example_reference.json",
		"roadtraffic100traces.xes":  "roadtraffic100traces_reference.json",
	} {
		t.Run(file, func(t *testing.T) {
			var want xesReference
			raw, err := os.ReadFile(dataFile(t, filepath.Join("reference", ref)))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			l, rep, err := ReadXESFile(dataFile(t, file), XESOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Cases) != want.Cases || l.NumEvents() != want.Events || len(l.Activities) != want.Activities {
				t.Errorf("cases/events/activities = %d/%d/%d, reference %d/%d/%d",
					len(l.Cases), l.NumEvents(), len(l.Activities), want.Cases, want.Events, want.Activities)
			}
			if rep.Cases != len(l.Cases) || rep.Events != l.NumEvents() {
				t.Errorf("report says %d cases, %d events", rep.Cases, rep.Events)
			}
			got := map[string]int{}
			for _, a := range l.Act {
				got[l.Activities[a]]++
			}
			for a, n := range want.ActivityCounts {
				if got[a] != n {
					t.Errorf("activity %q: %d events, reference %d", a, got[a], n)
				}
			}
		})
	}
}

// TestReadXESCountsTags checks a log without reference file against the
// number of trace and event tags in it.
func TestReadXESCountsTags(t *testing.T) {
	path := dataFile(t, "roadtraffic50traces.xes")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := ReadXES(bytes.NewReader(raw), XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(raw), "<trace>"); len(l.Cases) != n {
		t.Errorf("%d cases, the file has %d traces", len(l.Cases), n)
	}
	if n := strings.Count(string(raw), "<event>"); l.NumEvents() != n {
		t.Errorf("%d events, the file has %d", l.NumEvents(), n)
	}
}

func TestReadXESRunningExampleDetails(t *testing.T) {
	l, _, err := ReadXESFile(dataFile(t, "running-example.xes"), XESOptions{Name: "running"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "running" {
		t.Errorf("name %q, want the option's", l.Name)
	}
	c := l.Cases[0]
	if c.ID != "3" {
		t.Fatalf("first case %q, want 3", c.ID)
	}
	e := c.Start
	if a := l.Activities[l.Act[e]]; a != "register request" {
		t.Errorf("first activity %q", a)
	}
	if r := l.Value(l.Resource[e]); r != "Pete" {
		t.Errorf("first resource %q, want Pete", r)
	}
	want := time.Date(2010, 12, 30, 13, 32, 0, 0, time.UTC).UnixNano() // 14:32+01:00
	if l.Time[e] != want {
		t.Errorf("first time %v, want %v", time.Unix(0, l.Time[e]).UTC(), time.Unix(0, want).UTC())
	}
	costs := l.EventAttr("Costs")
	if costs == nil || costs.Type != TypeString || l.Value(costs.Val[e]) != "50" {
		t.Errorf("Costs column %+v, want string 50 for the first event", costs)
	}
	if l.EventAttr("concept:name") != nil || l.EventAttr("org:resource") != nil || l.EventAttr("time:timestamp") != nil {
		t.Error("activity, resource or time also became an event attribute")
	}
	if col := l.CaseAttr("creator"); col == nil || l.Value(col.Val[0]) != "Fluxicon Nitro" {
		t.Errorf("trace attribute creator = %+v", col)
	}
}

func TestReadXESNestedAndListAttributes(t *testing.T) {
	l, rep, err := ReadXESFile(dataFile(t, "xes_20.xes"), XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.NumEvents() != 0 || rep.Skipped != 1 {
		t.Errorf("%d events, %d skipped; the only event has no concept:name", l.NumEvents(), rep.Skipped)
	}
	for _, want := range []string{"no xes.version", "nested attributes are ignored", "list and container", "no activity", "no concept:name"} {
		if !strings.Contains(strings.Join(rep.Warnings, "\n"), want) {
			t.Errorf("no warning about %q in %q", want, rep.Warnings)
		}
	}
}

func TestReadXESGzipAndPlainAgree(t *testing.T) {
	plain, _, err := ReadXESFile(dataFile(t, "running-example.xes"), XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zipped, _, err := ReadXESFile(dataFile(t, "01_running-example.xes.gz"), XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := diffLogs(plain, zipped); d != "" {
		t.Error(d)
	}
}

func TestReadXESClassifier(t *testing.T) {
	doc := `<log xes.version="2.0"><trace><string key="concept:name" value="c1"/>
<event><string key="concept:name" value="A"/><string key="lifecycle:transition" value="start"/></event>
<event><string key="lifecycle:transition" value="complete"/><string key="concept:name" value="A"/></event>
<event><string key="concept:name" value="B"/></event>
</trace></log>`
	l, _, err := ReadXES(strings.NewReader(doc), XESOptions{Classifier: []string{"concept:name", "lifecycle:transition"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range l.Trace(0) {
		got = append(got, l.Activities[a])
	}
	if strings.Join(got, ",") != "A+start,A+complete,B+" {
		t.Errorf("activities %q", got)
	}
	if col := l.EventAttr("concept:name"); col == nil || l.Value(col.Val[2]) != "B" {
		t.Error("with a classifier, concept:name stays an event attribute")
	}
}

func TestReadXESRejectsOtherDocuments(t *testing.T) {
	for name, doc := range map[string]string{
		"not XES":       `<html><body/></html>`,
		"empty":         ``,
		"broken":        "<log xes.version=\"1\">\n<trace>\n</event>\n</log>",
		"unclosed root": "<log xes.version=\"1\">\n<trace>",
	} {
		_, _, err := ReadXES(strings.NewReader(doc), XESOptions{})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	_, _, err := ReadXES(strings.NewReader("<log>\n<trace>\n</event>\n</log>"), XESOptions{})
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("mismatched end tag: %v, want a syntax error on line 3", err)
	}
}
