package web

import (
	"errors"
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

// isWorkshopUpload reports whether a POST to path carries a log file.
func isWorkshopUpload(path string) bool { return path == workshopBase+"/import" }

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
	ws, err := s.workshopService()
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, workshopUploadBytes)
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	defer func() {
		if r.MultipartForm != nil {
			_ = r.MultipartForm.RemoveAll()
		}
	}()
	req, err := importRequest(v)
	if err != nil {
		return s.renderImport(w, r, http.StatusBadRequest, v, err)
	}
	var fileErr error
	if r.MultipartForm != nil && len(r.MultipartForm.File["file"]) > 0 && r.MultipartForm.File["file"][0].Size > 0 {
		fh := r.MultipartForm.File["file"][0]
		f, ferr := fh.Open()
		if ferr != nil {
			return ferr
		}
		defer f.Close()
		req.FileName, req.File = fh.Filename, f
		if err := detectColumns(f, &req); err != nil {
			return err
		}
	} else {
		fileErr = fault.Fields(fault.FieldError{Field: "file", Key: "workshop_logs.import.error.file"})
	}
	if fileErr != nil {
		return s.renderImport(w, r, http.StatusBadRequest, v, fileErr)
	}
	st, rep, err := ws.Import(r.Context(), workshopUser(r), req)
	if err != nil {
		if fault.KindOf(err) == fault.Invalid {
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

// workshopDeletePage is the confirmation of a log's deletion.
type workshopDeletePage struct {
	workshopPage
	Name, Action, Back string
	Cases, Events      string
}

func (s *Server) handleWorkshopDeleteForm(w http.ResponseWriter, r *http.Request) error {
	_, src, err := s.workshopLog(r)
	if err != nil {
		return err
	}
	if src.Kind != "imported" {
		return errNotFound
	}
	p := workshopDeletePage{workshopPage: workshopPage{Page: s.page(r, "workshop_logs.delete.title")},
		Name: src.Name, Action: workshopSourcePath(src.Key, "loeschen"), Back: workshopSourcePath(src.Key, "")}
	p.Cases, p.Events = p.Num(src.Cases), p.Num(src.Events)
	return s.render(w, r, "workshop_log_delete", p)
}

func (s *Server) handleWorkshopDelete(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	if err := s.workshopDeleteLog(r); err != nil {
		return err
	}
	return s.redirectFlash(w, r, workshopBase, "workshop_logs.flash.deleted")
}

func (s *Server) handleAPIWorkshopDelete(w http.ResponseWriter, r *http.Request) error {
	if err := s.workshopDeleteLog(r); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// workshopDeleteLog deletes the imported log named in the path; a
// platform source cannot be deleted (404).
func (s *Server) workshopDeleteLog(r *http.Request) error {
	ws, err := s.workshopService()
	if err != nil {
		return err
	}
	_, _, id, err := workshop.ParseSourceKey(r.PathValue("key"))
	if err != nil {
		return err
	}
	if id == 0 {
		return fault.New(fault.NotFound, "error.workshop.source")
	}
	err = ws.DeleteLog(r.Context(), workshopUser(r), id)
	if errors.Is(err, errNotFound) || fault.KindOf(err) == fault.NotFound {
		return fault.New(fault.NotFound, "error.workshop.source")
	}
	return err
}
