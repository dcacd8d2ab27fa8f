package open311

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Limits of GET /requests.
const (
	MaxResults = 1000                // per call, and the default
	MaxRange   = 90 * 24 * time.Hour // start_date to end_date
	MaxQ       = 200                 // characters of q
)

// BBox is a bounding box in WGS 84 degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Contains reports whether the point lies in the box (edges included).
func (b BBox) Contains(lat, long float64) bool {
	return lat >= b.MinLat && lat <= b.MaxLat && long >= b.MinLon && long <= b.MaxLon
}

// Query is the parsed filter of GET /requests.{fmt}.
type Query struct {
	JurisdictionID string
	// ServiceRequestIDs, when not empty, override every other filter (the
	// standard's rule): Start and End are then zero and nothing else is set.
	ServiceRequestIDs []string
	ServiceCodes      []string  // any of them; empty: all
	Start, End        time.Time // requested_datetime within [Start, End]
	Statuses          []Status  // any of them; empty: both
	BBox              *BBox
	Q                 string // free text, trimmed
	Offset, Limit     int    // Limit 1..MaxResults
}

// ParseQuery reads the query string of GET /requests.{fmt}; now is the
// moment the default range ends. Every problem is a 400, reported together.
func ParseQuery(v url.Values, now time.Time) (Query, error) {
	q := Query{Limit: MaxResults}
	var errs Errors
	q.JurisdictionID = strings.TrimSpace(v.Get("jurisdiction_id"))
	if e, ok := checkText("jurisdiction_id", q.JurisdictionID, 200); !ok {
		errs = append(errs, e)
		q.JurisdictionID = ""
	}
	ids, errs := parseList(v, "service_request_id", errs)
	if len(ids) > MaxResults {
		errs = append(errs, BadRequest("service_request_id", "service_request_id lists at most "+strconv.Itoa(MaxResults)+" ids"))
	}
	if len(ids) > 0 {
		q.ServiceRequestIDs = ids
		q.Offset, q.Limit, errs = parsePaging(v, errs)
		return q, errsOrNil(errs)
	}
	q.ServiceCodes, errs = parseList(v, "service_code", errs)
	q.Start, q.End, errs = parseRange(v, now, errs)
	q.Statuses, errs = parseStatuses(v, errs)
	q.BBox, errs = parseBBox(v.Get("bbox"), errs)
	q.Q = strings.TrimSpace(v.Get("q"))
	if e, ok := checkText("q", q.Q, MaxQ); !ok {
		errs = append(errs, e)
		q.Q = ""
	}
	q.Offset, q.Limit, errs = parsePaging(v, errs)
	return q, errsOrNil(errs)
}

// UpdatesQuery is the parsed filter of GET /servicerequestupdates.{fmt}
// (FixMyStreet): updates with updated_datetime within [Start, End].
type UpdatesQuery struct {
	JurisdictionID string
	Start, End     time.Time
	Offset, Limit  int
}

// ParseUpdatesQuery reads start_date, end_date (the same rules as GET
// /requests), the paging parameters and jurisdiction_id.
func ParseUpdatesQuery(v url.Values, now time.Time) (UpdatesQuery, error) {
	q := UpdatesQuery{JurisdictionID: strings.TrimSpace(v.Get("jurisdiction_id"))}
	var errs Errors
	q.Start, q.End, errs = parseRange(v, now, errs)
	q.Offset, q.Limit, errs = parsePaging(v, errs)
	return q, errsOrNil(errs)
}

