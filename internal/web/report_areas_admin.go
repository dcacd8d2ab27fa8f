package web

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/geo"
	"rathaus/internal/report"
)

// ReportAreasSource gives the city's outline and districts in effect,
// read per request (e.g. *report.AreaSource: the latest imported
// boundaries, shared by every instance through the database).
type ReportAreasSource interface {
	ReportAreas() (geo.Area, geo.Areas)
}

// reportMapAreas are the outline and districts for the report pages: the
// source's when it has districts, else the fixed options.
func (s *Server) reportMapAreas() (geo.Area, geo.Areas) {
	if src := s.opts.ReportAreasSource; src != nil {
		if o, d := src.ReportAreas(); len(d) > 0 {
			return o, d
		}
	}
	return s.opts.ReportOutline, s.opts.ReportAreas
}

// reportDistricts are the districts in effect.
func (s *Server) reportDistricts() geo.Areas {
	_, d := s.reportMapAreas()
	return d
}

// germany is where an outline may lie: a box around Germany with a margin.
var germany = geo.BBox{MinLat: 47, MinLon: 5.5, MaxLat: 55.5, MaxLon: 15.5}

// maxAreaFile bounds each uploaded GeoJSON file.
const maxAreaFile = 10 << 20

func (s *Server) reportAreasRoutes() []route {
	return []route{
		{"GET /admin/gebiete", s.withBoundaries(s.handleAreasAdmin)},
		{"POST /admin/gebiete", s.withBoundaries(s.handleAreasImport)},
		{"POST /admin/gebiete/uebernehmen", s.withBoundaries(s.handleAreasTakeOver)},
	}
}

// withBoundaries lets platform admins in, and answers 404 when the server
// keeps no imported boundaries.
func (s *Server) withBoundaries(h handlerFunc) handlerFunc {
	return s.requireAdmin(func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.ReportBoundaries == nil {
			return errNotFound
		}
		return h(w, r)
	})
}

// areasAdminPage shows the boundaries in effect and the import form.
type areasAdminPage struct {
	Page
	Stored   *report.Boundaries
	Imported string
	Checked  bool   // the files were checked, not saved
	Token    string // under which the checked files wait to be taken over
	Count    int
	Map      geo.Map
	Files    []string
}

// handleAreasAdmin shows the imported boundaries with their map.
func (s *Server) handleAreasAdmin(w http.ResponseWriter, r *http.Request) error {
	return s.renderAreasAdmin(w, r, http.StatusOK, nil, nil, "")
}

// handleAreasImport checks the two files and saves them (or, with
// action=check, only shows their map); bad files change nothing.
func (s *Server) handleAreasImport(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	b := s.newBoundaries(currentUser(r))
	b.KeyProperty, b.NameProperty = propName(v.Get("key_property"), "key"), propName(v.Get("name_property"), "name")
	var fe []fault.FieldError
	b.Outline, fe = readAreaFile(r, "outline", fe)
	b.Districts, fe = readAreaFile(r, "districts", fe)
	for _, p := range []string{"key_property", "name_property"} {
		if len(v.Get(p)) > 100 {
			fe = append(fe, fault.FieldError{Field: p, Key: "geo_admin.error.property"})
		}
	}
	if len(fe) > 0 {
		return s.renderAreasAdmin(w, r, http.StatusUnprocessableEntity, fault.Fields(fe...), nil, "")
	}
	_, districts, err := report.ParseBoundaries(b, &germany)
	if err != nil {
		return s.renderAreasAdmin(w, r, http.StatusUnprocessableEntity, s.geoFieldError(r, err), nil, "")
	}
	b.DistrictCount = len(districts)
	if v.Get("action") == "check" {
		token := rand.Text()
		if err := s.opts.ReportBoundaries.SaveCheckedReportBoundaries(r.Context(), token, b); err != nil {
			return err
		}
		return s.renderAreasAdmin(w, r, http.StatusOK, nil, b, token)
	}
	if err := s.opts.ReportBoundaries.SaveReportBoundaries(r.Context(), b); err != nil {
		return err
	}
	return s.areasSaved(w, r, b)
}

// handleAreasTakeOver saves the files the admin checked before, without
// a second upload.
func (s *Server) handleAreasTakeOver(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	b := s.newBoundaries(currentUser(r))
	err = s.opts.ReportBoundaries.TakeCheckedReportBoundaries(r.Context(), v.Get("token"), b)
	if fault.Is(err, fault.NotFound) {
		return s.renderAreasAdmin(w, r, http.StatusConflict, fault.New(fault.Conflict, "geo_admin.error.checked_gone"), nil, "")
	}
	if err != nil {
		return err
	}
	return s.areasSaved(w, r, b)
}

