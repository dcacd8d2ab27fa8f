package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// One page of an application: its questions, uploads with remove
// buttons, "save and continue later", and the check of the page's
// answers before the next page.

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
	// lang attributes of texts that fell back to German
	FormTitleLang, TitleLang, HelpLang string
	// Problems is the page's form for the error summary, whose messages
	// name their question ("Anschrift – Ort: …"); the inline errors stay
	// short.
	Problems *Form
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
	ap.FormTitleLang, ap.TitleLang, ap.HelpLang = fallbackLang(a.Form.Title, lang), fallbackLang(p.Title, lang), fallbackLang(p.Help, lang)
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
		ap.BackURL = a.startURL()
	}
	ap.Problems = labelledProblems(f, a.Form, lang)
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

// labelledProblems copies f with each field error's message prefixed by
// its question's label (and an address part's name).
func labelledProblems(f *Form, fm *form.Form, lang string) *Form {
	out := *f
	out.Errors = make([]FieldMessage, len(f.Errors))
	for i, e := range f.Errors {
		qid, part, _ := strings.Cut(e.Field, ".")
		if q, _ := fm.Question(qid); q != nil {
			label := q.Label.Get(lang)
			if part != "" {
				label += " – " + f.T("question.address."+part)
			}
			e.Message = label + ": " + e.Message
		}
		out.Errors[i] = e
	}
	return &out
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
