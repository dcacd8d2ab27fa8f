package filestore

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
)

// S3 keeps files in a bucket of an S3-compatible object store (AWS S3,
// MinIO, Ceph, versitygw, …), addressed path-style
// (endpoint/bucket/key) and signed with AWS Signature Version 4.
//
// Put first spools the upload to a temporary file, checking the size limit
// and computing the SHA-256, and then sends it in one PutObject with its
// length and hash; the store rejects a body that does not match, and a PUT
// is atomic, so no partial object is ever visible.
type S3 struct {
	Endpoint  string // e.g. "https://s3.eu-central-1.amazonaws.com" or "http://127.0.0.1:7070"
	Region    string // e.g. "eu-central-1"; "us-east-1" when empty
	Bucket    string
	AccessKey string
	SecretKey string
	MaxBytes  int64        // size limit per file; 0 means DefaultMaxBytes
	SpoolDir  string       // for temporary files; os.TempDir() when empty
	Client    *http.Client // http.DefaultClient when nil
}

var _ Store = (*S3)(nil)

// Metadata headers the store writes and reads back.
const (
	metaSHA256 = "X-Amz-Meta-Sha256"
	metaType   = "X-Amz-Meta-Sniffed-Type"
	metaName   = "X-Amz-Meta-Name"
)

// ParseS3URL reads a store from a URL of the form
// http(s)://ACCESS:SECRET@host:port/bucket?region=eu-central-1.
func ParseS3URL(raw string) (*S3, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	bucket := strings.Trim(u.Path, "/")
	secret, _ := u.User.Password()
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || bucket == "" || strings.Contains(bucket, "/") {
		return nil, fmt.Errorf("filestore: want http(s)://ACCESS:SECRET@host/bucket, got %q", u.Redacted())
	}
	return &S3{
		Endpoint:  u.Scheme + "://" + u.Host,
		Region:    u.Query().Get("region"),
		Bucket:    bucket,
		AccessKey: u.User.Username(),
		SecretKey: secret,
	}, nil
}

// Put implements Store.
func (s *S3) Put(ctx context.Context, key string, r io.Reader, meta Meta) (Info, error) {
	if err := ValidKey(key); err != nil {
		return Info{}, err
	}
	spool, err := os.CreateTemp(s.SpoolDir, "rathaus-upload-*")
	if err != nil {
		return Info{}, err
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	info, err := copyChecked(ctx, spool, r, limitOf(s.MaxBytes))
	if err != nil {
		return Info{}, err
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return Info{}, err
	}
	info.Key = key
	h := http.Header{}
	h.Set("Content-Type", info.ContentType)
	h.Set(metaSHA256, info.SHA256)
	h.Set(metaType, info.ContentType)
	if meta.Name != "" {
		h.Set(metaName, url.PathEscape(meta.Name))
	}
	resp, err := s.do(ctx, http.MethodPut, s.objectPath(key), h, io.NopCloser(spool), info.Size, info.SHA256)
	if err != nil {
		return Info{}, err
	}
	defer drain(resp)
	if resp.StatusCode != http.StatusOK {
		return Info{}, s3Error(resp)
	}
	return info, nil
}

// Get implements Store.
func (s *S3) Get(ctx context.Context, key string) (io.ReadCloser, Info, error) {
	resp, err := s.object(ctx, http.MethodGet, key)
	if err != nil {
		return nil, Info{}, err
	}
	return resp.Body, infoOf(key, resp), nil
}

// Stat implements Store.
func (s *S3) Stat(ctx context.Context, key string) (Info, error) {
	resp, err := s.object(ctx, http.MethodHead, key)
	if err != nil {
		return Info{}, err
	}
	drain(resp)
	return infoOf(key, resp), nil
}

// object sends a GET or HEAD for key and returns the successful response.
func (s *S3) object(ctx context.Context, method, key string) (*http.Response, error) {
	if err := ValidKey(key); err != nil {
		return nil, err
	}
	resp, err := s.do(ctx, method, s.objectPath(key), nil, nil, 0, emptySHA256)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return resp, nil
	case http.StatusNotFound:
		drain(resp)
		return nil, errNotFound()
	}
	defer drain(resp)
	return nil, s3Error(resp)
}

func infoOf(key string, resp *http.Response) Info {
	return Info{
		Key:         key,
		Size:        resp.ContentLength,
		SHA256:      resp.Header.Get(metaSHA256),
		ContentType: resp.Header.Get(metaType),
	}
}

// Delete implements Store.
func (s *S3) Delete(ctx context.Context, key string) error {
	if err := ValidKey(key); err != nil {
		return err
	}
	resp, err := s.do(ctx, http.MethodDelete, s.objectPath(key), nil, nil, 0, emptySHA256)
	if err != nil {
		return err
	}
	defer drain(resp)
	if resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusNotFound {
		return nil
	}
	return s3Error(resp)
}

// CreateBucket creates the bucket; one that this account already owns is
// fine. For setup and tests; rathaus expects the bucket to exist.
func (s *S3) CreateBucket(ctx context.Context) error {
	resp, err := s.do(ctx, http.MethodPut, "/"+s.Bucket, nil, nil, 0, emptySHA256)
	if err != nil {
		return err
	}
	defer drain(resp)
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	err = s3Error(resp)
	if strings.Contains(err.Error(), "BucketAlreadyOwnedByYou") {
		return nil
	}
	return err
}

func (s *S3) objectPath(key string) string { return "/" + s.Bucket + "/" + key }

// do signs and sends one request. path is unescaped; keys and bucket names
// hold only characters that need no escaping.
func (s *S3) do(ctx context.Context, method, path string, h http.Header, body io.ReadCloser, size int64, payloadSHA string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(s.Endpoint, "/")+path, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	switch {
	case body != nil && size > 0:
		req.Body = body
		req.ContentLength = size
	case body != nil:
		req.Body = http.NoBody // sends "Content-Length: 0", not chunked
	}
	s.sign(req, payloadSHA, time.Now())
	c := s.Client
	if c == nil {
		c = http.DefaultClient
	}
	return c.Do(req)
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

// s3Error reads the store's error response into an internal error.
func s3Error(resp *http.Response) error {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	return fault.Wrap(fault.Internal, "error.files.storage",
		fmt.Errorf("s3 %s %s: %s: %s", resp.Request.Method, resp.Request.URL.Path, strconv.Itoa(resp.StatusCode), strings.TrimSpace(string(b))))
}
