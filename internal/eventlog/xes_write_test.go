package eventlog

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const xesSchema = "../../../shared/data/schemas/xes-ieee-1849-2016.xsd"

// validateXES checks the file at path against the IEEE XES schema with
// xmllint.
func validateXES(t *testing.T, path string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("RATHAUS_REQUIRE_XMLLINT") != "" {
			t.Fatal("xmllint is missing (Debian package libxml2-utils) and RATHAUS_REQUIRE_XMLLINT is set")
		}
		t.Skip("xmllint is missing (install Debian's libxml2-utils)")
	}
	if _, err := os.Stat(xesSchema); err != nil {
		t.Skipf("XES schema not available: %v", err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", xesSchema, path).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint rejects %s: %v\n%s", path, err, out)
	}
}

func TestWriteXESRoundTripReceipt(t *testing.T) {
	l, _, err := ReadXESFile(dataFile(t, "08_receipt.xes.gz"), XESOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteXES(&buf, l); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "receipt.xes")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	validateXES(t, path)
	back, _, err := ReadXES(&buf, XESOptions{Strict: true})
	if err != nil {
		t.Fatalf("strict import of WriteXES output: %v", err)
	}
	if d := diffLogs(l, back); d != "" {
		t.Error(d)
	}
}

func TestWriteXESEscapesAndRepairs(t *testing.T) {
	b := NewBuilder("odd", 0)
	b.LogAttr(KV{Key: "concept:name", Value: "odd <log> & \"more\""})
	c := b.Case("case\t1")
	b.CaseAttr(c, KV{Key: "owner name", Value: "Ms. O'Neil\nRoom 3"})
	b.Event(c, "A & B <c>", time.Date(2024, 1, 2, 3, 4, 5, 123456000, time.UTC).UnixNano(), "clerk\x01")
	b.Attr(KV{Key: "count", Type: TypeInt, Value: "twelve"})
	b.Attr(KV{Key: "lifecycle:transition", Value: "complete"})
	b.Event(c, "B", NoTime, "")
	b.Attr(KV{Key: "count", Type: TypeInt, Value: "12"})
	l := b.Log()

	path := filepath.Join(t.TempDir(), "odd.xes")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteXES(f, l); err != nil {
		t.Fatal(err)
	}
	f.Close()
	validateXES(t, path)
	back, _, err := ReadXESFile(path, XESOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if back.Cases[0].ID != "case\t1" || back.Activities[back.Act[0]] != "A & B <c>" || back.Attrs[0].Value != l.Attrs[0].Value {
		t.Errorf("escaped values changed: %q %q %q", back.Cases[0].ID, back.Activities[back.Act[0]], back.Attrs[0].Value)
	}
	if r := back.Value(back.Resource[0]); r != "clerk\uFFFD" {
		t.Errorf("a control character became %q, want U+FFFD", r)
	}
	if col := back.CaseAttr("owner_name"); col == nil || back.Value(col.Val[0]) != "Ms. O'Neil\nRoom 3" {
		t.Errorf("case attribute with a space in its key: %+v", back.CaseAttrs)
	}
	if back.Time[0] != l.Time[0] || back.Time[1] != NoTime {
		t.Errorf("times %v, want %v", back.Time, l.Time)
	}
	count := back.EventAttr("count")
	if count == nil || back.Value(count.Val[0]) != "twelve" || back.Value(count.Val[1]) != "12" {
		t.Errorf("count column %+v", count)
	}
	if !strings.Contains(readString(t, path), `<extension name="Lifecycle"`) {
		t.Error("the lifecycle extension is not declared")
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// diffLogs describes the first differences between two logs' cases,
// traces, times, resources and attributes, "" when there are none.
func diffLogs(a, b *Log) string {
	var d []string
	add := func(format string, args ...any) {
		if len(d) < 10 {
			d = append(d, fmt.Sprintf(format, args...))
		}
	}
	if len(a.Cases) != len(b.Cases) || a.NumEvents() != b.NumEvents() {
		return fmt.Sprintf("%d/%d cases/events, then %d/%d", len(a.Cases), a.NumEvents(), len(b.Cases), b.NumEvents())
	}
	for i, c := range a.Cases {
		if c != b.Cases[i] {
			add("case %d: %+v, then %+v", i, c, b.Cases[i])
		}
	}
	for e := range a.Act {
		if a.Activities[a.Act[e]] != b.Activities[b.Act[e]] || a.Time[e] != b.Time[e] ||
			a.Value(a.Resource[e]) != b.Value(b.Resource[e]) {
			add("event %d: %s %d %s, then %s %d %s", e, a.Activities[a.Act[e]], a.Time[e], a.Value(a.Resource[e]),
				b.Activities[b.Act[e]], b.Time[e], b.Value(b.Resource[e]))
		}
	}
	diffColumns("event", a, b, a.EventAttrs, b.EventAttrs, add)
	diffColumns("case", a, b, a.CaseAttrs, b.CaseAttrs, add)
	if !slices.Equal(a.Attrs, b.Attrs) {
		add("log attributes %v, then %v", a.Attrs, b.Attrs)
	}
	return strings.Join(d, "\n")
}

func diffColumns(kind string, a, b *Log, ac, bc []Column, add func(string, ...any)) {
	if len(ac) != len(bc) {
		add("%d %s attribute columns, then %d", len(ac), kind, len(bc))
	}
	for _, col := range ac {
		other := slices.IndexFunc(bc, func(c Column) bool { return c.Key == col.Key })
		if other < 0 {
			add("%s attribute %s is lost", kind, col.Key)
			continue
		}
		oc := bc[other]
		if oc.Type != col.Type {
			add("%s attribute %s: type %s, then %s", kind, col.Key, col.Type.XESTag(), oc.Type.XESTag())
		}
		for i, v := range col.Val {
			if a.Value(v) != b.Value(oc.Val[i]) || (v < 0) != (oc.Val[i] < 0) {
				add("%s %d attribute %s: %q, then %q", kind, i, col.Key, a.Value(v), b.Value(oc.Val[i]))
			}
		}
	}
}
