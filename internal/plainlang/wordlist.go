package plainlang

import (
	_ "embed"
	"strings"
	"unicode"
)

//go:embed amtsdeutsch.tsv
var amtsdeutschTSV string

//go:embed foreign.tsv
var foreignTSV string

// entry is one term of a word list and its plain alternative.
type entry struct {
	words       []string // lowercase words of the term
	noun        bool     // written with a capital: match only capitalised
	alternative string
}

// wordList finds its terms in tokens, indexed by their first word.
type wordList struct {
	byFirst map[string][]entry
	nouns   []entry // single nouns of six letters or more, for compounds
}

var (
	officialeseList = parseWordList(amtsdeutschTSV)
	foreignList     = parseWordList(foreignTSV)
)

// parseWordList reads "term<TAB>alternative" lines; "#" starts a comment.
// The lists are embedded, so a malformed line is a programming error.
func parseWordList(tsv string) *wordList {
	l := &wordList{byFirst: map[string][]entry{}}
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		term, alt, ok := strings.Cut(line, "\t")
		if !ok {
			panic("plainlang: word list line without a tab: " + line)
		}
		e := entry{words: strings.Fields(strings.ToLower(term)), noun: unicode.IsUpper([]rune(term)[0]), alternative: alt}
		l.byFirst[e.words[0]] = append(l.byFirst[e.words[0]], e)
		if e.noun && len(e.words) == 1 && len([]rune(e.words[0])) >= 6 {
			l.nouns = append(l.nouns, e)
		}
	}
	return l
}

// Len is the number of terms in the list.
func (l *wordList) Len() int {
	n := 0
	for _, es := range l.byFirst {
		n += len(es)
	}
	return n
}

// inflections are endings a term may carry.
var inflections = []string{"", "e", "en", "n", "s", "es", "er", "em", "ern", "ns"}

// inflectionOf reports whether w is term with one of the endings.
func inflectionOf(w, term string) bool {
	if !strings.HasPrefix(w, term) {
		return false
	}
	rest := w[len(term):]
	for _, s := range inflections {
		if rest == s {
			return true
		}
	}
	return false
}

// compoundOf returns the noun entry w ends in (with an ending) after at
// least three letters: "passlichtbild" ends in "lichtbild".
func (l *wordList) compoundOf(w string) (entry, bool) {
	for _, s := range inflections {
		if !strings.HasSuffix(w, s) {
			continue
		}
		stem := w[:len(w)-len(s)]
		for _, e := range l.nouns {
			if len(stem)-len(e.words[0]) >= 3 && strings.HasSuffix(stem, e.words[0]) {
				return e, true
			}
		}
	}
	return entry{}, false
}

// match returns the entry matching at toks[i] and the index of its last
// token, or false.
func (l *wordList) match(toks []token, i int) (entry, int, bool) {
	tk := toks[i]
	if tk.kind != tWord {
		return entry{}, 0, false
	}
	upper := tk.upper
	for _, s := range inflections {
		if len(tk.lower) <= len(s) || !strings.HasSuffix(tk.lower, s) {
			continue
		}
		for _, e := range l.byFirst[tk.lower[:len(tk.lower)-len(s)]] {
			if e.noun && !upper {
				continue
			}
			if end, ok := matchRest(toks, i, e); ok {
				return e, end, true
			}
		}
	}
	if upper {
		if e, ok := l.compoundOf(tk.lower); ok {
			return e, i, true
		}
	}
	return entry{}, 0, false
}

// matchRest checks the entry's words from toks[i] on, each inflected.
func matchRest(toks []token, i int, e entry) (int, bool) {
	j := i
	for k, w := range e.words {
		if j >= len(toks) || toks[j].kind != tWord || !inflectionOf(toks[j].lower, w) {
			return 0, false
		}
		if k < len(e.words)-1 {
			j++
		}
	}
	return j, true
}

// officialese flags terms of amtsdeutsch.tsv with their alternative.
func (t *text) officialese() []Finding {
	return t.listFindings(officialeseList, KindOfficialese, SeverityInfo)
}

func (t *text) listFindings(l *wordList, k Kind, sev Severity) []Finding {
	var fs []Finding
	for i := 0; i < len(t.toks); i++ {
		e, end, ok := l.match(t.toks, i)
		if !ok {
			continue
		}
		f := t.newFinding(k, sev, t.toks[i].start, t.toks[end].end, t.excerpt(t.toks[i].start, t.toks[end].end))
		f.Alternative = e.alternative
		fs = append(fs, f)
		i = end
	}
	return fs
}