// newBoundaries is an import by u now.
func (s *Server) newBoundaries(u *account.User) *report.Boundaries {
	b := &report.Boundaries{ImportedBy: &u.ID, ImportedByName: u.DisplayName, ImportedAt: s.opts.Now()}
	if b.ImportedByName == "" {
		b.ImportedByName = u.Email
	}
	return b
}

// areasSaved logs the import, has this instance read the new boundaries
// at once (the others do within seconds) and returns to the page.
func (s *Server) areasSaved(w http.ResponseWriter, r *http.Request, b *report.Boundaries) error {
	err := s.opts.Audit.CreateAuditEntry(r.Context(), &audit.Entry{At: s.now(), ActorID: b.ImportedBy, Action: auditBoundariesImported,
		Detail: fmt.Sprintf("version %d, %d districts", b.Version, b.DistrictCount), IP: s.clientIP(r)})
	if err != nil {
		return err
	}
	if rf, ok := s.opts.ReportAreasSource.(interface{ Refresh() }); ok {
		rf.Refresh()
	}
	return s.redirectFlash(w, r, "/admin/gebiete", "geo_admin.saved")
}

// auditBoundariesImported is the audit action of a boundary import.
const auditBoundariesImported = "report_boundaries.imported"

// propName is a trimmed property name, def when empty.
func propName(v, def string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return def
}

// readAreaFile reads the uploaded file of field, adding a field error
// when it is missing or too big.
func readAreaFile(r *http.Request, field string, fe []fault.FieldError) (string, []fault.FieldError) {
	f, h, err := r.FormFile(field)
	if err != nil || h.Size == 0 {
		return "", append(fe, fault.FieldError{Field: field, Key: "geo_admin.error.missing"})
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAreaFile+1))
	if err != nil || len(data) > maxAreaFile {
		return "", append(fe, fault.FieldError{Field: field, Key: "error.geo.too_big"})
	}
	return string(data), fe
}

// geoFieldError turns a geo.Error of the outline or districts file into
// a translated field error ("Fläche 3: …" for a feature's problem).
func (s *Server) geoFieldError(r *http.Request, err error) error {
	var fe *report.FileError
	if !errors.As(err, &fe) {
		return err
	}
	field, ge := fe.File, fe.Err
	msg := s.t(r, "error.geo."+ge.Code)
	if ge.Feature >= 0 {
		return fault.Fields(fault.FieldError{Field: field, Key: "geo_admin.error.feature", Args: []any{ge.Feature + 1, msg}})
	}
	return fault.Fields(fault.FieldError{Field: field, Key: "error.geo." + ge.Code})
}

// renderAreasAdmin shows the page; checked, when set, are checked files
// waiting under token, whose map is shown instead of the stored one.
func (s *Server) renderAreasAdmin(w http.ResponseWriter, r *http.Request, status int, formErr error,
	checked *report.Boundaries, token string) error {
	isCheck := token != ""
	p := areasAdminPage{Page: s.page(r, "geo_admin.title"), Checked: isCheck, Token: token, Files: []string{"outline", "districts"}}
	cur, err := s.opts.ReportBoundaries.FindReportBoundaries(r.Context())
	if err != nil && !fault.Is(err, fault.NotFound) {
		return err
	}
	p.Stored = cur
	if cur != nil {
		p.Imported = p.Date(cur.ImportedAt.In(s.opts.Location)) + " " + cur.ImportedAt.In(s.opts.Location).Format("15:04")
	}
	v := r.PostForm
	if v == nil || v.Get("key_property") == "" {
		v = map[string][]string{"key_property": {"key"}, "name_property": {"name"}}
		if cur != nil {
			v = map[string][]string{"key_property": {cur.KeyProperty}, "name_property": {cur.NameProperty}}
		}
	}
	p.Form = s.newForm(r, v)
	if formErr != nil {
		p.Form = s.formFor(r, v, formErr)
	}
	show := checked
	if show == nil {
		show = cur
	}
	if show != nil && formErr == nil {
		if o, d, err := report.ParseBoundaries(show, nil); err == nil {
			p.Count = len(d)
			title := "geo_admin.map.current"
			if isCheck {
				title = "geo_admin.map.checked"
			}
			p.Map = geo.RenderMap(geo.Areas{o}, d, nil, geo.MapOptions{ID: "areas-map", Title: s.t(r, title),
				Desc: s.t(r, "geo_admin.map.desc", len(d))})
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderStatus(w, r, status, "report_areas_admin", p)
}
