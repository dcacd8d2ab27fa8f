package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/hours"
)

// The public JSON API of the service finder: published services and
// offices, no token needed.

const defaultAPILimit = 20

type serviceItemJSON struct {
	ID         int64    `json:"id"`
	ExternalID string   `json:"external_id"`
	Name       string   `json:"name"`
	LeiKa      []string `json:"leika"`
	Summary    string   `json:"summary"`
	URL        string   `json:"url"`
	Score      float64  `json:"score"`
}

type serviceListJSON struct {
	Items []serviceItemJSON `json:"items"`
	Total int               `json:"total"`
}

// handleAPIServices searches published services:
// ?q=&limit=&offset=&life_situation=.
func (s *Server) handleAPIServices(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, offset, err := pageParams(v)
	if err != nil {
		return err
	}
	res, err := s.opts.Services.Search(r.Context(), catalog.SearchQuery{
		Text: strings.TrimSpace(v.Get("q")), LifeSituation: v.Get("life_situation"),
		Online: v.Get("online") == "true" || v.Get("online") == "1", Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := serviceListJSON{Items: []serviceItemJSON{}, Total: res.Total}
	for _, it := range res.Items {
		sv := it.Service
		out.Items = append(out.Items, serviceItemJSON{ID: sv.ID, ExternalID: sv.ExternalID, Name: sv.Name,
			LeiKa: nonNil(sv.LeiKa), Summary: sv.Summary, URL: s.absURL(serviceURL(sv.ID)), Score: it.Score})
	}
	return s.writeJSON(w, http.StatusOK, out)
}

// pageParams reads limit (1 to catalog.MaxLimit, default 20) and offset
// (0 or more); anything else is invalid.
func pageParams(v url.Values) (limit, offset int, err error) {
	limit, offset = defaultAPILimit, 0
	var fv fault.Validator
	if raw := v.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		fv.Check(err == nil && n >= 1 && n <= catalog.MaxLimit, "limit", "error.catalog.api_limit", catalog.MaxLimit)
		limit = n
	}
	if raw := v.Get("offset"); raw != "" {
		n, err := strconv.Atoi(raw)
		fv.Check(err == nil && n >= 0, "offset", "error.catalog.api_offset")
		offset = n
	}
	return limit, offset, fv.Err()
}

func (s *Server) absURL(path string) string { return strings.TrimSuffix(s.opts.BaseURL, "/") + path }

// serviceJSON is a published service with all its content.
type serviceJSON struct {
	ID             int64                `json:"id"`
	ExternalID     string               `json:"external_id"`
	Source         string               `json:"source"`
	URL            string               `json:"url"`
	Version        int                  `json:"version"`
	UpdatedAt      time.Time            `json:"updated_at"`
	LeiKa          []string             `json:"leika"`
	Name           string               `json:"name"`
	Summary        string               `json:"summary"`
	Description    string               `json:"description"`
	Prerequisites  []string             `json:"prerequisites"`
	Documents      []string             `json:"documents"`
	Fees           []catalog.Fee        `json:"fees"`
	FeesText       string               `json:"fees_text"`
	Deadlines      string               `json:"deadlines"`
	ProcessingTime string               `json:"processing_time"`
	LegalBases     []catalog.LegalBasis `json:"legal_bases"`
	OrgID          *int64               `json:"org_id"`
	Authority      string               `json:"authority"`
	OfficeIDs      []int64              `json:"office_ids"`
	Links          []catalog.Link       `json:"links"`
	Keywords       []string             `json:"keywords"`
	LifeSituations []string             `json:"life_situations"`
	TargetGroups   []string             `json:"target_groups"`
	OZGLevel       int                  `json:"ozg_level"`
	Online         bool                 `json:"online"`
	OnlineURL      string               `json:"online_url"`
	AppointmentURL string               `json:"appointment_url"`
	EasyLanguage   string               `json:"easy_language"`
	Duration       int                  `json:"duration_minutes"`
}

func (s *Server) toServiceJSON(sv *catalog.Service) serviceJSON {
	c := sv.Content
	return serviceJSON{ID: sv.ID, ExternalID: sv.ExternalID, Source: sv.Source, URL: s.absURL(serviceURL(sv.ID)),
		Version: sv.Version, UpdatedAt: sv.UpdatedAt, LeiKa: nonNil(c.LeiKa), Name: c.Name, Summary: c.Summary,
		Description: c.Description, Prerequisites: nonNil(c.Prerequisites), Documents: nonNil(c.Documents),
		Fees: nonNil(c.Fees), FeesText: c.FeesText, Deadlines: c.Deadlines, ProcessingTime: c.ProcessingTime,
		LegalBases: nonNil(c.LegalBases), OrgID: c.OrgID, Authority: c.Authority, OfficeIDs: nonNil(c.OfficeIDs),
		Links: nonNil(c.Links), Keywords: nonNil(c.Keywords), LifeSituations: nonNil(c.LifeSituations),
		TargetGroups: nonNil(c.TargetGroups), OZGLevel: c.OZGLevel, Online: c.Online(), OnlineURL: c.OnlineURL,
		AppointmentURL: c.AppointmentURL, EasyLanguage: c.EasyLanguage, Duration: c.Duration}
}

// handleAPIService returns one published service.
func (s *Server) handleAPIService(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	sv, err := s.opts.Services.PublicService(r.Context(), id)
	if err != nil {
		return err
	}
	return s.writeJSON(w, http.StatusOK, s.toServiceJSON(sv))
}

// maxSuggestions is how many completions the search box is offered.
const maxSuggestions = 8

// handleAPISuggest completes what is typed into the search box: a list of
// strings. It may be cached briefly: it only reflects published names.
func (s *Server) handleAPISuggest(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	out := []string{}
	if q != "" && len(q) <= maxSearchText {
		list, err := s.opts.Services.Suggest(r.Context(), q, maxSuggestions)
		if err != nil {
			return err
		}
		out = nonNil(list)
	}
	return s.writeJSON(w, http.StatusOK, out)
}

// officeJSON is an office as the list shows it.
type officeJSON struct {
	ID            int64                 `json:"id"`
	ExternalID    string                `json:"external_id"`
	Name          string                `json:"name"`
	URL           string                `json:"url"`
	Address       catalog.Address       `json:"address"`
	Lat           *float64              `json:"lat"`
	Lon           *float64              `json:"lon"`
	Authority     string                `json:"authority"`
	OrgID         *int64                `json:"org_id"`
	Phone         string                `json:"phone"`
	Email         string                `json:"email"`
	Website       string                `json:"website"`
	Accessibility catalog.Accessibility `json:"accessibility"`
	OpenNow       bool                  `json:"open_now"`
}

// officeDetailJSON is one office with its hours and services.
type officeDetailJSON struct {
	officeJSON
	Hours      hours.Hours      `json:"hours"`
	Status     officeStatusJSON `json:"status"`
	ServiceIDs []int64          `json:"service_ids"`
}

// officeStatusJSON says when an open office closes or a closed one opens.
type officeStatusJSON struct {
	Open     bool       `json:"open"`
	Until    *time.Time `json:"until"`
	NextOpen *time.Time `json:"next_open"`
	Reason   string     `json:"reason"`
}

func (s *Server) toOfficeJSON(o *catalog.Office) officeJSON {
	st := s.opts.Services.OpenNow(o, s.now(), s.opts.Location)
	return officeJSON{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name, URL: s.absURL(officeURL(o.ID)),
		Address: o.Address, Lat: o.Lat, Lon: o.Lon, Authority: o.Authority, OrgID: o.OrgID,
		Phone: o.Phone, Email: o.Email, Website: o.Website, Accessibility: o.Accessibility, OpenNow: st.Open}
}

// handleAPIOffices lists every office.
func (s *Server) handleAPIOffices(w http.ResponseWriter, r *http.Request) error {
	list, err := s.opts.Services.Offices(r.Context())
	if err != nil {
		return err
	}
	out := []officeJSON{}
	for _, o := range list {
		out = append(out, s.toOfficeJSON(o))
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// handleAPIOffice returns one office with its opening hours (in the hours
// exchange form) and whether it is open now.
func (s *Server) handleAPIOffice(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return errNotFound
	}
	o, err := s.opts.Services.Office(r.Context(), id)
	if err != nil {
		return err
	}
	st := s.opts.Services.OpenNow(o, s.now(), s.opts.Location)
	return s.writeJSON(w, http.StatusOK, officeDetailJSON{officeJSON: s.toOfficeJSON(o), Hours: o.Hours,
		Status:     officeStatusJSON{Open: st.Open, Reason: st.Reason, Until: timeOrNil(st.Until), NextOpen: timeOrNil(st.NextOpen)},
		ServiceIDs: nonNil(o.ServiceIDs)})
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
