package web

import (
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/fault"
	"rathaus/internal/survey"
)

// Surveys: staff of a unit (service owners and moderators) and platform
// admins build surveys under /admin/umfragen, open and close them;
// citizens answer under /umfragen, anonymously or with their account;
// results are public after closing (or at once, by setting), free-text
// answers only ever for staff. /umfragen/{id}/einbetten is the survey
// without the site's chrome, for links and frames on other city sites
// (Options.EmbedOrigins).

// surveyRoutes are the survey pages of staff and citizens.
func (s *Server) surveyRoutes() []route {
	st := func(h handlerFunc) handlerFunc { return s.withSurveys(s.requireUser(s.requireSurveyStaff(h))) }
	pub := s.withSurveys
	rs := []route{
		{"GET /admin/umfragen", st(s.handleSurveyAdminList)},
		{"GET /admin/umfragen/neu", st(s.handleSurveyNew)},
		{"POST /admin/umfragen/neu", st(s.handleSurveyCreate)},
		{"GET /admin/umfragen/{id}", st(s.handleSurveyEdit)},
		{"POST /admin/umfragen/{id}", st(s.handleSurveySave)},
		{"POST /admin/umfragen/{id}/fragen", st(s.handleSurveyQuestionAdd)},
		{"GET /admin/umfragen/{id}/fragen/{q}", st(s.handleSurveyQuestion)},
		{"POST /admin/umfragen/{id}/fragen/{q}", st(s.handleSurveyQuestionSave)},
		{"POST /admin/umfragen/{id}/fragen/{q}/verschieben", st(s.handleSurveyQuestionMove)},
		{"POST /admin/umfragen/{id}/fragen/{q}/loeschen", st(s.handleSurveyQuestionDelete)},
		{"POST /admin/umfragen/{id}/oeffnen", st(s.handleSurveyOpen)},
		{"POST /admin/umfragen/{id}/schliessen", st(s.handleSurveyClose)},
		{"GET /admin/umfragen/{id}/export", st(s.handleSurveyExport)},
		{"GET /admin/umfragen/{id}/vorschau", st(s.handleSurveyPreview)},
		{"POST /admin/umfragen/{id}/vorschau", st(s.handleSurveyPreviewCheck)},

		{"GET /umfragen", pub(s.handleSurveyList)},
		{"GET /umfragen/{id}", pub(s.handleSurveyAnswerForm)},
		{"POST /umfragen/{id}", pub(s.handleSurveyAnswer)},
		{"GET /umfragen/{id}/danke", pub(s.handleSurveyThanks)},
		{"GET /umfragen/{id}/ergebnisse", pub(s.handleSurveyResults)},
		{"GET /umfragen/{id}/einbetten", pub(s.handleSurveyEmbed)},
	}
	return append(rs, s.apiSurveyRoutes()...)
}

// withSurveys answers 404 when the server runs no surveys.
func (s *Server) withSurveys(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Surveys == nil {
			return errNotFound
		}
		return h(w, r)
	}
}

// requireSurveyStaff lets in who may build surveys for some unit.
func (s *Server) requireSurveyStaff(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ok, err := s.opts.Surveys.IsStaff(r.Context(), actorOf(r))
		if err != nil {
			return err
		}
		if !ok {
			return fault.New(fault.Forbidden, "error.forbidden")
		}
		return h(w, r)
	}
}

func surveyAdminPath(id int64) string { return "/admin/umfragen/" + strconv.FormatInt(id, 10) }

func surveyPath(id int64) string { return "/umfragen/" + strconv.FormatInt(id, 10) }

// managedSurvey loads the path's survey for its staff (Forbidden for others).
func (s *Server) managedSurvey(r *http.Request) (*survey.Survey, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.opts.Surveys.Manage(r.Context(), actorOf(r), id)
}

// surveyStateBadge is the badge of a survey's state for staff and public.
func (s *Server) surveyStateBadge(r *http.Request, sv *survey.Survey) badge {
	st := sv.State(s.now())
	kind := map[string]string{survey.StateDraft: "info", survey.StateScheduled: "warning",
		survey.StateOpen: "success", survey.StateClosed: "danger"}[st]
	return badge{Kind: kind, Label: s.t(r, "survey.state."+st)}
}

// surveyLines splits a textarea into trimmed, non-empty lines.
func surveyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
