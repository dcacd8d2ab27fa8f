package filestore_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
)

const crashDirEnv = "RATHAUS_FILESTORE_CRASH_DIR"

// TestLocalCrash kills a process in the middle of an upload (SIGKILL, no
// chance to clean up): the key keeps its old file, the half-written
// temporary file is invisible, and PurgeTemp removes it.
func TestLocalCrash(t *testing.T) {
	dir := t.TempDir()
	s := &filestore.Local{Dir: dir}
	ctx := context.Background()
	if _, err := s.Put(ctx, "cases/k", bytes.NewReader(pdf), filestore.Meta{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLocalCrashHelper$")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	marker := filepath.Join(dir, "written")
	for i := 0; ; i++ {
		if _, err := os.Stat(marker); err == nil {
			break
		}
		if i == 500 {
			t.Fatal("the helper process never got to write")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()

	for _, key := range []string{"cases/k", "cases/new"} {
		info, err := s.Stat(ctx, key)
		if key == "cases/k" && (err != nil || info.ContentType != "application/pdf") {
			t.Errorf("%s after the crash: %+v, %v", key, info, err)
		}
		if key == "cases/new" && !fault.Is(err, fault.NotFound) {
			t.Errorf("%s after the crash: %+v, %v", key, info, err)
		}
	}
	temps, _ := filepath.Glob(filepath.Join(dir, "cases", ".tmp-*"))
	for _, tmp := range temps {
		if st, err := os.Stat(tmp); err != nil || st.Size() != 256<<10 {
			t.Errorf("temporary file %s: %v, %v; want the 256 KiB written before the crash", tmp, st, err)
		}
	}
	if n, err := s.PurgeTemp(time.Hour); n != 0 || err != nil {
		t.Errorf("PurgeTemp(1h) removed %d, %v; the temporary file is younger", n, err)
	}
	if n, err := s.PurgeTemp(0); n != 2 || err != nil {
		t.Errorf("PurgeTemp(0) removed %d, %v; want the two interrupted uploads", n, err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "cases", "*"))
	if len(left) != 1 {
		t.Errorf("files left: %q", left)
	}
}

// TestLocalCrashHelper is the process TestLocalCrash kills: it uploads to
// two keys (one replacing a file, one new) and hangs in the middle of both.
func TestLocalCrashHelper(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("run by TestLocalCrash only")
	}
	s := &filestore.Local{Dir: dir}
	done := make(chan bool)
	for i, key := range []string{"cases/k", "cases/new"} {
		go func() {
			s.Put(context.Background(), key, &hangingReader{n: 256 << 10, hung: done}, filestore.Meta{})
		}()
		<-done
		if i == 1 {
			os.WriteFile(filepath.Join(dir, "written"), nil, 0o600)
		}
	}
	time.Sleep(time.Hour) // until killed
}

// hangingReader yields n bytes, then reports on hung and blocks forever.
type hangingReader struct {
	n    int
	hung chan bool
}

func (h *hangingReader) Read(p []byte) (int, error) {
	if h.n == 0 {
		h.hung <- true
		time.Sleep(time.Hour)
	}
	k := min(len(p), h.n)
	clear(p[:k])
	h.n -= k
	return k, nil
}
