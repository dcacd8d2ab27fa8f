package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// rsPost reads a form POST on a report: the report, the actor, the
// values, and the version the form was made with. A version other than
// the stored one is a Conflict, so nothing changes on a stale page.
func (s *Server) rsPost(r *http.Request) (*report.Report, report.Actor, url.Values, error) {
	v, err := s.parseForm(r)
	if err != nil {
		return nil, report.Actor{}, nil, err
	}
	rep, a, err := s.rsLoad(r)
	if err != nil {
		return nil, a, v, err
	}
	if ver, err := strconv.Atoi(v.Get("version")); err != nil || ver != rep.Version {
		return rep, a, v, fault.New(fault.Conflict, "error.reports.stale")
	}
	return rep, a, v, nil
}

// rsFailed shows the report again after a change failed: a conflict as a
// message, invalid input in the error summary and next to its field
// (rename maps the domain's field names to the page's); anything else as
// an error page. Nothing was changed.
func (s *Server) rsFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, rename map[string]string) error {
	return s.staffFailed(w, r, v, err, rename, "reports_staff_report", func(conflict string, f *Form) (any, error) {
		p, err := s.rsReport(r)
		if err != nil {
			return nil, err
		}
		p.Conflict = conflict
		if f != nil {
			p.Form = f
		}
		return p, nil
	})
}

// rsDone redirects to the report's page with a flash.
func (s *Server) rsDone(w http.ResponseWriter, r *http.Request, ref, anchor, key string) error {
	return s.redirectFlash(w, r, rsPath(ref)+anchor, key)
}

// handleRSStatus changes the status with a public note; the reporter
// gets a mail with the note when an address is known.
func (s *Server) handleRSStatus(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	to := report.Status(v.Get("status"))
	if !to.Valid() || !report.CanMove(rep.Status, to) {
		return s.rsFailed(w, r, v, fault.Fields(fault.FieldError{Field: "status", Key: "reports_staff.error.status"}), nil)
	}
	svc := *s.opts.Reports
	svc.StatusMails = s.rsStatusMails
	_, err = svc.SetStatus(r.Context(), a, rep.ID, rep.Version, to, strings.TrimSpace(v.Get("status_note")),
		strings.TrimSpace(v.Get("forwarded_to")))
	if err != nil {
		return s.rsFailed(w, r, v, err, map[string]string{"note": "status_note"})
	}
	return s.rsDone(w, r, rep.Reference, "#history-heading", "reports_staff.flash.status")
}

// handleRSNote adds an internal note, or a public answer when asked.
func (s *Server) handleRSNote(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	public := v.Get("public") == "1"
	if err := s.opts.Reports.AddNote(r.Context(), a, rep.ID, strings.TrimSpace(v.Get("note_body")), public); err != nil {
		return s.rsFailed(w, r, v, err, map[string]string{"note": "note_body"})
	}
	return s.rsDone(w, r, rep.Reference, "#notes-heading", "reports_staff.flash.note")
}

// handleRSCategory recategorises the report (a correction, kept).
func (s *Server) handleRSCategory(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	id, _ := strconv.ParseInt(v.Get("category"), 10, 64)
	if _, err := s.opts.Reports.Recategorise(r.Context(), a, rep.ID, rep.Version, id); err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	return s.rsDone(w, r, rep.Reference, "", "reports_staff.flash.category")
}

// handleRSUnit gives the report to another unit (a correction, kept).
func (s *Server) handleRSUnit(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	id, perr := strconv.ParseInt(v.Get("unit"), 10, 64)
	if perr == nil {
		_, perr = s.opts.Orgs.Store.FindOrgByID(r.Context(), id)
	}
	if perr != nil {
		return s.rsFailed(w, r, v, fault.Fields(fault.FieldError{Field: "unit", Key: "reports_staff.error.unit"}), nil)
	}
	if _, err := s.opts.Reports.Assign(r.Context(), a, rep.ID, rep.Version, id); err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	return s.rsDone(w, r, rep.Reference, "", "reports_staff.flash.unit")
}

// handleRSMerge closes the report as a duplicate of another (by reference).
func (s *Server) handleRSMerge(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	ref := strings.ToUpper(strings.TrimSpace(v.Get("merge_into")))
	orig, ferr := s.opts.Reports.Store.FindDefectReportByReference(r.Context(), ref)
	if ref == "" || ferr != nil {
		return s.rsFailed(w, r, v, fault.Fields(fault.FieldError{Field: "merge_into", Key: "reports_staff.error.merge_unknown"}), nil)
	}
	if _, err := s.opts.Reports.Merge(r.Context(), a, rep.ID, rep.Version, orig.ID); err != nil {
		if k := fault.KindOf(err); k == fault.Invalid || k == fault.Conflict && fault.As(err).Key != "error.reports.stale" {
			fe := fault.As(err)
			err = fault.Fields(fault.FieldError{Field: "merge_into", Key: fe.Key, Args: fe.Args})
		}
		return s.rsFailed(w, r, v, err, nil)
	}
	return s.rsDone(w, r, rep.Reference, "", "reports_staff.flash.merged")
}

// handleRSHide hides the personal data the text or photos gave away.
func (s *Server) handleRSHide(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	if _, err := s.opts.Reports.HidePersonal(r.Context(), a, rep.ID, rep.Version); err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	return s.rsDone(w, r, rep.Reference, "", "reports_staff.flash.hidden")
}
