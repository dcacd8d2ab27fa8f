package filestore_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"rathaus/internal/filestore"
)

// TestLocalLeavesNoTemporaryFiles: refused and broken uploads remove their
// temporary files, so the directory holds exactly the stored keys.
func TestLocalLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	s := &filestore.Local{Dir: dir, MaxBytes: 1000}
	ctx := context.Background()
	if _, err := s.Put(ctx, "cases/ok", bytes.NewReader(pdf), filestore.Meta{}); err != nil {
		t.Fatal(err)
	}
	s.Put(ctx, "cases/big", bytes.NewReader(make([]byte, 2000)), filestore.Meta{})
	s.Put(ctx, "cases/half", &failingReader{n: 500}, filestore.Meta{})
	var files []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if len(files) != 1 || files[0] != "cases/ok" {
		t.Errorf("files on disk: %q, want only cases/ok", files)
	}
	b, err := os.ReadFile(filepath.Join(dir, "cases", "ok"))
	if err != nil || !bytes.Equal(b, pdf) {
		t.Errorf("content: %q, %v", b, err)
	}
}
