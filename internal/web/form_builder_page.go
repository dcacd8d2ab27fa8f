package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// formPagePage edits one page of a draft: its ID, title, help text and
// condition, and lists its questions.
type formPagePage struct {
	Page
	Service   *catalog.Service
	F         *form.Form
	P         *form.Page
	Base      string
	Action    string
	Number    int // the page's position, from 1
	Combined  string
	CondQ     editGroup
	CondOp    editGroup
	Questions []formQuestionRow
	NewType   editGroup
}

// formQuestionRow is one question in a page's list.
type formQuestionRow struct {
	ID, Label, Type, EditURL string
	Required, First, Last    bool
}

// builderPage loads the draft and the path's {page}.
func (s *Server) builderPage(r *http.Request) (*catalog.Service, *form.Form, int, error) {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return nil, nil, 0, err
	}
	i := pageIndex(f, r.PathValue("page"))
	if i < 0 {
		return nil, nil, 0, errNotFound
	}
	return svc, f, i, nil
}

func (s *Server) handleFormPage(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, err := s.builderPage(r)
	if err != nil {
		return err
	}
	return s.renderFormPage(w, r, svc, f, i, s.newForm(r, pageValues(&f.Pages[i])), http.StatusOK)
}

// pageValues are a page's fields as its form submits them.
func pageValues(p *form.Page) url.Values {
	v := url.Values{"page_id": {p.ID}}
	setText(v, "title", p.Title)
	setText(v, "help", p.Help)
	if c := p.ShowIf; c != nil && c.Question != "" {
		v.Set("cond.question", c.Question)
		v.Set("cond.op", c.Op)
		v.Set("cond.value", conditionValue(c))
	}
	return v
}

// handleFormPageSave saves a page's ID, texts and condition.
func (s *Server) handleFormPageSave(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, err := s.builderPage(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	p := &g.Pages[i]
	p.ID = strings.TrimSpace(values.Get("page_id"))
	p.Title, p.Help = langTextOf(values, "title"), langTextOf(values, "help")
	switch {
	case values.Get("cond_keep") != "" && p.ShowIf != nil:
		// A combined condition from an import stays as it is.
	default:
		p.ShowIf = conditionOf(values, "cond.")
	}
	err = s.saveDraft(r.Context(), g)
	if fault.Is(err, fault.Invalid) {
		prefix := "pages." + strconv.Itoa(i)
		local := func(path, _ string) string {
			switch path {
			case prefix:
				return "page_id"
			case prefix + ".title":
				return "title_de"
			case prefix + ".show_if":
				return "cond.question"
			}
			return ""
		}
		return s.renderFormPage(w, r, svc, f, i, s.builderForm(r, g, values, err, local), statusOf(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPagePath(svc.ID, p.ID), "form_builder.flash.saved")
}

// renderFormPage renders the editor of page i of draft f.
func (s *Server) renderFormPage(w http.ResponseWriter, r *http.Request, svc *catalog.Service, f *form.Form, i int, pf *Form, status int) error {
	pg := &f.Pages[i]
	p := formPagePage{Page: s.page(r, "form_builder.page.title"), Service: svc, F: f, P: pg, Base: formPath(svc.ID),
		Action: formPagePath(svc.ID, pg.ID), Number: i + 1}
	p.Title = s.t(r, "form_builder.page.title", i+1, pg.Title.Get(p.Lang))
	p.Form = pf
	v := pf.Values
	if c := pg.ShowIf; c != nil && c.Question == "" {
		p.Combined = s.conditionText(r, f, c)
	}
	p.CondQ = builderGroup(pf, "cond.question", s.t(r, "form_builder.condition.question"), s.questionChoices(r, f, i), v.Get("cond.question"))
	p.CondQ.Hint = s.t(r, "form_builder.condition.question_hint")
	p.CondOp = builderGroup(pf, "cond.op", s.t(r, "form_builder.condition.op"), s.opChoices(r), v.Get("cond.op"))
	for j := range pg.Questions {
		q := &pg.Questions[j]
		p.Questions = append(p.Questions, formQuestionRow{ID: q.ID, Label: q.Label.Get(p.Lang), Type: s.t(r, "form_builder.type."+q.Type),
			EditURL: formQuestionPath(svc.ID, q.ID), Required: q.Required, First: j == 0, Last: j == len(pg.Questions)-1})
	}
	p.NewType = builderGroup(pf, "question_type", s.t(r, "form_builder.question.type"), s.typeChoices(r), v.Get("question_type"))
	p.NewType.Optional = false
	return s.renderStatus(w, r, status, "form_builder_page", p)
}

// handleFormPageDeleteConfirm asks before a page goes.
func (s *Server) handleFormPageDeleteConfirm(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, err := s.builderPage(r)
	if err != nil {
		return err
	}
	pg := &f.Pages[i]
	return s.renderFormConfirm(w, r, formConfirmPage{
		Heading: s.t(r, "form_builder.page.delete_title", pg.Title.Get(langOf(r))),
		Text:    s.t(r, "form_builder.page.delete_text", len(pg.Questions)),
		Action:  formPagePath(svc.ID, pg.ID) + "/delete", Button: s.t(r, "form_builder.delete"),
		Back: formPagePath(svc.ID, pg.ID), Danger: true,
	})
}

// handleFormPageDelete removes a page and its questions.
func (s *Server) handleFormPageDelete(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, err := s.builderPage(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	g.Pages = append(g.Pages[:i], g.Pages[i+1:]...)
	if err := s.saveDraft(r.Context(), g); fault.Is(err, fault.Invalid) {
		return s.renderFormEdit(w, r, svc, f, s.structureForm(r, f, g, err), statusOf(err))
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPath(svc.ID), "form_builder.flash.page_deleted")
}

// handleFormQuestionAdd adds a question of a type to a page and opens it.
func (s *Server) handleFormQuestionAdd(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, err := s.builderPage(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	q := s.newQuestion(g, values.Get("question_type"), strings.TrimSpace(values.Get("question_label")))
	g.Pages[i].Questions = append(g.Pages[i].Questions, q)
	err = s.saveDraft(r.Context(), g)
	if fault.Is(err, fault.Invalid) {
		prefix := "pages." + strconv.Itoa(i) + ".questions." + strconv.Itoa(len(g.Pages[i].Questions)-1)
		local := func(path, _ string) string {
			switch {
			case path == prefix+".type":
				return "question_type"
			case strings.HasPrefix(path, prefix):
				return "question_label"
			}
			return ""
		}
		pf := s.builderForm(r, g, mergeValues(pageValues(&f.Pages[i]), values), err, local)
		return s.renderFormPage(w, r, svc, f, i, pf, statusOf(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formQuestionPath(svc.ID, q.ID), "form_builder.flash.question_added")
}
