package assistant

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Problem reasons of the grounding checker.
const (
	ProblemEmpty       = "empty"        // the answer says nothing
	ProblemNoCitation  = "no_citation"  // a sentence cites nothing
	ProblemBadCitation = "bad_citation" // a sentence cites a number that is no source
	ProblemUnsupported = "unsupported"  // a number, amount, date or duration not in the cited sources
)

// Problem is one reason to reject a model's answer.
type Problem struct {
	Sentence int    // 1-based
	Reason   string // Problem*
	Detail   string // the cited number or the unsupported value
}

func (p Problem) String() string {
	return fmt.Sprintf("sentence %d: %s %s", p.Sentence, p.Reason, p.Detail)
}

var (
	markers     = regexp.MustCompile(`\[(\d+(?:\s*,\s*\d+)*)\]`)
	markerAfter = regexp.MustCompile(`([.!?])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)`)
	urls        = regexp.MustCompile(`https?://\S+`)
	spaceBefore = regexp.MustCompile(`\s+([.,!?;:])`)
)

// parseCited splits a model's answer into sentences and the citation
// numbers each ends with: "Das kostet 37 Euro [1]." and "… Euro. [1]"
// both cite [1].
func parseCited(answer string) []Sentence {
	answer = markerAfter.ReplaceAllString(answer, "$2$1")
	var out []Sentence
	for _, s := range splitSentences(answer) {
		var cites []int
		for _, m := range markers.FindAllStringSubmatch(s, -1) {
			for _, n := range strings.Split(m[1], ",") {
				k, _ := strconv.Atoi(strings.TrimSpace(n))
				cites = append(cites, k)
			}
		}
		text := strings.Join(strings.Fields(markers.ReplaceAllString(s, "")), " ")
		text = spaceBefore.ReplaceAllString(text, "$1")
		if strings.Trim(text, " .!?") == "" {
			continue
		}
		out = append(out, Sentence{Text: text, Cites: cites})
	}
	return out
}

// Check is the grounding checker: it rejects a model's answer when it is
// empty, a sentence cites nothing or a source that does not exist, or a
// sentence states a number, amount, date or duration that none of its
// cited sources contains. Formats are normalised first: "25,00 €",
// "25 Euro", "EUR 25" and "€25.00" are the same amount, "1.3.2026" and
// "1. März 2026" the same date, "drei Wochen" and "3 Wochen" the same
// duration. No problems: the answer may be shown.
func Check(answer string, sources []Citation) []Problem {
	sentences := parseCited(answer)
	if len(sentences) == 0 {
		return []Problem{{Reason: ProblemEmpty}}
	}
	byN := map[int]Citation{}
	for _, c := range sources {
		byN[c.N] = c
	}
	var out []Problem
	for i, s := range sentences {
		out = append(out, checkSentence(i+1, s, byN)...)
	}
	return out
}

func checkSentence(i int, s Sentence, byN map[int]Citation) []Problem {
	if len(s.Cites) == 0 {
		return []Problem{{Sentence: i, Reason: ProblemNoCitation}}
	}
	var out []Problem
	var cited []string
	for _, n := range s.Cites {
		c, ok := byN[n]
		if !ok {
			out = append(out, Problem{Sentence: i, Reason: ProblemBadCitation, Detail: "[" + strconv.Itoa(n) + "]"})
			continue
		}
		cited = append(cited, c.Quote, c.Service)
	}
	if len(out) > 0 {
		return out
	}
	have := factsOf(strings.Join(cited, "\n"))
	for _, f := range factsOf(s.Text).list {
		if !have.has[f] {
			out = append(out, Problem{Sentence: i, Reason: ProblemUnsupported, Detail: f})
		}
	}
	return out
}
