package web

import (
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
)

// csUploadLimit bounds a staff message with attachments: five files of
// cases.DefaultMaxFileBytes and the text.
const csUploadLimit = cases.MaxMessageFiles*cases.DefaultMaxFileBytes + 1<<20

// handleCSStep applies a workflow action (POST version, action, note).
func (s *Server) handleCSStep(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.csPost(r)
	if err != nil {
		return err
	}
	action := v.Get("action")
	version, _ := strconv.Atoi(v.Get("version"))
	lang := s.csApplicantLang(r, id)
	_, err = s.opts.Cases.Transition(r.Context(), actorOf(r), cases.Step{CaseID: id, Version: version,
		Action: action, Note: v.Get("note_" + action), Lang: lang})
	if err != nil {
		return s.csFailed(w, r, v, err, map[string]string{"note": "note_" + action})
	}
	return s.redirectFlash(w, r, csPath(id), "cases_staff.flash.step")
}

// handleCSEdit changes the assignment, the deadline or the unit (POST
// version, assignee, deadline, unit).
func (s *Server) handleCSEdit(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.csPost(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	version, _ := strconv.Atoi(v.Get("version"))
	e := cases.Edit{CaseID: id, Version: version}
	c, err := s.opts.Cases.Store.FindCase(ctx, id)
	if err != nil {
		return err
	}
	var fv fault.Validator
	if unit, err := strconv.ParseInt(v.Get("unit"), 10, 64); err == nil {
		e.OrgID = &unit
	}
	if a := v.Get("assignee"); a != "" {
		uid, err := strconv.ParseInt(a, 10, 64)
		ok := err == nil && s.csMayAssign(r, c, e.OrgID, uid)
		fv.Check(ok, "assignee", "error.cases_staff.assignee")
		e.Assignee = &uid
	}
	if d := strings.TrimSpace(v.Get("deadline")); d != "" {
		t, err := time.ParseInLocation("2006-01-02", d, s.opts.Location)
		fv.Check(err == nil, "deadline", "error.cases_staff.deadline")
		switch {
		case c.Deadline != nil && c.Deadline.In(s.opts.Location).Format("2006-01-02") == d:
			e.Deadline = c.Deadline // unchanged: keep the exact instant
		case err == nil:
			end := t.Add(24*time.Hour - time.Minute) // the end of that day
			e.Deadline = &end
		}
	}
	if err := fv.Err(); err != nil {
		return s.csFailed(w, r, v, err, nil)
	}
	if _, err := s.opts.Cases.Update(ctx, actorOf(r), e); err != nil {
		return s.csFailed(w, r, v, err, map[string]string{"org": "unit"})
	}
	return s.redirectFlash(w, r, csPath(id), "cases_staff.flash.edit")
}

// csMayAssign reports whether uid may get the case: the user, or someone
// who works the case's (new) unit, or whoever has it already.
func (s *Server) csMayAssign(r *http.Request, c *cases.Case, newOrg *int64, uid int64) bool {
	if uid == currentUser(r).ID || c.AssigneeID != nil && *c.AssigneeID == uid {
		return true
	}
	unit := c.OrgID
	if newOrg != nil {
		unit = newOrg
	}
	people, err := s.csColleagues(r, unit)
	if err != nil {
		return false
	}
	for _, p := range people {
		if p == uid {
			return true
		}
	}
	return false
}

// handleCSNote adds an internal note (POST note_body).
func (s *Server) handleCSNote(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.csPost(r)
	if err != nil {
		return err
	}
	if err := s.opts.Cases.AddNote(r.Context(), actorOf(r), id, v.Get("note_body")); err != nil {
		return s.csFailed(w, r, v, err, map[string]string{"body": "note_body"})
	}
	return s.redirectFlash(w, r, csPath(id)+"#notes-heading", "cases_staff.flash.note")
}

// handleCSMessage writes to the applicant (multipart: message, files).
// The applicant gets a mail that there is news, never the text.
func (s *Server) handleCSMessage(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, csUploadLimit)
	id, v, err := s.csPost(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var files []cases.File
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			if fh.Size == 0 && fh.Filename == "" {
				continue // the empty file input of a message without files
			}
			if len(files) >= cases.MaxMessageFiles {
				return s.csFailed(w, r, v, fault.Fields(fault.FieldError{Field: "files", Key: "error.cases.message_files",
					Args: []any{cases.MaxMessageFiles}}), nil)
			}
			f, err := fh.Open()
			if err != nil {
				return err
			}
			cf, err := s.opts.Cases.MessageFile(ctx, fh.Filename, f)
			f.Close()
			if err != nil {
				return s.csFailed(w, r, v, csAsField(err, "files"), nil)
			}
			files = append(files, cf)
		}
	}
	_, err = s.opts.Cases.StaffMessage(ctx, actorOf(r), cases.Reply{CaseID: id, Body: v.Get("message"), Files: files,
		Lang: s.csApplicantLang(r, id)})
	if err != nil {
		return s.csFailed(w, r, v, err, map[string]string{"body": "message"})
	}
	return s.redirectFlash(w, r, csPath(id)+"#mail-heading", "cases_staff.flash.message")
}

