package plainlang

import (
	"strings"
)

// longSentences flags sentences above o.LongSentence words, strongly
// above o.VeryLongSentence.
func (t *text) longSentences(o Options) []Finding {
	var fs []Finding
	for _, s := range t.sentences {
		switch {
		case s.words > o.VeryLongSentence:
			fs = append(fs, t.newFinding(KindLongSentence, SeverityStrong, s.start, s.end, s.words))
		case s.words > o.LongSentence:
			fs = append(fs, t.newFinding(KindLongSentence, SeverityWarning, s.start, s.end, s.words))
		}
	}
	return fs
}

// nominalSuffixes end nominalised nouns.
var nominalSuffixes = []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "ion", "ionen", "ität", "itäten", "nis", "nisse", "nissen"}

// isNominal reports whether tk is a capitalised noun of at least six
// letters with a nominalising suffix.
func isNominal(tk token) bool {
	if tk.kind != tWord || tk.letters < 6 || !tk.upper {
		return false
	}
	for _, suf := range nominalSuffixes {
		if strings.HasSuffix(tk.lower, suf) {
			return true
		}
	}
	return false
}

// chainLinks join two nominalised nouns into a chain: "der Beantragung";
// "zur" and "zum" do not ("Wohnung zur Verfügung" is an idiom).
var chainLinks = set("der", "des", "einer", "eines", "von")

// nominalStyle flags sentences with many nominalised nouns and chains of
// them ("zur Durchführung der Beantragung").
func (t *text) nominalStyle(o Options) []Finding {
	var fs []Finding
	for _, s := range t.sentences {
		n := 0
		for i := s.from; i < s.to; i++ {
			if isNominal(t.toks[i]) {
				n++
			}
		}
		if n >= o.NominalNouns {
			fs = append(fs, t.newFinding(KindNominalStyle, SeverityWarning, s.start, s.end, n))
		}
		fs = append(fs, t.nounChains(s)...)
	}
	return fs
}

// nounChains finds nominalised nouns linked by an article or preposition
// to another, with up to one adjective between: "Durchführung der
// Beantragung", "Erteilung einer neuen Genehmigung". A preposition with
// article before the first noun ("zur", "bei der") joins the chain.
func (t *text) nounChains(s sentence) []Finding {
	var fs []Finding
	for i := s.from; i < s.to; i++ {
		if !isNominal(t.toks[i]) {
			continue
		}
		end, links := i, 0
		for {
			j := end + 1
			if j >= s.to || !chainLinks[t.toks[j].lower] {
				break
			}
			k := j + 1
			if k < s.to && t.toks[k].kind == tWord && t.toks[k].lowerFirst {
				k++ // one adjective
			}
			if k >= s.to || !isNominal(t.toks[k]) {
				break
			}
			end, links = k, links+1
		}
		if links == 0 {
			continue
		}
		start := i
		if i-1 >= s.from && chainOpeners[t.toks[i-1].lower] {
			start = i - 1
		}
		fs = append(fs, t.newFinding(KindNounChain, SeverityWarning, t.toks[start].start, t.toks[end].end, links+1))
		i = end
	}
	return fs
}

// chainOpeners are prepositions (with article) that open a chain.
var chainOpeners = set("zur", "zum", "bei", "nach", "durch", "zwecks", "mittels", "wegen", "aufgrund", "infolge", "vor", "unter", "mit")

// werdenForms are forms of "werden"; wurde/worden mark the passive best.
var werdenForms = set("werde", "wirst", "wird", "werden", "werdet", "wurde", "wurdest", "wurden", "wurdet", "worden", "würde", "würden", "würdest")

// seinForms are forms of "sein" for "ist zu beantragen".
var seinForms = set("ist", "sind", "war", "waren", "wäre", "wären", "sei", "seien")

