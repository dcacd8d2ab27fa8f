package web

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/open311"
	"rathaus/internal/report"
)

// geoReportStatuses are the report statuses behind open and closed.
var geoReportStatuses = map[open311.Status][]report.Status{
	open311.Open:   {report.StatusReceived, report.StatusInProgress},
	open311.Closed: {report.StatusDone, report.StatusNotResponsible, report.StatusMerged},
}

// geoReportRequests reads the filters of GET /requests.{fmt} and finds the
// reports: by service_request_id alone, or by the other filters.
func (s *Server) geoReportRequests(r *http.Request, c *geoReportCall) (func(*bytes.Buffer) error, error) {
	q, err := open311.ParseQuery(r.URL.Query(), s.now())
	if err != nil {
		return nil, err
	}
	var reps []*report.Report
	if len(q.ServiceRequestIDs) > 0 {
		for _, id := range q.ServiceRequestIDs {
			rep, err := s.geoReportFind(r, c, id)
			if err != nil && len(q.ServiceRequestIDs) == 1 {
				return nil, err
			}
			if rep != nil {
				reps = append(reps, rep)
			}
		}
		reps = reps[min(q.Offset, len(reps)):]
		reps = reps[:min(q.Limit, len(reps))]
	} else {
		f := report.Filter{OrgID: c.orgID, Query: q.Q, From: &q.Start, Order: report.OrderNewest, Limit: q.Limit,
			Offset: q.Offset}
		end := q.End.Add(time.Microsecond) // the filter's end is exclusive (to the store's microsecond), the standard's inclusive
		f.To = &end
		for _, st := range q.Statuses {
			f.Statuses = append(f.Statuses, geoReportStatuses[st]...)
		}
		for _, code := range q.ServiceCodes {
			cat := c.tree.ByCode(code)
			if cat == nil {
				return nil, open311.ErrServiceNotFound(code)
			}
			f.CategoryIDs = append(f.CategoryIDs, cat.ID)
		}
		if b := q.BBox; b != nil {
			f.BBox = &report.BBox{MinLat: b.MinLat, MinLong: b.MinLon, MaxLat: b.MaxLat, MaxLong: b.MaxLon}
		}
		if reps, _, err = s.opts.Reports.Store.FindDefectReports(r.Context(), f); err != nil {
			return nil, err
		}
	}
	sr, err := s.geoReportPublic(r, c, reps)
	return func(b *bytes.Buffer) error { return open311.EncodeRequests(b, c.format, sr) }, err
}

// geoReportPublic turns reports into what the public may see: never the
// reporter's name, e-mail, phone or device; no description when staff hid
// personal data; a photo only when staff published it.
func (s *Server) geoReportPublic(r *http.Request, c *geoReportCall, reps []*report.Report) ([]open311.ServiceRequest, error) {
	units := s.geoReportUnits(r.Context())
	notes, err := s.publicNotesOf(r.Context(), reps)
	if err != nil {
		return nil, err
	}
	out := make([]open311.ServiceRequest, 0, len(reps))
	for _, rep := range reps {
		sr := open311.ServiceRequest{ServiceRequestID: rep.Reference, Status: open311.Status(rep.Status.Open311()),
			RequestedDatetime: open311.At(rep.RequestedAt), UpdatedDatetime: open311.At(rep.UpdatedAt),
			Address: open311.NullString(rep.Location.Address), AddressID: open311.NullString(rep.Location.AddressID),
			Zipcode: open311.NullString(rep.Location.Zipcode)}
		if cat := c.tree.ByID(rep.CategoryID); cat != nil {
			sr.ServiceCode, sr.ServiceName = cat.Code, cat.Name(c.lang)
		}
		if !rep.PersonalHidden {
			sr.Description = open311.NullString(rep.Description)
			for _, p := range rep.Photos {
				if p.Public {
					sr.MediaURL = open311.NullString(s.opts.BaseURL + "/meldungen/" + rep.Reference + "/fotos/" + strconv.FormatInt(p.ID, 10))
					break
				}
			}
		}
		if rep.UnitID != nil {
			sr.AgencyResponsible = open311.NullString(units[*rep.UnitID])
		}
		if rep.ForwardedTo != "" {
			sr.AgencyResponsible = open311.NullString(rep.ForwardedTo)
		}
		if rep.ExpectedAt != nil {
			sr.ExpectedDatetime = open311.At(*rep.ExpectedAt)
		}
		if rep.Location.HasPoint() {
			sr.Lat, sr.Long = open311.Point(*rep.Location.Lat, *rep.Location.Long)
		}
		var last *report.Note // the latest public note with a text
		for _, n := range notes[rep.ID] {
			if n.Text != "" && (last == nil || !n.At.Before(last.At)) {
				last = n
			}
		}
		if last != nil {
			sr.StatusNotes = open311.NullString(geoReportNoteText(last))
		}
		out = append(out, sr)
	}
	return out, nil
}

// geoReportNoteText is a public note as the API shows it: a merge's note
// (the original's reference) says what it means.
func geoReportNoteText(n *report.Note) string {
	if n.Status == report.StatusMerged {
		return "Duplicate of " + n.Text
	}
	return n.Text
}
