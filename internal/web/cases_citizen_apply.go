package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// The citizen's application: a start page, then one page per step of the
// service's published form (templates/pages/cases_apply_*.html). Between
// pages the answers live in a draft: in the account (its ID travels as
// "?entwurf=" in links and a hidden field), or without an account behind
// the draft's secret, which the browser keeps in a signed, HttpOnly
// session cookie. Answers themselves never go into a cookie.

// applyDraftParam names the draft of an account in URLs and forms.
const applyDraftParam = "entwurf"

// applyDraftCookie is the cookie holding the secret of an anonymous draft of
// service sid.
func applyDraftCookie(sid int64) string { return "rathaus_antrag_" + strconv.FormatInt(sid, 10) }

// applyFlow is an application in progress: the form, its service, who
// fills it in and their draft (nil until the first page is saved).
type applyFlow struct {
	Form    *form.Form
	Service *catalog.Service
	User    *account.User
	Who     cases.Citizen
	Draft   *cases.Draft
	Answers form.Answers
}

// applyURL is where a service's online application starts.
func applyURL(sid int64) string { return "/antrag/" + strconv.FormatInt(sid, 10) }

// url is path of this application with the account's draft in the query.
func (a *applyFlow) url(path string, extra ...string) string {
	q := url.Values{}
	if a.User != nil && a.Draft != nil {
		q.Set(applyDraftParam, strconv.FormatInt(a.Draft.ID, 10))
	}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	u := applyURL(a.Service.ID) + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// DraftID is the account draft's ID for hidden fields; 0 without one.
func (a *applyFlow) DraftID() int64 {
	if a.User == nil || a.Draft == nil {
		return 0
	}
	return a.Draft.ID
}

// firstPage is the first page the applicant sees.
func (a *applyFlow) firstPage() string {
	if path := a.Form.Path(a.Answers); len(path) > 0 {
		return path[0]
	}
	return ""
}

// openApplication loads the service's published form and, when login is
// needed or not allowed, fails accordingly; the draft is the account's
// (?entwurf= or the form field) or the one behind the cookie's secret.
func (s *Server) openApplication(r *http.Request) (*applyFlow, error) {
	sid, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	f, svc, err := s.opts.Cases.Form(r.Context(), sid)
	if err != nil {
		return nil, err
	}
	a := &applyFlow{Form: f, Service: svc, User: currentUser(r), Answers: form.Answers{}}
	if a.User == nil && !f.Settings.Anonymous {
		return nil, fault.New(fault.Unauthenticated, "error.cases.login_required")
	}
	var saved *cases.SavedDraft
	if a.User != nil {
		uid := a.User.ID
		a.Who = cases.Citizen{UserID: &uid}
		id, _ := strconv.ParseInt(r.FormValue(applyDraftParam), 10, 64)
		if id > 0 {
			if saved, err = s.opts.Cases.OpenDraft(r.Context(), a.Who, id); err != nil {
				return nil, err
			}
		}
	} else if secret, ok := s.signedCookie(r, applyDraftCookie(sid)); ok && secret != "" {
		if saved, err = s.opts.Cases.OpenDraft(r.Context(), cases.Citizen{Secret: secret}, 0); err == nil {
			a.Who = cases.Citizen{Secret: secret}
		} else if !fault.Is(err, fault.NotFound) {
			return nil, err
		}
	}
	if saved != nil {
		if saved.Draft.ServiceID != sid {
			return nil, errNotFound
		}
		a.Draft, a.Answers = saved.Draft, saved.Answers
	}
	return a, nil
}

// saveApplyDraft stores the answers and where the applicant goes on; a new
// anonymous draft's secret goes into the cookie.
func (s *Server) saveApplyDraft(w http.ResponseWriter, r *http.Request, a *applyFlow, answers form.Answers, pageID string) error {
	var id int64
	if a.User != nil && a.Draft != nil {
		id = a.Draft.ID
	}
	saved, err := s.opts.Cases.SaveDraft(r.Context(), a.Who, id, a.Service.ID, a.Form.Version, answers, pageID)
	if err != nil {
		return err
	}
	if saved.Secret != "" {
		s.setSignedCookie(w, applyDraftCookie(a.Service.ID), saved.Secret, 0)
		a.Who = cases.Citizen{Secret: saved.Secret}
	}
	a.Draft, a.Answers = saved.Draft, answers
	return nil
}

// applyStartPage is the start page of an application.
type applyStartPage struct {
	Page
	App        *applyFlow
	Title      string
	Intro      string
	Documents  []string
	Fee        string // "" without a fee
	FeeVaries  bool   // computed from the answers
	Days       int    // promised decision time in days; 0: none
	DraftDays  int    // how long a draft is kept
	FirstURL   string
	Prefill    []string // translated names of the profile data the form can take
	Anonymous  bool
	LoginURL   string
	ResumeURL  string // the account's saved draft of this service
	HasFiles   bool
	PageTitles []string
}

func (s *Server) handleApplyStart(w http.ResponseWriter, r *http.Request) error {
	sid, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return errNotFound
	}
	f, svc, err := s.opts.Cases.Form(r.Context(), sid)
	if err != nil {
		return err
	}
	lang := langOf(r)
	a := &applyFlow{Form: f, Service: svc, User: currentUser(r), Answers: form.Answers{}}
	p := applyStartPage{Page: s.page(r, "cases_web.start.title"), App: a, Title: f.Title.Get(lang),
		Intro: f.Intro.Get(lang), Documents: svc.Documents, Days: f.Settings.DecisionDays,
		DraftDays: int(s.opts.Cases.DraftTTL.Hours() / 24), Anonymous: f.Settings.Anonymous,
		FirstURL: applyURL(sid) + "/" + a.firstPage(),
		LoginURL: loginPath + "?" + url.Values{"next": {applyURL(sid)}}.Encode()}
	if p.DraftDays <= 0 {
		p.DraftDays = int(cases.DefaultDraftTTL.Hours() / 24)
	}
	p.Page.Title = p.Title
	if f.Fee != nil {
		p.Fee = euro(lang, f.Fee.BaseCents)
		p.FeeVaries = f.Fee.PerUnit != nil || len(f.Fee.Surcharges) > 0
	}
	for _, pg := range f.Pages {
		p.PageTitles = append(p.PageTitles, pg.Title.Get(lang))
		for _, q := range pg.Questions {
			p.HasFiles = p.HasFiles || q.Type == form.TypeFile
		}
	}
	if a.User != nil {
		p.Prefill = s.prefillNames(r, f, a.User)
		if p.ResumeURL, err = s.resumeURL(r, a.User.ID, sid); err != nil {
			return err
		}
	}
	return s.render(w, r, "cases_apply_start", p)
}