// inseparable and separable verb prefixes, for participles and zu-infinitives.
var (
	inseparable    = []string{"be", "ver", "er", "ent", "zer", "emp", "miss", "über", "unter", "hinter", "wider"}
	separable      = []string{"an", "ab", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weg", "her", "hin", "fest", "frei", "dar", "weiter", "vorbei", "um", "durch", "nach", "zusammen", "fort", "los", "heraus", "hinaus", "vorher", "bereit"}
	notParticiples = set("gegen", "genau", "gesamt", "gerade", "gestern", "geheim", "gemeinsam", "genug", "gern", "gerne",
		"bereits", "beziehungsweise", "unbedingt", "bekannt", "bestimmt", "gerecht", "geeignet", "erst", "jetzt", "nicht",
		"vielleicht", "leicht", "recht", "weit", "breit", "bereit", "bisher", "zunächst", "zuletzt", "meist", "berechtigt")
)

// isParticiple guesses whether a lowercase word is a past participle:
// ge…t/ge…en, …iert, an inseparable prefix and …t, or a separable prefix
// with ge inside (angemeldet, ausgestellt, eingereicht).
func isParticiple(tk token) bool {
	w := tk.lower
	if tk.kind != tWord || tk.letters < 5 || !tk.lowerFirst || notParticiples[w] {
		return false
	}
	endsT, endsEn := strings.HasSuffix(w, "t"), strings.HasSuffix(w, "en")
	switch {
	case strings.HasPrefix(w, "ge") && (endsT || endsEn):
		return true
	case strings.HasSuffix(w, "iert"):
		return true
	}
	for _, p := range separable {
		if strings.HasPrefix(w, p+"ge") && len(w) > len(p)+4 && (endsT || endsEn) {
			return true
		}
	}
	if !endsT {
		return false
	}
	for _, p := range inseparable {
		if strings.HasPrefix(w, p) && len(w) > len(p)+3 {
			return true
		}
	}
	return false
}

// clauseEnd reports whether toks[i] ends a clause: punctuation or the
// end of the sentence follows, or a verb form, "und"/"oder" does.
func (t *text) clauseEnd(s sentence, i int) bool {
	if i+1 >= s.to {
		return true
	}
	n := t.toks[i+1]
	return n.kind == tPunct && strings.Contains(".,;:!?)–-", n.text) || werdenForms[n.lower] || seinForms[n.lower] ||
		n.lower == "und" || n.lower == "oder" || n.lower == "haben" || n.lower == "hat" || n.lower == "können" ||
		n.lower == "kann" || n.lower == "müssen" || n.lower == "muss" || n.lower == "sollen" || n.lower == "soll"
}

// passive flags werden + participle and sein + zu-infinitive in a
// clause; the participle or infinitive must end its clause, as German
// puts it there ("wird … bearbeitet", "ist … einzureichen"), and no
// comma may stand between it and the auxiliary.
func (t *text) passive() []Finding {
	var fs []Finding
	for _, s := range t.sentences {
		aux, sein := -1, -1
		for i := s.from; i < s.to; i++ {
			if werdenForms[t.toks[i].lower] && aux < 0 {
				aux = i
			}
			if seinForms[t.toks[i].lower] && sein < 0 {
				sein = i
			}
		}
		for i := s.from; i < s.to; i++ {
			switch {
			case aux >= 0 && i != aux && isParticiple(t.toks[i]) && t.clauseEnd(s, i) && !t.commaBetween(aux, i):
				fs = append(fs, t.spanFinding(KindPassive, aux, i))
				aux = -1
			case sein >= 0 && i > sein && t.zuInfinitive(i) && t.clauseEnd(s, i) && !t.commaBetween(sein, i):
				fs = append(fs, t.spanFinding(KindPassive, sein, i))
				sein = -1
			}
		}
	}
	return fs
}

// commaBetween reports whether a comma stands between tokens a and b, in
// either order: then they belong to different clauses.
func (t *text) commaBetween(a, b int) bool {
	for i := min(a, b) + 1; i < max(a, b); i++ {
		if t.toks[i].text == "," {
			return true
		}
	}
	return false
}

// spanFinding is a warning over the tokens a and b, in either order.
func (t *text) spanFinding(k Kind, a, b int) Finding {
	a, b = min(a, b), max(a, b)
	return t.newFinding(k, SeverityWarning, t.toks[a].start, t.toks[b].end)
}

// zuInfinitive reports whether toks[i] is an infinitive with zu: "zu
// zahlen" (i is "zahlen") or "einzureichen".
func (t *text) zuInfinitive(i int) bool {
	tk := t.toks[i]
	w := tk.lower
	if tk.kind != tWord || !tk.lowerFirst || !(strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "eln")) {
		return false
	}
	if i > 0 && t.toks[i-1].lower == "zu" {
		return !notInfinitives[w]
	}
	for _, p := range separable {
		if strings.HasPrefix(w, p+"zu") && len(w) > len(p)+4 {
			return true
		}
	}
	return false
}

// notInfinitives end in -en after "zu" without being verbs.
var notInfinitives = set("den", "denen", "ihnen", "einen", "diesen", "jenen", "allen", "seinen", "ihren", "unseren", "welchen",
	"hohen", "späten", "frühen", "großen", "kleinen", "wenigen", "vielen", "anderen", "guten", "ersten", "letzten", "beiden", "eigenen")
