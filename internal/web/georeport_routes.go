package web

import (
	"bytes"
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/open311"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// geoReportBase is where the Open311 GeoReport v2 API lives.
const geoReportBase = "/georeport/v2/"

// geoReportRoutes are the Open311 GeoReport v2 API (georeport_*.go) and
// the admin page for its client keys. Every document comes as .xml or
// .json by its suffix; errors are the standard's list with 400/403/404
// (429 when a key's hourly limit is used up).
func (s *Server) geoReportRoutes() []route {
	return []route{
		{"GET " + geoReportBase + "{doc}", s.handleGeoReportDoc},
		{"POST " + geoReportBase + "{doc}", s.handleGeoReportPost},
		{"GET " + geoReportBase + "services/{code}", s.handleGeoReportService},
		{"GET " + geoReportBase + "requests/{id}", s.handleGeoReportRequest},
		{"GET " + geoReportBase + "tokens/{token}", s.handleGeoReportToken},
		{"OPTIONS " + geoReportBase + "{doc}", s.handleGeoReportPreflight}, // CORS preflights (georeport_cors.go)
		{"OPTIONS " + geoReportBase + "services/{code}", s.handleGeoReportPreflight},
		{"OPTIONS " + geoReportBase + "requests/{id}", s.handleGeoReportPreflight},
		{"OPTIONS " + geoReportBase + "tokens/{token}", s.handleGeoReportPreflight},
		{"GET /admin/open311", s.requireAdmin(s.handleGeoReportAdmin)},
		{"POST /admin/open311", s.requireAdmin(s.handleGeoReportAdminIssue)},
		{"POST /admin/open311/{id}/revoke", s.requireAdmin(s.handleGeoReportAdminRevoke)},
	}
}

// geoReportCall is one API call: its format, the language of service
// names and the organisation (jurisdiction) whose categories and reports
// it serves.
type geoReportCall struct {
	format open311.Format
	lang   string
	orgID  int64
	tree   *report.Tree
}

// geoReportBegin splits the format off name, checks that the API is on
// and jurisdiction_id, and finds the organisation.
func (s *Server) geoReportBegin(r *http.Request, name string) (string, *geoReportCall, error) {
	base, f, err := open311.SplitFormat(name)
	c := &geoReportCall{format: f, lang: geoReportLang(r)}
	if err != nil {
		return base, c, err
	}
	if s.opts.Reports == nil {
		return base, c, open311.NotFound("this server takes no service requests")
	}
	if j := strings.TrimSpace(r.FormValue("jurisdiction_id")); j != "" && !strings.EqualFold(j, s.geoReportJurisdiction()) {
		return base, c, open311.ErrJurisdictionNotFound(j)
	}
	c.orgID, c.tree, err = s.reportOrg(r.Context())
	return base, c, err
}

// geoReportJurisdiction is the city's jurisdiction_id: Options.Open311Jurisdiction
// or the host of the public address.
func (s *Server) geoReportJurisdiction() string {
	if j := s.opts.Open311Jurisdiction; j != "" {
		return j
	}
	host := strings.TrimPrefix(strings.TrimPrefix(s.opts.BaseURL, "https://"), "http://")
	host, _, _ = strings.Cut(host, "/")
	return host
}

// geoReportWrite writes a document encoded by enc, or the error list for
// err: the standard's errors as they are, an internal failure as a 500
// (logged with the request, its cause not shown).
func (s *Server) geoReportWrite(w http.ResponseWriter, r *http.Request, f open311.Format, status int, err error,
	enc func(*bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err == nil {
		err = enc(&buf)
	}
	if err != nil {
		es := s.geoReportErrors(r, err)
		buf.Reset()
		if eerr := open311.EncodeErrors(&buf, f, es); eerr != nil {
			return eerr
		}
		status = es.Status()
		if status == http.StatusTooManyRequests && s.opts.Open311Clients != nil {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(s.opts.Open311Clients.RetryAfter().Seconds()))))
		}
	}
	w.Header().Set("Content-Type", f.ContentType())
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Add("Vary", "Accept-Language") // service names
	geoReportCORS(w.Header())
	w.WriteHeader(status)
	_, werr := w.Write(buf.Bytes())
	return werr
}

// geoReportServeError answers an error raised before a GeoReport handler
// ran (a wrong content type, a body too large, an unknown method) with the
// standard's error list in the format the path asks for, XML by default.
func (s *Server) geoReportServeError(w http.ResponseWriter, r *http.Request, err error) {
	_, f, ferr := open311.SplitFormat(r.URL.Path)
	if ferr != nil {
		f = open311.XML
	}
	_ = s.geoReportWrite(w, r, f, http.StatusOK, err, nil)
}

// geoReportErrors turns err into the list to send: open311 errors as they
// are, the domain's faults with English descriptions, anything else a 500.
func (s *Server) geoReportErrors(r *http.Request, err error) open311.Errors {
	var oe open311.Error
	var oes open311.Errors
	if errors.As(err, &oes) || errors.As(err, &oe) {
		return open311.AsErrors(err)
	}
	var he *httpError
	if errors.As(err, &he) {
		desc := s.tr.T("en", he.key)
		if he == errMediaType {
			desc = "the body must be application/x-www-form-urlencoded (or multipart/form-data)"
		}
		return open311.Errors{{Status: he.status, Code: he.status, Description: desc}}
	}
	fe := fault.As(err)
	if fe == nil || fe.Kind == fault.Internal {
		state(r).err = err
		return open311.Errors{{Status: 500, Code: 500, Description: "internal error, request " + requestID(r)}}
	}
	status := statusOf(err)
	var es open311.Errors
	for _, f := range fe.Fields {
		es = append(es, open311.Error{Status: status, Code: status, Field: f.Field,
			Description: geoReportField(f.Field) + ": " + s.tr.T("en", f.Key, f.Args...)})
	}
	if len(es) == 0 {
		es = open311.Errors{{Status: status, Code: status, Description: s.tr.T("en", fe.Key, fe.Args...)}}
	}
	return es
}

// geoReportField names a report field by its Open311 parameter.
func geoReportField(field string) string {
	if code, ok := strings.CutPrefix(field, "attribute-"); ok {
		return "attribute[" + code + "]"
	}
	switch field {
	case "category":
		return "service_code"
	case "location", "lat", "long":
		return field
	case "address":
		return "address_string"
	}
	return field
}

// geoReportUnits names the organisations for agency_responsible.
func (s *Server) geoReportUnits(ctx context.Context) map[int64]string {
	names := map[int64]string{}
	if s.opts.Orgs == nil {
		return names
	}
	trees, err := s.opts.Orgs.Tree(ctx)
	if err != nil {
		return names
	}
	var walk func([]*org.Tree)
	walk = func(ts []*org.Tree) {
		for _, t := range ts {
			names[t.Org.ID] = t.Org.Name
			walk(t.Children)
		}
	}
	walk(trees)
	return names
}
