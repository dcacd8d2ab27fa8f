package eventlog

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// benchCSV makes n rows shaped like a real export: 10 events per case,
// 20 activities, 50 resources, a unique event ID, an amount and a case
// attribute; times in pm4py's "2006-01-02 15:04:05.000000+01:00" form.
func benchCSV(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("case:concept:name,concept:name,time:timestamp,org:resource,concept:instance,amount,case:channel\n")
	t0 := time.Date(2024, 1, 1, 8, 0, 0, 0, time.FixedZone("", 3600))
	for i := range n {
		t := t0.Add(time.Duration(i) * 7 * time.Second)
		fmt.Fprintf(&buf, "case-%d,Activity %d,%s,Resource%d,task-%d,%d.5,%s\n",
			i/10, i%20, t.Format("2006-01-02 15:04:05.000000-07:00"), i%50, i, i%1000, []string{"Internet", "Post", "Schalter"}[i/10%3])
	}
	return buf.Bytes()
}

func BenchmarkReadCSV(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		data := benchCSV(n)
		m := DetectCSVMapping([]string{"case:concept:name", "concept:name", "time:timestamp", "org:resource"})
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				l, _, err := ReadCSV(bytes.NewReader(data), m)
				if err != nil || l.NumEvents() != n {
					b.Fatalf("%v, %d events", err, l.NumEvents())
				}
			}
		})
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	data := benchCSV(1_000_000)
	l, _, err := ReadCSV(bytes.NewReader(data), DetectCSVMapping([]string{"case:concept:name", "concept:name", "time:timestamp", "org:resource"}))
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := WriteCSV(&out, l); err != nil {
			b.Fatal(err)
		}
	}
}
