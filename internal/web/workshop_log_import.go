package web

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/eventlog"
	"rathaus/internal/fault"
	"rathaus/internal/workshop"
)

// The import of an event log from a specialist system (XES, also
// gzipped; CSV with a column mapping; OCEL 2.0 as JSON or XML), and the
// deletion of an imported log. A file that cannot be read is refused
// with the reason and nothing is kept.

// workshopUploadBytes bounds the body of a log import. The server's
// general body limit is far smaller; bodyLimit must lift it for
// isWorkshopUpload paths.
const workshopUploadBytes = 512 << 20

// workshopAPIUpload is the API route that takes a log file (multipart).
const workshopAPIUpload = "/api/v1/workshop/sources"

// isWorkshopUpload reports whether a POST to path carries a log file: the
// import form and the API's import. The middleware's bodyLimit and, for
// the API, its content-type check must admit these paths.
func isWorkshopUpload(path string) bool {
	return path == workshopBase+"/import" || path == workshopAPIUpload
}

// workshopFormats are the choices of the format select ("" detects it).
var workshopFormats = []string{"", workshop.FormatXES, workshop.FormatCSV, workshop.FormatOCELJSON, workshop.FormatOCELXML}

// workshopImportPage is the data of workshop_import.html.
type workshopImportPage struct {
	workshopPage
	Formats []workshopOption
	Units   []workshopOption
	Strict  bool
	Max     string
}

func (s *Server) handleWorkshopImportForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderImport(w, r, http.StatusOK, url.Values{}, nil)
}

// renderImport shows the import form with values and the problems of err.
func (s *Server) renderImport(w http.ResponseWriter, r *http.Request, status int, v url.Values, err error) error {
	ws, serr := s.workshopService()
	if serr != nil {
		return serr
	}
	scope, serr := ws.Scope(r.Context(), workshopUser(r))
	if serr != nil {
		return serr
	}
	p := workshopImportPage{workshopPage: workshopPage{Page: s.page(r, "workshop_logs.import.title")},
		Strict: v.Get("strict") != "", Max: formatInt(langOf(r), workshopUploadBytes>>20)}
	if err != nil {
		p.Form = s.formFor(r, v, err)
	} else {
		p.Form = s.newForm(r, v)
	}
	for _, f := range workshopFormats {
		label := p.T("workshop_logs.import.format.auto")
		if f != "" {
			label = formatName(f)
		}
		p.Formats = append(p.Formats, workshopOption{f, label, v.Get("format") == f})
	}
	orgs, serr := s.opts.Orgs.Store.FindOrgs(r.Context())
	if serr != nil {
		return serr
	}
	for _, o := range orgs {
		if scope == nil || slices.Contains(scope, o.ID) {
			id := strconv.FormatInt(o.ID, 10)
			p.Units = append(p.Units, workshopOption{id, o.Name, v.Get("unit") == id})
		}
	}
	return s.renderStatus(w, r, status, "workshop_import", p)
}

func (s *Server) handleWorkshopImport(w http.ResponseWriter, r *http.Request) error {
	st, rep, v, err := s.workshopImport(w, r)
	if err != nil {
		if v != nil && fault.KindOf(err) == fault.Invalid {
			return s.renderImport(w, r, http.StatusBadRequest, v, err)
		}
		return err
	}
	key := "workshop_logs.flash.imported"
	if rep != nil && len(rep.Warnings) > 0 {
		key = "workshop_logs.flash.imported_warnings"
	}
	return s.redirectFlash(w, r, workshopSourcePath("log:"+strconv.FormatInt(st.ID, 10), ""), key)
}

// workshopImport reads an import form (page or API, multipart) under the
// workshop's upload limit and imports its file. v is the form when it
// could be read, for showing it again with the error.
func (s *Server) workshopImport(w http.ResponseWriter, r *http.Request) (*workshop.StoredLog, *eventlog.ImportReport, url.Values, error) {
	ws, err := s.workshopService()
	if err != nil {
		return nil, nil, nil, err
	}
	r.Body = http.MaxBytesReader(w, r.Body, workshopUploadBytes)
	v, err := s.parseForm(r)
	if err != nil {
		return nil, nil, nil, err
	}
	defer func() {
		if r.MultipartForm != nil {
			_ = r.MultipartForm.RemoveAll()
		}
	}()
	req, err := importRequest(v)
	if err != nil {
		return nil, nil, v, err
	}
	st, rep, err := s.importUpload(r, ws, req)
	return st, rep, v, err
}

