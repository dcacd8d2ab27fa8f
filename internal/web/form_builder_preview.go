package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"rathaus/internal/catalog"
	"rathaus/internal/form"
	"rathaus/internal/i18n"
)

// formPreviewPage shows a version of the form as the applicant will see
// it, one page at a time, in German or English. The answers can be
// checked against the page's rules; nothing is stored.
type formPreviewPage struct {
	Page
	Service     *catalog.Service
	F           *form.Form
	Base        string
	PreviewLang string
	FormTitle   string
	Intro       string
	Number      int // the page's position, from 1
	P           *form.Page
	PageTitle   string
	PageHelp    string
	Condition   string
	Fields      []QuestionField
	QForm       *Form // the questions' form, in PreviewLang
	Action      string
	Prev, Next  string
	Langs       []formPreviewLink
	Pages       []formPreviewLink
	Complete    bool // the answers passed the page's check
	FileNote    bool // the page has a file question, which the preview does not upload
}

type formPreviewLink struct {
	Label, URL string
	Current    bool
	Lang       string
}

// previewLangKeys name the links to the preview in each language.
var previewLangKeys = map[string]string{"de": "form_builder.preview.lang_de", "en": "form_builder.preview.lang_en"}

func (s *Server) handleFormPreview(w http.ResponseWriter, r *http.Request) error {
	return s.formPreview(w, r, nil)
}

// handleFormPreviewCheck checks the answers to one page of the preview.
func (s *Server) handleFormPreviewCheck(w http.ResponseWriter, r *http.Request) error {
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	return s.formPreview(w, r, values)
}

// formPreview renders the preview; with values (a check) it validates
// them against the page.
func (s *Server) formPreview(w http.ResponseWriter, r *http.Request, values url.Values) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	f, err := s.builderVersion(r, svc)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	lang := q.Get("lang")
	if !slices.Contains(i18n.Langs, lang) {
		lang = langOf(r)
	}
	i := max(pageIndex(f, q.Get("page")), 0)
	pg := &f.Pages[i]
	link := func(page int, l string) string {
		v := url.Values{"version": {strconv.Itoa(f.Version)}, "page": {f.Pages[page].ID}, "lang": {l}}
		return formPath(svc.ID) + "/preview?" + v.Encode()
	}
	p := formPreviewPage{Page: s.page(r, "form_builder.preview.title"), Service: svc, F: f, Base: formPath(svc.ID),
		PreviewLang: lang, FormTitle: f.Title.Get(lang), Intro: f.Intro.Get(lang), Number: i + 1, P: pg,
		PageTitle: pg.Title.Get(lang), PageHelp: pg.Help.Get(lang), Condition: s.conditionText(r, f, pg.ShowIf),
		Action: link(i, lang)}
	p.Title = s.t(r, "form_builder.preview.title", svc.Name)
	if i > 0 {
		p.Prev = link(i-1, lang)
	}
	if i < len(f.Pages)-1 {
		p.Next = link(i+1, lang)
	}
	for _, l := range i18n.Langs {
		p.Langs = append(p.Langs, formPreviewLink{Label: s.t(r, previewLangKeys[l]), URL: link(i, l), Current: l == lang, Lang: l})
	}
	for n := range f.Pages {
		p.Pages = append(p.Pages, formPreviewLink{Label: f.Pages[n].Title.Get(lang), URL: link(n, lang), Current: n == i, Lang: lang})
	}
	for _, qu := range pg.Questions {
		p.FileNote = p.FileNote || qu.Type == form.TypeFile
	}
	answers := form.Answers{}
	status := http.StatusOK
	p.QForm = formForLang(s.tr, lang, values, nil)
	if values != nil {
		answers = answersOf(pg, values)
		checked, verr := f.ValidatePage(pg.ID, answers, lang)
		if verr != nil {
			// The answers as typed stay, so they can be corrected.
			p.QForm = formForLang(s.tr, lang, values, verr)
			p.QForm.Summary = s.tr.T(lang, "form_builder.preview.problems")
			status = statusOf(verr)
		} else {
			answers, p.Complete = checked, true
		}
	}
	p.Form = p.QForm
	p.Fields = questionFields(p.QForm, pg, lang, answers)
	return s.renderStatus(w, r, status, "form_builder_preview", p)
}
