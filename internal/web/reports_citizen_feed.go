package web

import (
	"encoding/xml"
	"net/http"
	"strings"

	"rathaus/internal/report"
)

// reportsFeedLimit is the number of newest reports in the Atom feed.
const reportsFeedLimit = 50

// handleReportFeed is the Atom feed of the newest reports with their
// status, with absolute links (Options.BaseURL).
func (s *Server) handleReportFeed(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	orgID, tree, err := s.reportOrg(ctx)
	if err != nil {
		return err
	}
	reps, _, err := s.opts.Reports.Store.FindDefectReports(ctx, report.Filter{OrgID: orgID,
		Statuses: reportPublicStatuses, Order: report.OrderNewest, Limit: reportsFeedLimit})
	if err != nil {
		return err
	}
	lang := langOf(r)
	base := strings.TrimSuffix(s.opts.BaseURL, "/")
	f := atomFeed{Lang: lang, ID: base + "/meldungen.atom", Title: s.t(r, "reports_web.feed.title", s.opts.City.Name),
		Author: atomPerson{s.opts.City.Name},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/meldungen.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/meldungen"}}}
	updated := s.now()
	if len(reps) > 0 {
		updated = reps[0].UpdatedAt
	}
	for _, x := range reps {
		if x.UpdatedAt.After(updated) {
			updated = x.UpdatedAt
		}
		cat := reportCategoryName(tree, x.CategoryID, lang)
		summary := s.reportPlace(r, x)
		if x.Description != "" {
			summary += " – " + psExcerpt(x.Description, 500)
		}
		f.Entries = append(f.Entries, atomEntry{ID: pcTagURI(base, x.RequestedAt, "report-"+x.Reference),
			Title:     s.t(r, "reports_web.feed.entry", x.Reference, cat, s.reportStatusLabel(r, x.Status)),
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: base + reportPath(x.Reference)},
			Summary:   atomText{"text", summary},
			Updated:   atomTime(x.UpdatedAt),
			Published: atomTime(x.RequestedAt)})
	}
	f.Updated = atomTime(updated)
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/atom+xml; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=300")
	h.Add("Vary", "Accept-Language, Cookie")
	_, _ = w.Write([]byte(xml.Header))
	_, err = w.Write(out)
	return err
}
