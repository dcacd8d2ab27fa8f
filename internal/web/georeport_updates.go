package web

import (
	"bytes"
	"net/http"
	"sort"
	"strconv"

	"rathaus/internal/open311"
	"rathaus/internal/report"
)

// geoReportUpdateStatus is FixMyStreet's finer status of a report status.
var geoReportUpdateStatus = map[report.Status]open311.UpdateStatus{
	report.StatusReceived:       open311.UpdateOpen,
	report.StatusInProgress:     open311.UpdateInProgress,
	report.StatusDone:           open311.UpdateFixed,
	report.StatusNotResponsible: open311.UpdateNotCouncilsResponsiblity,
	report.StatusMerged:         open311.UpdateDuplicate,
}

// geoReportUpdates is FixMyStreet's GET /servicerequestupdates.{fmt}: the
// public status notes written within start_date..end_date (default the
// last 90 days), oldest first, paged like GET /requests. Internal notes
// never appear.
func (s *Server) geoReportUpdates(r *http.Request, c *geoReportCall) (func(*bytes.Buffer) error, error) {
	q, err := open311.ParseUpdatesQuery(r.URL.Query(), s.now())
	if err != nil {
		return nil, err
	}
	var ups []open311.RequestUpdate
	for offset := 0; ; offset += 1000 {
		reps, total, err := s.opts.Reports.Store.FindDefectReports(r.Context(), report.Filter{OrgID: c.orgID,
			UpdatedFrom: &q.Start, Order: report.OrderUpdated, Limit: 1000, Offset: offset})
		if err != nil {
			return nil, err
		}
		notes, err := s.publicNotesOf(r.Context(), reps)
		if err != nil {
			return nil, err
		}
		for _, rep := range reps {
			for _, n := range notes[rep.ID] {
				if n.At.Before(q.Start) || n.At.After(q.End) {
					continue
				}
				u := open311.RequestUpdate{UpdateID: strconv.FormatInt(n.ID, 10), ServiceRequestID: rep.Reference,
					Status: geoReportUpdateStatus[n.Status], UpdatedDatetime: open311.At(n.At)}
				if u.Status == "" {
					u.Status = open311.UpdateOpen
				}
				if !rep.PersonalHidden || n.Status == report.StatusMerged {
					u.Description = open311.NullString(geoReportNoteText(n))
				}
				ups = append(ups, u)
			}
		}
		if offset+len(reps) >= total || len(reps) == 0 {
			break
		}
	}
	sort.SliceStable(ups, func(i, j int) bool {
		if !ups[i].UpdatedDatetime.Equal(ups[j].UpdatedDatetime.Time) {
			return ups[i].UpdatedDatetime.Before(ups[j].UpdatedDatetime.Time)
		}
		return ups[i].UpdateID < ups[j].UpdateID
	})
	ups = ups[min(q.Offset, len(ups)):]
	ups = ups[:min(q.Limit, len(ups))]
	return func(b *bytes.Buffer) error { return open311.EncodeUpdates(b, c.format, ups) }, nil
}