// applyProfile is what an account can offer to prefill: its name and e-mail
// address (an account keeps no postal address or phone number).
func applyProfile(u *account.User) form.Profile {
	return form.Profile{Name: u.DisplayName, Email: u.Email}
}

// prefillNames lists, translated, the profile data the form would take
// from the account; empty when it would take none.
func (s *Server) prefillNames(r *http.Request, f *form.Form, u *account.User) []string {
	prof := applyProfile(u)
	var out []string
	for _, src := range f.PrefillSources() {
		if src == form.PrefillName && prof.Name != "" || src == form.PrefillEmail && prof.Email != "" {
			out = append(out, s.t(r, "cases_web.prefill."+src[len("profile."):]))
		}
	}
	return out
}

// resumeURL is the page where the account's latest draft of service sid
// goes on, or "".
func (s *Server) resumeURL(r *http.Request, uid, sid int64) (string, error) {
	drafts, err := s.opts.Cases.MyDrafts(r.Context(), uid)
	if err != nil {
		return "", err
	}
	for _, d := range drafts {
		if d.ServiceID == sid {
			return applyDraftURL(d), nil
		}
	}
	return "", nil
}

// applyDraftURL continues an account's draft where it stopped.
func applyDraftURL(d *cases.Draft) string {
	page := d.PageID
	if page == "" {
		page = "pruefen"
	}
	return applyURL(d.ServiceID) + "/" + page + "?" + applyDraftParam + "=" + strconv.FormatInt(d.ID, 10)
}

// handleApplyBegin starts an account's application: with consent, a
// draft with the profile's data, then the first page.
func (s *Server) handleApplyBegin(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	a, err := s.openApplication(r)
	if err != nil {
		return err
	}
	if values.Get("profil") == "ja" {
		answers := a.Form.PrefillAnswers(applyProfile(a.User), form.Answers{})
		if err := s.saveApplyDraft(w, r, a, answers, a.firstPage()); err != nil {
			return err
		}
	}
	redirect(w, r, a.url("/"+a.firstPage()))
	return nil
}

