package web

import (
	"bytes"
	"net/http"
	"sort"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/open311"
	"rathaus/internal/report"
)

// handleGeoReportDoc serves GET /georeport/v2/{discovery,services,requests,
// servicerequestupdates}.{xml,json}.
func (s *Server) handleGeoReportDoc(w http.ResponseWriter, r *http.Request) error {
	name, c, err := s.geoReportBegin(r, r.PathValue("doc"))
	if err != nil {
		return s.geoReportWrite(w, r, c.format, 0, err, nil)
	}
	var enc func(*bytes.Buffer) error
	switch name {
	case "discovery":
		enc = func(b *bytes.Buffer) error { return open311.EncodeDiscovery(b, c.format, s.geoReportDiscovery()) }
	case "services":
		enc = func(b *bytes.Buffer) error {
			return open311.EncodeServices(b, c.format, geoReportServices(c.tree, c.lang))
		}
	case "requests":
		enc, err = s.geoReportRequests(r, c)
	case "servicerequestupdates":
		enc, err = s.geoReportUpdates(r, c)
	default:
		err = open311.NotFound("unknown document " + strconv.Quote(name))
	}
	return s.geoReportWrite(w, r, c.format, http.StatusOK, err, enc)
}

// geoReportDiscovery describes this endpoint.
func (s *Server) geoReportDiscovery() open311.Discovery {
	base := s.opts.BaseURL + geoReportBase
	changed := open311.At(time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)) // the API's last change
	typ := "production"
	if s.opts.Demo {
		typ = "test"
	}
	return open311.Discovery{
		Changeset: changed, Contact: s.opts.AccessibilityContact, KeyService: s.opts.BaseURL + "/admin/open311",
		Endpoints: []open311.Endpoint{{Specification: open311.Specification, URL: base, Changeset: changed, Type: typ,
			Formats: []string{"text/xml", "application/json"}}},
	}
}

// geoReportServices lists the active categories as services, named in
// lang (German where a category has no English name).
func geoReportServices(t *report.Tree, lang string) []open311.Service {
	var out []open311.Service
	for _, c := range t.Active() {
		out = append(out, open311.Service{ServiceCode: c.Code, ServiceName: c.Name(lang), Description: c.Description,
			Metadata: len(c.Attributes) > 0, Type: open311.Realtime, Keywords: c.Keywords, Group: c.Group})
	}
	return out
}

// geoReportDefinition is a category's service definition.
func geoReportDefinition(c *report.Category) open311.ServiceDefinition {
	d := open311.ServiceDefinition{ServiceCode: c.Code}
	for _, a := range c.Attributes {
		oa := open311.Attribute{Variable: a.Variable, Code: a.Code, Datatype: open311.Datatype(a.Datatype),
			Required: a.Required, DatatypeDescription: open311.NullString(a.DatatypeDescription), Order: a.Order,
			Description: a.Description}
		for _, v := range a.Values {
			oa.Values = append(oa.Values, open311.Value{Key: v.Key, Name: v.Name})
		}
		d.Attributes = append(d.Attributes, oa)
	}
	sort.SliceStable(d.Attributes, func(i, j int) bool { return d.Attributes[i].Order < d.Attributes[j].Order })
	return d
}

// handleGeoReportService serves GET /georeport/v2/services/{code}.{fmt}.
func (s *Server) handleGeoReportService(w http.ResponseWriter, r *http.Request) error {
	code, c, err := s.geoReportBegin(r, r.PathValue("code"))
	var cat *report.Category
	if err == nil {
		if cat = c.tree.ByCode(code); cat == nil || !cat.Active {
			err = open311.ErrServiceNotFound(code)
		}
	}
	return s.geoReportWrite(w, r, c.format, http.StatusOK, err, func(b *bytes.Buffer) error {
		return open311.EncodeServiceDefinition(b, c.format, geoReportDefinition(cat))
	})
}

// handleGeoReportRequest serves GET /georeport/v2/requests/{id}.{fmt}: a
// list of one, as the standard says.
func (s *Server) handleGeoReportRequest(w http.ResponseWriter, r *http.Request) error {
	id, c, err := s.geoReportBegin(r, r.PathValue("id"))
	var rep *report.Report
	if err == nil {
		rep, err = s.geoReportFind(r, c, id)
	}
	var sr []open311.ServiceRequest
	if err == nil {
		sr, err = s.geoReportPublic(r, c, []*report.Report{rep})
	}
	return s.geoReportWrite(w, r, c.format, http.StatusOK, err, func(b *bytes.Buffer) error {
		return open311.EncodeRequests(b, c.format, sr)
	})
}

// geoReportFind finds the organisation's report by its reference (the
// service_request_id): 404 for an unknown one.
func (s *Server) geoReportFind(r *http.Request, c *geoReportCall, id string) (*report.Report, error) {
	rep, err := s.opts.Reports.Store.FindDefectReportByReference(r.Context(), id)
	if err == nil && rep.OrgID != c.orgID {
		rep = nil
	}
	if rep == nil || fault.Is(err, fault.NotFound) {
		return nil, open311.ErrRequestNotFound(id)
	}
	return rep, err
}

// handleGeoReportToken serves GET /georeport/v2/tokens/{token}.{fmt}.
// Requests are created at once (every service is realtime), so POST
// answers with the id and never hands out a token; a token a report
// carries is still looked up.
func (s *Server) handleGeoReportToken(w http.ResponseWriter, r *http.Request) error {
	token, c, err := s.geoReportBegin(r, r.PathValue("token"))
	var rep *report.Report
	if err == nil {
		rep, err = s.opts.Reports.Store.FindDefectReportByToken(r.Context(), token)
		if token == "" || fault.Is(err, fault.NotFound) || (err == nil && rep.OrgID != c.orgID) {
			err = open311.ErrTokenNotFound(token)
		}
	}
	return s.geoReportWrite(w, r, c.format, http.StatusOK, err, func(b *bytes.Buffer) error {
		return open311.EncodeTokens(b, c.format, open311.TokenResponse{ServiceRequestID: open311.NullString(rep.Reference), Token: token})
	})
}
