package web

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// reportNoteView is a public status note.
type reportNoteView struct {
	Date, Status, Text string
}

type reportPhotoView struct {
	Src, Alt string
}

// reportViewPage is a report's public page: no personal data.
type reportViewPage struct {
	Page
	Reference   string
	Category    string
	Place       string
	Area        string
	Status      string
	Forwarded   string
	Requested   string
	Description string
	Photos      []reportPhotoView
	Notes       []reportNoteView
	Supporters  int
	Open        bool
	Original    string // the original's reference when this one was merged
}

// handleReportView shows a report's public page.
func (s *Server) handleReportView(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	rep, err := s.reportByRef(r)
	if err != nil {
		return err
	}
	_, tree, err := s.reportOrg(ctx)
	if err != nil {
		return err
	}
	p := reportViewPage{Page: s.page(r, "reports_web.view.title"), Reference: rep.Reference,
		Place: s.reportPlace(r, rep), Status: s.reportStatusLabel(r, rep.Status), Forwarded: rep.ForwardedTo,
		Description: rep.Description, Supporters: rep.Supporters, Open: rep.Status.Open()}
	p.Title = s.t(r, "reports_web.view.heading", rep.Reference)
	p.Category = reportCategoryName(tree, rep.CategoryID, p.Lang)
	p.Requested = p.Page.Date(rep.RequestedAt.In(s.opts.Location))
	if rep.DuplicateOf != nil {
		if orig, err := s.opts.Reports.Store.FindDefectReport(ctx, *rep.DuplicateOf); err == nil {
			p.Original = orig.Reference
		} else if !fault.Is(err, fault.NotFound) {
			return err
		}
	}
	n := 0
	for _, ph := range rep.Photos {
		if ph.Public {
			n++
			p.Photos = append(p.Photos, reportPhotoView{Src: reportPath(rep.Reference) + "/fotos/" + strconv.FormatInt(ph.ID, 10),
				Alt: s.t(r, "reports_web.view.photo_alt", n, p.Category)})
		}
	}
	notes, err := s.opts.Reports.Store.FindDefectNotes(ctx, rep.ID, true)
	if err != nil {
		return err
	}
	for _, nt := range notes {
		p.Notes = append(p.Notes, reportNoteView{Date: p.Page.Date(nt.At.In(s.opts.Location)),
			Status: s.reportStatusLabel(r, nt.Status), Text: nt.Text})
	}
	return s.render(w, r, "reports_view", p)
}

// supporterCookie keeps a random id of the browser, set only when it
// says "me too", so the same browser counts once.
const supporterCookie = "rathaus_supporter"

// reportSupporter names who says "me too": the account, else the
// browser's random id, hashed.
func (s *Server) reportSupporter(w http.ResponseWriter, r *http.Request) (string, error) {
	if u := currentUser(r); u != nil {
		return "account:" + strconv.FormatInt(u.ID, 10), nil
	}
	id, ok := s.signedCookie(r, supporterCookie)
	if !ok {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return "", err
		}
		id = hex.EncodeToString(b)
		s.setSignedCookie(w, supporterCookie, id, 365*24*3600)
	}
	sum := sha256.Sum256([]byte(id))
	return "device:" + hex.EncodeToString(sum[:]), nil
}

// handleReportSupport counts "me too" once per account or browser.
func (s *Server) handleReportSupport(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.parseForm(r); err != nil {
		return err
	}
	rep, err := s.reportByRef(r)
	if err != nil {
		return err
	}
	who, err := s.reportSupporter(w, r)
	if err != nil {
		return err
	}
	added, _, err := s.opts.Reports.Support(r.Context(), rep.ID, who)
	if err != nil {
		return err
	}
	if !added {
		return s.redirectFlashKind(w, r, reportPath(rep.Reference), "info", "reports_web.flash.already_supported")
	}
	return s.redirectFlash(w, r, reportPath(rep.Reference), "reports_web.flash.supported")
}

// handleReportPhoto serves a photo staff published (never another).
func (s *Server) handleReportPhoto(w http.ResponseWriter, r *http.Request) error {
	rep, err := s.reportByRef(r)
	if err != nil {
		return err
	}
	id, _ := strconv.ParseInt(r.PathValue("photo"), 10, 64)
	var ph *report.Photo
	for i := range rep.Photos {
		if rep.Photos[i].ID == id && rep.Photos[i].Public {
			ph = &rep.Photos[i]
		}
	}
	if ph == nil || s.opts.ReportFiles == nil {
		return fault.New(fault.NotFound, "error.not_found")
	}
	f, info, err := s.opts.ReportFiles.Get(r.Context(), ph.PublicKey()) // the blurred copy staff made, never the original
	if err != nil {
		return err
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", ph.ContentType)
	h.Set("Content-Length", strconv.FormatInt(info.Size, 10))
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("X-Content-Type-Options", "nosniff")
	_, err = io.Copy(w, f)
	return err
}