// handleApplyResume opens an anonymous draft from its secret link: the
// secret goes into the cookie, and the applicant on where they stopped.
func (s *Server) handleApplyResume(w http.ResponseWriter, r *http.Request) error {
	sid, err := strconv.ParseInt(r.PathValue("service"), 10, 64)
	if err != nil {
		return errNotFound
	}
	secret := r.URL.Query().Get("s")
	if secret == "" {
		return errNotFound
	}
	saved, err := s.opts.Cases.OpenDraft(r.Context(), cases.Citizen{Secret: secret}, 0)
	if err != nil {
		return err
	}
	if saved.Draft.ServiceID != sid {
		return errNotFound
	}
	s.setSignedCookie(w, applyDraftCookie(sid), secret, 0)
	page := saved.Draft.PageID
	if page == "" {
		page = "pruefen"
	}
	redirect(w, r, applyURL(sid)+"/"+page)
	return nil
}

// applyPage is one page of the form.
type applyPage struct {
	Page
	App       *applyFlow
	FormTitle string
	PageHelp  string
	Questions []applyQuestion
	Action    string // the page's own address
	BackURL   string
	Return    string // "pruefen" when the applicant came from the check page
	Multipart bool
	Step      int // position in the visible pages, from 1
	Steps     int
}

// applyQuestion is a question for the "question" partial, or for file
// questions the "cases-file-question" partial with the uploaded files.
type applyQuestion struct {
	QuestionField
	Uploaded []applyUpload
}

// applyUpload is a file already uploaded for a file question.
type applyUpload struct {
	Name   string
	Size   string
	Remove string // the value of its remove button: "<question>/<index>"
}

// visibleApplyPage returns the page the request names if the applicant sees
// it with the answers so far.
func visibleApplyPage(a *applyFlow, id string) *form.Page {
	if !slices.Contains(a.Form.Path(a.Answers), id) {
		return nil
	}
	return a.Form.Page(id)
}

func (s *Server) handleApplyPage(w http.ResponseWriter, r *http.Request) error {
	a, err := s.openApplication(r)
	if err != nil {
		return err
	}
	p := visibleApplyPage(a, r.PathValue("page"))
	if p == nil {
		redirect(w, r, a.url("/"+a.firstPage()))
		return nil
	}
	return s.renderApplyPage(w, r, a, p, s.newForm(r, nil), a.Answers, http.StatusOK)
}

// renderApplyPage shows page p with the answers shown (the saved ones, or
// what was just posted) and the problems in f.
func (s *Server) renderApplyPage(w http.ResponseWriter, r *http.Request, a *applyFlow, p *form.Page, f *Form, shown form.Answers, status int) error {
	lang := langOf(r)
	ap := applyPage{Page: s.page(r, "cases_web.page.title"), App: a, FormTitle: a.Form.Title.Get(lang),
		PageHelp: p.Help.Get(lang), Action: a.url("/" + p.ID)}
	ap.Page.Title = p.Title.Get(lang)
	ap.Page.Form = f
	if r.FormValue("return") == "pruefen" {
		ap.Return = "pruefen"
	}
	path := a.Form.Path(a.Answers)
	ap.Steps = len(path)
	ap.Step = slices.Index(path, p.ID) + 1
	switch prev := a.Form.Prev(p.ID, a.Answers); {
	case ap.Return == "pruefen":
		ap.BackURL = a.url("/pruefen")
	case prev != "":
		ap.BackURL = a.url("/" + prev)
	default:
		ap.BackURL = applyURL(a.Service.ID)
	}
	for _, qf := range questionFields(f, p, lang, shown) {
		aq := applyQuestion{QuestionField: qf}
		if qf.Kind == "file" {
			ap.Multipart = true
			for i, ref := range shown[qf.Name].Files {
				aq.Uploaded = append(aq.Uploaded, applyUpload{Name: ref.Name, Size: applyFileSize(lang, ref.Size),
					Remove: qf.Name + "/" + strconv.Itoa(i)})
			}
		}
		ap.Questions = append(ap.Questions, aq)
	}
	return s.renderStatus(w, r, status, "cases_apply_page", ap)
}

