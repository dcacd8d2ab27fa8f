package web

import (
	"net/http"

	"rathaus/internal/i18n"
	"rathaus/internal/plainlang"
)

// The plain-language check (plainlang_*.go): the JSON API for the live
// report under text fields (static/plainlang.js), the staff page
// /amt/sprache that works without JavaScript, and the report in the
// catalogue editor's preview. The check is stateless and stores nothing,
// so the API takes anonymous calls too; only the page sits in the staff
// area.
func (s *Server) plainLangRoutes() []route {
	staff := func(h handlerFunc) handlerFunc { return s.requireUser(s.requireAnyRole(h)) }
	return []route{
		{"POST /api/v1/plain-language/check", s.handlePlainLangAPI},
		{"GET /amt/sprache", staff(s.handlePlainLangForm)},
		{"POST /amt/sprache", staff(s.handlePlainLangCheck)},
	}
}

// maxPlainText is the most bytes of text one check reads.
const maxPlainText = 64 << 10

// errPlainTooLong is the answer to a text above maxPlainText.
var errPlainTooLong = &httpError{http.StatusRequestEntityTooLarge, "payload_too_large", "error.plainlang.too_long"}

// plainRequest is the body of POST /api/v1/plain-language/check.
type plainRequest struct {
	Text string `json:"text"`
	Easy bool   `json:"easy"`
	Lang string `json:"lang"` // of the messages; else Accept-Language
}

// plainJSON is the answer of the check.
type plainJSON struct {
	Language     string             `json:"language"`
	Verdict      plainlang.Verdict  `json:"verdict"`
	VerdictLabel string             `json:"verdict_label"`
	Summary      string             `json:"summary"`
	Note         string             `json:"note,omitempty"`
	Counts       plainlang.Counts   `json:"counts"`
	Scores       plainScoresJSON    `json:"scores"`
	Findings     []plainFindingJSON `json:"findings"`
}

type plainScoresJSON struct {
	plainlang.Scores
	FleschBandLabel string `json:"flesch_band_label"`
	GradeLabel      string `json:"grade_label"`
}

type plainFindingJSON struct {
	Kind        plainlang.Kind     `json:"kind"`
	Severity    plainlang.Severity `json:"severity"`
	Start       int                `json:"start"`
	End         int                `json:"end"`
	Excerpt     string             `json:"excerpt"`
	Message     string             `json:"message"`
	Suggestion  string             `json:"suggestion"`
	Alternative string             `json:"alternative,omitempty"`
}

// handlePlainLangAPI checks a text and answers with scores, verdict and
// findings, messages in the asked language.
func (s *Server) handlePlainLangAPI(w http.ResponseWriter, r *http.Request) error {
	var req plainRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	if i18n.Supported(req.Lang) {
		state(r).lang = req.Lang // errors below are translated alike
	}
	if len(req.Text) > maxPlainText {
		return errPlainTooLong
	}
	lang := langOf(r)
	rep := plainlang.Check(req.Text, plainlang.Options{Easy: req.Easy})
	return s.writeJSON(w, http.StatusOK, plainJSONOf(s.plainReportOf(lang, req.Text, rep), rep.Language))
}

func plainJSONOf(p *plainReport, language string) plainJSON {
	out := plainJSON{Language: language, Verdict: p.Verdict, VerdictLabel: p.VerdictLabel, Summary: p.Summary,
		Note: p.Note, Counts: p.Counts, Findings: []plainFindingJSON{},
		Scores: plainScoresJSON{Scores: p.Scores, FleschBandLabel: p.BandLabel, GradeLabel: p.GradeLabel}}
	for _, f := range p.Findings {
		out.Findings = append(out.Findings, plainFindingJSON{Kind: f.Kind, Severity: f.Severity, Start: f.Start,
			End: f.End, Excerpt: f.Excerpt, Message: f.Message, Suggestion: f.Suggestion, Alternative: f.Alternative})
	}
	return out
}
