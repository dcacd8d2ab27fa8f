package eventlog

import (
	"bytes"
	"testing"
)

// benchOCEL is FromLog of 100,000 generated CSV rows (10,000 cases).
func benchOCEL(b *testing.B) *OCEL {
	b.Helper()
	l, _, err := ReadCSV(bytes.NewReader(benchCSV(100_000)), DetectCSVMapping([]string{"case:concept:name", "concept:name", "time:timestamp", "org:resource"}))
	if err != nil {
		b.Fatal(err)
	}
	return FromLog(l, "case")
}

func BenchmarkOCEL(b *testing.B) {
	o := benchOCEL(b)
	var js, xs bytes.Buffer
	if err := WriteOCELJSON(&js, o); err != nil {
		b.Fatal(err)
	}
	if err := WriteOCELXML(&xs, o); err != nil {
		b.Fatal(err)
	}
	b.Run("WriteJSON", func(b *testing.B) {
		for b.Loop() {
			var out bytes.Buffer
			WriteOCELJSON(&out, o)
		}
	})
	b.Run("WriteXML", func(b *testing.B) {
		for b.Loop() {
			var out bytes.Buffer
			WriteOCELXML(&out, o)
		}
	})
	b.Run("ReadJSON", func(b *testing.B) {
		b.SetBytes(int64(js.Len()))
		for b.Loop() {
			if _, err := ReadOCELJSON(bytes.NewReader(js.Bytes())); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ReadXML", func(b *testing.B) {
		b.SetBytes(int64(xs.Len()))
		for b.Loop() {
			if _, err := ReadOCELXML(bytes.NewReader(xs.Bytes())); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Flatten", func(b *testing.B) {
		for b.Loop() {
			o.Flatten("case")
		}
	})
	b.Run("FromLog", func(b *testing.B) {
		l := o.Flatten("case")
		for b.Loop() {
			FromLog(l, "case")
		}
	})
}