// applyFileSize writes a size for people: "12 KB", "3,4 MB".
func applyFileSize(lang string, n int64) string {
	if n < 1<<20 {
		return strconv.FormatInt((n+1023)>>10, 10) + " KB"
	}
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if lang == "de" {
		s = string(commaDecimal(s))
	}
	return s + " MB"
}

func commaDecimal(s string) []byte {
	b := []byte(s)
	for i := range b {
		if b[i] == '.' {
			b[i] = ','
		}
	}
	return b
}

// handleApplyPagePost takes a page: removes a file, saves for later, or
// checks the page's answers and goes on to the next page.
func (s *Server) handleApplyPagePost(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	a, err := s.openApplication(r)
	if err != nil {
		return err
	}
	p := visibleApplyPage(a, r.PathValue("page"))
	if p == nil {
		return errNotFound
	}
	if rm := values.Get("entfernen"); rm != "" {
		return s.removeUpload(w, r, a, p, rm)
	}
	answers := copyApplyAnswers(a.Answers)
	posted := answersOf(p, values)
	for _, q := range p.Questions {
		if q.Type != form.TypeFile {
			if v, ok := posted[q.ID]; ok {
				answers[q.ID] = v
			} else {
				delete(answers, q.ID)
			}
		}
	}
	uploadErrs, err := s.takeUploads(r, p, answers)
	if err != nil {
		return err
	}
	if values.Get("aktion") == "speichern" {
		return s.saveForLater(w, r, a, answers, p.ID)
	}
	normal, verr := a.Form.ValidatePage(p.ID, answers, langOf(r))
	if verr != nil && !fault.Is(verr, fault.Invalid) {
		return verr
	}
	if verr != nil || len(uploadErrs) > 0 {
		return s.pageProblems(w, r, a, p, values, answers, uploadErrs, verr)
	}
	next := a.Form.Next(p.ID, normal)
	if next == "" || values.Get("return") == "pruefen" {
		next = "pruefen"
	}
	if err := s.saveApplyDraft(w, r, a, normal, next); err != nil {
		return err
	}
	redirect(w, r, a.url("/"+next))
	return nil
}

// pageProblems shows the page again with its errors. Files that were
// uploaded fine are kept in the draft, so nobody uploads twice; the
// page's other answers are not saved until they are valid.
func (s *Server) pageProblems(w http.ResponseWriter, r *http.Request, a *applyFlow, p *form.Page, values url.Values, answers form.Answers, uploadErrs []fault.FieldError, verr error) error {
	keep := copyApplyAnswers(a.Answers)
	changed := false
	for _, q := range p.Questions {
		if q.Type == form.TypeFile && !sameUploads(keep[q.ID].Files, answers[q.ID].Files) {
			keep[q.ID], changed = answers[q.ID], true
		}
	}
	if changed {
		if err := s.saveApplyDraft(w, r, a, keep, p.ID); err != nil {
			return err
		}
	}
	fields := uploadErrs
	if verr != nil {
		for _, fe := range fault.As(verr).Fields {
			if !hasFieldError(uploadErrs, fe.Field) {
				fields = append(fields, fe)
			}
		}
	}
	return s.renderApplyPage(w, r, a, p, s.formFor(r, values, fault.Fields(fields...)), answers, http.StatusBadRequest)
}

func hasFieldError(fs []fault.FieldError, field string) bool {
	for _, f := range fs {
		if f.Field == field {
			return true
		}
	}
	return false
}

func sameUploads(a, b []form.FileRef) bool { return slices.Equal(a, b) }

func copyApplyAnswers(a form.Answers) form.Answers {
	out := make(form.Answers, len(a))
	for k, v := range a {
		out[k] = v
	}
	return out
}

