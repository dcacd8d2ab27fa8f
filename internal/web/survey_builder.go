package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/survey"
)

// surveyAdminListPage lists the surveys the user manages.
type surveyAdminListPage struct {
	Page
	Rows []surveyAdminRow
}

type surveyAdminRow struct {
	ID        int64
	Title     string
	TitleLang string
	Unit      string
	Status    badge
	Responses int
	EditURL   string
}

func (s *Server) handleSurveyAdminList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.opts.Surveys.Manageable(r.Context(), actorOf(r))
	if err != nil {
		return err
	}
	units, err := s.surveyUnitNames(r)
	if err != nil {
		return err
	}
	p := surveyAdminListPage{Page: s.page(r, "survey.admin.title")}
	lang := langOf(r)
	for _, sv := range list {
		p.Rows = append(p.Rows, surveyAdminRow{ID: sv.ID, Title: sv.Title.In(lang), TitleLang: sv.Title.Lang(lang),
			Unit: units[sv.OrgID], Status: s.surveyStateBadge(r, sv), Responses: sv.Responses, EditURL: surveyAdminPath(sv.ID)})
	}
	return s.render(w, r, "survey_admin_list", p)
}

func (s *Server) surveyUnitNames(r *http.Request) (map[int64]string, error) {
	out := map[int64]string{}
	if s.opts.Orgs == nil {
		return out, nil
	}
	orgs, err := s.opts.Orgs.Store.FindOrgs(r.Context())
	for _, o := range orgs {
		out[o.ID] = o.Name
	}
	return out, err
}

// surveyEditPage is the builder's page of one survey: its settings (a
// form while it is a draft), its questions, and what can be done next.
type surveyEditPage struct {
	Page
	S         *survey.Survey
	New       bool
	Action    string
	Status    badge
	Draft     bool
	Open      bool // status open: may be closed
	Unit      editGroup
	Access    editGroup
	Results   editGroup
	NewType   editGroup
	Questions []surveyQuestionRow
	Settings  []surveyFact // read-only settings once opened
	PublicURL string
	EmbedURL  string
	Framing   bool // some origins may frame the embed page
	Origins   string
}

type surveyQuestionRow struct {
	Label, Type, EditURL, MoveURL, DeleteURL string
	Required, First, Last                    bool
}

type surveyFact struct{ Label, Value string }

func (s *Server) handleSurveyNew(w http.ResponseWriter, r *http.Request) error {
	v := url.Values{"access": {"anonymous"}, "results": {"after"}}
	return s.renderSurveyEdit(w, r, nil, v, nil)
}

