package web

import (
	"bytes"
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/georeport"
	"rathaus/internal/open311"
	"rathaus/internal/report"
)

// handleGeoReportPost serves POST /georeport/v2/requests.{fmt}: the form
// parsed and checked, the API key and its hourly limit, the service and
// its attributes, then the report submitted through report.Service with
// source open311 and the client's id. The report is created at once: the
// answer carries its service_request_id (the reference), never a token.
func (s *Server) handleGeoReportPost(w http.ResponseWriter, r *http.Request) error {
	name, c, err := s.geoReportBegin(r, r.PathValue("doc"))
	if err == nil && name != "requests" {
		err = open311.NotFound("only requests." + string(c.format) + " takes a POST")
	}
	var p open311.PostRequest
	if err == nil {
		if err = r.ParseForm(); err != nil {
			err = open311.BadRequest("", "the body must be a form (application/x-www-form-urlencoded)")
		}
	}
	if err == nil {
		p, err = open311.ParsePostRequestWith(r.PostForm, open311.PostOptions{CombinedLocation: true})
	}
	var client *georeport.Client
	if err == nil {
		client, err = s.geoReportClient(r, p.APIKey)
	}
	var rep *report.Report
	if err == nil {
		rep, err = s.geoReportSubmit(r, c, client, p)
	}
	return s.geoReportWrite(w, r, c.format, http.StatusCreated, err, func(b *bytes.Buffer) error {
		return open311.EncodePostResponse(b, c.format, open311.PostResponse{ServiceRequestID: rep.Reference})
	})
}

// geoReportClient checks the key.
func (s *Server) geoReportClient(r *http.Request, key string) (*georeport.Client, error) {
	if s.opts.Open311Clients == nil {
		return nil, open311.ErrAPIKeyInvalid
	}
	client, err := s.opts.Open311Clients.Authenticate(r.Context(), key)
	if err != nil {
		if fault.Is(err, fault.Forbidden) {
			return nil, open311.ErrAPIKeyInvalid
		}
		return nil, err
	}
	return client, nil
}

// geoReportUse counts a request that would create a report against the
// key's hourly limit (requests refused for bad input do not count).
func (s *Server) geoReportUse(r *http.Request, client *georeport.Client) error {
	err := s.opts.Open311Clients.Use(r.Context(), client)
	if fault.Is(err, fault.TooMany) {
		return open311.Error{Status: http.StatusTooManyRequests, Code: http.StatusTooManyRequests,
			Field: "api_key", Description: "rate limit: this api_key may create " + strconv.Itoa(client.HourlyLimit) +
				" service requests per hour; try again later"}
	}
	return err
}

// geoReportSubmit checks the attributes against the service definition,
// counts the request against the key's limit and submits the report.
func (s *Server) geoReportSubmit(r *http.Request, c *geoReportCall, client *georeport.Client, p open311.PostRequest) (*report.Report, error) {
	cat := c.tree.ByCode(p.ServiceCode)
	if cat == nil || !cat.Active {
		return nil, open311.ErrServiceCodeUnknown(p.ServiceCode)
	}
	answers, err := open311.ValidateAttributes(geoReportDefinition(cat), p.Attributes)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{OrgID: c.orgID, CategoryID: cat.ID, Description: p.Description, Answers: answers,
		DeviceID: p.DeviceID, Source: report.SourceOpen311, ClientID: strconv.FormatInt(client.ID, 10),
		Location: report.Location{Address: p.Location.AddressString, AddressID: p.Location.AddressID},
		Contact:  report.Contact{Email: p.Email, Phone: p.Phone, Name: geoReportName(p.FirstName, p.LastName)}}
	if err := s.geoReportUse(r, client); err != nil {
		return nil, err
	}
	if p.Location.HasPoint {
		lat, long := p.Location.Lat, p.Location.Long
		rep.Location.Lat, rep.Location.Long = &lat, &long
	}
	if err := s.opts.Reports.Submit(r.Context(), rep); err != nil {
		return nil, err
	}
	return rep, nil
}

func geoReportName(first, last string) string {
	switch {
	case first == "":
		return last
	case last == "":
		return first
	}
	return first + " " + last
}
