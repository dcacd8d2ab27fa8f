package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// "Check your answers" and the submission.

// Cookies of the submission: the secret of a case submitted without an
// account (it opens the case's pages in this browser session), and the
// idempotency key of the last submission with its case, so that a second
// press of the button after the first went through finds that case.
const (
	caseAccessCookie     = "rathaus_antrag_zugang"
	applySubmittedCookie = "rathaus_antrag_gesendet"
)

// applyCheckPage lists the answers by page with links to change them.
type applyCheckPage struct {
	Page
	App       *applyFlow
	FormTitle string
	Groups    []applyCheckGroup
	Missing   []applyCheckProblem // answers still missing or wrong: no submit yet
	Fee       string              // "" without a fee
	Key       string              // idempotency key of this rendering
	BackURL   string
	Action    string
	// FormTitleLang is "de" when the form's title fell back to German.
	FormTitleLang string
}

// applyCheckGroup is one page of the form with its answers.
type applyCheckGroup struct {
	Number    int
	Title     string
	ChangeURL string
	Rows      []form.SummaryRow
}

// applyCheckProblem is an answer to give or correct before submitting.
type applyCheckProblem struct {
	Message, URL string
}

func (s *Server) handleApplyCheck(w http.ResponseWriter, r *http.Request) error {
	a, err := s.openApplication(r)
	if err != nil {
		return err
	}
	if a.Draft == nil {
		redirect(w, r, applyURL(a.Service.ID))
		return nil
	}
	return s.renderCheck(w, r, a, s.newForm(r, nil), http.StatusOK)
}

// renderCheck shows the check page with the problems in f.
// Field errors of the submission itself (extra) join the list of missing
// answers, with links to their pages.
func (s *Server) renderCheck(w http.ResponseWriter, r *http.Request, a *applyFlow, f *Form, status int, extra ...fault.FieldError) error {
	lang := langOf(r)
	p := applyCheckPage{Page: s.page(r, "cases_web.check.title"), App: a, FormTitle: a.Form.Title.Get(lang),
		Key: newIdempotencyKey(), Action: a.url("/absenden")}
	p.Page.Form = f
	p.FormTitleLang = fallbackLang(a.Form.Title, lang)
	path := a.Form.Path(a.Answers)
	if len(path) > 0 {
		p.BackURL = a.url("/" + path[len(path)-1])
	}
	for _, row := range a.Form.Summary(a.Answers, lang) {
		if n := len(p.Groups); n == 0 || p.Groups[n-1].ChangeURL != a.url("/"+row.PageID, "return", "pruefen") {
			p.Groups = append(p.Groups, applyCheckGroup{Number: len(p.Groups) + 1, Title: row.PageTitle, ChangeURL: a.url("/"+row.PageID, "return", "pruefen")})
		}
		g := &p.Groups[len(p.Groups)-1]
		g.Rows = append(g.Rows, row)
	}
	if _, err := a.Form.Validate(a.Answers, lang); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		for _, fe := range fault.As(err).Fields {
			p.Missing = append(p.Missing, s.applyCheckProblem(r, a, fe))
		}
	}
	for _, fe := range extra {
		p.Missing = append(p.Missing, s.applyCheckProblem(r, a, fe))
	}
	if a.Form.Fee != nil {
		p.Fee = euro(lang, a.Form.FeeCents(a.Answers))
	}
	return s.renderStatus(w, r, status, "cases_apply_check", p)
}

// applyCheckProblem names the question of a field error and links to its page.
func (s *Server) applyCheckProblem(r *http.Request, a *applyFlow, fe fault.FieldError) applyCheckProblem {
	qid, _, _ := strings.Cut(fe.Field, ".")
	q, p := a.Form.Question(qid)
	if q == nil {
		return applyCheckProblem{Message: s.t(r, fe.Key, fe.Args...)}
	}
	msg := q.Label.Get(langOf(r)) + ": " + s.t(r, fe.Key, fe.Args...)
	return applyCheckProblem{Message: msg, URL: a.url("/"+p.ID, "return", "pruefen") + "#" + fieldID(fe.Field)}
}

