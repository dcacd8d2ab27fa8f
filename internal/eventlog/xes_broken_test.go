package eventlog

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// brokenXES breaks the schema in the ways real files do, and uses the XML
// features a reader must get right (BOM, CRLF, DOCTYPE, references, both
// quote styles, comments, CDATA).
var brokenXES = strings.ReplaceAll("\uFEFF"+`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE log [ <!ENTITY x "y"> ]>
<!-- exported by a tool that ignores the schema -->
<log>
  <string key="concept:name" value="broken"/>
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <event>
      <string key='concept:name' value='Check &amp; stamp &#x41;&#66;'/>
      <date key="time:timestamp" value="yesterday"/>
      <string key="case owner" value="Ms. Meier"/>
      <int key="pages" value="many"/>
      <foo><bar/></foo>
      <list key="docs"><values><string key="a" value="b"/></values></list>
      <![CDATA[ <not a tag> ]]>
    </event>
  </trace>
  <trace>
    <event><string key="concept:name" value="Archive"/><date key="time:timestamp" value="2024-05-01T10:00:00.5"/></event>
  </trace>
</log>
`, "\n", "\r\n")

// lineOf is the line of the first occurrence of s in doc.
func lineOf(t *testing.T, doc, s string) int {
	t.Helper()
	i := strings.Index(doc, s)
	if i < 0 {
		t.Fatalf("%q not in the document", s)
	}
	return strings.Count(doc[:i], "\n") + 1
}

func TestReadXESLenientWithBrokenFile(t *testing.T) {
	l, rep, err := ReadXES(strings.NewReader(brokenXES), XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Cases) != 2 || l.NumEvents() != 2 {
		t.Fatalf("%d cases, %d events; want 2, 2", len(l.Cases), l.NumEvents())
	}
	if l.Cases[0].ID != "c1" || l.Cases[1].ID == "" {
		t.Errorf("case IDs %q, %q", l.Cases[0].ID, l.Cases[1].ID)
	}
	if a := l.Activities[l.Act[0]]; a != "Check & stamp AB" {
		t.Errorf("activity %q: references not replaced", a)
	}
	if l.Time[0] != NoTime {
		t.Errorf("an unreadable timestamp gave %v", l.Time[0])
	}
	if want := time.Date(2024, 5, 1, 10, 0, 0, 5e8, time.UTC).UnixNano(); l.Time[1] != want {
		t.Errorf("time without offset: %v, want UTC %v", time.Unix(0, l.Time[1]).UTC(), time.Unix(0, want).UTC())
	}
	if col := l.EventAttr("case owner"); col == nil || l.Value(col.Val[0]) != "Ms. Meier" {
		t.Errorf("key with a space: %+v", col)
	}
	if col := l.EventAttr("pages"); col == nil || col.Type != TypeString || l.Value(col.Val[0]) != "many" {
		t.Errorf("invalid int: %+v, want it kept as a string", col)
	}
	if len(l.Attrs) != 1 || l.Attrs[0].Value != "broken" || l.Name != "broken" {
		t.Errorf("log attributes %+v, name %q", l.Attrs, l.Name)
	}
	warnings := strings.Join(rep.Warnings, "\n")
	for _, want := range []string{
		fmt.Sprintf("line %d: <log> has no xes.version", lineOf(t, brokenXES, "<log>")),
		fmt.Sprintf("line %d: <extension> is out of order", lineOf(t, brokenXES, "<extension")),
		fmt.Sprintf("line %d: the timestamp \"yesterday\"", lineOf(t, brokenXES, "yesterday")),
		fmt.Sprintf("line %d: unknown element <foo>", lineOf(t, brokenXES, "<foo>")),
		fmt.Sprintf("line %d: the trace has no concept:name", lineOf(t, brokenXES, "<trace>\r\n    <event>")),
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("no warning %q in\n%s", want, warnings)
		}
	}
}

func TestReadXESStrictRejectsBrokenFile(t *testing.T) {
	_, _, err := ReadXES(strings.NewReader(brokenXES), XESOptions{Strict: true})
	var se *SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("strict import gave %v, want a SchemaError", err)
	}
	problems := strings.Join(se.Problems, "\n")
	for _, want := range []string{
		fmt.Sprintf("line %d: <log> has no xes.version", lineOf(t, brokenXES, "<log>")),
		fmt.Sprintf("line %d: <extension> is out of order", lineOf(t, brokenXES, "<extension")),
		fmt.Sprintf("line %d: \"yesterday\" is not a valid date", lineOf(t, brokenXES, "yesterday")),
		fmt.Sprintf("line %d: key \"case owner\" is not an XML name", lineOf(t, brokenXES, "case owner")),
		fmt.Sprintf("line %d: \"many\" is not a valid int", lineOf(t, brokenXES, "many")),
		fmt.Sprintf("line %d: unknown element <foo>", lineOf(t, brokenXES, "<foo>")),
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("no problem %q in\n%s", want, problems)
		}
	}
}

func TestReadXESStrictRules(t *testing.T) {
	for name, body := range map[string]string{
		"other namespace":   `<log xes.version="1.0" xmlns="http://code.deckfour.org/xes"/>`,
		"bad version":       `<log xes.version="one"/>`,
		"unknown attribute": `<log xes.version="1.0" openxes.version="1"/>`,
		"no value":          `<log xes.version="1.0"><string key="a"/></log>`,
		"no key":            `<log xes.version="1.0"><string value="a"/></log>`,
		"bad boolean":       `<log xes.version="1.0"><boolean key="a" value="yes"/></log>`,
		"bad float":         `<log xes.version="1.0"><float key="a" value="1,5"/></log>`,
		"int overflow":      `<log xes.version="1.0"><int key="a" value="9223372036854775808"/></log>`,
		"container":         `<log xes.version="1.0"><trace><container key="c"/></trace></log>`,
		"extension no uri":  `<log xes.version="1.0"><extension name="Concept" prefix="concept"/></log>`,
		"classifier no key": `<log xes.version="1.0"><classifier name="A"/></log>`,
		"trace attr order":  `<log xes.version="1.0"><trace><event><string key="concept:name" value="a"/></event><string key="b" value="c"/></trace></log>`,
		"nested bad value":  `<log xes.version="1.0"><string key="a" value="b"><int key="n" value="x"/></string></log>`,
	} {
		_, _, err := ReadXES(strings.NewReader(body), XESOptions{Strict: true})
		var se *SchemaError
		if !errors.As(err, &se) || !strings.HasPrefix(se.Problems[0], "line 1: ") {
			t.Errorf("%s: strict import gave %v, want a schema problem on line 1", name, err)
		}
		if _, _, err := ReadXES(strings.NewReader(body), XESOptions{}); err != nil {
			t.Errorf("%s: lenient import failed: %v", name, err)
		}
	}
	ok := `<log xes.version="1849.2016" xmlns="http://www.xes-standard.org/"><extension name="Concept" prefix="concept" uri="u"/>` +
		`<global scope="event"><string key="concept:name" value="x"/></global><classifier name="A" keys="concept:name"/>` +
		`<int key="n" value="-5"/><trace><boolean key="b" value="1"/><event><float key="f" value="-1.5E3"/>` +
		`<list key="l"><values><id key="i" value="x"/></values></list><string key="concept:name" value="a"/></event></trace></log>`
	if _, _, err := ReadXES(strings.NewReader(ok), XESOptions{Strict: true}); err != nil {
		t.Errorf("a valid file was rejected: %v", err)
	}
}
