package filestore_test

import (
	"bytes"
	"context"
	"testing"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/filestore/filestoretest"
)

// TestS3WrongSecret: the server checks the signature, so a wrong secret
// stores nothing (and shows that the signing is really verified).
func TestS3WrongSecret(t *testing.T) {
	if filestoretest.S3URL(t) == "" {
		t.Skip("S3 not configured")
	}
	good := filestoretest.OpenS3(t, 0).(*filestore.S3)
	bad := *good
	bad.SecretKey += "x"
	ctx := context.Background()
	_, err := bad.Put(ctx, "k", bytes.NewReader(pdf), filestore.Meta{})
	if err == nil || fault.KindOf(err) != fault.Internal {
		t.Fatalf("got %v, want a storage error", err)
	}
	if _, err := good.Stat(ctx, "k"); !fault.Is(err, fault.NotFound) {
		t.Errorf("the refused upload exists: %v", err)
	}
}

func TestParseS3URL(t *testing.T) {
	s, err := filestore.ParseS3URL("https://AK:S%2FK@s3.example.org:9000/files?region=eu-central-1")
	if err != nil {
		t.Fatal(err)
	}
	want := filestore.S3{Endpoint: "https://s3.example.org:9000", Region: "eu-central-1", Bucket: "files", AccessKey: "AK", SecretKey: "S/K"}
	if *s != want {
		t.Errorf("got %+v, want %+v", *s, want)
	}
	for _, raw := range []string{"s3.example.org/files", "ftp://a:b@h/files", "http://a:b@h/", "http://a:b@h/x/y"} {
		if _, err := filestore.ParseS3URL(raw); err == nil {
			t.Errorf("%q: accepted", raw)
		}
	}
}

// TestS3BrokenUpload: the connection breaks halfway through a PutObject
// (the instance died): the store keeps nothing, because a PUT with a
// length and hash is all or nothing.
func TestS3BrokenUpload(t *testing.T) {
	if filestoretest.S3URL(t) == "" {
		t.Skip("S3 not configured")
	}
	s := filestoretest.OpenS3(t, 0).(*filestore.S3)
	ctx := context.Background()
	body := bytes.Repeat([]byte("x"), 1<<20)
	if err := s.PutBroken(ctx, "cases/half", &failingReader{n: 256 << 10}, int64(len(body)), sum(body)); err == nil {
		t.Fatal("the broken upload succeeded")
	}
	if _, err := s.Stat(ctx, "cases/half"); !fault.Is(err, fault.NotFound) {
		t.Errorf("a half upload exists: %v", err)
	}
}