// importUpload imports the form's file with req's settings.
func (s *Server) importUpload(r *http.Request, ws *workshop.Service, req workshop.ImportRequest) (*workshop.StoredLog, *eventlog.ImportReport, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["file"]) == 0 || r.MultipartForm.File["file"][0].Size == 0 {
		return nil, nil, fault.Fields(fault.FieldError{Field: "file", Key: "workshop_logs.import.error.file"})
	}
	fh := r.MultipartForm.File["file"][0]
	f, err := fh.Open()
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	req.FileName, req.File = fh.Filename, f
	if err := detectColumns(f, &req); err != nil {
		return nil, nil, err
	}
	return ws.Import(r.Context(), workshopUser(r), req)
}

// handleAPIWorkshopImport imports a log sent as multipart/form-data with
// the import form's fields (file, name, format, unit, the CSV columns,
// time_layout, object_type, strict).
func (s *Server) handleAPIWorkshopImport(w http.ResponseWriter, r *http.Request) error {
	st, rep, _, err := s.workshopImport(w, r)
	if err != nil {
		return err
	}
	out := apiWorkshopImported{Source: apiWorkshopSource{Key: "log:" + strconv.FormatInt(st.ID, 10), Kind: "imported",
		Name: st.Name, Format: st.Format, Cases: st.Cases, Events: st.Events, First: st.CreatedAt.UTC(), Last: st.CreatedAt.UTC()},
		Warnings: []string{}}
	if rep != nil {
		out.Skipped = rep.Skipped
		if rep.Warnings != nil {
			out.Warnings = rep.Warnings
		}
	}
	return s.writeJSON(w, http.StatusCreated, out)
}

// apiWorkshopImported is the answer to an import.
type apiWorkshopImported struct {
	Source   apiWorkshopSource `json:"source"`
	Warnings []string          `json:"warnings"`
	Skipped  int               `json:"skipped"`
}

// importRequest reads the form's settings (the file is added by the
// caller).
func importRequest(v url.Values) (workshop.ImportRequest, error) {
	req := workshop.ImportRequest{Name: v.Get("name"), Format: v.Get("format"), Settings: workshop.Settings{
		CaseColumn: strings.TrimSpace(v.Get("case_column")), ActivityColumn: strings.TrimSpace(v.Get("activity_column")),
		TimestampColumn: strings.TrimSpace(v.Get("timestamp_column")), ResourceColumn: strings.TrimSpace(v.Get("resource_column")),
		TimeLayout: strings.TrimSpace(v.Get("time_layout")), ObjectType: strings.TrimSpace(v.Get("object_type")),
		Strict: v.Get("strict") != ""}}
	if !slices.Contains(workshopFormats, req.Format) {
		return req, fault.Fields(fault.FieldError{Field: "format", Key: "error.workshop.format"})
	}
	if u := v.Get("unit"); u != "" {
		id, err := strconv.ParseInt(u, 10, 64)
		if err != nil {
			return req, fault.Fields(fault.FieldError{Field: "unit", Key: "error.workshop.forbidden"})
		}
		req.OrgID = &id
	}
	return req, nil
}

// detectColumns fills the CSV mapping's empty columns from the file's
// header (DetectCSVMapping) and rewinds the file.
func detectColumns(f io.ReadSeeker, req *workshop.ImportRequest) error {
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	format := req.Format
	if format == "" {
		format = workshop.DetectFormat(req.FileName, head[:n])
	}
	if format != workshop.FormatCSV {
		return nil
	}
	header, _, err := eventlog.ReadCSVHeader(f)
	if _, serr := f.Seek(0, io.SeekStart); serr != nil {
		return serr
	}
	if err != nil {
		return nil // the import reports what is wrong with the file
	}
	m, set := eventlog.DetectCSVMapping(header), &req.Settings
	for _, c := range []struct {
		into  *string
		found string
	}{
		{&set.CaseColumn, m.Case}, {&set.ActivityColumn, m.Activity},
		{&set.TimestampColumn, m.Timestamp}, {&set.ResourceColumn, m.Resource},
	} {
		if *c.into == "" {
			*c.into = c.found
		}
	}
	return nil
}
