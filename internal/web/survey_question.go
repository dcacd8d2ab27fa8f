package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/survey"
)

// The question editor: one form per question. A new question ("neu") is
// stored only when its first save passes the survey's check.

// surveyQuestionPage edits one question.
type surveyQuestionPage struct {
	Page
	S        *survey.Survey
	Back     string
	Action   string
	Type     string
	TypeName string
	Choices  bool // single, multiple or matrix: options (rows of a matrix)
	Scale    bool // scale or matrix
	Matrix   bool
	Required editGroup
}

const surveyNewQuestion = "neu"

func (s *Server) handleSurveyQuestionAdd(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	typ := v.Get("type")
	if !slices.Contains(survey.Types, typ) {
		return errBadRequest
	}
	redirect(w, r, surveyAdminPath(sv.ID)+"/fragen/"+surveyNewQuestion+"?"+url.Values{"typ": {typ}}.Encode())
	return nil
}

// draftQuestion loads the survey (a draft) and the path's question; a new
// one has the type from the query.
func (s *Server) draftQuestion(r *http.Request) (*survey.Survey, *survey.Question, error) {
	sv, err := s.managedSurvey(r)
	if err != nil {
		return nil, nil, err
	}
	if sv.Status != survey.StatusDraft {
		return nil, nil, fault.New(fault.Conflict, "error.survey.not_draft")
	}
	id := r.PathValue("q")
	if id == surveyNewQuestion {
		typ := r.URL.Query().Get("typ")
		if !slices.Contains(survey.Types, typ) {
			return nil, nil, errBadRequest
		}
		q := &survey.Question{ID: surveyNewQuestion, Type: typ}
		if typ == survey.TypeScale || typ == survey.TypeMatrix {
			q.ScaleMin, q.ScaleMax = 1, 5
		}
		return sv, q, nil
	}
	q := sv.Question(id)
	if q == nil {
		return nil, nil, errNotFound
	}
	return sv, q, nil
}

func (s *Server) handleSurveyQuestion(w http.ResponseWriter, r *http.Request) error {
	sv, q, err := s.draftQuestion(r)
	if err != nil {
		return err
	}
	return s.renderSurveyQuestion(w, r, sv, q, surveyQuestionValues(q), nil)
}

