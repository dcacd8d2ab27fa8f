package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// formQuestionPage edits one question of a draft with the rules its type
// knows.
type formQuestionPage struct {
	Page
	Service  *catalog.Service
	F        *form.Form
	Q        *form.Question
	PageURL  string
	PageName string
	Action   string
	Type     editGroup
	Prefill  editGroup
	Options  []formOptionRow
	Files    editGroup
	Required editGroup
	Integer  editGroup
	Foreign  editGroup
}

// formOptionRow is one option of a choice question.
type formOptionRow struct {
	Legend        string
	Value, DE, EN Field
}

// questionNumberInputs are the inputs questionOf reads as whole numbers.
var questionNumberInputs = []string{"min_length", "max_length", "max_mb", "max_files"}

// extraOptionRows are the empty option rows offered for new options.
const extraOptionRows = 2

// builderQuestion loads the draft and the path's {question}.
func (s *Server) builderQuestion(r *http.Request) (*catalog.Service, *form.Form, int, int, error) {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return nil, nil, 0, 0, err
	}
	i, j := questionIndex(f, r.PathValue("question"))
	if i < 0 {
		return nil, nil, 0, 0, errNotFound
	}
	return svc, f, i, j, nil
}

func (s *Server) handleFormQuestion(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, j, err := s.builderQuestion(r)
	if err != nil {
		return err
	}
	return s.renderFormQuestion(w, r, svc, f, i, j, s.newForm(r, questionValues(&f.Pages[i].Questions[j])), http.StatusOK)
}

// questionValues are a question's fields as its form submits them.
func questionValues(q *form.Question) url.Values {
	v := url.Values{"id": {q.ID}, "type": {q.Type}, "prefill": {q.Prefill}, "pattern": {q.Pattern},
		"min": {q.Min}, "max": {q.Max}, "min_date": {q.MinDate}, "max_date": {q.MaxDate}}
	setText(v, "label", q.Label)
	setText(v, "help", q.Help)
	flag := func(name string, on bool) {
		if on {
			v.Set(name, "1")
		}
	}
	flag("required", q.Required)
	flag("integer", q.Integer)
	flag("allow_foreign", q.AllowForeign)
	number := func(name string, n int64) {
		if n > 0 {
			v.Set(name, strconv.FormatInt(n, 10))
		}
	}
	number("min_length", int64(q.MinLength))
	number("max_length", int64(q.MaxLength))
	number("max_files", int64(q.MaxFiles))
	number("max_mb", q.MaxBytes>>20)
	v["allowed_types"] = q.AllowedTypes
	for i, o := range q.Options {
		k := formRowKey("options", i)
		v.Set(k+"value", o.Value)
		v.Set(k+"de", o.Label["de"])
		v.Set(k+"en", o.Label["en"])
	}
	return v
}

// questionOf reads the question form. Only the rules of the submitted
// type are kept, so changing the type drops the rules of the old one.
func questionOf(v url.Values) (form.Question, error) {
	var bad []fault.FieldError
	q := form.Question{ID: strings.TrimSpace(v.Get("id")), Type: v.Get("type"),
		Label: langTextOf(v, "label"), Help: langTextOf(v, "help"), Required: v.Get("required") != "",
		Prefill: v.Get("prefill")}
	switch q.Type {
	case form.TypeText, form.TypeTextarea:
		q.MinLength = wholeNumber(v, "min_length", &bad)
		q.MaxLength = wholeNumber(v, "max_length", &bad)
		if q.Type == form.TypeText {
			q.Pattern = strings.TrimSpace(v.Get("pattern"))
		}
	case form.TypeNumber:
		q.Min, q.Max = strings.TrimSpace(v.Get("min")), strings.TrimSpace(v.Get("max"))
		q.Integer = v.Get("integer") != ""
	case form.TypeDate:
		q.MinDate, q.MaxDate = strings.TrimSpace(v.Get("min_date")), strings.TrimSpace(v.Get("max_date"))
	case form.TypeChoice, form.TypeCheckboxes:
		q.Options = optionsOf(v)
	case form.TypeAddress:
		q.AllowForeign = v.Get("allow_foreign") != ""
	case form.TypeFile:
		q.AllowedTypes = v["allowed_types"]
		q.MaxBytes = int64(wholeNumber(v, "max_mb", &bad)) << 20
		q.MaxFiles = wholeNumber(v, "max_files", &bad)
	}
	if len(bad) > 0 {
		return q, fault.Fields(bad...)
	}
	return q, nil
}

