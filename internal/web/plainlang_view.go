package web

import (
	"strconv"
	"strings"

	"rathaus/internal/plainlang"
)

// plainReport is a plain-language report ready for the page, the
// catalogue preview and the JSON API, translated into one language.
type plainReport struct {
	Verdict      plainlang.Verdict
	VerdictLabel string
	AlertKind    string // KERN alert: success, info, warning
	Summary      string // one line: scores and the number of findings
	Note         string // why the scores say little, when they do
	Counts       plainlang.Counts
	Scores       plainlang.Scores
	BandLabel    string
	GradeLabel   string
	Flesch, WSTF string // formatted in the language
	ASL, ASW     string
	Findings     []plainFinding
	Segments     []plainSegment // the text, cut where findings start and end
}

// plainFinding is one finding with its translated message and advice.
type plainFinding struct {
	N int // 1-based, the mark's number in the text
	plainlang.Finding
	Message       string
	Suggestion    string
	SeverityLabel string
}

// plainSegment is a piece of the checked text; Mark when some finding
// covers it, Refs the numbers of the findings that start here.
type plainSegment struct {
	Text string
	Mark bool
	Refs []int
}

// plainReportOf translates rep for lang; text is what was checked.
func (s *Server) plainReportOf(lang, text string, rep plainlang.Report) *plainReport {
	t := func(key string, args ...any) string { return s.tr.T(lang, key, args...) }
	p := &plainReport{Verdict: rep.Verdict, VerdictLabel: t("plainlang.verdict." + string(rep.Verdict)),
		AlertKind: verdictAlert[rep.Verdict], Counts: rep.Counts, Scores: rep.Scores,
		BandLabel: t("plainlang.band." + string(rep.Scores.FleschBand)), GradeLabel: t(gradeKey(rep.Scores.Grade)),
		Flesch: decimal(lang, rep.Scores.Flesch, 1), WSTF: decimal(lang, rep.Scores.WSTF, 1),
		ASL: decimal(lang, rep.Scores.WordsPerSentence, 1), ASW: decimal(lang, rep.Scores.SyllablesPerWord, 2)}
	if rep.Verdict == plainlang.VerdictNotGerman {
		p.Note = t("plainlang.note.not_german")
	}
	for i, f := range rep.Findings {
		pf := plainFinding{N: i + 1, Finding: f, Message: t(f.Key, f.Args...), Suggestion: t(f.Hint),
			SeverityLabel: t("plainlang.severity." + string(f.Severity))}
		if f.Alternative != "" {
			pf.Suggestion = t("plainlang.alternative", f.Alternative) + " " + pf.Suggestion
		}
		p.Findings = append(p.Findings, pf)
	}
	p.Summary = t("plainlang.summary", p.Flesch, p.BandLabel, p.WSTF, rep.Scores.Grade, len(rep.Findings))
	p.Segments = segments([]rune(text), rep.Findings)
	return p
}

var verdictAlert = map[plainlang.Verdict]string{
	plainlang.VerdictGood: "success", plainlang.VerdictClearer: "info", plainlang.VerdictHard: "warning",
	plainlang.VerdictEmpty: "info", plainlang.VerdictNotGerman: "info",
}

// gradeKey names the meaning of a Wiener Sachtextformel school grade.
func gradeKey(g int) string {
	switch {
	case g <= 5:
		return "plainlang.grade.very_easy"
	case g <= 7:
		return "plainlang.grade.easy"
	case g <= 9:
		return "plainlang.grade.medium"
	case g <= 11:
		return "plainlang.grade.hard"
	}
	return "plainlang.grade.very_hard"
}

// decimal formats f with prec decimals, with a decimal comma in German.
func decimal(lang string, f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// segments cuts rs at every start and end of a finding, so that the page
// can mark what findings cover and number where each starts. Coverage is
// constant inside a segment, so a running count of open findings tells
// whether to mark it.
func segments(rs []rune, fs []plainlang.Finding) []plainSegment {
	open := make([]int, len(rs)+1) // findings starting minus ending at each offset
	refs := map[int][]int{}
	cut := make([]bool, len(rs)+1)
	cut[len(rs)] = true
	for n, f := range fs {
		open[f.Start]++
		open[f.End]--
		refs[f.Start] = append(refs[f.Start], n+1)
		cut[f.Start], cut[f.End] = true, true
	}
	var out []plainSegment
	start, depth := 0, open[0]
	for i := 1; i <= len(rs); i++ {
		if !cut[i] {
			depth += open[i]
			continue
		}
		out = append(out, plainSegment{Text: string(rs[start:i]), Mark: depth > 0, Refs: refs[start]})
		start = i
		depth += open[i]
	}
	return out
}