// takeUploads stores the files posted for p's file questions and adds
// them to the answers. A refused file (wrong type by its content, too
// large, empty) becomes a field error of its question.
func (s *Server) takeUploads(r *http.Request, p *form.Page, answers form.Answers) ([]fault.FieldError, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var errs []fault.FieldError
	for i := range p.Questions {
		q := &p.Questions[i]
		if q.Type != form.TypeFile {
			continue
		}
		for _, fh := range r.MultipartForm.File[q.ID] {
			if fh.Filename == "" && fh.Size == 0 {
				continue // the empty part of a file input left empty
			}
			f, err := fh.Open()
			if err != nil {
				return nil, err
			}
			ref, err := s.opts.Cases.Upload(r.Context(), fh.Filename, f, q.AllowedTypes, q.MaxBytes)
			f.Close()
			if fault.Is(err, fault.Invalid) {
				errs = append(errs, applyUploadError(q, fh.Filename, err))
				continue
			} else if err != nil {
				return nil, err
			}
			v := answers[q.ID]
			v.Files = append(slices.Clone(v.Files), ref)
			answers[q.ID] = v
		}
	}
	return errs, nil
}

// applyUploadError says in the applicant's terms why a file was refused.
func applyUploadError(q *form.Question, name string, err error) fault.FieldError {
	key := fault.As(err).Key
	types := q.AllowedTypes
	if len(types) == 0 {
		types = form.FileTypes
	}
	names := ""
	for i, t := range types {
		if i > 0 {
			names += ", "
		}
		names += fileTypeName(t)
	}
	max := q.MaxBytes
	if max <= 0 {
		max = form.DefaultMaxBytes
	}
	switch key {
	case "error.files.type":
		return fault.FieldError{Field: q.ID, Key: "error.cases_web.file_type", Args: []any{name, names}}
	case "error.files.too_large":
		return fault.FieldError{Field: q.ID, Key: "error.cases_web.file_size", Args: []any{name, strconv.FormatInt((max+(1<<20)-1)>>20, 10)}}
	case "error.cases.file_empty":
		return fault.FieldError{Field: q.ID, Key: "error.form.file_empty", Args: []any{name}}
	}
	return fault.FieldError{Field: q.ID, Key: key, Args: fault.As(err).Args}
}

// removeUpload drops one uploaded file from a file question and shows
// the page again.
func (s *Server) removeUpload(w http.ResponseWriter, r *http.Request, a *applyFlow, p *form.Page, value string) error {
	qid, idx, ok := cutRemoveValue(value)
	q, qp := a.Form.Question(qid)
	if !ok || q == nil || qp.ID != p.ID || q.Type != form.TypeFile || idx >= len(a.Answers[qid].Files) {
		return errBadRequest
	}
	answers := copyApplyAnswers(a.Answers)
	v := answers[qid]
	v.Files = slices.Delete(slices.Clone(v.Files), idx, idx+1)
	if len(v.Files) == 0 {
		delete(answers, qid)
	} else {
		answers[qid] = v
	}
	if err := s.saveApplyDraft(w, r, a, answers, p.ID); err != nil {
		return err
	}
	extra := []string{}
	if r.FormValue("return") == "pruefen" {
		extra = append(extra, "return", "pruefen")
	}
	return s.redirectFlashKind(w, r, a.url("/"+p.ID, extra...)+"#"+fieldID(qid), "info", "cases_web.flash.file_removed")
}

// cutRemoveValue splits "question/3".
func cutRemoveValue(v string) (string, int, bool) {
	for i := len(v) - 1; i >= 0; i-- {
		if v[i] == '/' {
			n, err := strconv.Atoi(v[i+1:])
			return v[:i], n, err == nil && n >= 0
		}
	}
	return "", 0, false
}

// applySavedPage confirms a draft saved for later; without an account it
// shows the secret link to go on, once.
type applySavedPage struct {
	Page
	App       *applyFlow
	ResumeURL string
	Days      int
}

// saveForLater keeps the answers as they are (a draft may be incomplete)
// and tells the applicant how to come back.
func (s *Server) saveForLater(w http.ResponseWriter, r *http.Request, a *applyFlow, answers form.Answers, pageID string) error {
	if err := s.saveApplyDraft(w, r, a, answers, pageID); err != nil {
		return err
	}
	if a.User != nil {
		return s.redirectFlash(w, r, "/antraege", "cases_web.flash.draft_saved")
	}
	p := applySavedPage{Page: s.page(r, "cases_web.saved.title"), App: a,
		ResumeURL: s.absURL(applyURL(a.Service.ID) + "/fortsetzen?" + url.Values{"s": {a.Who.Secret}}.Encode()),
		Days:      int(a.Draft.ExpiresAt.Sub(a.Draft.UpdatedAt).Hours() / 24)}
	return s.render(w, r, "cases_apply_saved", p)
}
