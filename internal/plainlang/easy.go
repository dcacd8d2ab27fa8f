package plainlang

import (
	"strings"
	"unicode"
)

// Leichte Sprache (Options.Easy), after the Netzwerk Leichte Sprache,
// "Die Regeln für Leichte Sprache" (2013, revised 2022), and DIN SPEC
// 33429:2023-04 "Empfehlungen für Deutsche Leichte Sprache". Each rule is
// a heuristic over words, not a parse.

var (
	// subordinators open a subordinate clause: one statement per sentence.
	subordinators = set("weil", "dass", "obwohl", "damit", "falls", "sofern", "nachdem", "bevor", "sodass", "indem", "während", "ob", "wenn", "sobald", "soweit", "als")
	negations     = set("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts", "niemand")
	subjunctives  = set("würde", "würden", "würdest", "würdet", "hätte", "hätten", "hättest", "könnte", "könnten", "könntest", "müsste", "müssten", "sollte", "sollten", "dürfte", "dürften", "wäre", "wären", "wärst", "bräuchte", "bräuchten")
	numberWords   = set("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert", "tausend", "million", "millionen", "drittel", "viertel", "hälfte", "dutzend")
	specials      = set("%", "§", "&", ";", "/", "(", ")", "[", "]", "*", "…", "‰", "<", ">")
)

// easyRules runs the Leichte Sprache rules.
func (t *text) easyRules(o Options) []Finding {
	var fs []Finding
	for _, s := range t.sentences {
		if s.words > o.EasySentence {
			fs = append(fs, t.newFinding(KindEasySentence, SeverityWarning, s.start, s.end, s.words, o.EasySentence))
		}
		fs = append(fs, t.easyClauses(s)...)
		fs = append(fs, t.easyGenitives(s)...)
	}
	for i, tk := range t.toks {
		if f, ok := t.easyWord(i, tk, o); ok {
			fs = append(fs, f)
		}
	}
	return append(fs, t.listFindings(foreignList, KindEasyForeign, SeverityWarning)...)
}

// easyWord applies the rules that look at one token.
func (t *text) easyWord(i int, tk token, o Options) (Finding, bool) {
	one := func(k Kind, sev Severity) (Finding, bool) {
		return t.newFinding(k, sev, tk.start, tk.end, tk.text), true
	}
	switch {
	case tk.kind == tPunct && specials[tk.text]:
		return one(KindEasySpecial, SeverityInfo)
	case tk.kind != tWord:
		return Finding{}, false
	case negations[tk.lower]:
		return one(KindEasyNegation, SeverityInfo)
	case subjunctives[tk.lower]:
		return one(KindEasySubjunct, SeverityWarning)
	case numberWords[tk.lower]:
		return one(KindEasyNumber, SeverityInfo)
	case tk.abbrev:
		return t.abbreviation(i)
	case isAcronym(tk):
		return one(KindEasyAbbrev, SeverityWarning)
	case tk.letters > o.LongCompound && !strings.ContainsAny(tk.text, "-·"):
		return one(KindEasyCompound, SeverityWarning)
	}
	return Finding{}, false
}

// isAcronym reports whether a word of two to five letters is all
// capitals ("BGB", "KfZ" is not): acronyms need writing out.
func isAcronym(tk token) bool {
	if tk.letters < 2 || tk.letters > 5 {
		return false
	}
	for _, r := range tk.text {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// easyClauses flags a subordinate clause after a comma, or a second
// statement joined by "und"/"oder"/"aber" after a comma.
func (t *text) easyClauses(s sentence) []Finding {
	for i := s.from + 1; i < s.to; i++ {
		if t.toks[i-1].text != "," || t.toks[i].kind != tWord {
			continue
		}
		w := t.toks[i].lower
		if subordinators[w] || w == "die" || w == "der" || w == "das" || w == "aber" || w == "sondern" {
			return []Finding{t.newFinding(KindEasyClause, SeverityWarning, s.start, s.end)}
		}
	}
	return nil
}

// easyGenitives flags "des" + noun, "eines" + noun, and "der" between two
// capitalised nouns ("der Antrag der Mutter"); a preposition before "der"
// (mit der, von der) makes it a dative and is not flagged.
func (t *text) easyGenitives(s sentence) []Finding {
	var fs []Finding
	for i := s.from; i < s.to-1; i++ {
		w := t.toks[i].lower
		next := t.nounAfter(i, s.to)
		if next < 0 {
			continue
		}
		switch {
		case w == "des" || w == "eines":
		case w == "der" && i > s.from+1 && isNoun(t.toks[i-1]):
		default:
			continue
		}
		fs = append(fs, t.newFinding(KindEasyGenitive, SeverityWarning, t.toks[i].start, t.toks[next].end, t.excerpt(t.toks[i].start, t.toks[next].end)))
	}
	return fs
}

// nounAfter is the index of a capitalised word right after i, or after
// one lowercase adjective; -1 if none.
func (t *text) nounAfter(i, to int) int {
	for j := i + 1; j < to && j <= i+2; j++ {
		if isNoun(t.toks[j]) {
			return j
		}
		if t.toks[j].kind != tWord {
			return -1
		}
	}
	return -1
}

func isNoun(tk token) bool {
	return tk.kind == tWord && tk.upper && !isAcronym(tk)
}

// abbreviation flags the abbreviation starting at toks[i] with its
// point; "z. B." is one finding, its "B" none of its own.
func (t *text) abbreviation(i int) (Finding, bool) {
	if i > 1 && t.toks[i-2].abbrev && t.toks[i].end-t.toks[i].start == 1 && t.toks[i-2].end-t.toks[i-2].start == 1 {
		return Finding{}, false
	}
	end := i
	for end+2 < len(t.toks) && t.toks[end+2].abbrev && t.toks[end+2].end-t.toks[end+2].start == 1 && t.toks[i].end-t.toks[i].start == 1 {
		end += 2
	}
	s, e := t.toks[i].start, t.toks[end].end+1
	return t.newFinding(KindEasyAbbrev, SeverityWarning, s, e, string(t.rs[s:e])), true
}
