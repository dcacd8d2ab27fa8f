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

// formEditPage is the builder's main page of a draft: title, intro,
// settings and fee, and the list of pages.
type formEditPage struct {
	Page
	Service    *catalog.Service
	F          *form.Form
	Status     badge
	Base       string // formPath of the service
	Pages      []formPageRow
	Anonymous  editGroup
	FeeUnit    editGroup // the number question the fee counts per unit
	Surcharges []formSurchargeRow
	NewType    editGroup // the type of a new page's first question
}

// formPageRow is one page in the list, with its actions.
type formPageRow struct {
	ID, Title, EditURL, Condition string
	Questions                     int
	First, Last                   bool
}

// formSurchargeRow is one surcharge: a condition and an amount.
type formSurchargeRow struct {
	Legend             string
	Key                string // the name prefix of the row's inputs
	Question, Op       editGroup
	Value, Amount      Field
	Combined           bool // a combined condition from an import, kept as it is
	CombinedConditions string
}

// builderGroup is a select or group of choices for the builder's forms.
func builderGroup(f *Form, name, legend string, choices []editChoice, selected ...string) editGroup {
	for i := range choices {
		choices[i].Checked = false
		for _, s := range selected {
			if choices[i].Value == s {
				choices[i].Checked = true
			}
		}
	}
	return editGroup{Form: f, Name: name, Legend: legend, Error: f.Error(name), Optional: true, Choices: choices}
}

// handleFormEdit shows the draft's editor, or the latest published
// version read-only with the offer to edit it as a new version.
func (s *Server) handleFormEdit(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.builderService(r)
	if err != nil {
		return err
	}
	f, err := s.opts.Forms.LatestForm(r.Context(), svc.ID)
	if fault.Is(err, fault.NotFound) {
		return s.renderFormView(w, r, svc, nil)
	}
	if err != nil {
		return err
	}
	if !f.Editable() {
		return s.renderFormView(w, r, svc, f)
	}
	return s.renderFormEdit(w, r, svc, f, s.newForm(r, settingsValues(f)), http.StatusOK)
}