func errsOrNil(errs Errors) error {
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// parseList reads a comma-separated list (also repeated parameters),
// trimmed, without empty items and repeats.
func parseList(v url.Values, name string, errs Errors) ([]string, Errors) {
	var out []string
	seen := map[string]bool{}
	for _, raw := range v[name] {
		for _, s := range strings.Split(raw, ",") {
			s = strings.TrimSpace(s)
			if e, ok := checkText(name, s, 200); !ok {
				return nil, append(errs, e)
			}
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out, errs
}

func parseStatuses(v url.Values, errs Errors) ([]Status, Errors) {
	list, errs := parseList(v, "status", errs)
	var out []Status
	seen := map[Status]bool{}
	for _, s := range list {
		st, ok := ParseStatus(s)
		if !ok {
			return nil, append(errs, BadRequest("status", "status must be open or closed (comma-separated), got "+quote(s)))
		}
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out, errs
}

func parseDate(v url.Values, name string, errs Errors) (time.Time, Errors) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, errs
	}
	t, err := ParseTime(s)
	if err != nil {
		return t, append(errs, BadRequest(name, name+" must be an ISO 8601 date-time such as 2010-04-14T06:37:38-08:00, got "+quote(s)))
	}
	return t, errs
}

// parseRange reads start_date and end_date: at most MaxRange apart; the
// last 90 days before now without either; 90 days from or up to the one given.
func parseRange(v url.Values, now time.Time, errs Errors) (time.Time, time.Time, Errors) {
	n := len(errs)
	start, errs := parseDate(v, "start_date", errs)
	end, errs := parseDate(v, "end_date", errs)
	if len(errs) > n {
		return time.Time{}, time.Time{}, errs
	}
	switch {
	case start.IsZero() && end.IsZero():
		end = now
		start = now.Add(-MaxRange)
	case end.IsZero():
		end = start.Add(MaxRange)
	case start.IsZero():
		start = end.Add(-MaxRange)
	case end.Before(start):
		return start, end, append(errs, BadRequest("end_date", "end_date must not be before start_date"))
	case end.Sub(start) > MaxRange:
		return start, end, append(errs, BadRequest("end_date", "start_date to end_date may span at most 90 days"))
	}
	return start, end, errs
}

// parsePaging reads page/page_size (page from 1) or limit/offset.
func parsePaging(v url.Values, errs Errors) (offset, limit int, _ Errors) {
	limit = MaxResults
	get := func(name string, min, max int) (int, bool) {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			return 0, false
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < min || n > max {
			errs = append(errs, BadRequest(name, name+" must be a whole number from "+strconv.Itoa(min)+" to "+strconv.Itoa(max)+", got "+quote(s)))
			return 0, false
		}
		return n, true
	}
	const maxOffset = 1 << 30
	page, hasPage := get("page", 1, maxOffset)
	size, hasSize := get("page_size", 1, MaxResults)
	lim, hasLimit := get("limit", 1, MaxResults)
	off, hasOffset := get("offset", 0, maxOffset)
	pageStyle := hasPage || hasSize || v.Get("page") != "" || v.Get("page_size") != ""
	limitStyle := hasLimit || hasOffset || v.Get("limit") != "" || v.Get("offset") != ""
	switch {
	case pageStyle && limitStyle:
		errs = append(errs, BadRequest("page", "use page and page_size or limit and offset, not both"))
	case pageStyle:
		if hasSize {
			limit = size
		}
		if hasPage && page-1 <= maxOffset/limit {
			offset = (page - 1) * limit
		} else if hasPage {
			errs = append(errs, BadRequest("page", "page is too large"))
		}
	case limitStyle:
		if hasLimit {
			limit = lim
		}
		offset = off
	}
	return offset, limit, errs
}

// parseBBox reads lon1,lat1,lon2,lat2 (corners in either order).
func parseBBox(s string, errs Errors) (*BBox, Errors) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errs
	}
	bad := BadRequest("bbox", "bbox must be lon1,lat1,lon2,lat2 in decimal degrees (longitude first), got "+quote(s))
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, append(errs, bad)
	}
	var f [4]float64
	for i, p := range parts {
		limit := 180.0
		if i%2 == 1 {
			limit = 90
		}
		x, ok := parseCoord(strings.TrimSpace(p), limit)
		if !ok {
			return nil, append(errs, bad)
		}
		f[i] = x
	}
	return &BBox{MinLon: min(f[0], f[2]), MinLat: min(f[1], f[3]), MaxLon: max(f[0], f[2]), MaxLat: max(f[1], f[3])}, errs
}
