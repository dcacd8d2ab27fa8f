package filestore_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"rathaus/internal/filestore"
)

// TestLocalDiskFull: when the disk fills up mid-write, the key keeps its
// old file and no part of the new one is left behind. The test lowers the
// process's file size limit (RLIMIT_FSIZE), which makes writes past it
// fail as a full disk would (EFBIG instead of ENOSPC; Go ignores SIGXFSZ).
func TestLocalDiskFull(t *testing.T) {
	dir := t.TempDir()
	s := &filestore.Local{Dir: dir}
	ctx := context.Background()
	if _, err := s.Put(ctx, "cases/k", bytes.NewReader(pdf), filestore.Meta{}); err != nil {
		t.Fatal(err)
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("no RLIMIT_FSIZE:", err)
	}
	limited := old
	limited.Cur = 64 << 10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limited); err != nil {
		t.Skip("cannot lower RLIMIT_FSIZE:", err)
	}
	_, err := s.Put(ctx, "cases/k", bytes.NewReader(make([]byte, 1<<20)), filestore.Meta{})
	_, err2 := s.Put(ctx, "cases/new", bytes.NewReader(make([]byte, 1<<20)), filestore.Meta{})
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(err, syscall.EFBIG) || !errors.Is(err2, syscall.EFBIG) {
		t.Fatalf("got %v and %v, want the write error", err, err2)
	}
	if info, err := s.Stat(ctx, "cases/k"); err != nil || info.ContentType != "application/pdf" || info.Size != int64(len(pdf)) {
		t.Errorf("the old file: %+v, %v", info, err)
	}
	if _, err := s.Stat(ctx, "cases/new"); err == nil {
		t.Error("the half-written new file exists")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "cases"))
	if len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}
}
