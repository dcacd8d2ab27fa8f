package workshop

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/org"
)

// Audit actions of the workshop: imported logs may hold personal data.
const (
	AuditLogImported = "workshop.log_imported"
	AuditLogDeleted  = "workshop.log_deleted"
	AuditLogExported = "workshop.log_exported"
)

// ImportRequest is an event log file to import.
type ImportRequest struct {
	Name     string // shown in lists; the file name when empty
	FileName string
	Format   string // "" detects it from the file name and content
	Settings Settings
	OrgID    *int64 // the unit the log belongs to; the first of the actor's units when nil
	File     io.Reader
}

// Import stores an event log file and reads it once, so that a file that
// cannot be read is refused at once with the reason (and nothing is
// kept). The file is kept gzip-compressed.
func (s *Service) Import(ctx context.Context, a org.Actor, req ImportRequest) (*StoredLog, *eventlog.ImportReport, error) {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	if req.OrgID == nil && scope != nil {
		req.OrgID = &scope[0]
	}
	if !inScope(scope, req.OrgID) {
		return nil, nil, fault.New(fault.Forbidden, "error.workshop.forbidden")
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		name = strings.TrimSpace(req.FileName)
	}
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return nil, nil, fault.Fields(fault.FieldError{Field: "name", Key: "error.workshop.name"})
	}
	br := bufio.NewReaderSize(req.File, 64<<10)
	if req.Format == "" {
		req.Format = DetectFormat(req.FileName, peek(br))
	}
	if req.Format == "" {
		return nil, nil, fault.Fields(fault.FieldError{Field: "format", Key: "error.workshop.format"})
	}
	key := "workshop/logs/" + rand.Text()
	info, err := s.Files.Put(ctx, key, gzipped(br), filestore.Meta{Name: req.FileName, ContentType: "application/gzip"})
	if err != nil {
		return nil, nil, err
	}
	l, rep, err := s.readStored(ctx, key, req.Format, req.Settings)
	if err != nil {
		_ = s.Files.Delete(ctx, key)
		return nil, nil, err
	}
	st := &StoredLog{Name: name, Format: req.Format, FileKey: key, Size: info.Size, Settings: req.Settings,
		Cases: len(l.Cases), Events: l.NumEvents(), Activities: len(l.Activities), Warnings: rep.Warnings,
		OrgID: req.OrgID, CreatedBy: &a.UserID, CreatedAt: s.now()}
	if err := s.Store.CreateStoredLog(ctx, st); err != nil {
		_ = s.Files.Delete(ctx, key)
		return nil, nil, err
	}
	return st, rep, s.record(ctx, a, AuditLogImported, "log "+strconv.FormatInt(st.ID, 10)+": "+name)
}

// DeleteLog removes an imported log and its file.
func (s *Service) DeleteLog(ctx context.Context, a org.Actor, id int64) error {
	scope, err := s.Scope(ctx, a)
	if err != nil {
		return err
	}
	st, err := s.Store.FindStoredLog(ctx, id)
	if err != nil {
		return err
	}
	if !inScope(scope, st.OrgID) {
		return fault.New(fault.NotFound, "error.workshop.source")
	}
	if err := s.Store.DeleteStoredLog(ctx, id); err != nil {
		return err
	}
	if err := s.Files.Delete(ctx, st.FileKey); err != nil {
		return err
	}
	return s.record(ctx, a, AuditLogDeleted, "log "+strconv.FormatInt(id, 10)+": "+st.Name)
}

func (s *Service) readStored(ctx context.Context, key, format string, set Settings) (*eventlog.Log, *eventlog.ImportReport, error) {
	f, _, err := s.Files.Get(ctx, key)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(zr, 64<<10)
	var r io.Reader = br
	if h := peek(br); len(h) >= 2 && h[0] == 0x1f && h[1] == 0x8b { // the upload itself was gzipped
		if r, err = gzip.NewReader(br); err != nil {
			return nil, nil, importError(err)
		}
	}
	l, rep, err := parse(r, format, set, s.Location)
	if err != nil {
		return nil, nil, importError(err)
	}
	return l, rep, nil
}

// importError makes a reader's error one the user can act on: the
// reader's translation key where it has one, else the line and what the
// XES reader found (its detail is English, the sentence around it not).
func importError(err error) error {
	var ie *eventlog.ImportError
	var se *eventlog.SyntaxError
	var sch *eventlog.SchemaError
	switch {
	case fault.KindOf(err) != fault.Internal:
		return err
	case errors.As(err, &ie):
		e := fault.Wrap(fault.Invalid, ie.Key, err)
		e.Args = ie.Args
		return e
	case errors.As(err, &se):
		e := fault.Wrap(fault.Invalid, "error.workshop.xes_syntax", err)
		e.Args = []any{se.Line, se.Msg}
		return e
	case errors.As(err, &sch):
		e := fault.Wrap(fault.Invalid, "error.workshop.xes_schema", err)
		e.Args = []any{strings.Join(sch.Problems, "; ")}
		return e
	}
	e := fault.Wrap(fault.Invalid, "error.workshop.unreadable", err)
	e.Args = []any{err.Error()}
	return e
}

// gzipped compresses r as it is read.
func gzipped(r io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		zw, _ := gzip.NewWriterLevel(pw, gzip.BestSpeed)
		_, err := io.Copy(zw, r)
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
		pw.CloseWithError(err)
	}()
	return pr
}

func peek(br *bufio.Reader) []byte {
	b, _ := br.Peek(4096)
	return b
}

// DetectFormat names the format of a file from its name and first bytes,
// "" when unknown.
func DetectFormat(name string, head []byte) string {
	ext := strings.ToLower(path.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	switch ext {
	case ".xes":
		return FormatXES
	case ".csv", ".tsv":
		return FormatCSV
	case ".jsonocel":
		return FormatOCELJSON
	case ".xmlocel":
		return FormatOCELXML
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return FormatXES // a gzipped file is most often a .xes.gz
	}
	text := strings.TrimLeft(strings.TrimPrefix(string(head), "\ufeff"), " \t\r\n")
	switch {
	case strings.HasPrefix(text, "{"):
		return FormatOCELJSON
	case strings.HasPrefix(text, "<"):
		if strings.Contains(text, "<ocel") || strings.Contains(text, ":ocel") {
			return FormatOCELXML
		}
		return FormatXES
	case text != "":
		return FormatCSV
	}
	return ""
}
