package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/survey"
)

// surveyListPage lists open and closed surveys.
type surveyListPage struct {
	Page
	Open, Closed []surveyListItem
	Manage       bool // the user builds surveys: link to the builder
}

type surveyListItem struct {
	Title, TitleLang, URL, ResultsURL, Period string
	Status                                    badge
	Account                                   bool
}

func (s *Server) handleSurveyList(w http.ResponseWriter, r *http.Request) error {
	open, closed, err := s.opts.Surveys.Listed(r.Context())
	if err != nil {
		return err
	}
	p := surveyListPage{Page: s.page(r, "survey.list.title")}
	if currentUser(r) != nil {
		if p.Manage, err = s.opts.Surveys.IsStaff(r.Context(), actorOf(r)); err != nil {
			return err
		}
	}
	item := func(sv *survey.Survey) surveyListItem {
		it := surveyListItem{Title: sv.Title.In(p.Lang), TitleLang: sv.Title.Lang(p.Lang), URL: surveyPath(sv.ID),
			Period: s.surveyPeriod(r, sv), Status: s.surveyStateBadge(r, sv), Account: !sv.Anonymous}
		if sv.ResultsPublic(s.now()) {
			it.ResultsURL = surveyPath(sv.ID) + "/ergebnisse"
		}
		return it
	}
	for _, sv := range open {
		p.Open = append(p.Open, item(sv))
	}
	for _, sv := range closed {
		p.Closed = append(p.Closed, item(sv))
	}
	return s.render(w, r, "survey_list", p)
}

// surveyAnswerPage is a survey for answering, also in the embed page.
type surveyAnswerPage struct {
	Page
	S          *survey.Survey
	TitleLang  string
	Intro      string
	IntroLang  string
	Period     string
	State      string
	Action     string
	LoginURL   string
	ResultsURL string
	PageURL    string // the survey on this site, from the embed page
	Answered   bool   // this browser or account took part already
	CanAnswer  bool
	TextWarn   bool // the survey has free-text questions
	Embed      bool
	Preview    bool // staff look at the page; nothing is stored
	PreviewOK  bool // the previewed answers would be accepted
	BackURL    string
	Fields     []surveyField
}

// surveyField is one question on the answering page.
type surveyField struct {
	Form            *Form
	Kind            string // choice, scale, text, matrix
	Name, ID        string // form field and the id of its first input
	Label, LabelLng string
	Hint, Error     string
	Required        bool
	InputType       string // radio or checkbox
	Choices         []surveyChoice
	Rows            []surveyRow
	Value           string
}

type surveyChoice struct {
	ID, Value, Label string
	Checked          bool
}

type surveyRow struct {
	Legend, Name string
	Choices      []surveyChoice
}

// surveyCookie marks in this browser that an anonymous survey was
// answered: the survey's ID only, signed, nothing about the person.
func surveyCookie(id int64) string { return "rathaus_umfrage_" + strconv.FormatInt(id, 10) }

func (s *Server) answered(r *http.Request, sv *survey.Survey) (bool, error) {
	if sv.Anonymous {
		_, ok := s.signedCookie(r, surveyCookie(sv.ID))
		return ok, nil
	}
	if u := currentUser(r); u != nil {
		return s.opts.Surveys.Store.Responded(r.Context(), sv.ID, u.ID)
	}
	return false, nil
}

func (s *Server) publicSurvey(r *http.Request) (*survey.Survey, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.opts.Surveys.Public(r.Context(), id)
}

func (s *Server) handleSurveyAnswerForm(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.publicSurvey(r)
	if err != nil {
		return err
	}
	p, err := s.surveyAnswerPage(r, sv, nil, nil)
	if err != nil {
		return err
	}
	return s.render(w, r, "survey_answer", p)
}

func (s *Server) handleSurveyAnswer(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.publicSurvey(r)
	if err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	done, err := s.answered(r, sv)
	if err != nil {
		return err
	}
	if done {
		return fault.New(fault.Conflict, "error.survey.answered")
	}
	var uid *int64
	if u := currentUser(r); u != nil {
		uid = &u.ID
	}
	if _, err := s.opts.Surveys.Submit(r.Context(), sv.ID, uid, v); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		p, perr := s.surveyAnswerPage(r, sv, v, surveyWithLabels(err, sv, langOf(r)))
		if perr != nil {
			return perr
		}
		return s.renderStatus(w, r, http.StatusUnprocessableEntity, "survey_answer", p)
	}
	if sv.Anonymous {
		age := 365 * 24 * time.Hour
		if sv.ClosesAt != nil {
			age = max(sv.ClosesAt.Sub(s.now()), time.Hour)
		}
		s.setSignedCookie(w, surveyCookie(sv.ID), "1", int(age.Seconds()))
	}
	redirect(w, r, surveyPath(sv.ID)+"/danke")
	return nil
}

// surveyWithLabels gives every question's error the question's label,
// so the error summary names the question.
func surveyWithLabels(err error, sv *survey.Survey, lang string) error {
	f := fault.As(err)
	out := *f
	out.Fields = nil
	for _, fe := range f.Fields {
		for i := range sv.Questions {
			if q := &sv.Questions[i]; survey.FieldName(q) == fe.Field {
				fe.Args = []any{q.Label.In(lang)}
			}
		}
		out.Fields = append(out.Fields, fe)
	}
	return &out
}

