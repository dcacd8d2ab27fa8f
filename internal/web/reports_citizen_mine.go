package web

import (
	"net/http"

	"rathaus/internal/report"
)

// "My reports" (/account/meldungen): the defect reports sent while logged
// in, with their status and the city's latest public answer. A report
// leaves the list when its contact data is deleted under the retention
// rule (90 days after it was closed).

type myReportsPage struct {
	accountPage
	Items []myReportItem // not Reports: that is the navigation's flag
}

type myReportItem struct {
	URL, Reference, Category, Sent, Status, Answer string
}

// myReportsLimit bounds the list; a citizen with more sees the newest.
const myReportsLimit = 200

func (s *Server) handleMyReports(w http.ResponseWriter, r *http.Request) error {
	ap, err := s.accountPage(r, "reports_web.mine.title")
	if err != nil {
		return err
	}
	p := myReportsPage{accountPage: ap}
	ctx := r.Context()
	_, tree, err := s.reportOrg(ctx)
	if err != nil {
		return err
	}
	reps, _, err := s.opts.Reports.Store.FindDefectReports(ctx, report.Filter{AccountID: &p.User.ID, Limit: myReportsLimit})
	if err != nil {
		return err
	}
	notes, err := s.publicNotesOf(ctx, reps)
	if err != nil {
		return err
	}
	for _, rep := range reps {
		item := myReportItem{URL: reportPath(rep.Reference), Reference: rep.Reference,
			Category: reportCategoryName(tree, rep.CategoryID, p.Lang), Sent: p.Date(rep.RequestedAt.In(s.opts.Location)),
			Status: s.reportStatusLabel(r, rep.Status)}
		if ns := notes[rep.ID]; len(ns) > 0 {
			item.Answer = ns[len(ns)-1].Text
		}
		p.Items = append(p.Items, item)
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, r, "reports_mine", p)
}
