package filestore

import (
	"context"
	"io"
	"net/http"
)

// PutBroken sends a PutObject for key that announces size bytes and the
// hash sha but whose body fails after what body yields, as when an
// instance dies during the upload.
func (s *S3) PutBroken(ctx context.Context, key string, body io.Reader, size int64, sha string) error {
	resp, err := s.do(ctx, http.MethodPut, s.objectPath(key), nil, io.NopCloser(body), size, sha)
	if err == nil {
		drain(resp)
	}
	return err
}
