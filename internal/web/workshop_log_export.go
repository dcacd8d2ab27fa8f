package web

import (
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
)

// Exports of a source's log (filtered when the query holds a filter) as
// XES, OCEL 2.0 JSON or XML, or CSV: streamed as attachments, each noted
// in the audit log first.

// workshopExport is one export format.
type workshopExport struct {
	Ext, Format, ContentType string
	write                    func(io.Writer, *eventlog.Log) error
}

// workshopExports are the formats, in the order of the page's links.
var workshopExports = []workshopExport{
	{"xes", "xes", "application/xml", eventlog.WriteXES},
	{"jsonocel", "ocel-json", "application/json", func(w io.Writer, l *eventlog.Log) error {
		return eventlog.WriteOCELJSON(w, eventlog.FromLog(l, "case"))
	}},
	{"xmlocel", "ocel-xml", "application/xml", func(w io.Writer, l *eventlog.Log) error {
		return eventlog.WriteOCELXML(w, eventlog.FromLog(l, "case"))
	}},
	{"csv", "csv", "text/csv", eventlog.WriteCSV},
}

// workshopExportPage is the handler of one format's download link.
func (s *Server) workshopExportPage(ex workshopExport) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := s.workshopLoad(r)
		if err != nil {
			return err
		}
		if a.Err != nil {
			return a.Err
		}
		return s.streamExport(w, r, a, ex)
	}
}

// handleAPIWorkshopExport is the export in the API: ?format=xes, csv,
// ocel-json or ocel-xml, with the analyses' filter parameters.
func (s *Server) handleAPIWorkshopExport(w http.ResponseWriter, r *http.Request) error {
	format := r.URL.Query().Get("format")
	for _, ex := range workshopExports {
		if ex.Format == format {
			a, err := s.workshopLoadAPI(r)
			if err != nil {
				return err
			}
			return s.streamExport(w, r, a, ex)
		}
	}
	return fault.Fields(fault.FieldError{Field: "format", Key: "error.workshop.format"})
}

func (s *Server) streamExport(w http.ResponseWriter, r *http.Request, a *workshopAnalysis, ex workshopExport) error {
	if err := s.opts.Workshop.RecordExport(r.Context(), workshopUser(r), a.Src.Key, ex.Format); err != nil {
		return err
	}
	name := exportFileName(a.Src.Name, a.Src.Key) + "." + ex.Ext
	h := w.Header()
	h.Set("Content-Type", ex.ContentType+"; charset=utf-8")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if err := ex.write(w, a.Log); err != nil {
		// Headers are out: the client sees a cut-off file; the log line
		// carries the cause.
		state(r).err = err
	}
	return nil
}

// exportFileName is a safe file name from the log's name (or key).
func exportFileName(name, key string) string {
	if name == "" {
		name = key
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r == 'ä', r == 'Ä':
			b.WriteString("ae")
		case r == 'ö', r == 'Ö':
			b.WriteString("oe")
		case r == 'ü', r == 'Ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		default:
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteByte('-')
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "ereignisprotokoll"
	}
	if len(out) > 80 {
		out = out[:80]
	}
	return out
}
