package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"rathaus/internal/org"
	"rathaus/internal/survey"
)

// surveyResultsPage shows the figures of a survey: per question a bar
// chart (SVG, a picture of the table below it) and a table with counts
// and percentages; means of scales; matrices as tables. Free texts only
// for staff.
type surveyResultsPage struct {
	Page
	S         *survey.Survey
	TitleLang string
	Staff     bool
	Public    bool // everybody sees these results now
	Responses int
	Status    badge
	Period    string
	Questions []surveyResultView
	ExportURL string
	BackURL   string
}

type surveyResultView struct {
	ID, Label, LabelLang, Kind string
	Answered                   int
	Bars                       []surveyBar
	ChartHeight                int
	Mean                       string
	Columns                    []string
	Rows                       []surveyMatrixRow
	Texts                      []string
	Multiple                   bool
}

// surveyBar is one row of a chart and its table: Y and Width are in the
// SVG's units (640 wide).
type surveyBar struct {
	Label, N, Percent string
	Y, TextY, Width   int
}

type surveyMatrixRow struct {
	Label    string
	Answered int
	Cells    []string
	Mean     string
}

func (s *Server) handleSurveyResults(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var a *org.Actor
	if u := currentUser(r); u != nil {
		x := actorOf(r)
		a = &x
	}
	sv, res, err := s.opts.Surveys.Results(r.Context(), a, id)
	if err != nil {
		return err
	}
	p := surveyResultsPage{Page: s.page(r, "survey.results.title"), S: sv, Responses: res.Responses,
		Status: s.surveyStateBadge(r, sv), Period: s.surveyPeriod(r, sv), BackURL: surveyPath(sv.ID)}
	p.Title = s.t(r, "survey.results.heading", sv.Title.In(p.Lang))
	p.TitleLang = sv.Title.Lang(p.Lang)
	p.Public = sv.ResultsPublic(s.now())
	if a != nil {
		if p.Staff, err = s.opts.Surveys.MayManage(r.Context(), *a, sv.OrgID); err != nil {
			return err
		}
	}
	if p.Staff {
		p.ExportURL = surveyAdminPath(sv.ID) + "/export"
		p.BackURL = surveyAdminPath(sv.ID)
	}
	for i, qr := range res.Questions {
		p.Questions = append(p.Questions, surveyResultOf(p.Page, i, qr))
	}
	return s.render(w, r, "survey_results", p)
}

func surveyResultOf(p Page, i int, qr survey.QuestionResult) surveyResultView {
	q := qr.Question
	v := surveyResultView{ID: "frage-" + strconv.Itoa(i+1), Label: q.Label.In(p.Lang), LabelLang: q.Label.Lang(p.Lang),
		Kind: q.Type, Answered: qr.Answered, Texts: qr.Texts, Multiple: q.Type == survey.TypeMultiple}
	switch q.Type {
	case survey.TypeSingle, survey.TypeMultiple:
		for _, c := range qr.Counts {
			v.Bars = append(v.Bars, surveyBarOf(p, q.Options[c.Value].In(p.Lang), c))
		}
	case survey.TypeScale:
		for _, c := range qr.Counts {
			v.Bars = append(v.Bars, surveyBarOf(p, surveyScaleLabel(q, c.Value, p.Lang), c))
		}
		if qr.Answered > 0 {
			v.Mean = surveyNumber(p.Lang, qr.Mean, 2)
		}
	case survey.TypeMatrix:
		for _, n := range q.Points() {
			v.Columns = append(v.Columns, surveyScaleLabel(q, n, p.Lang))
		}
		for j, row := range qr.Rows {
			mr := surveyMatrixRow{Label: q.Options[j].In(p.Lang), Answered: row.Answered, Mean: "–"}
			if row.Answered > 0 {
				mr.Mean = surveyNumber(p.Lang, row.Mean, 2)
			}
			for _, c := range row.Counts {
				mr.Cells = append(mr.Cells, fmt.Sprintf("%d (%s %%)", c.N, surveyNumber(p.Lang, c.Percent, 1)))
			}
			v.Rows = append(v.Rows, mr)
		}
	}
	for j := range v.Bars {
		v.Bars[j].Y = j*44 + 22
		v.Bars[j].TextY = j*44 + 16
	}
	v.ChartHeight = len(v.Bars)*44 + 4
	return v
}

func surveyBarOf(p Page, label string, c survey.Count) surveyBar {
	return surveyBar{Label: label, N: strconv.Itoa(c.N), Percent: surveyNumber(p.Lang, c.Percent, 1),
		Width: int(c.Percent*6.4 + 0.5)}
}

func surveyScaleLabel(q *survey.Question, n int, lang string) string {
	label := strconv.Itoa(n)
	if n == q.ScaleMin && q.MinLabel.In(lang) != "" {
		label += " – " + q.MinLabel.In(lang)
	}
	if n == q.ScaleMax && q.MaxLabel.In(lang) != "" {
		label += " – " + q.MaxLabel.In(lang)
	}
	return label
}

// surveyNumber formats f with digits decimals, with a decimal comma in German.
func surveyNumber(lang string, f float64, digits int) string {
	s := strconv.FormatFloat(f, 'f', digits, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// handleSurveyExport sends all responses as CSV (RFC 4180): a header row,
// one row per response; a matrix has a column per row. Cells that a
// spreadsheet would take for a formula start with a quote.
func (s *Server) handleSurveyExport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sv, rs, err := s.opts.Surveys.Export(r.Context(), actorOf(r), id)
	if err != nil {
		return err
	}
	lang := langOf(r)
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="umfrage-%d.csv"`, sv.ID))
	h.Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write(surveySafeCells(surveyCSVHeader(s, r, sv, lang)))
	for i, resp := range rs {
		_ = cw.Write(surveySafeCells(surveyCSVRow(sv, resp, i+1, lang)))
	}
	cw.Flush()
	return nil
}

func surveyCSVHeader(s *Server, r *http.Request, sv *survey.Survey, lang string) []string {
	row := []string{s.t(r, "survey.csv.number"), s.t(r, "survey.csv.hour")}
	for _, q := range sv.Questions {
		if q.Type == survey.TypeMatrix {
			for _, o := range q.Options {
				row = append(row, q.Label.In(lang)+": "+o.In(lang))
			}
			continue
		}
		row = append(row, q.Label.In(lang))
	}
	return row
}

func surveyCSVRow(sv *survey.Survey, resp *survey.Response, n int, lang string) []string {
	row := []string{strconv.Itoa(n), resp.At.UTC().Format("2006-01-02T15:04Z")}
	for _, q := range sv.Questions {
		a := resp.Answers[q.ID]
		switch q.Type {
		case survey.TypeSingle, survey.TypeMultiple:
			var labels []string
			for _, c := range a.Choices {
				if c >= 0 && c < len(q.Options) {
					labels = append(labels, q.Options[c].In(lang))
				}
			}
			row = append(row, strings.Join(labels, "; "))
		case survey.TypeScale:
			row = append(row, surveyPoint(a.Value))
		case survey.TypeText:
			row = append(row, a.Text)
		case survey.TypeMatrix:
			for i := range q.Options {
				v := 0
				if i < len(a.Rows) {
					v = a.Rows[i]
				}
				row = append(row, surveyPoint(v))
			}
		}
	}
	return row
}

func surveyPoint(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

// surveySafeCells prefixes cells that start like a formula (= + - @, and tab or
// carriage return) with a single quote, so spreadsheets show them as text.
func surveySafeCells(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}
