// Package pdftest reads back what the pdf package writes, for tests that
// assert what a document says: the shown strings of every page, decoded
// from WinAnsiEncoding.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	streamHead = regexp.MustCompile(`<< /Length (\d+)( /Filter /FlateDecode)? >>\nstream\n`)
	showText   = regexp.MustCompile(`\(((?:[^()\\]|\\[0-7]{3}|\\.)*)\) Tj`)
)

// Lines returns the strings a PDF shows, in order, one per text operator;
// a document that is not a PDF fails the test.
func Lines(t testing.TB, b []byte) []string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(b, "\n"), []byte("%%EOF")) {
		t.Fatalf("not a PDF: %q", b[:min(len(b), 16)])
	}
	var lines []string
	for _, loc := range streamHead.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[loc[2]:loc[3]]))
		data := b[loc[1] : loc[1]+n]
		if loc[4] >= 0 {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(r); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range showText.FindAllSubmatch(data, -1) {
			lines = append(lines, Decode(Unescape(m[1])))
		}
	}
	return lines
}

// Text is the document's text on one line, words separated by single
// spaces, so that a phrase wrapped over two lines is found.
func Text(t testing.TB, b []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(strings.Join(Lines(t, b), " ")), " ")
}

// Unescape undoes a PDF string literal's escapes.
func Unescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			out = append(out, s[i])
			continue
		}
		if i+3 < len(s) && s[i+1] >= '0' && s[i+1] <= '3' {
			v, _ := strconv.ParseUint(string(s[i+1:i+4]), 8, 8)
			out = append(out, byte(v))
			i += 3
			continue
		}
		i++
		out = append(out, s[i])
	}
	return out
}

// winAnsiHigh are the characters of WinAnsiEncoding (code page 1252) in
// 0x80-0x9f; the other bytes are Latin-1.
var winAnsiHigh = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
	0x8A: 'Š', 0x8B: '‹', 0x8C: 'Œ', 0x8E: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
	0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9A: 'š', 0x9B: '›', 0x9C: 'œ', 0x9E: 'ž', 0x9F: 'Ÿ',
}

// Decode turns WinAnsi bytes into text.
func Decode(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if r, ok := winAnsiHigh[c]; ok {
			s.WriteRune(r)
		} else {
			s.WriteRune(rune(c))
		}
	}
	return s.String()
}
