package filestore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/filestore/filestoretest"
)

var pdf = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// each runs f against every available backend.
func each(t *testing.T, maxBytes int64, f func(t *testing.T, s filestore.Store)) {
	for name, open := range filestoretest.Stores(t) {
		t.Run(name, func(t *testing.T) { f(t, open(t, maxBytes)) })
	}
}

func TestRoundTrip(t *testing.T) {
	each(t, 0, func(t *testing.T, s filestore.Store) {
		ctx := context.Background()
		key := "cases/2026/11/a1b2c3"
		info, err := s.Put(ctx, key, bytes.NewReader(pdf), filestore.Meta{ContentType: "image/png", Name: "Antrag ä.pdf"})
		if err != nil {
			t.Fatal(err)
		}
		want := filestore.Info{Key: key, Size: int64(len(pdf)), SHA256: sum(pdf), ContentType: "application/pdf"}
		if info != want {
			t.Errorf("Put: got %+v, want %+v", info, want)
		}
		if got, err := s.Stat(ctx, key); err != nil || got != want {
			t.Errorf("Stat: got %+v, %v; want %+v", got, err, want)
		}
		rc, got, err := s.Get(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !bytes.Equal(body, pdf) || got != want {
			t.Errorf("Get: got %q, %+v, %v", body, got, err)
		}

		png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
		if _, err := s.Put(ctx, key, bytes.NewReader(png), filestore.Meta{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Stat(ctx, key); got.SHA256 != sum(png) || got.ContentType != "image/png" || got.Size != 108 {
			t.Errorf("after replacing: %+v", got)
		}

		if err := s.Delete(ctx, key); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Stat(ctx, key); !fault.Is(err, fault.NotFound) {
			t.Errorf("Stat after Delete: got %v, want not found", err)
		}
		if err := s.Delete(ctx, key); err != nil {
			t.Errorf("deleting a missing key: %v", err)
		}
	})
}

func TestEmptyFile(t *testing.T) {
	each(t, 0, func(t *testing.T, s filestore.Store) {
		info, err := s.Put(context.Background(), "empty", strings.NewReader(""), filestore.Meta{})
		if err != nil || info.Size != 0 || info.SHA256 != sum(nil) {
			t.Fatalf("got %+v, %v", info, err)
		}
		if got, err := s.Stat(context.Background(), "empty"); err != nil || got != info {
			t.Errorf("Stat: got %+v, %v; want %+v", got, err, info)
		}
	})
}

func TestMissing(t *testing.T) {
	each(t, 0, func(t *testing.T, s filestore.Store) {
		ctx := context.Background()
		if _, err := s.Stat(ctx, "cases/none"); !fault.Is(err, fault.NotFound) {
			t.Errorf("Stat: got %v, want not found", err)
		}
		if rc, _, err := s.Get(ctx, "cases/none"); !fault.Is(err, fault.NotFound) {
			t.Errorf("Get: got %v, want not found", err)
			if rc != nil {
				rc.Close()
			}
		}
	})
}

// TestSizeLimit: an upload of one byte more than the limit is refused and
// leaves nothing, not even the old file's replacement half-written.
func TestSizeLimit(t *testing.T) {
	each(t, 1000, func(t *testing.T, s filestore.Store) {
		ctx := context.Background()
		if _, err := s.Put(ctx, "exact", bytes.NewReader(make([]byte, 1000)), filestore.Meta{}); err != nil {
			t.Fatalf("a file of exactly the limit: %v", err)
		}
		_, err := s.Put(ctx, "big", bytes.NewReader(make([]byte, 1001)), filestore.Meta{})
		if f := fault.As(err); f.Kind != fault.Invalid || f.Key != "error.files.too_large" {
			t.Fatalf("got %v, want too large", err)
		}
		if _, err := s.Stat(ctx, "big"); !fault.Is(err, fault.NotFound) {
			t.Errorf("the refused file exists: %v", err)
		}
		// Replacing a file with one too large keeps the old one.
		if _, err := s.Put(ctx, "exact", bytes.NewReader(make([]byte, 5000)), filestore.Meta{}); err == nil {
			t.Fatal("the oversized replacement was accepted")
		}
		if info, err := s.Stat(ctx, "exact"); err != nil || info.Size != 1000 {
			t.Errorf("the old file: %+v, %v", info, err)
		}
	})
}

// failingReader yields n bytes and then fails, like a client that hangs
// up or a disk that fills up mid-upload.
type failingReader struct{ n int }

var errBroken = errors.New("connection reset")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errBroken
	}
	k := min(len(p), f.n)
	for i := range p[:k] {
		p[i] = 'x'
	}
	f.n -= k
	return k, nil
}

func TestFailingReader(t *testing.T) {
	each(t, 0, func(t *testing.T, s filestore.Store) {
		ctx := context.Background()
		_, err := s.Put(ctx, "cases/half", &failingReader{n: 300 << 10}, filestore.Meta{})
		if !errors.Is(err, errBroken) {
			t.Fatalf("got %v, want the reader's error", err)
		}
		if _, err := s.Stat(ctx, "cases/half"); !fault.Is(err, fault.NotFound) {
			t.Errorf("a half upload exists: %v", err)
		}
	})
}

func TestCancelled(t *testing.T) {
	each(t, 0, func(t *testing.T, s filestore.Store) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := s.Put(ctx, "c", bytes.NewReader(pdf), filestore.Meta{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want cancelled", err)
		}
		if _, err := s.Stat(context.Background(), "c"); !fault.Is(err, fault.NotFound) {
			t.Errorf("a cancelled upload exists: %v", err)
		}
	})
}

func TestBadKeys(t *testing.T) {
	bad := []string{"", "/abs", "a/../b", "..", "../x", "a//b", "a/", "a/./b", ".hidden", "a/.tmp-1",
		"a b", "a\\b", "ä", "a?b", "a%2f", "a\x00b", strings.Repeat("k", 513)}
	each(t, 0, func(t *testing.T, s filestore.Store) {
		ctx := context.Background()
		for _, key := range bad {
			_, err := s.Put(ctx, key, bytes.NewReader(pdf), filestore.Meta{})
			if f := fault.As(err); f.Kind != fault.Invalid || f.Key != "error.files.key" {
				t.Errorf("Put(%q): got %v, want invalid key", key, err)
			}
			if _, err := s.Stat(ctx, key); !fault.Is(err, fault.Invalid) {
				t.Errorf("Stat(%q): got %v", key, err)
			}
			if err := s.Delete(ctx, key); !fault.Is(err, fault.Invalid) {
				t.Errorf("Delete(%q): got %v", key, err)
			}
		}
	})
	for _, key := range []string{"cases/2026/11/Zx-9_a.b", "a", strings.Repeat("k", 512)} {
		if err := filestore.ValidKey(key); err != nil {
			t.Errorf("ValidKey(%q): %v", key, err)
		}
	}
}

func TestConcurrentPuts(t *testing.T) {
	each(t, 0, func(t *testing.T, s filestore.Store) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make([]error, 16)
		for i := range errs {
			wg.Go(func() {
				body := bytes.Repeat([]byte{byte('a' + i)}, 10_000+i)
				_, errs[i] = s.Put(ctx, fmt.Sprintf("cases/2026/11/f%02d", i), bytes.NewReader(body), filestore.Meta{})
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("put %d: %v", i, err)
			}
			body := bytes.Repeat([]byte{byte('a' + i)}, 10_000+i)
			if info, err := s.Stat(ctx, fmt.Sprintf("cases/2026/11/f%02d", i)); err != nil || info.SHA256 != sum(body) {
				t.Errorf("file %d: %+v, %v", i, info, err)
			}
		}
	})
}
