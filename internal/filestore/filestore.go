// Package filestore keeps the files of cases (attachments, receipts,
// decisions) under keys chosen by the caller, such as
// "cases/2026/11/3f9c0a…". Local stores them in a directory (the default);
// S3 in an S3-compatible object store, for several instances sharing files.
//
// Both write atomically: a failed, oversized or interrupted upload leaves
// nothing under the key. Both compute the SHA-256 and sniff the content
// type while streaming, so Info describes the bytes, never what the client
// claimed. Sniff and CheckType check uploads by their content.
package filestore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"strings"

	"rathaus/internal/fault"
)

// DefaultMaxBytes is the size limit of a store whose MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// maxKeyLen bounds a key; S3 allows 1024 bytes.
const maxKeyLen = 512

// Meta is what the caller knows about a file it stores.
type Meta struct {
	ContentType string // as declared by the uploader; informational only
	Name        string // the original file name, for display only
}

// Info describes a stored file.
type Info struct {
	Key         string
	Size        int64
	SHA256      string // lower-case hex
	ContentType string // sniffed from the content
}

// Store keeps files under keys.
type Store interface {
	// Put stores everything r yields under key, replacing any file there.
	// Nothing is stored when r fails or yields more than the size limit.
	Put(ctx context.Context, key string, r io.Reader, meta Meta) (Info, error)
	// Get opens the file; the caller closes it. A missing key is fault.NotFound.
	Get(ctx context.Context, key string) (io.ReadCloser, Info, error)
	// Stat describes the file; a missing key is fault.NotFound.
	Stat(ctx context.Context, key string) (Info, error)
	// Delete removes the file; a missing key is not an error.
	Delete(ctx context.Context, key string) error
}

// Errors returned by every store, as fault kinds with translation keys.
func errNotFound() error { return fault.New(fault.NotFound, "error.files.not_found") }

func errTooLarge(max int64) error {
	return fault.New(fault.Invalid, "error.files.too_large", max/(1<<20)+boolInt(max%(1<<20) != 0))
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// ValidKey checks a key: 1 to 512 bytes of slash-separated segments of
// letters, digits, '-', '_' and '.', where no segment is empty or starts
// with a dot (so no "..", no hidden or temporary names) and the key neither
// starts nor ends with a slash. An invalid key is a fault.Invalid.
func ValidKey(key string) error {
	bad := fault.New(fault.Invalid, "error.files.key")
	if key == "" || len(key) > maxKeyLen {
		return bad
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == "" || seg[0] == '.' {
			return bad
		}
		for i := 0; i < len(seg); i++ {
			if !keyByte(seg[i]) {
				return bad
			}
		}
	}
	return nil
}

func keyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '_' || c == '.'
}

func limitOf(max int64) int64 {
	if max <= 0 {
		return DefaultMaxBytes
	}
	return max
}

// copyChecked copies r to w, at most max bytes, hashing and keeping the
// first bytes for sniffing. It fails with a too-large fault when r yields
// more than max bytes, and stops when ctx ends.
func copyChecked(ctx context.Context, w io.Writer, r io.Reader, max int64) (Info, error) {
	h := sha256.New()
	head := &headBuffer{}
	n, err := io.Copy(io.MultiWriter(w, h, head), io.LimitReader(ctxReader{ctx, r}, max+1))
	if err != nil {
		return Info{}, err
	}
	if n > max {
		return Info{}, errTooLarge(max)
	}
	return Info{Size: n, SHA256: hexSum(h), ContentType: Sniff(head.b)}, nil
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// headBuffer keeps the first sniffLen bytes written to it.
type headBuffer struct{ b []byte }

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := sniffLen - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// describe reads r to the end and reports its size, hash and type.
func describe(key string, r io.Reader) (Info, error) {
	info, err := copyChecked(context.Background(), io.Discard, r, 1<<62)
	info.Key = key
	return info, err
}