// newIdempotencyKey is a fresh key for one rendering of the submit form.
func newIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// validSubmitKey reports whether k looks like a key newIdempotencyKey made.
func validSubmitKey(k string) bool {
	if len(k) != 32 {
		return false
	}
	_, err := hex.DecodeString(k)
	return err == nil
}

// handleApplySubmit hands the application in. The idempotency key makes
// a double click one case: the domain returns the first case for the
// same key, and after the first request deleted the draft, the cookie of
// the last submission leads to it.
func (s *Server) handleApplySubmit(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	key := values.Get("schluessel")
	if !validSubmitKey(key) {
		return errBadRequest
	}
	if last, ok := s.signedCookie(r, applySubmittedCookie); ok {
		if k, id, _ := strings.Cut(last, ":"); k == key {
			redirect(w, r, "/antraege/"+id+"/eingegangen")
			return nil
		}
	}
	a, err := s.openApplication(r)
	if err != nil {
		return err
	}
	if a.Draft == nil {
		// The draft went with a submission just now (a double click whose
		// first response the browser dropped): that case, if any.
		to, err := s.justSubmitted(r, a)
		if err != nil {
			return err
		}
		redirect(w, r, to)
		return nil
	}
	if values.Get("erklaerung") != "ja" {
		err := fault.Fields(fault.FieldError{Field: "erklaerung", Key: "error.cases_web.declaration"})
		return s.renderCheck(w, r, a, s.formFor(r, values, err), http.StatusBadRequest)
	}
	app := cases.Application{ServiceID: a.Service.ID, Answers: a.Answers, Lang: langOf(r),
		IdempotencyKey: key, DraftID: a.Draft.ID}
	if u := a.User; u != nil {
		uid := u.ID
		app.Applicant = cases.Applicant{UserID: &uid, Name: u.DisplayName, Email: u.Email}
	}
	out, err := s.opts.Cases.Submit(r.Context(), app)
	if fault.Is(err, fault.Invalid) {
		fe := fault.As(err)
		f := s.formFor(r, values, fault.New(fault.Invalid, fe.Key, fe.Args...))
		return s.renderCheck(w, r, a, f, http.StatusBadRequest, fe.Fields...)
	} else if err != nil {
		return err
	}
	id := strconv.FormatInt(out.Case.ID, 10)
	if out.Secret != "" {
		s.setSignedCookie(w, caseAccessCookie, out.Secret, 0)
	}
	if a.User == nil {
		s.deleteCookie(w, applyDraftCookie(a.Service.ID))
	}
	s.setSignedCookie(w, applySubmittedCookie, key+":"+id, 3600)
	redirect(w, r, "/antraege/"+id+"/eingegangen")
	return nil
}

// resubmitWindow is how long after a submission another press of the
// submit button, without the draft, leads to that case.
const resubmitWindow = 10 * time.Minute

// justSubmitted is where a submission without a draft goes: the
// confirmation of the account's case of this service submitted within
// resubmitWindow, else the start page.
func (s *Server) justSubmitted(r *http.Request, a *applyFlow) (string, error) {
	if a.User == nil {
		return applyURL(a.Service.ID), nil
	}
	mine, err := s.opts.Cases.Mine(r.Context(), a.User.ID)
	if err != nil {
		return "", err
	}
	for _, c := range mine {
		if c.ServiceID == a.Service.ID && s.now().Sub(c.SubmittedAt) < resubmitWindow {
			return myCaseURL(c.ID) + "/eingegangen", nil
		}
	}
	return applyURL(a.Service.ID), nil
}

// caseStatusLink is the address of a case's status page by its secret.
func (s *Server) caseStatusLink(secret string) string {
	return s.absURL("/antraege/status?" + url.Values{"s": {secret}}.Encode())
}
