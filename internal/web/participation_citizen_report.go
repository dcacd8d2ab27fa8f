package web

import (
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

// pcReportPage is the form to report an idea or one of its comments to
// the moderators.
type pcReportPage struct {
	Page
	IdeaURL, URL string
	What         string // the idea's title or "a comment by …"
	Comment      int64
	Reasons      []psOption
}

// handlePCReportForm shows the report form (?kommentar=ID for a comment).
func (s *Server) handlePCReportForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pcReport(r, nil, pcFormID(r.URL.Query(), "kommentar"))
	if err != nil {
		return err
	}
	return s.render(w, r, "participation_report", p)
}

// pcReport prepares the report page for the path's idea or its comment.
func (s *Server) pcReport(r *http.Request, form *Form, comment int64) (*pcReportPage, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	i, err := s.opts.Participation.IdeaFor(ctx, pcUserID(r), id)
	if err != nil {
		return nil, err
	}
	p := &pcReportPage{Page: s.page(r, "participation_web.report.title"), IdeaURL: pcIdeaPath(i.ID),
		URL: pcIdeaPath(i.ID) + "/melden", Comment: comment, What: s.t(r, "participation_web.report.idea", i.Title)}
	if form != nil {
		p.Form = form
	}
	if comment != 0 {
		c, err := s.opts.Participation.Store.FindComment(ctx, comment)
		if err != nil || c.IdeaID != i.ID || c.Moderation == participation.Pending {
			return nil, errNotFound
		}
		p.What = s.t(r, "participation_web.report.comment", pcAuthor(r, s, c.AuthorName), i.Title)
	}
	sel := p.Form.Get("reason")
	for _, reason := range participation.ReportReasons {
		p.Reasons = append(p.Reasons, psOption{reason, s.t(r, "participation_web.report.reason."+reason), reason == sel})
	}
	return p, nil
}

// handlePCReport files the report (POST reason, note, kommentar) and
// returns to the idea.
func (s *Server) handlePCReport(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.psPost(r)
	if err != nil {
		return err
	}
	comment := pcFormID(v, "kommentar")
	target, item := participation.TargetIdea, id
	if comment != 0 {
		if _, err := s.pcReport(r, nil, comment); err != nil {
			return err
		}
		target, item = participation.TargetComment, comment
	}
	err = s.opts.Participation.Report(r.Context(), currentUser(r).ID, target, item, v.Get("reason"), v.Get("note"))
	if fault.Is(err, fault.Invalid) {
		f := s.formFor(r, v, err)
		for k, e := range f.Errors {
			if e.Field == "reason" {
				f.Errors[k].ID = "field-reason-" + participation.ReportReasons[0]
			}
		}
		p, lerr := s.pcReport(r, f, comment)
		if lerr != nil {
			return lerr
		}
		return s.renderStatus(w, r, http.StatusBadRequest, "participation_report", p)
	}
	if err != nil {
		return err
	}
	to := pcIdeaPath(id)
	if comment != 0 {
		to += "#kommentar-" + strconv.FormatInt(comment, 10)
	}
	return s.redirectFlash(w, r, to, "participation_web.flash.reported")
}
