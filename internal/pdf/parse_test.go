package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"rathaus/internal/pdf/pdftest"
	"regexp"
	"strconv"
	"testing"
)

// checkXref checks that startxref points at the xref table and every
// entry at the start of its object, and returns the number of objects.
func checkXref(t *testing.T, b []byte) int {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.7\n")) {
		t.Fatalf("no PDF 1.7 header: %q", b[:min(len(b), 20)])
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	start, _ := strconv.Atoi(string(m[1]))
	tail := b[start:]
	h := regexp.MustCompile(`^xref\n0 (\d+)\n0000000000 65535 f \n`).FindSubmatch(tail)
	if h == nil {
		t.Fatalf("startxref %d does not point at an xref table: %q", start, tail[:min(len(tail), 30)])
	}
	size, _ := strconv.Atoi(string(h[1]))
	entries := tail[len(h[0]):]
	for id := 1; id < size; id++ {
		e := entries[(id-1)*20 : id*20]
		if !regexp.MustCompile(`^\d{10} 00000 n \n$`).Match(e) {
			t.Fatalf("xref entry %d malformed: %q", id, e)
		}
		off, _ := strconv.Atoi(string(e[:10]))
		want := fmt.Sprintf("%d 0 obj\n", id)
		if !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q, want %q", id, b[off:off+len(want)], want)
		}
	}
	trailer := entries[(size-1)*20:]
	if !bytes.HasPrefix(trailer, []byte(fmt.Sprintf("trailer\n<< /Size %d /Root 1 0 R /Info ", size))) {
		t.Errorf("trailer does not follow the xref table: %q", trailer)
	}
	return size - 1
}

// pageCount returns /Count of the page tree.
func pageCount(t *testing.T, b []byte) int {
	t.Helper()
	m := regexp.MustCompile(`/Type /Pages /Kids \[[^\]]*\] /Count (\d+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no page tree")
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

var streamHead = regexp.MustCompile(`(\d+) 0 obj\n<< /Length (\d+)( /Filter /FlateDecode)? >>\nstream\n`)

// contents returns the decoded content streams in file order, which is
// page order.
func contents(t *testing.T, b []byte) []string {
	t.Helper()
	var out []string
	for _, loc := range streamHead.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[loc[4]:loc[5]]))
		data := b[loc[1] : loc[1]+n]
		if !bytes.HasPrefix(b[loc[1]+n:], []byte("\nendstream\nendobj\n")) {
			t.Fatalf("stream %s: /Length %d does not end at endstream", b[loc[2]:loc[3]], n)
		}
		if loc[6] >= 0 {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(r); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, string(data))
	}
	return out
}

// shown is one text line of a content stream.
type shown struct {
	font       font
	size, x, y float64
	text       []byte // WinAnsi bytes
}

var tj = regexp.MustCompile(`BT /F(\d) ([\d.]+) Tf ([\d.]+) ([\d.]+) Td \(((?:[^()\\]|\\[0-7]{3}|\\.)*)\) Tj ET`)

func texts(content string) []shown {
	var out []shown
	for _, m := range tj.FindAllStringSubmatch(content, -1) {
		s := shown{font: regular, text: pdftest.Unescape([]byte(m[5]))}
		if m[1] == "2" {
			s.font = bold
		}
		s.size, _ = strconv.ParseFloat(m[2], 64)
		s.x, _ = strconv.ParseFloat(m[3], 64)
		s.y, _ = strconv.ParseFloat(m[4], 64)
		out = append(out, s)
	}
	return out
}