// handleFormSave saves title, intro, settings and fee.
func (s *Server) handleFormSave(w http.ResponseWriter, r *http.Request) error {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	err = applySettings(g, values)
	if err == nil {
		err = s.saveDraft(r.Context(), g)
	}
	if fault.Is(err, fault.Invalid) {
		return s.renderFormEdit(w, r, svc, f, s.builderForm(r, g, values, err, settingsField), statusOf(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPath(svc.ID), "form_builder.flash.saved")
}

// settingsField maps Check problems to the inputs of the settings form.
func settingsField(path, _ string) string {
	switch {
	case path == "title":
		return "title_de"
	case path == "fee":
		return "fee_base"
	case strings.HasPrefix(path, "fee.surcharges."):
		return "surcharges." + strings.TrimPrefix(path, "fee.surcharges.") + ".question"
	}
	return ""
}

// settingsValues are the draft's title, intro, settings and fee as the
// settings form submits them.
func settingsValues(f *form.Form) url.Values {
	v := url.Values{}
	setText(v, "title", f.Title)
	setText(v, "intro", f.Intro)
	if f.Settings.Anonymous {
		v.Set("anonymous", "1")
	}
	if f.Settings.DecisionDays > 0 {
		v.Set("decision_days", strconv.Itoa(f.Settings.DecisionDays))
	}
	if f.Fee == nil {
		return v
	}
	v.Set("fee_base", euroInput(f.Fee.BaseCents))
	if u := f.Fee.PerUnit; u != nil {
		v.Set("fee_unit_question", u.Question)
		v.Set("fee_unit_amount", euroInput(u.Cents))
	}
	for i, sc := range f.Fee.Surcharges {
		k := formRowKey("surcharges", i)
		v.Set(k+"question", sc.If.Question)
		v.Set(k+"op", sc.If.Op)
		v.Set(k+"value", conditionValue(&sc.If))
		v.Set(k+"amount", signedEuroInput(sc.Cents))
	}
	return v
}

// applySettings writes the settings form into f; problems of the inputs
// themselves (an amount that is no amount) come back as field errors.
func applySettings(f *form.Form, v url.Values) error {
	var bad []fault.FieldError
	f.Title, f.Intro = langTextOf(v, "title"), langTextOf(v, "intro")
	f.Settings.Anonymous = v.Get("anonymous") != ""
	f.Settings.DecisionDays = wholeNumber(v, "decision_days", &bad)
	var fee form.Fee
	used := false
	if s := strings.TrimSpace(v.Get("fee_base")); s != "" {
		n, ok := parseEuroInput(s)
		if !ok {
			bad = append(bad, fault.FieldError{Field: "fee_base", Key: "error.form_builder.amount"})
		}
		fee.BaseCents, used = n, true
	}
	if q := v.Get("fee_unit_question"); q != "" {
		n, ok := parseEuroInput(v.Get("fee_unit_amount"))
		if !ok {
			bad = append(bad, fault.FieldError{Field: "fee_unit_amount", Key: "error.form_builder.amount"})
		}
		fee.PerUnit, used = &form.PerUnit{Question: q, Cents: n}, true
	}
	old := f.Fee
	for i := range formRowCount(v, "surcharges") {
		k := formRowKey("surcharges", i)
		if v.Get(k+"combined") != "" && old != nil && i < len(old.Surcharges) {
			sc := old.Surcharges[i]
			if n, ok := parseSignedEuro(v.Get(k + "amount")); ok {
				sc.Cents = n
			}
			fee.Surcharges, used = append(fee.Surcharges, sc), true
			continue
		}
		if v.Get(k+"question") == "" {
			continue
		}
		n, ok := parseSignedEuro(v.Get(k + "amount"))
		if !ok {
			bad = append(bad, fault.FieldError{Field: k + "amount", Key: "error.form_builder.amount"})
		}
		c := conditionOf(v, k)
		fee.Surcharges, used = append(fee.Surcharges, form.Surcharge{If: *c, Cents: n}), true
	}
	f.Fee = nil
	if used {
		f.Fee = &fee
	}
	if len(bad) > 0 {
		return fault.Fields(bad...)
	}
	return nil
}

// conditionOf reads a simple condition from the inputs prefix+"question",
// "op" and "value"; nil without a question.
func conditionOf(v url.Values, prefix string) *form.Condition {
	q := v.Get(prefix + "question")
	if q == "" {
		return nil
	}
	c := &form.Condition{Question: q, Op: v.Get(prefix + "op")}
	value := strings.TrimSpace(v.Get(prefix + "value"))
	switch c.Op {
	case form.OpIn:
		for _, s := range strings.Split(value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				c.Values = append(c.Values, s)
			}
		}
	case form.OpAnswered, form.OpNotAnswered:
	default:
		c.Value = value
	}
	return c
}

// conditionValue is the value input of a simple condition.
func conditionValue(c *form.Condition) string {
	if c.Op == form.OpIn {
		return strings.Join(c.Values, ", ")
	}
	return c.Value
}

// renderFormEdit renders the editor of draft f with the settings form in
// pf (the stored values, or the submitted ones with their problems).
func (s *Server) renderFormEdit(w http.ResponseWriter, r *http.Request, svc *catalog.Service, f *form.Form, pf *Form, status int) error {
	p := formEditPage{Page: s.page(r, "form_builder.edit.title"), Service: svc, F: f,
		Status: s.formBadge(r, f.Status, f.Version), Base: formPath(svc.ID)}
	p.Title = s.t(r, "form_builder.edit.title", svc.Name)
	p.Form = pf
	for i := range f.Pages {
		pg := &f.Pages[i]
		p.Pages = append(p.Pages, formPageRow{ID: pg.ID, Title: pg.Title.Get(p.Lang), EditURL: formPagePath(svc.ID, pg.ID),
			Condition: s.conditionText(r, f, pg.ShowIf), Questions: len(pg.Questions), First: i == 0, Last: i == len(f.Pages)-1})
	}
	v := pf.Values
	p.Anonymous = s.flagGroup(r, pf, "anonymous", "form_builder.settings.anonymous")
	numbers := []editChoice{{Value: "", Label: s.t(r, "form_builder.fee.unit_none")}}
	for _, q := range allQuestions(f) {
		if q.Type == form.TypeNumber {
			numbers = append(numbers, editChoice{Value: q.ID, Label: q.Label.Get(p.Lang)})
		}
	}
	p.FeeUnit = builderGroup(pf, "fee_unit_question", s.t(r, "form_builder.fee.unit_question"), numbers, v.Get("fee_unit_question"))
	rows := formRowCount(v, "surcharges") + 1
	for i := range rows {
		k := formRowKey("surcharges", i)
		row := formSurchargeRow{Legend: s.t(r, "form_builder.fee.surcharge", i+1), Key: k}
		if f.Fee != nil && i < len(f.Fee.Surcharges) && len(f.Fee.Surcharges[i].If.Question) == 0 && v.Get(k+"question") == "" {
			row.Combined = true
			row.CombinedConditions = s.conditionText(r, f, &f.Fee.Surcharges[i].If)
		}
		row.Question = builderGroup(pf, k+"question", s.t(r, "form_builder.condition.question"), s.questionChoices(r, f, -1), v.Get(k+"question"))
		row.Op = builderGroup(pf, k+"op", s.t(r, "form_builder.condition.op"), s.opChoices(r), v.Get(k+"op"))
		row.Value, _ = pf.Field(k+"value", "form_builder.condition.value", "optional", "hint=form_builder.condition.value_hint")
		row.Amount, _ = pf.Field(k+"amount", "form_builder.fee.surcharge_amount", "optional", "hint=form_builder.fee.surcharge_hint")
		p.Surcharges = append(p.Surcharges, row)
	}
	p.NewType = builderGroup(pf, "question_type", s.t(r, "form_builder.question.type"), s.typeChoices(r), v.Get("question_type"))
	p.NewType.Optional = false
	return s.renderStatus(w, r, status, "form_builder_edit", p)
}

// allQuestions lists the questions of every page in order.
func allQuestions(f *form.Form) []*form.Question {
	var out []*form.Question
	for i := range f.Pages {
		for j := range f.Pages[i].Questions {
			out = append(out, &f.Pages[i].Questions[j])
		}
	}
	return out
}

// questionChoices offers the questions of the pages before page before
// (-1: all pages), with an empty choice first.
func (s *Server) questionChoices(r *http.Request, f *form.Form, before int) []editChoice {
	out := []editChoice{{Value: "", Label: s.t(r, "form_builder.condition.none")}}
	for i := range f.Pages {
		if before >= 0 && i >= before {
			break
		}
		for _, q := range f.Pages[i].Questions {
			out = append(out, editChoice{Value: q.ID, Label: q.Label.Get(langOf(r)) + " (" + q.ID + ")"})
		}
	}
	return out
}

// opChoices offers the condition operators.
func (s *Server) opChoices(r *http.Request) []editChoice {
	var out []editChoice
	for _, op := range form.Ops {
		out = append(out, editChoice{Value: op, Label: s.t(r, "form_builder.op."+op)})
	}
	return out
}

// typeChoices offers the question types in the builder's order.
func (s *Server) typeChoices(r *http.Request) []editChoice {
	var out []editChoice
	for _, t := range form.Types {
		out = append(out, editChoice{Value: t, Label: s.t(r, "form_builder.type."+t)})
	}
	return out
}

// handleFormPageAdd adds a page with its first question: a page must ask
// something to pass the check.
func (s *Server) handleFormPageAdd(w http.ResponseWriter, r *http.Request) error {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	g := f.Clone()
	title := strings.TrimSpace(values.Get("page_title"))
	label := strings.TrimSpace(values.Get("question_label"))
	pg := form.Page{ID: uniqueID(g, slugFrom(title, "seite")), Title: form.Text{"de": title}}
	g.Pages = append(g.Pages, pg)
	q := s.newQuestion(g, values.Get("question_type"), label)
	g.Pages[len(g.Pages)-1].Questions = []form.Question{q}
	err = s.saveDraft(r.Context(), g)
	if fault.Is(err, fault.Invalid) {
		last := "pages." + strconv.Itoa(len(g.Pages)-1)
		local := func(path, _ string) string {
			switch {
			case path == last || path == last+".title":
				return "page_title"
			case path == last+".questions.0.type":
				return "question_type"
			case strings.HasPrefix(path, last+".questions.0"):
				return "question_label"
			}
			return ""
		}
		pf := s.builderForm(r, g, values, err, local)
		pf.Values = mergeValues(settingsValues(f), values)
		return s.renderFormEdit(w, r, svc, f, pf, statusOf(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPagePath(svc.ID, pg.ID), "form_builder.flash.page_added")
}

// mergeValues returns base with the entries of over replacing its own.
func mergeValues(base, over url.Values) url.Values {
	for k, v := range over {
		base[k] = v
	}
	return base
}

// newQuestion makes a question of type typ with a German label and an ID
// from it. Choice questions start with two placeholder options, so they
// pass the check until the editor writes the real ones.
func (s *Server) newQuestion(f *form.Form, typ, label string) form.Question {
	q := form.Question{ID: uniqueID(f, slugFrom(label, "frage")), Type: typ, Label: form.Text{"de": label}}
	if typ == form.TypeChoice || typ == form.TypeCheckboxes {
		for i := 1; i <= 2; i++ {
			q.Options = append(q.Options, form.Option{Value: "option_" + strconv.Itoa(i), Label: form.Text{
				"de": s.tr.T("de", "form_builder.option.placeholder", i), "en": s.tr.T("en", "form_builder.option.placeholder", i)}})
		}
	}
	return q
}

// handleFormPageMove moves a page one place up or down.
func (s *Server) handleFormPageMove(w http.ResponseWriter, r *http.Request) error {
	svc, f, err := s.builderDraft(r)
	if err != nil {
		return err
	}
	values, err := s.parseForm(r)
	if err != nil {
		return err
	}
	i := pageIndex(f, r.PathValue("page"))
	if i < 0 {
		return errNotFound
	}
	j := i - 1
	if values.Get("dir") == "down" {
		j = i + 1
	}
	if j < 0 || j >= len(f.Pages) {
		return redirectTo(w, r, formPath(svc.ID))
	}
	g := f.Clone()
	g.Pages[i], g.Pages[j] = g.Pages[j], g.Pages[i]
	if err := s.saveDraft(r.Context(), g); fault.Is(err, fault.Invalid) {
		return s.renderFormEdit(w, r, svc, f, s.structureForm(r, f, g, err), statusOf(err))
	} else if err != nil {
		return err
	}
	return s.redirectFlash(w, r, formPath(svc.ID)+"#page-"+g.Pages[j].ID, "form_builder.flash.moved")
}

// structureForm is the settings form of f with the problems of a failed
// change to the structure (g), which are never about the settings inputs.
func (s *Server) structureForm(r *http.Request, f, g *form.Form, err error) *Form {
	return s.builderForm(r, g, settingsValues(f), err, noLocal)
}