// optionsOf reads the option rows; a row without texts is left out, and a
// row without a value gets one from its German text.
func optionsOf(v url.Values) []form.Option {
	var out []form.Option
	for i := range formRowCount(v, "options") {
		k := formRowKey("options", i)
		label := form.Text{}
		for _, lang := range []string{"de", "en"} {
			if s := strings.TrimSpace(v.Get(k + lang)); s != "" {
				label[lang] = s
			}
		}
		value := strings.TrimSpace(v.Get(k + "value"))
		if len(label) == 0 && value == "" {
			continue
		}
		if value == "" {
			value = slugFrom(label["de"], "option_"+strconv.Itoa(i+1))
		}
		out = append(out, form.Option{Value: value, Label: label})
	}
	return out
}

// handleFormQuestionSave saves a question; a new ID is carried into the
// conditions and the fee rule that refer to it.
func (s *Server) handleFormQuestionSave(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, j, err := s.builderQuestion(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	q, err := questionOf(values)
	if err == nil {
		old := g.Pages[i].Questions[j].ID
		g.Pages[i].Questions[j] = q
		if q.ID != old && form.IsSlug(q.ID) {
			renameQuestion(g, old, q.ID)
		}
		err = s.saveDraft(r.Context(), g)
	}
	if fault.Is(err, fault.Invalid) {
		prefix := "pages." + strconv.Itoa(i) + ".questions." + strconv.Itoa(j)
		local := func(path, key string) string {
			switch strings.TrimPrefix(path, prefix) {
			case "":
				if key == "error.form.def.limits" {
					return "limits"
				}
				return "id"
			case ".label":
				return "label_de"
			case ".type":
				return "type"
			case ".options":
				return "options"
			case ".pattern":
				return "pattern"
			case ".prefill":
				return "prefill"
			}
			if slices.Contains(questionNumberInputs, path) {
				return path // a problem of the inputs themselves
			}
			return ""
		}
		return s.renderFormQuestion(w, r, svc, f, i, j, s.builderForm(r, g, values, err, local), statusOf(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formQuestionPath(svc.ID, q.ID), "form_builder.flash.saved")
}

// renderFormQuestion renders the editor of question j of page i.
func (s *Server) renderFormQuestion(w http.ResponseWriter, r *http.Request, svc *catalog.Service, f *form.Form, i, j int, pf *Form, status int) error {
	pg := &f.Pages[i]
	q := &pg.Questions[j]
	p := formQuestionPage{Page: s.page(r, "form_builder.question.title"), Service: svc, F: f, Q: q,
		PageURL: formPagePath(svc.ID, pg.ID), PageName: pg.Title.Get(langOf(r)), Action: formQuestionPath(svc.ID, q.ID)}
	p.Title = s.t(r, "form_builder.question.title", q.Label.Get(p.Lang))
	p.Form = pf
	v := pf.Values
	p.Type = builderGroup(pf, "type", s.t(r, "form_builder.question.type"), s.typeChoices(r), v.Get("type"))
	p.Type.Optional = false
	p.Type.Hint = s.t(r, "form_builder.question.type_hint")
	prefills := []editChoice{{Value: "", Label: s.t(r, "form_builder.prefill.none")}}
	for _, src := range []string{form.PrefillName, form.PrefillEmail, form.PrefillPhone, form.PrefillAddress} {
		prefills = append(prefills, editChoice{Value: src, Label: s.t(r, "form_builder.prefill."+strings.TrimPrefix(src, "profile."))})
	}
	p.Prefill = builderGroup(pf, "prefill", s.t(r, "form_builder.question.prefill"), prefills, v.Get("prefill"))
	p.Prefill.Hint = s.t(r, "form_builder.question.prefill_hint")
	p.Required = s.flagGroup(r, pf, "required", "form_builder.question.required")
	p.Integer = s.flagGroup(r, pf, "integer", "form_builder.question.integer")
	p.Foreign = s.flagGroup(r, pf, "allow_foreign", "form_builder.question.allow_foreign")
	var types []editChoice
	for _, t := range form.FileTypes {
		types = append(types, editChoice{Value: t, Label: fileTypeName(t)})
	}
	p.Files = builderGroup(pf, "allowed_types", s.t(r, "form_builder.question.allowed_types"), types, v["allowed_types"]...)
	p.Files.Type = "checkbox"
	p.Files.Hint = s.t(r, "form_builder.question.allowed_types_hint")
	p.Files.Choices = checkChoices("allowed_types", p.Files.Choices, v["allowed_types"])
	rows := formRowCount(v, "options")
	if !pf.HasErrors() {
		rows += extraOptionRows
	}
	for n := range max(rows, 2) {
		k := formRowKey("options", n)
		row := formOptionRow{Legend: s.t(r, "form_builder.option.legend", n+1)}
		row.DE, _ = pf.Field(k+"de", "form_builder.option.de", "optional")
		row.EN, _ = pf.Field(k+"en", "form_builder.option.en", "optional")
		row.Value, _ = pf.Field(k+"value", "form_builder.option.value", "optional", "hint=form_builder.option.value_hint")
		p.Options = append(p.Options, row)
	}
	return s.renderStatus(w, r, status, "form_builder_question", p)
}

// flagGroup is a single checkbox as a group (partial "choice-group").
func (s *Server) flagGroup(r *http.Request, pf *Form, name, labelKey string) editGroup {
	g := editGroup{Form: pf, Name: name, Type: "checkbox", Legend: s.t(r, labelKey), Optional: true,
		Choices: []editChoice{{ID: fieldID(name), Value: "1", Label: s.t(r, labelKey+"_label"), Checked: pf.Get(name) != ""}}}
	return g
}

// handleFormQuestionMove moves a question one place up or down on its page.
func (s *Server) handleFormQuestionMove(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, j, err := s.builderQuestion(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	k := j - 1
	if values.Get("dir") == "down" {
		k = j + 1
	}
	back := formPagePath(svc.ID, f.Pages[i].ID)
	if k < 0 || k >= len(f.Pages[i].Questions) {
		return redirectTo(w, r, back)
	}
	g := f.Clone()
	qs := g.Pages[i].Questions
	qs[j], qs[k] = qs[k], qs[j]
	if err := s.saveDraft(r.Context(), g); fault.Is(err, fault.Invalid) {
		return s.renderFormPage(w, r, svc, f, i, s.builderForm(r, g, pageValues(&f.Pages[i]), err, noLocal), statusOf(err))
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, back+"#question-"+qs[k].ID, "form_builder.flash.moved")
}

// handleFormQuestionDeleteConfirm asks before a question goes.
func (s *Server) handleFormQuestionDeleteConfirm(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, j, err := s.builderQuestion(r)
	if err != nil {
		return err
	}
	q := &f.Pages[i].Questions[j]
	return s.renderFormConfirm(w, r, formConfirmPage{
		Heading: s.t(r, "form_builder.question.delete_title", q.Label.Get(langOf(r))),
		Text:    s.t(r, "form_builder.question.delete_text"),
		Action:  formQuestionPath(svc.ID, q.ID) + "/delete", Button: s.t(r, "form_builder.delete"),
		Back: formPagePath(svc.ID, f.Pages[i].ID), Danger: true,
	})
}

// handleFormQuestionDelete removes a question. A page's last question
// cannot go (delete the page instead), nor one a condition refers to.
func (s *Server) handleFormQuestionDelete(w http.ResponseWriter, r *http.Request) error {
	svc, f, i, j, err := s.builderQuestion(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	g.Pages[i].Questions = slices.Delete(g.Pages[i].Questions, j, j+1)
	if err := s.saveDraft(r.Context(), g); fault.Is(err, fault.Invalid) {
		return s.renderFormPage(w, r, svc, f, i, s.builderForm(r, g, pageValues(&f.Pages[i]), err, noLocal), statusOf(err))
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPagePath(svc.ID, f.Pages[i].ID), "form_builder.flash.question_deleted")
}
