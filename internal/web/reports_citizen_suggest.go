package web

import (
	"net/http"
	"net/url"
	"strconv"

	"rathaus/internal/fault"
	"rathaus/internal/report"
)

// The AI routing in the report flow (issue 10): a citizen who does not
// know the category says so in step 1 ("Ich weiß es nicht"); step 2 then
// asks for the description first, and the next round trip shows the
// category the text suggests ("Wir vermuten: … — stimmt das?") with
// the other categories and "don't know" still on offer. A citizen whose
// chosen category the text contradicts with high confidence gets a
// gentle hint with the option to switch, once. Staff confirm or correct
// in the office; the corrections teach the suggester.

// reportUnknown is the category value of "I don't know".
const reportUnknown = "unknown"

// reportHintThreshold is the confidence from which a suggestion that
// differs from the citizen's choice is pointed out.
const reportHintThreshold = 0.8

// reportChoice is the category question of step 2 with the suggestion.
type reportChoice struct {
	Suggested string // the suggested category's name; "" for none
	Hint      bool   // the citizen chose another category
	Photos    bool   // photos were chosen: they have to be chosen again
	Selected  string // the preselected value
	Groups    []reportCategoryGroup
}

// reportSuggestion is the category the description suggests and its
// confidence; nil without a suggester, a text or an active category.
func (s *Server) reportSuggestion(tree *report.Tree, text string) (*report.Category, float64) {
	if s.opts.Reports.Suggester == nil || text == "" {
		return nil, 0
	}
	code, conf := s.opts.Reports.Suggester.Suggest(text)
	if c := tree.ByCode(code); c != nil && c.Active {
		return c, conf
	}
	return nil, 0
}

// reportNeedsChoice decides whether step 2 asks about the category
// before filing: when the citizen chose none, or the text clearly
// suggests another one; never twice (field "checked").
func (s *Server) reportNeedsChoice(r *http.Request, values url.Values, tree *report.Tree, rep *report.Report, cat *report.Category) *reportChoice {
	if values.Get("checked") != "" {
		return nil
	}
	unknown := values.Get("category") == reportUnknown
	if !unknown && cat == nil {
		return nil
	}
	sug, conf := s.reportSuggestion(tree, rep.Description)
	threshold := s.opts.Reports.Threshold
	if threshold == 0 {
		threshold = report.DefaultThreshold
	}
	lang := langOf(r)
	c := &reportChoice{Groups: reportGroups(tree, lang), Selected: reportUnknown}
	switch {
	case unknown:
		if sug != nil && conf >= threshold {
			c.Suggested, c.Selected = sug.Name(lang), strconv.FormatInt(sug.ID, 10)
		}
	case sug != nil && sug.ID != cat.ID && conf >= reportHintThreshold:
		c.Suggested, c.Hint, c.Selected = sug.Name(lang), true, strconv.FormatInt(cat.ID, 10)
	default:
		return nil
	}
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["photos"] {
			c.Photos = c.Photos || fh.Size > 0
		}
	}
	return c
}

// reportDescribeFirst checks the description of a report without a
// category: it is needed to suggest one.
func reportDescribeFirst(values url.Values, rep *report.Report) []fault.FieldError {
	if values.Get("category") == reportUnknown && rep.Description == "" {
		return []fault.FieldError{{Field: "description", Key: "reports_web.error.describe"}}
	}
	return nil
}

// withoutUnknownCategory drops the missing category's error when the
// citizen said they do not know it.
func withoutUnknownCategory(values url.Values, errs []fault.FieldError) []fault.FieldError {
	if values.Get("category") != reportUnknown {
		return errs
	}
	var out []fault.FieldError
	for _, e := range errs {
		if e.Field != "category" {
			out = append(out, e)
		}
	}
	return out
}