func (s *Server) handleSurveyQuestionSave(w http.ResponseWriter, r *http.Request) error {
	sv, q, err := s.draftQuestion(r)
	if err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	nq, err := surveyReadQuestion(v, *q)
	if err != nil {
		return s.renderSurveyQuestion(w, r, sv, q, v, err)
	}
	if q.ID == surveyNewQuestion {
		nq.ID = sv.NextQuestionID()
		sv.Questions = append(sv.Questions, nq)
	} else {
		*q = nq
	}
	if err := s.opts.Surveys.Update(r.Context(), actorOf(r), sv); err != nil {
		if !fault.Is(err, fault.Invalid) {
			return err
		}
		return s.renderSurveyQuestion(w, r, sv, q, v, surveyQuestionErrors(err, nq.ID))
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.question_saved")
}

// surveyQuestionErrors keeps the field errors of question id, named as the
// question form's fields.
func surveyQuestionErrors(err error, id string) error {
	f := fault.As(err)
	m := map[string]string{"label": "label_de", "hint": "hint_de", "options": "options_de", "scale": "scale_min",
		"min_label": "min_label_de", "max_label": "max_label_de", "type": "type"}
	var fields []fault.FieldError
	for _, fe := range f.Fields {
		if name, ok := strings.CutPrefix(fe.Field, id+"."); ok {
			if n, ok := m[name]; ok {
				fe.Field = n
			}
			fields = append(fields, fe)
		}
	}
	if len(fields) == 0 {
		return f
	}
	return fault.Fields(fields...)
}

// surveyReadQuestion reads the question form into a copy of q.
func surveyReadQuestion(v url.Values, q survey.Question) (survey.Question, error) {
	q.Label, q.Hint = surveyText(v, "label"), surveyText(v, "hint")
	q.Required = v.Get("required") == "ja"
	q.Options = nil
	if q.Type == survey.TypeSingle || q.Type == survey.TypeMultiple || q.Type == survey.TypeMatrix {
		de, en := surveyLines(v.Get("options_de")), surveyLines(v.Get("options_en"))
		if len(en) > 0 && len(en) != len(de) {
			return q, fault.Fields(fault.FieldError{Field: "options_en", Key: "error.survey.options_en"})
		}
		for i, d := range de {
			t := survey.Text{"de": d}
			if len(en) > 0 {
				t["en"] = en[i]
			}
			q.Options = append(q.Options, t)
		}
	}
	if q.Type == survey.TypeScale || q.Type == survey.TypeMatrix {
		var err1, err2 error
		q.ScaleMin, err1 = strconv.Atoi(strings.TrimSpace(v.Get("scale_min")))
		q.ScaleMax, err2 = strconv.Atoi(strings.TrimSpace(v.Get("scale_max")))
		if err1 != nil || err2 != nil {
			return q, fault.Fields(fault.FieldError{Field: "scale_min", Key: "error.survey.scale", Args: []any{survey.MaxScale}})
		}
		q.MinLabel, q.MaxLabel = surveyText(v, "min_label"), surveyText(v, "max_label")
	}
	id := q.ID
	q.ID = "x"
	err := (&survey.Survey{OrgID: 1, Title: survey.Text{"de": "x"}, Questions: []survey.Question{q}}).Check()
	q.ID = id
	if err != nil {
		return q, surveyQuestionErrors(err, "x")
	}
	return q, nil
}

// surveyQuestionValues are the question form's values of q.
func surveyQuestionValues(q *survey.Question) url.Values {
	v := url.Values{}
	for _, l := range []string{"de", "en"} {
		v.Set("label_"+l, q.Label[l])
		v.Set("hint_"+l, q.Hint[l])
		v.Set("min_label_"+l, q.MinLabel[l])
		v.Set("max_label_"+l, q.MaxLabel[l])
		var opts []string
		for _, o := range q.Options {
			opts = append(opts, o[l])
		}
		if strings.TrimSpace(strings.Join(opts, "")) != "" {
			v.Set("options_"+l, strings.Join(opts, "\n"))
		}
	}
	if q.Required {
		v.Set("required", "ja")
	}
	if q.Type == survey.TypeScale || q.Type == survey.TypeMatrix {
		v.Set("scale_min", strconv.Itoa(q.ScaleMin))
		v.Set("scale_max", strconv.Itoa(q.ScaleMax))
	}
	return v
}

func (s *Server) renderSurveyQuestion(w http.ResponseWriter, r *http.Request, sv *survey.Survey, q *survey.Question, v url.Values, err error) error {
	p := surveyQuestionPage{Page: s.page(r, "survey.admin.question"), S: sv, Back: surveyAdminPath(sv.ID),
		Action: surveyAdminPath(sv.ID) + "/fragen/" + q.ID, Type: q.Type, TypeName: s.t(r, "survey.type."+q.Type)}
	if q.ID == surveyNewQuestion {
		p.Action += "?" + url.Values{"typ": {q.Type}}.Encode()
	}
	status := http.StatusOK
	if err != nil {
		p.Form, status = s.formFor(r, v, err), http.StatusUnprocessableEntity
	} else {
		p.Form = s.newForm(r, v)
	}
	p.Choices = q.Type == survey.TypeSingle || q.Type == survey.TypeMultiple || q.Type == survey.TypeMatrix
	p.Scale = q.Type == survey.TypeScale || q.Type == survey.TypeMatrix
	p.Matrix = q.Type == survey.TypeMatrix
	p.Required = builderGroup(p.Form, "required", s.t(r, "survey.admin.required"),
		[]editChoice{{ID: fieldID("required"), Value: "ja", Label: s.t(r, "survey.admin.required_yes")}}, v.Get("required"))
	p.Required.Type = "checkbox"
	return s.renderStatus(w, r, status, "survey_admin_question", p)
}

func (s *Server) handleSurveyQuestionMove(w http.ResponseWriter, r *http.Request) error {
	sv, q, err := s.draftQuestion(r)
	if err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(sv.Questions, func(x survey.Question) bool { return x.ID == q.ID })
	j := i - 1
	if v.Get("richtung") == "runter" {
		j = i + 1
	}
	if i < 0 || j < 0 || j >= len(sv.Questions) {
		return errBadRequest
	}
	sv.Questions[i], sv.Questions[j] = sv.Questions[j], sv.Questions[i]
	if err := s.opts.Surveys.Update(r.Context(), actorOf(r), sv); err != nil {
		return err
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.moved")
}

func (s *Server) handleSurveyQuestionDelete(w http.ResponseWriter, r *http.Request) error {
	sv, q, err := s.draftQuestion(r)
	if err != nil {
		return err
	}
	id := q.ID
	sv.Questions = slices.DeleteFunc(sv.Questions, func(x survey.Question) bool { return x.ID == id })
	if err := s.opts.Surveys.Update(r.Context(), actorOf(r), sv); err != nil {
		return err
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.deleted")
}