func (s *Server) handleSurveyCreate(w http.ResponseWriter, r *http.Request) error {
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	sv := &survey.Survey{}
	if err := s.readSurveySettings(v, sv); err != nil {
		return s.renderSurveyEdit(w, r, nil, v, err)
	}
	if err := s.opts.Surveys.Create(r.Context(), actorOf(r), sv); err != nil {
		return s.surveyFormError(w, r, nil, v, err)
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.created")
}

func (s *Server) handleSurveyEdit(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	return s.renderSurveyEdit(w, r, sv, s.surveyValues(sv), nil)
}

func (s *Server) handleSurveySave(w http.ResponseWriter, r *http.Request) error {
	sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	v, err := s.parseForm(r)
	if err != nil {
		return err
	}
	if err := s.readSurveySettings(v, sv); err != nil {
		return s.renderSurveyEdit(w, r, sv, v, err)
	}
	if err := s.opts.Surveys.Update(r.Context(), actorOf(r), sv); err != nil {
		return s.surveyFormError(w, r, sv, v, err)
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.saved")
}

// surveyFormError shows an Invalid error on the form; others go up.
func (s *Server) surveyFormError(w http.ResponseWriter, r *http.Request, sv *survey.Survey, v url.Values, err error) error {
	if !fault.Is(err, fault.Invalid) {
		return err
	}
	return s.renderSurveyEdit(w, r, sv, v, err)
}

// surveySettingFields maps the domain's field names to the form's.
var surveySettingFields = map[string]string{"title": "title_de", "intro": "intro_de"}

func (s *Server) renderSurveyEdit(w http.ResponseWriter, r *http.Request, sv *survey.Survey, v url.Values, err error) error {
	p := surveyEditPage{Page: s.page(r, "survey.admin.new"), S: sv, New: sv == nil, Action: "/admin/umfragen/neu", Draft: true}
	status := http.StatusOK
	if err != nil {
		p.Form = s.formFor(r, v, surveyRename(err, surveySettingFields))
		status = http.StatusUnprocessableEntity
	} else {
		p.Form = s.newForm(r, v)
	}
	units, uerr := s.opts.Surveys.Units(r.Context(), actorOf(r))
	if uerr != nil {
		return uerr
	}
	var unitChoices []editChoice
	for _, u := range units {
		unitChoices = append(unitChoices, editChoice{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	p.Unit = builderGroup(p.Form, "org", s.t(r, "survey.admin.unit"), unitChoices, v.Get("org"))
	p.Unit.Optional = false
	p.Access = s.surveyRadios(r, p.Form, "access", "survey.admin.access", v.Get("access"), "anonymous", "account")
	p.Results = s.surveyRadios(r, p.Form, "results", "survey.admin.results", v.Get("results"), "after", "live")
	if sv != nil {
		s.fillSurveyEdit(r, &p, sv)
	}
	return s.renderStatus(w, r, status, "survey_admin_edit", p)
}

func (s *Server) surveyRadios(r *http.Request, f *Form, name, key, selected string, values ...string) editGroup {
	var cs []editChoice
	for _, v := range values {
		cs = append(cs, editChoice{ID: "field-" + name + "-" + v, Value: v, Label: s.t(r, key+"."+v), Hint: s.t(r, key+"."+v+"_hint")})
	}
	cs[0].ID = fieldID(name)
	g := builderGroup(f, name, s.t(r, key), cs, selected)
	g.Type, g.Optional = "radio", false
	return g
}

func (s *Server) fillSurveyEdit(r *http.Request, p *surveyEditPage, sv *survey.Survey) {
	lang := langOf(r)
	p.Title = sv.Title.In(lang)
	p.Action = surveyAdminPath(sv.ID)
	p.Status = s.surveyStateBadge(r, sv)
	p.Draft, p.Open = sv.Status == survey.StatusDraft, sv.Status == survey.StatusOpen
	p.PublicURL = s.opts.BaseURL + surveyPath(sv.ID)
	p.EmbedURL = p.PublicURL + "/einbetten"
	p.Framing, p.Origins = len(s.opts.EmbedOrigins) > 0, strings.Join(s.opts.EmbedOrigins, ", ")
	var types []editChoice
	for _, t := range survey.Types {
		types = append(types, editChoice{Value: t, Label: s.t(r, "survey.type."+t)})
	}
	p.NewType = builderGroup(p.Form, "type", s.t(r, "survey.admin.new_type"), types, survey.TypeSingle)
	p.NewType.Optional = false
	for i, q := range sv.Questions {
		base := surveyAdminPath(sv.ID) + "/fragen/" + q.ID
		p.Questions = append(p.Questions, surveyQuestionRow{Label: q.Label.In(lang), Type: s.t(r, "survey.type."+q.Type),
			EditURL: base, MoveURL: base + "/verschieben", DeleteURL: base + "/loeschen",
			Required: q.Required, First: i == 0, Last: i == len(sv.Questions)-1})
	}
	if !p.Draft {
		yes := func(b bool, y, n string) string {
			if b {
				return s.t(r, y)
			}
			return s.t(r, n)
		}
		p.Settings = []surveyFact{
			{s.t(r, "survey.admin.access"), yes(sv.Anonymous, "survey.admin.access.anonymous", "survey.admin.access.account")},
			{s.t(r, "survey.admin.results"), yes(sv.ResultsLive, "survey.admin.results.live", "survey.admin.results.after")},
			{s.t(r, "survey.admin.period"), s.surveyPeriod(r, sv)},
			{s.t(r, "survey.admin.responses"), strconv.Itoa(sv.Responses)},
		}
	}
}

// surveyValues are the settings form's values of sv.
func (s *Server) surveyValues(sv *survey.Survey) url.Values {
	v := url.Values{
		"title_de": {sv.Title["de"]}, "title_en": {sv.Title["en"]},
		"intro_de": {sv.Intro["de"]}, "intro_en": {sv.Intro["en"]},
		"org": {strconv.FormatInt(sv.OrgID, 10)}, "access": {"account"}, "results": {"after"},
	}
	if sv.Anonymous {
		v.Set("access", "anonymous")
	}
	if sv.ResultsLive {
		v.Set("results", "live")
	}
	if sv.OpensAt != nil {
		v.Set("opens", sv.OpensAt.In(s.opts.Location).Format(time.DateOnly))
	}
	if sv.ClosesAt != nil {
		v.Set("closes", sv.ClosesAt.In(s.opts.Location).Add(-time.Nanosecond).Format(time.DateOnly))
	}
	return v
}

// readSurveySettings copies the settings form into sv. A survey opens at
// the start of its first day and closes at the end of its last, city time.
func (s *Server) readSurveySettings(v url.Values, sv *survey.Survey) error {
	var val fault.Validator
	sv.Title = surveyText(v, "title")
	sv.Intro = surveyText(v, "intro")
	sv.OrgID, _ = strconv.ParseInt(v.Get("org"), 10, 64)
	sv.Anonymous = v.Get("access") != "account"
	sv.ResultsLive = v.Get("results") == "live"
	sv.OpensAt, sv.ClosesAt = nil, nil
	if d := strings.TrimSpace(v.Get("opens")); d != "" {
		t, err := time.ParseInLocation(time.DateOnly, d, s.opts.Location)
		val.Check(err == nil, "opens", "error.survey.date")
		sv.OpensAt = surveyUTC(t)
	}
	if d := strings.TrimSpace(v.Get("closes")); d != "" {
		t, err := time.ParseInLocation(time.DateOnly, d, s.opts.Location)
		val.Check(err == nil, "closes", "error.survey.date")
		sv.ClosesAt = surveyUTC(t.AddDate(0, 0, 1))
	}
	if err := val.Err(); err != nil {
		return err
	}
	return sv.Check()
}

func surveyUTC(t time.Time) *time.Time {
	u := t.UTC()
	return &u
}

// surveyText reads the fields name_de and name_en.
func surveyText(v url.Values, name string) survey.Text {
	t := survey.Text{}
	for _, l := range []string{"de", "en"} {
		if x := strings.TrimSpace(v.Get(name + "_" + l)); x != "" {
			t[l] = x
		}
	}
	return t
}

// surveyRename renames field errors of err by m (unknown ones stay).
func surveyRename(err error, m map[string]string) error {
	f := fault.As(err)
	out := *f
	out.Fields = nil
	for _, fe := range f.Fields {
		if n, ok := m[fe.Field]; ok {
			fe.Field = n
		}
		out.Fields = append(out.Fields, fe)
	}
	return &out
}

// surveyPeriod describes when the survey runs, in city dates.
func (s *Server) surveyPeriod(r *http.Request, sv *survey.Survey) string {
	p := s.page(r, "survey.title")
	switch {
	case sv.OpensAt != nil && sv.ClosesAt != nil:
		return s.t(r, "survey.period.from_to", p.Date(sv.OpensAt.In(s.opts.Location)), p.Date(sv.ClosesAt.In(s.opts.Location).Add(-time.Nanosecond)))
	case sv.ClosesAt != nil:
		return s.t(r, "survey.period.to", p.Date(sv.ClosesAt.In(s.opts.Location).Add(-time.Nanosecond)))
	case sv.OpensAt != nil:
		return s.t(r, "survey.period.from", p.Date(sv.OpensAt.In(s.opts.Location)))
	}
	return s.t(r, "survey.period.none")
}

func (s *Server) handleSurveyOpen(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sv, err := s.opts.Surveys.Open(r.Context(), actorOf(r), id)
	if fault.Is(err, fault.Invalid) {
		if sv, ferr := s.managedSurvey(r); ferr == nil {
			return s.renderSurveyEdit(w, r, sv, s.surveyValues(sv), err)
		}
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.opened")
}

func (s *Server) handleSurveyClose(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sv, err := s.opts.Surveys.Close(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, surveyAdminPath(sv.ID), "survey.admin.closed")
}