// csAsField turns an Invalid error without fields (a file check) into an
// error of one field, so the form shows it next to the input.
func csAsField(err error, field string) error {
	f := fault.As(err)
	if f.Kind != fault.Invalid || len(f.Fields) > 0 {
		return err
	}
	return fault.Fields(fault.FieldError{Field: field, Key: f.Key, Args: f.Args})
}

// handleCSFile sends a file of the case as a download.
func (s *Server) handleCSFile(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fileID, err := pathID(r, "file")
	if err != nil {
		return err
	}
	rc, f, err := s.opts.Cases.StaffFile(r.Context(), actorOf(r), id, fileID)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	if f.Size > 0 {
		h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	}
	_, _ = io.Copy(w, rc) // a failed copy means the client left
	return nil
}

// handleCSReceipt renders the receipt of a case, in German, to print and
// send to an applicant without e-mail (a case recorded from paper).
func (s *Server) handleCSReceipt(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.opts.Cases.StaffView(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	b, err := s.opts.Cases.ReceiptPDF(v, "de")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": v.Case.Reference + ".pdf"}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
	return nil
}

// csPost reads the path's case ID and the posted form.
func (s *Server) csPost(r *http.Request) (int64, url.Values, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, nil, err
	}
	v, err := s.parseForm(r)
	return id, v, err
}

// csFailed shows the case again after a change failed: a conflict (the
// case changed meanwhile) as a message with a link to reload, invalid
// input next to its field (rename maps the domain's field names to the
// page's), anything else as an error page. Nothing was changed.
func (s *Server) csFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, rename map[string]string) error {
	return s.staffFailed(w, r, v, err, rename, "cases_staff_case", func(conflict string, f *Form) (any, error) {
		p, err := s.csCase(r)
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

// staffFailed shows a staff page again after a change failed (cases and
// defect reports alike): a conflict as a message, invalid input in the
// error summary and next to its field (rename maps the domain's field
// names to the page's), anything else as an error page. load builds the
// page with the conflict message or the form with errors.
func (s *Server) staffFailed(w http.ResponseWriter, r *http.Request, v url.Values, err error, rename map[string]string,
	name string, load func(conflict string, f *Form) (any, error)) error {
	kind := fault.KindOf(err)
	if kind != fault.Conflict && kind != fault.Invalid {
		return err
	}
	if kind == fault.Conflict {
		fe := fault.As(err)
		p, lerr := load(s.t(r, fe.Key, fe.Args...), nil)
		if lerr != nil {
			return lerr
		}
		return s.renderStatus(w, r, http.StatusConflict, name, p)
	}
	f := s.formFor(r, v, err)
	for i, e := range f.Errors {
		if to, ok := rename[e.Field]; ok {
			f.Errors[i].Field, f.Errors[i].ID = to, fieldID(to)
		}
	}
	p, lerr := load("", f)
	if lerr != nil {
		return lerr
	}
	return s.renderStatus(w, r, statusOf(err), name, p)
}

// csApplicantLang is the language of the applicant's account, for the
// mails and documents a change sends; German without an account.
func (s *Server) csApplicantLang(r *http.Request, caseID int64) string {
	c, err := s.opts.Cases.Store.FindCase(r.Context(), caseID)
	if err != nil || c.ApplicantID == nil || s.opts.Accounts == nil {
		return "de"
	}
	u, err := s.opts.Accounts.Store.FindUserByID(r.Context(), *c.ApplicantID)
	if err != nil || u.Locale != "en" {
		return "de"
	}
	return "en"
}
