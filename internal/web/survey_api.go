package web

import (
	"net/http"
	"time"

	"rathaus/internal/org"
	"rathaus/internal/survey"
)

// The surveys' JSON API (openapi.json): the list of public surveys and
// the results of one, public when its results are, always for its staff.
// Free-text answers are never part of it.

// apiSurveyRoutes are the read-only survey endpoints.
func (s *Server) apiSurveyRoutes() []route {
	return []route{
		{"GET /api/v1/surveys", s.withSurveys(s.handleAPISurveys)},
		{"GET /api/v1/surveys/{id}/results", s.withSurveys(s.handleAPISurveyResults)},
	}
}

type apiSurveyJSON struct {
	ID            int64       `json:"id"`
	Title         survey.Text `json:"title"`
	State         string      `json:"state"`
	Anonymous     bool        `json:"anonymous"`
	OpensAt       *time.Time  `json:"opens_at,omitempty"`
	ClosesAt      *time.Time  `json:"closes_at,omitempty"`
	ResultsPublic bool        `json:"results_public"`
	Href          string      `json:"href"`
}

type apiSurveyResultsJSON struct {
	ID        int64                   `json:"id"`
	Title     survey.Text             `json:"title"`
	State     string                  `json:"state"`
	Responses int                     `json:"responses"`
	Questions []apiSurveyQuestionJSON `json:"questions"`
}

type apiSurveyQuestionJSON struct {
	ID       string               `json:"id"`
	Type     string               `json:"type"`
	Label    survey.Text          `json:"label"`
	Answered int                  `json:"answered"`
	Counts   []apiSurveyCountJSON `json:"counts"`
	Mean     *float64             `json:"mean,omitempty"`
	Rows     []apiSurveyRowJSON   `json:"rows,omitempty"`
}

type apiSurveyCountJSON struct {
	Value   int         `json:"value"`
	Label   survey.Text `json:"label,omitempty"`
	Count   int         `json:"count"`
	Percent float64     `json:"percent"`
}

type apiSurveyRowJSON struct {
	Label    survey.Text          `json:"label"`
	Answered int                  `json:"answered"`
	Counts   []apiSurveyCountJSON `json:"counts"`
	Mean     *float64             `json:"mean,omitempty"`
}

func (s *Server) handleAPISurveys(w http.ResponseWriter, r *http.Request) error {
	open, closed, err := s.opts.Surveys.Listed(r.Context())
	if err != nil {
		return err
	}
	out := []apiSurveyJSON{}
	for _, sv := range append(open, closed...) {
		out = append(out, apiSurveyJSON{ID: sv.ID, Title: sv.Title, State: sv.State(s.now()), Anonymous: sv.Anonymous,
			OpensAt: sv.OpensAt, ClosesAt: sv.ClosesAt, ResultsPublic: sv.ResultsPublic(s.now()),
			Href: s.opts.BaseURL + surveyPath(sv.ID)})
	}
	return s.writeJSON(w, http.StatusOK, map[string]any{"surveys": out})
}

func (s *Server) handleAPISurveyResults(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var a *org.Actor
	if currentUser(r) != nil {
		x := actorOf(r)
		a = &x
	}
	sv, res, err := s.opts.Surveys.Results(r.Context(), a, id)
	if err != nil {
		return err
	}
	out := apiSurveyResultsJSON{ID: sv.ID, Title: sv.Title, State: sv.State(s.now()), Responses: res.Responses,
		Questions: []apiSurveyQuestionJSON{}}
	for _, qr := range res.Questions {
		q := qr.Question
		j := apiSurveyQuestionJSON{ID: q.ID, Type: q.Type, Label: q.Label, Answered: qr.Answered, Counts: []apiSurveyCountJSON{}}
		for _, c := range qr.Counts {
			jc := apiSurveyCountJSON{Value: c.Value, Count: c.N, Percent: c.Percent}
			if q.Type != survey.TypeScale {
				jc.Label = q.Options[c.Value]
			}
			j.Counts = append(j.Counts, jc)
		}
		if q.Type == survey.TypeScale && qr.Answered > 0 {
			j.Mean = &qr.Mean
		}
		for i, row := range qr.Rows {
			jr := apiSurveyRowJSON{Label: q.Options[i], Answered: row.Answered, Counts: []apiSurveyCountJSON{}}
			for _, c := range row.Counts {
				jr.Counts = append(jr.Counts, apiSurveyCountJSON{Value: c.Value, Count: c.N, Percent: c.Percent})
			}
			if row.Answered > 0 {
				m := row.Mean
				jr.Mean = &m
			}
			j.Rows = append(j.Rows, jr)
		}
		out.Questions = append(out.Questions, j)
	}
	return s.writeJSON(w, http.StatusOK, out)
}
