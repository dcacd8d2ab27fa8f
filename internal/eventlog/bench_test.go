package eventlog

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// benchFile writes a generated 100,000-event log once per benchmark.
func benchFile(b *testing.B) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "permits.xes")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := GenerateXES(f, SynthOptions{Events: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, fi.Size()
}

func BenchmarkReadXES(b *testing.B) {
	path, size := benchFile(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		l, _, err := ReadXESFile(path, XESOptions{})
		if err != nil || l.NumEvents() != 100_000 {
			b.Fatal(l.NumEvents(), err)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	path, size := benchFile(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s := NewScanner(f)
		for s.Next() {
		}
		f.Close()
		if s.Err() != nil {
			b.Fatal(s.Err())
		}
	}
}

func BenchmarkWriteXES(b *testing.B) {
	path, _ := benchFile(b)
	l, _, err := ReadXESFile(path, XESOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteXES(&buf, l); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
