package filestore

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Local keeps files in a directory, one file per key (slashes make
// subdirectories). Writes go to a temporary file in the target directory,
// which is synced and then renamed over the key, and the directory is
// synced: after a crash the key holds the old file or the new one, never
// a part.
type Local struct {
	Dir      string // the root directory; created when missing
	MaxBytes int64  // size limit per file; 0 means DefaultMaxBytes
}

var _ Store = (*Local)(nil)

func (l *Local) path(key string) (string, error) {
	if err := ValidKey(key); err != nil {
		return "", err
	}
	return filepath.Join(l.Dir, filepath.FromSlash(key)), nil
}

// Put implements Store.
func (l *Local) Put(ctx context.Context, key string, r io.Reader, _ Meta) (Info, error) {
	path, err := l.path(key)
	if err != nil {
		return Info{}, err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return Info{}, err
	}
	tmp, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return Info{}, err
	}
	info, err := l.write(ctx, tmp, r)
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return Info{}, err
	}
	info.Key = key
	return info, l.syncDirs(dir)
}

// write fills and syncs tmp, closing it in every case.
func (l *Local) write(ctx context.Context, tmp *os.File, r io.Reader) (Info, error) {
	info, err := copyChecked(ctx, tmp, r, limitOf(l.MaxBytes))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return info, err
}

// syncDirs syncs dir and its parents up to the root, so that the new file's
// name (and any directory just created for it) survives a crash.
func (l *Local) syncDirs(dir string) error {
	root := filepath.Clean(l.Dir)
	for {
		if err := syncDir(dir); err != nil {
			return err
		}
		if dir == root || len(dir) <= len(root) {
			return nil
		}
		dir = filepath.Dir(dir)
	}
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// Get implements Store. It reads the file once to report its hash.
func (l *Local) Get(_ context.Context, key string) (io.ReadCloser, Info, error) {
	f, info, err := l.open(key)
	if err != nil {
		return nil, Info{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, Info{}, err
	}
	return f, info, nil
}

// Stat implements Store. It reads the whole file to report its hash.
func (l *Local) Stat(_ context.Context, key string) (Info, error) {
	f, info, err := l.open(key)
	if err != nil {
		return Info{}, err
	}
	f.Close()
	return info, nil
}

func (l *Local) open(key string) (*os.File, Info, error) {
	path, err := l.path(key)
	if err != nil {
		return nil, Info{}, err
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Info{}, errNotFound()
	}
	if err != nil {
		return nil, Info{}, err
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, Info{}, errNotFound()
	}
	info, err := describe(key, f)
	if err != nil {
		f.Close()
		return nil, Info{}, err
	}
	return f, info, nil
}

// Delete implements Store.
func (l *Local) Delete(_ context.Context, key string) error {
	path, err := l.path(key)
	if err != nil {
		return err
	}
	err = os.Remove(path)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// tempPrefix starts the names of Local's temporary files; keys never
// start a segment with a dot, so these are never visible as files.
const tempPrefix = ".tmp-"

// PurgeTemp removes temporary files older than age that a crash left
// behind (a finished or failed Put removes its own), and reports how many
// it removed. Run it now and then, e.g. at start-up; age must exceed the
// longest upload.
func (l *Local) PurgeTemp(age time.Duration) (int, error) {
	cutoff := time.Now().Add(-age)
	n := 0
	err := filepath.WalkDir(l.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), tempPrefix) {
			return err
		}
		if st, err := d.Info(); err != nil || st.ModTime().After(cutoff) {
			return nil
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		n++
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return n, err
}
