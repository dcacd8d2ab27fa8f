package cases

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/org"
)

// Limits of uploads that no form question limits: message attachments.
const (
	DefaultMaxFileBytes = 10 << 20
	sniffBytes          = 512
)

// MessageFileTypes are the types a message attachment may have.
var MessageFileTypes = form.FileTypes

// Upload stores a file a citizen or worker uploads, after checking its
// type by its content (never by its name) and its size. It returns the
// reference a form answer or a message keeps. Nothing is stored when a
// check fails or the upload breaks off.
func (s *Service) Upload(ctx context.Context, name string, r io.Reader, allowed []string, maxBytes int64) (form.FileRef, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxFileBytes
	}
	if len(allowed) == 0 {
		allowed = MessageFileTypes
	}
	head := make([]byte, sniffBytes)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return form.FileRef{}, err
	}
	if n == 0 {
		return form.FileRef{}, fault.New(fault.Invalid, "error.cases.file_empty")
	}
	head = head[:n]
	typ, err := filestore.CheckType(head, allowed)
	if err != nil {
		return form.FileRef{}, err
	}
	key := "uploads/" + randomHex(16)
	body := &limited{r: io.MultiReader(bytes.NewReader(head), r), left: maxBytes}
	info, err := s.Files.Put(ctx, key, body, filestore.Meta{ContentType: typ, Name: cleanName(name)})
	if body.over {
		return form.FileRef{}, fault.New(fault.Invalid, "error.files.too_large", (maxBytes+(1<<20)-1)>>20)
	}
	if err != nil {
		return form.FileRef{}, err
	}
	if err := s.Store.AddUpload(ctx, key, s.now()); err != nil {
		_ = s.Files.Delete(ctx, key)
		return form.FileRef{}, err
	}
	return form.FileRef{ID: key, Name: cleanName(name), Type: typ, Size: info.Size}, nil
}

// limited fails a read once more than left bytes came through, so the
// file store keeps nothing.
type limited struct {
	r    io.Reader
	left int64
	over bool
}

var errOverLimit = errors.New("file over the size limit")

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		l.over = true
		return 0, errOverLimit
	}
	return n, err
}

// cleanName keeps a file name for display only: its base, valid UTF-8,
// no control characters, at most 120 characters.
func cleanName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.ToValidUTF8(name, "")
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	for utf8.RuneCountInString(name) > 120 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" || name == "." || name == "/" {
		return "datei"
	}
	return name
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// attachments turns the file answers of a validated application into
// case files, checking that each upload exists and is what it claims.
func (s *Service) attachments(ctx context.Context, f *form.Form, a form.Answers) ([]File, error) {
	var out []File
	for _, p := range f.Pages {
		for _, q := range p.Questions {
			if q.Type != form.TypeFile {
				continue
			}
			for _, ref := range a[q.ID].Files {
				if !strings.HasPrefix(ref.ID, "uploads/") {
					return nil, fault.Fields(fault.FieldError{Field: q.ID, Key: "error.cases.file_unknown"})
				}
				info, err := s.Files.Stat(ctx, ref.ID)
				if fault.Is(err, fault.NotFound) {
					return nil, fault.Fields(fault.FieldError{Field: q.ID, Key: "error.cases.file_unknown"})
				} else if err != nil {
					return nil, err
				}
				out = append(out, File{Kind: FileAttachment, Question: q.ID, Key: info.Key, Name: cleanName(ref.Name),
					ContentType: info.ContentType, Size: info.Size, SHA256: info.SHA256, CreatedAt: s.now()})
			}
		}
	}
	return out, nil
}

// MessageFile checks and stores a message attachment and returns it as a
// case file to hand to CitizenMessage or StaffMessage.
func (s *Service) MessageFile(ctx context.Context, name string, r io.Reader) (File, error) {
	ref, err := s.Upload(ctx, name, r, MessageFileTypes, DefaultMaxFileBytes)
	if err != nil {
		return File{}, err
	}
	info, err := s.Files.Stat(ctx, ref.ID)
	if err != nil {
		return File{}, err
	}
	return File{Kind: FileMessage, Key: ref.ID, Name: ref.Name, ContentType: info.ContentType, Size: info.Size,
		SHA256: info.SHA256, CreatedAt: s.now()}, nil
}

// CitizenFile opens a file of the applicant's case.
func (s *Service) CitizenFile(ctx context.Context, who Citizen, caseID, fileID int64) (io.ReadCloser, File, error) {
	c, err := s.citizenCase(ctx, who, caseID)
	if err != nil {
		return nil, File{}, err
	}
	return s.openFile(ctx, c.ID, fileID)
}

// StaffFile opens a file of a case a may work.
func (s *Service) StaffFile(ctx context.Context, a org.Actor, caseID, fileID int64) (io.ReadCloser, File, error) {
	c, err := s.staffCase(ctx, a, caseID)
	if err != nil {
		return nil, File{}, err
	}
	return s.openFile(ctx, c.ID, fileID)
}

func (s *Service) openFile(ctx context.Context, caseID, fileID int64) (io.ReadCloser, File, error) {
	files, err := s.Store.CaseFiles(ctx, caseID)
	if err != nil {
		return nil, File{}, err
	}
	for _, f := range files {
		if f.ID == fileID {
			rc, _, err := s.Files.Get(ctx, f.Key)
			return rc, f, err
		}
	}
	return nil, File{}, fault.New(fault.NotFound, "error.not_found")
}

// UploadedFile opens an upload not yet part of a case (for the "check
// your answers" page of the one who uploaded it, who holds its key).
func (s *Service) UploadedFile(ctx context.Context, key string) (io.ReadCloser, filestore.Info, error) {
	if !strings.HasPrefix(key, "uploads/") {
		return nil, filestore.Info{}, fault.New(fault.NotFound, "error.not_found")
	}
	return s.Files.Get(ctx, key)
}
