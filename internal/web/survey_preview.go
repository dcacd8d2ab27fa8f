package web

import (
	"net/http"

	"rathaus/internal/fault"
)

// The preview shows staff the answering page of any survey, a draft too;
// sending it checks the answers like the real page and stores nothing.

func (s *Server) handleSurveyPreview(w http.ResponseWriter, r *http.Request) error {
	return s.renderSurveyPreview(w, r, false)
}

func (s *Server) handleSurveyPreviewCheck(w http.ResponseWriter, r *http.Request) error {
	return s.renderSurveyPreview(w, r, true)
}

func (s *Server) renderSurveyPreview(w http.ResponseWriter, r *http.Request, check bool) error {
	sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	p, err := s.surveyAnswerPage(r, sv, nil, nil)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if check {
		v, err := s.parseForm(r)
		if err != nil {
			return err
		}
		_, perr := sv.Parse(v)
		if perr != nil && !fault.Is(perr, fault.Invalid) {
			return perr
		}
		if perr != nil {
			perr = surveyWithLabels(perr, sv, langOf(r))
		}
		if p, err = s.surveyAnswerPage(r, sv, v, perr); err != nil {
			return err
		}
		if perr != nil {
			status = http.StatusUnprocessableEntity
		} else {
			p.PreviewOK = true
		}
	}
	p.Preview, p.Action, p.BackURL = true, surveyAdminPath(sv.ID)+"/vorschau", surveyAdminPath(sv.ID)
	p.CanAnswer, p.Answered, p.LoginURL, p.ResultsURL = true, false, "", ""
	return s.renderStatus(w, r, status, "survey_answer", p)
}
