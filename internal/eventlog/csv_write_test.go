package eventlog

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCSVRoundTrip(t *testing.T) {
	for _, name := range []string{"receipt.csv", "running-example.csv", "roadtraffic100traces.csv"} {
		t.Run(name, func(t *testing.T) {
			l1, _ := readSharedCSV(t, name)
			var c1 bytes.Buffer
			if err := WriteCSV(&c1, l1); err != nil {
				t.Fatal(err)
			}
			header, _, err := ReadCSVHeader(bytes.NewReader(c1.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			l2, report, err := ReadCSV(bytes.NewReader(c1.Bytes()), DetectCSVMapping(header))
			if err != nil || report.Skipped != 0 {
				t.Fatalf("reading the written CSV: %v, %+v", err, report)
			}
			sameLog(t, l1, l2)
			var c2 bytes.Buffer
			if err := WriteCSV(&c2, l2); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(c1.Bytes(), c2.Bytes()) {
				t.Error("writing the re-read log gives another file")
			}
		})
	}
}

func TestWriteCSVLayout(t *testing.T) {
	b := NewBuilder("t", 0)
	c := b.Case("A,1")
	b.CaseAttr(c, KV{Key: "Amt", Value: "Bauamt"})
	b.Event(c, "Prüfen", time.Date(2024, 2, 1, 9, 30, 0, 5e6, time.FixedZone("CET", 3600)).UnixNano(), "Maria")
	b.Attr(KV{Key: "Betrag", Type: TypeInt, Value: "12"})
	b.Event(c, "Ablegen", NoTime, "")
	var buf bytes.Buffer
	if err := WriteCSV(&buf, b.Log()); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffcase_id,activity,timestamp,resource,case:Amt,Betrag\n" +
		"\"A,1\",Prüfen,2024-02-01T08:30:00.005Z,Maria,Bauamt,12\n" +
		"\"A,1\",Ablegen,,,Bauamt,\n"
	if buf.String() != want {
		t.Errorf("WriteCSV =\n%s\nwant\n%s", buf.String(), want)
	}
}

// sameLog fails t unless a and b hold the same cases, events and
// attributes (compared by name and value, not by dictionary index).
func sameLog(t *testing.T, a, b *Log) {
	t.Helper()
	if len(a.Cases) != len(b.Cases) || a.NumEvents() != b.NumEvents() {
		t.Fatalf("%d cases, %d events; want %d, %d", len(b.Cases), b.NumEvents(), len(a.Cases), a.NumEvents())
	}
	for i, c := range a.Cases {
		if d := b.Cases[i]; d != c {
			t.Fatalf("case %d = %+v, want %+v", i, d, c)
		}
	}
	for e := range a.Act {
		if a.Activities[a.Act[e]] != b.Activities[b.Act[e]] || a.Time[e] != b.Time[e] ||
			a.Value(a.Resource[e]) != b.Value(b.Resource[e]) {
			t.Fatalf("event %d = %s %d %s, want %s %d %s", e, b.Activities[b.Act[e]], b.Time[e], b.Value(b.Resource[e]),
				a.Activities[a.Act[e]], a.Time[e], a.Value(a.Resource[e]))
		}
	}
	sameColumns(t, "event", a, b, a.EventAttrs, b.EventAttrs)
	sameColumns(t, "case", a, b, a.CaseAttrs, b.CaseAttrs)
}

// sameColumns compares attribute columns by key, in any order.
func sameColumns(t *testing.T, what string, a, b *Log, ca, cb []Column) {
	t.Helper()
	keys := func(cols []Column) string {
		var k []string
		for _, c := range cols {
			k = append(k, c.Key+":"+c.Type.XESTag())
		}
		slices.Sort(k)
		return strings.Join(k, ",")
	}
	if keys(ca) != keys(cb) {
		t.Fatalf("%s attributes %s, want %s", what, keys(cb), keys(ca))
	}
	for _, col := range ca {
		i := slices.IndexFunc(cb, func(c Column) bool { return c.Key == col.Key })
		for j, v := range col.Val {
			w := cb[i].Val[j]
			if a.Value(v) != b.Value(w) || (v < 0) != (w < 0) {
				t.Fatalf("%s attribute %s at %d = %q, want %q", what, col.Key, j, b.Value(w), a.Value(v))
			}
		}
	}
}
