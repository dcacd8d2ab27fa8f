package web

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"io"
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/mail"
	"rathaus/internal/photo"
	"rathaus/internal/report"
)

// rsMaxRegions is how many rectangles one blur form takes.
const rsMaxRegions = 3

// rsPhotoPrefix names the blur form's fields of one photo, so that the
// forms of several photos on one page keep their IDs apart.
func rsPhotoPrefix(id int64) string { return "p" + strconv.FormatInt(id, 10) + "-" }

// rsPhotoOf finds the path's photo of rep.
func rsPhotoOf(r *http.Request, rep *report.Report) (report.Photo, error) {
	id, err := pathID(r, "photo")
	if err != nil {
		return report.Photo{}, err
	}
	for _, p := range rep.Photos {
		if p.ID == id {
			return p, nil
		}
	}
	return report.Photo{}, errNotFound
}

// handleRSPhoto sends the original photo (internal), or with ?kopie=1
// the public copy, to staff.
func (s *Server) handleRSPhoto(w http.ResponseWriter, r *http.Request) error {
	rep, _, err := s.rsLoad(r)
	if err != nil {
		return err
	}
	p, err := rsPhotoOf(r, rep)
	if err != nil || s.opts.ReportFiles == nil {
		return errNotFound
	}
	key := p.Key
	if r.URL.Query().Get("kopie") == "1" {
		key = p.PublicKey()
	}
	rc, info, err := s.opts.ReportFiles.Get(r.Context(), key)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", p.ContentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.FormatInt(info.Size, 10))
	_, err = io.Copy(w, rc)
	return err
}

// rsRegions reads the blur form's rectangles (x, y, width, height in
// pixels); rows left empty are skipped, a row half filled is an error.
func rsRegions(v map[string][]string, prefix string) ([]image.Rectangle, error) {
	get := func(k string) string {
		if x := v[k]; len(x) > 0 {
			return strings.TrimSpace(x[0])
		}
		return ""
	}
	var out []image.Rectangle
	var fe []fault.FieldError
	for i := 1; i <= rsMaxRegions; i++ {
		names := []string{fmt.Sprintf("%sx%d", prefix, i), fmt.Sprintf("%sy%d", prefix, i), fmt.Sprintf("%sw%d", prefix, i),
			fmt.Sprintf("%sh%d", prefix, i)}
		var n [4]int
		empty, bad := 0, ""
		for j, name := range names {
			s := get(name)
			if s == "" {
				empty++
				continue
			}
			x, err := strconv.Atoi(s)
			if err != nil || x < 0 || x > 100000 || j >= 2 && x == 0 {
				bad = name
				continue
			}
			n[j] = x
		}
		switch {
		case empty == 4:
			continue
		case empty > 0 && bad == "":
			for j, name := range names {
				if get(name) == "" {
					bad = names[j]
					break
				}
			}
		}
		if bad != "" {
			fe = append(fe, fault.FieldError{Field: bad, Key: "reports_staff.error.region", Args: []any{i}})
			continue
		}
		out = append(out, image.Rect(n[0], n[1], n[0]+n[2], n[1]+n[3]))
	}
	if len(fe) > 0 {
		return nil, fault.Fields(fe...)
	}
	if len(out) == 0 {
		return nil, fault.Fields(fault.FieldError{Field: prefix + "x1", Key: "reports_staff.error.region_none"})
	}
	return out, nil
}

// rsMakeCopy writes the public copy of p with rects blurred.
func (s *Server) rsMakeCopy(ctx context.Context, p report.Photo, rects []image.Rectangle) error {
	rc, _, err := s.opts.ReportFiles.Get(ctx, p.Key)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	out, _, err := photo.Blur(data, rects, photo.Limits{})
	if err != nil {
		return err
	}
	_, err = s.opts.ReportFiles.Put(ctx, p.PublicKey(), bytes.NewReader(out), filestore.Meta{ContentType: p.ContentType})
	return err
}

// handleRSBlur makes the public copy of a photo with the marked regions
// blurred; the original stays as it is.
func (s *Server) handleRSBlur(w http.ResponseWriter, r *http.Request) error {
	rep, _, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	p, err := rsPhotoOf(r, rep)
	if err != nil || s.opts.ReportFiles == nil {
		return errNotFound
	}
	prefix := rsPhotoPrefix(p.ID)
	rects, err := rsRegions(v, prefix)
	if err == nil {
		err = s.rsMakeCopy(r.Context(), p, rects)
	}
	if err != nil {
		if fe := fault.As(err); fe.Kind == fault.Invalid && len(fe.Fields) == 0 {
			err = fault.Fields(fault.FieldError{Field: prefix + "x1", Key: fe.Key, Args: fe.Args})
		}
		return s.rsFailed(w, r, v, err, nil)
	}
	return s.rsDone(w, r, rep.Reference, "#photos-heading", "reports_staff.flash.blurred")
}

// handleRSPublish publishes a photo's public copy (making one without
// blurring when staff made none) or withdraws it.
func (s *Server) handleRSPublish(w http.ResponseWriter, r *http.Request) error {
	rep, a, v, err := s.rsPost(r)
	if err != nil {
		return s.rsFailed(w, r, v, err, nil)
	}
	p, err := rsPhotoOf(r, rep)
	if err != nil || s.opts.ReportFiles == nil {
		return errNotFound
	}
	if !a.CanWork(rep) {
		return fault.New(fault.Forbidden, "error.reports.forbidden")
	}
	ctx, public := r.Context(), v.Get("public") == "1"
	if public {
		if _, err := s.opts.ReportFiles.Stat(ctx, p.PublicKey()); err != nil {
			return s.rsFailed(w, r, v, fault.Fields(fault.FieldError{Field: rsPhotoPrefix(p.ID) + "x1", Key: "reports_staff.error.no_copy"}), nil)
		}
	}
	if err := s.opts.Reports.Store.SetDefectPhotoPublic(ctx, rep.ID, p.ID, public); err != nil {
		return err
	}
	key := "reports_staff.flash.withdrawn"
	if public {
		key = "reports_staff.flash.published"
	}
	return s.rsDone(w, r, rep.Reference, "#photos-heading", key)
}

// rsStatusMails is the reporter's mail on a status change: the new
// status, the public note and the link to the report's public page, in
// German and English (the reporter's language is not known).
func (s *Server) rsStatusMails(rep *report.Report, n *report.Note) []mail.Message {
	link := strings.TrimRight(s.opts.BaseURL, "/") + "/meldungen/" + rep.Reference
	part := func(lang string) string {
		t := func(key string, args ...any) string { return s.tr.T(lang, key, args...) }
		b := t("reports_staff.mail.body", rep.Reference, t("reports_staff.status."+string(n.Status)))
		if n.Text != "" {
			b += "\n\n" + n.Text
		}
		if rep.ForwardedTo != "" && n.Status == report.StatusNotResponsible {
			b += "\n\n" + t("reports_staff.mail.forwarded", rep.ForwardedTo)
		}
		return b + "\n\n" + t("reports_staff.mail.link", link)
	}
	subject := mail.Sanitize(s.tr.T("de", "reports_staff.mail.subject", rep.Reference, rep.Reference))
	return []mail.Message{{To: rep.Contact.Email, Subject: subject, Text: part("de") + "\n\n-- \n\n" + part("en"),
		UserID: rep.Contact.AccountID, CreatedAt: s.now()}}
}
