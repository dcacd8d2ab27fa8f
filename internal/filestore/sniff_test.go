package filestore_test

import (
	"testing"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
)

var (
	pngBytes  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	jpegBytes = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
	htmlBytes = []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
)

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"pdf", pdf, "application/pdf"},
		{"png", pngBytes, "image/png"},
		{"jpeg", jpegBytes, "image/jpeg"},
		{"html", htmlBytes, "text/html"},
		{"html in upper case after blanks", []byte("\n  <HTML><p>hi"), "text/html"},
		{"text", []byte("Hallo Jena"), "text/plain"},
		{"windows program", []byte("MZ\x90\x00\x03\x00\x00\x00"), filestore.Executable},
		{"linux program", []byte("\x7fELF\x02\x01\x01"), filestore.Executable},
		{"script", []byte("#!/bin/sh\nrm -rf /\n"), filestore.Executable},
		{"empty", nil, "text/plain"},
		{"unknown", []byte{0, 1, 2, 3, 0xfe}, "application/octet-stream"},
	} {
		if got := filestore.Sniff(c.data); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCheckType(t *testing.T) {
	docs := []string{"application/pdf", "image/png", "image/jpeg"}
	for _, data := range [][]byte{pdf, pngBytes, jpegBytes} {
		if _, err := filestore.CheckType(data, docs); err != nil {
			t.Errorf("%q: %v", data[:4], err)
		}
	}
	if got, err := filestore.CheckType(jpegBytes, []string{"image/*"}); err != nil || got != "image/jpeg" {
		t.Errorf("image/*: %q, %v", got, err)
	}
	// An HTML page uploaded as "photo.png" with Content-Type image/png is
	// still HTML: the name and the declared type play no part.
	for name, data := range map[string][]byte{
		"html named .png": htmlBytes,
		"program":         []byte("MZ\x90\x00"),
		"unknown":         {0, 1, 2},
	} {
		_, err := filestore.CheckType(data, []string{"image/*", "application/pdf"})
		if f := fault.As(err); f.Kind != fault.Invalid || f.Key != "error.files.type" {
			t.Errorf("%s: got %v, want a type fault", name, err)
		}
	}
	if _, err := filestore.CheckType([]byte("#!/bin/sh"), []string{filestore.Executable, "text/plain"}); err == nil {
		t.Error("a script passed although executables are never allowed")
	}
}
