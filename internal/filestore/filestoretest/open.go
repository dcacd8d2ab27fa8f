// Package filestoretest opens file stores for tests: a Local store in a
// temporary directory always, and an S3 store in a fresh bucket when
// RATHAUS_TEST_S3 holds a server's address
// (http://ACCESS:SECRET@127.0.0.1:PORT/anybucket, as scripts/test.sh sets
// it after starting versitygw). With RATHAUS_REQUIRE_S3=1 a test fails
// instead of skipping when that address is missing.
package filestoretest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"rathaus/internal/filestore"
)

// Opener opens an empty store with the given size limit (0: the default).
type Opener func(t testing.TB, maxBytes int64) filestore.Store

// Stores returns an opener per available backend, by name.
func Stores(t testing.TB) map[string]Opener {
	m := map[string]Opener{"local": OpenLocal}
	if S3URL(t) != "" {
		m["s3"] = OpenS3
	}
	return m
}

// S3URL returns the test server's address, or "" after skipping or
// failing as the environment demands.
func S3URL(t testing.TB) string {
	u := os.Getenv("RATHAUS_TEST_S3")
	if u == "" && os.Getenv("RATHAUS_REQUIRE_S3") == "1" {
		t.Fatal("RATHAUS_REQUIRE_S3=1 but RATHAUS_TEST_S3 is not set: S3 tests must run")
	}
	if u == "" {
		t.Log("S3 tests skipped: set RATHAUS_TEST_S3=http://ACCESS:SECRET@host:port/bucket to run them (scripts/test.sh starts versitygw and does)")
	}
	return u
}

// OpenLocal opens a Local store in a temporary directory.
func OpenLocal(t testing.TB, maxBytes int64) filestore.Store {
	return &filestore.Local{Dir: t.TempDir(), MaxBytes: maxBytes}
}

// OpenS3 opens an S3 store on a fresh bucket of the test server.
func OpenS3(t testing.TB, maxBytes int64) filestore.Store {
	t.Helper()
	url := S3URL(t)
	if url == "" {
		t.Skip("S3 not configured")
	}
	s, err := filestore.ParseS3URL(url)
	if err != nil {
		t.Fatalf("RATHAUS_TEST_S3: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	s.Bucket = "t-" + hex.EncodeToString(b)
	s.MaxBytes = maxBytes
	s.SpoolDir = t.TempDir()
	if err := s.CreateBucket(context.Background()); err != nil {
		t.Fatalf("create bucket %s: %v", s.Bucket, err)
	}
	return s
}
