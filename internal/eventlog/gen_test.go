package eventlog

import (
	"bytes"
	"strings"
	"testing"
)

func generate(t *testing.T, o SynthOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := GenerateXES(&buf, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGenerateXESIsDeterministic(t *testing.T) {
	a := generate(t, SynthOptions{Events: 2000, Seed: 42})
	b := generate(t, SynthOptions{Events: 2000, Seed: 42})
	c := generate(t, SynthOptions{Events: 2000, Seed: 43})
	if !bytes.Equal(a, b) {
		t.Error("the same seed gives different files")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds give the same file")
	}
}

func TestGenerateXESLooksLikeARealLog(t *testing.T) {
	const events = 20000
	doc := generate(t, SynthOptions{Events: events, Seed: 1})
	l, rep, err := ReadXES(bytes.NewReader(doc), XESOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if l.NumEvents() != events || len(rep.Warnings) > 0 {
		t.Fatalf("%d events (want %d), warnings %q", l.NumEvents(), events, rep.Warnings)
	}
	if per := float64(events) / float64(len(l.Cases)); per < 8 || per > 12 {
		t.Errorf("%.1f events per case, want 8 to 12", per)
	}
	if size := len(doc) / events; size < 250 || size > 300 {
		t.Errorf("%d bytes per event, want 250 to 300", size)
	}
	resources := map[int32]bool{}
	for _, r := range l.Resource {
		resources[r] = true
	}
	if len(resources) < 30 {
		t.Errorf("%d resources, want 30 or more", len(resources))
	}
	types := map[AttrType]bool{}
	for _, cols := range [][]Column{l.EventAttrs, l.CaseAttrs} {
		for _, c := range cols {
			types[c.Type] = true
		}
	}
	for _, typ := range []AttrType{TypeString, TypeInt, TypeFloat, TypeBool} {
		if !types[typ] {
			t.Errorf("no %s attribute", typ.XESTag())
		}
	}
	lifecycle := map[string]bool{}
	if col := l.EventAttr("lifecycle:transition"); col != nil {
		for _, v := range col.Val {
			lifecycle[l.Value(v)] = true
		}
	}
	if !lifecycle["start"] || !lifecycle["complete"] {
		t.Errorf("lifecycle transitions %v, want start and complete", lifecycle)
	}
	for _, s := range []string{"+01:00\"", "+02:00\""} {
		if !bytes.Contains(doc, []byte(s)) {
			t.Errorf("no timestamp with offset %s", s)
		}
	}
	checkBehaviour(t, l)
}

// checkBehaviour looks for the rework loop, both orders of the parallel
// consultations and both outcomes of the decision.
func checkBehaviour(t *testing.T, l *Log) {
	rework, fireFirst, envFirst := false, false, false
	outcomes := map[string]bool{}
	for i := range l.Cases {
		checks, order := 0, ""
		for _, a := range l.Trace(i) {
			name := l.Activities[a]
			switch {
			case name == "Check completeness":
				checks++
			case strings.HasPrefix(name, "Consult") && order == "":
				order = name
			case name == "Issue permit" || name == "Reject application":
				outcomes[name] = true
			}
		}
		rework = rework || checks > 1
		fireFirst = fireFirst || order == "Consult fire department"
		envFirst = envFirst || order == "Consult environment office"
	}
	if !rework || !fireFirst || !envFirst || len(outcomes) != 2 {
		t.Errorf("rework %v, fire first %v, environment first %v, outcomes %v", rework, fireFirst, envFirst, outcomes)
	}
}