// surveyAnswerPage prepares the answering page with values v and the
// problems of err.
func (s *Server) surveyAnswerPage(r *http.Request, sv *survey.Survey, v url.Values, err error) (*surveyAnswerPage, error) {
	p := &surveyAnswerPage{Page: s.page(r, "survey.title"), S: sv, State: sv.State(s.now()), Action: surveyPath(sv.ID),
		TextWarn: sv.HasText(), PageURL: surveyPath(sv.ID), BackURL: "/umfragen"}
	lang := p.Lang
	p.Title, p.TitleLang = sv.Title.In(lang), sv.Title.Lang(lang)
	p.Intro, p.IntroLang = sv.Intro.In(lang), sv.Intro.Lang(lang)
	p.Period = s.surveyPeriod(r, sv)
	if sv.ResultsPublic(s.now()) {
		p.ResultsURL = surveyPath(sv.ID) + "/ergebnisse"
	}
	if err != nil {
		p.Form = s.formFor(r, v, err)
	} else {
		p.Form = s.newForm(r, v)
	}
	var aerr error
	if p.Answered, aerr = s.answered(r, sv); aerr != nil {
		return nil, aerr
	}
	if !sv.Anonymous && currentUser(r) == nil {
		p.LoginURL = loginPath + "?" + url.Values{"next": {surveyPath(sv.ID)}}.Encode()
	}
	p.CanAnswer = p.State == survey.StateOpen && !p.Answered && p.LoginURL == ""
	for i := range sv.Questions {
		p.Fields = append(p.Fields, surveyFieldOf(p.Form, &sv.Questions[i], lang))
	}
	return p, nil
}

// surveyFieldOf prepares question q with the form's values and errors.
func surveyFieldOf(f *Form, q *survey.Question, lang string) surveyField {
	name := survey.FieldName(q)
	fd := surveyField{Form: f, Name: name, ID: fieldID(name), Label: q.Label.In(lang), LabelLng: q.Label.Lang(lang),
		Hint: q.Hint.In(lang), Error: f.Error(name), Required: q.Required, InputType: "radio", Value: f.Get(name)}
	chosen := map[string]bool{}
	for _, x := range f.Values[name] {
		chosen[x] = true
	}
	switch q.Type {
	case survey.TypeSingle, survey.TypeMultiple:
		fd.Kind = "choice"
		if q.Type == survey.TypeMultiple {
			fd.InputType = "checkbox"
		}
		for i, o := range q.Options {
			v := strconv.Itoa(i)
			fd.Choices = append(fd.Choices, surveyChoice{ID: fd.ID + "-" + v, Value: v, Label: o.In(lang), Checked: chosen[v]})
		}
	case survey.TypeScale:
		fd.Kind = "scale"
		fd.Choices = surveyScaleChoices(q, fd.ID, f.Get(name), lang)
	case survey.TypeText:
		fd.Kind = "text"
	case survey.TypeMatrix:
		fd.Kind = "matrix"
		for i, o := range q.Options {
			rn := survey.RowField(q, i)
			fd.Rows = append(fd.Rows, surveyRow{Legend: o.In(lang), Name: rn, Choices: surveyScaleChoices(q, fieldID(rn), f.Get(rn), lang)})
		}
	}
	if len(fd.Choices) > 0 {
		fd.Choices[0].ID = fd.ID
	}
	if len(fd.Rows) > 0 {
		fd.Rows[0].Choices[0].ID = fd.ID
	}
	if fd.LabelLng == lang {
		fd.LabelLng = "" // no lang attribute needed
	}
	return fd
}

// surveyScaleChoices are a scale's points, the ends with their labels.
func surveyScaleChoices(q *survey.Question, id, value, lang string) []surveyChoice {
	var out []surveyChoice
	for _, n := range q.Points() {
		v := strconv.Itoa(n)
		label := v
		if n == q.ScaleMin && q.MinLabel.In(lang) != "" {
			label += " – " + q.MinLabel.In(lang)
		}
		if n == q.ScaleMax && q.MaxLabel.In(lang) != "" {
			label += " – " + q.MaxLabel.In(lang)
		}
		out = append(out, surveyChoice{ID: id + "-" + v, Value: v, Label: label, Checked: value == v})
	}
	return out
}

// surveyThanksPage confirms a response.
type surveyThanksPage struct {
	Page
	SurveyTitle, TitleLang, ResultsURL string
	Later                              bool // results come after closing
}

func (s *Server) handleSurveyThanks(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.publicSurvey(r)
	if err != nil {
		return err
	}
	p := surveyThanksPage{Page: s.page(r, "survey.thanks.title")}
	p.SurveyTitle, p.TitleLang = sv.Title.In(p.Lang), sv.Title.Lang(p.Lang)
	if sv.ResultsPublic(s.now()) {
		p.ResultsURL = surveyPath(sv.ID) + "/ergebnisse"
	} else {
		p.Later = true
	}
	return s.render(w, r, "survey_thanks", p)
}
