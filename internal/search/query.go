package search

import (
	"strings"
	"unicode"
)

// Weights of a query word's alternatives relative to the word itself.
const (
	wSynonym   = 0.7  // a member of the same curated group
	wQueryTail = 0.6  // "parkausweis" for the query "bewohnerparkausweis"
	wPart      = 0.9  // a part of a query compound the index does not know
	wTypo1     = 0.75 // correction at distance 1
	wTypo2     = 0.55 // correction at distance 2
	wPrefix    = 0.8  // completion of the last, unfinished word
	wPrefixToo = 0.5  // completion of a last word that is known as it is
	wJoin      = 0.9  // "taxikonzession" for "Taxi Konzession"
)

// rareTypoDF is how many documents a neighbour of a word found in a single
// document needs before it is taken as the likely meaning.
const rareTypoDF = 5

// alt is one term a query clause accepts, with its weight.
type alt struct {
	term   int32
	weight float64
}

// clause is one concept of the query: a word, or a part of an unknown
// compound. A document scores the best of its alternatives.
type clause struct {
	alts []alt
}

func (c *clause) add(term int32, w float64) {
	for i := range c.alts {
		if c.alts[i].term == term {
			if w > c.alts[i].weight {
				c.alts[i].weight = w
			}
			return
		}
	}
	c.alts = append(c.alts, alt{term, w})
}

// plan is an analysed query.
type plan struct {
	clauses   []clause
	stems     []string // the query's words, stemmed
	corrected string   // query with typo corrections, or ""
}

// plan analyses a query text.
func (ix *Index) plan(text string) plan {
	toks := tokenize(text)
	at, lastWord := queryWords(toks, !endsWithSpace(text))
	words := make([]token, len(at))
	for i, k := range at {
		words[i] = toks[k]
	}
	p := plan{stems: make([]string, len(words))}
	spans := make([][2]int, len(words)) // clauses each word produced
	display := make([]string, len(toks))
	for i, t := range toks {
		display[i] = t.raw
	}
	corrected := false
	for i, w := range words {
		p.stems[i] = stem(w.folded)
		first := len(p.clauses)
		if fix := ix.planWord(&p, w, p.stems[i], i == lastWord); fix != "" {
			display[at[i]], corrected = fix, true
		}
		spans[i] = [2]int{first, len(p.clauses)}
	}
	ix.addPhrases(&p, p.stems, spans)
	ix.addJoins(&p, words, spans)
	if corrected {
		p.corrected = strings.Join(display, " ")
	}
	return p
}

// queryWords returns the positions of the tokens that are no stop words,
// and which of them is the unfinished last word (-1 if none). A lone
// unfinished token is kept even when it is a stop word: "ein" may be
// becoming "Einbürgerung".
func queryWords(toks []token, unfinished bool) (at []int, lastWord int) {
	lastWord = -1
	for i, t := range toks {
		isLast := unfinished && i == len(toks)-1
		if stopWords[t.folded] && !(isLast && len(toks) == 1) {
			continue
		}
		if isLast {
			lastWord = len(at)
		}
		at = append(at, i)
	}
	return at, lastWord
}

func endsWithSpace(s string) bool {
	r := []rune(s)
	return len(r) > 0 && !unicode.IsLetter(r[len(r)-1]) && !unicode.IsDigit(r[len(r)-1])
}

// planWord adds the clause(s) for one query word and returns the corrected
// spelling when it corrected a typo.
func (ix *Index) planWord(p *plan, w token, s string, last bool) string {
	c := clause{}
	var completions []int32
	if last && len(w.folded) >= 3 {
		completions = ix.completions(w.folded, 8)
	}
	fix := ""
	_, indexed := ix.terms[s]
	switch {
	case indexed:
		ix.addStem(&c, s, 1)
		for _, t := range ix.tails(w.folded) {
			ix.addStem(&c, t, wQueryTail)
		}
		ix.addRareTypo(&c, w.folded)
	case ix.knows(w.folded, s):
		// a curated synonym the documents do not use: its group, and its
		// parts when it is a compound
		ix.addStem(&c, s, 1)
		if parts := ix.partClauses(w.folded); parts != nil {
			p.clauses = append(p.clauses, parts[:len(parts)-1]...)
			c.alts = append(c.alts, parts[len(parts)-1].alts...)
		}
	case len(completions) == 0:
		var parts []clause
		c, parts, fix = ix.planUnknown(w)
		p.clauses = append(p.clauses, parts...)
	}
	weight := wPrefix
	if len(c.alts) > 0 {
		weight = wPrefixToo
	}
	for _, pos := range completions {
		ix.addStem(&c, ix.words[pos].stem, weight)
	}
	if len(c.alts) > 0 {
		p.clauses = append(p.clauses, c)
	}
	return fix
}

// planUnknown handles a word the index does not know: a close typo, else
// the parts of a compound (returned as clauses of their own), else a
// farther typo.
func (ix *Index) planUnknown(w token) (c clause, parts []clause, fix string) {
	if len(w.folded) >= 4 {
		if cands, d := ix.corrections(w.folded, 1); d == 1 {
			return ix.typoClause(cands, wTypo1), nil, ix.words[cands[0]].display
		}
	}
	if parts = ix.partClauses(w.folded); parts != nil {
		return clause{}, parts, ""
	}
	if len(w.folded) >= 8 {
		if cands, d := ix.corrections(w.folded, 2); d > 0 && d <= 2 {
			return ix.typoClause(cands, wTypo2), nil, ix.words[cands[0]].display
		}
	}
	return clause{}, nil, ""
}

// addRareTypo also accepts a frequent neighbour of a word that occurs in
// one document only, since a typo may hit a rare word by chance
// ("Reisepas" for a "Reisepas" mistyped in one text).
func (ix *Index) addRareTypo(c *clause, folded string) {
	pos, ok := ix.wordPos[folded]
	if !ok || ix.words[pos].df > 1 || len(folded) < 5 {
		return
	}
	cands, d := ix.corrections(folded, 1)
	for _, cand := range cands {
		if d == 1 && ix.words[cand].df >= rareTypoDF {
			ix.addStem(c, ix.words[cand].stem, wTypo1)
		}
	}
}

func (ix *Index) typoClause(cands []int32, weight float64) clause {
	c := clause{}
	for _, pos := range cands {
		ix.addStem(&c, ix.words[pos].stem, weight)
	}
	return c
}

// partClauses splits an unknown compound into one clause per part; the
// clause of the last part also accepts the known tails ("parkausweis").
func (ix *Index) partClauses(w string) []clause {
	leaves := ix.split.leaves(w)
	if leaves == nil {
		return nil
	}
	out := make([]clause, 0, len(leaves))
	for _, l := range leaves {
		c := clause{}
		ix.addStem(&c, stem(w[l.start:l.end]), wPart)
		out = append(out, c)
	}
	lastC := &out[len(out)-1]
	for k := 1; k < len(leaves)-1; k++ {
		ix.addStem(lastC, stem(w[leaves[k].start:]), wPart)
	}
	return out
}

// tails returns the stems of the tails of a compound query word.
func (ix *Index) tails(folded string) []string {
	if pos, ok := ix.wordPos[folded]; ok {
		return ix.words[pos].tails
	}
	var out []string
	for _, d := range compoundTerms(ix.split, folded) {
		if d.w == wTail {
			out = append(out, d.stem)
		}
	}
	return out
}

// knows reports whether a query word needs no correction.
func (ix *Index) knows(folded, s string) bool {
	if len(ix.syn.single[s]) > 0 {
		return true
	}
	_, ok := ix.wordPos[folded]
	return ok
}

// addStem adds a stem and its synonym groups as alternatives.
func (ix *Index) addStem(c *clause, s string, w float64) {
	if id, ok := ix.terms[s]; ok {
		c.add(id, w)
	}
	for _, g := range ix.syn.single[s] {
		if id, ok := ix.terms[groupTerm(g)]; ok {
			c.add(id, w*wSynonym)
		}
	}
}

// addPhrases lets multi-word synonyms ("wohnsitz anmelden") add their group
// to the clauses of the words they span.
func (ix *Index) addPhrases(p *plan, stems []string, spans [][2]int) {
	for i := range stems {
		for _, ph := range ix.syn.phraseAt(stems, i) {
			id, ok := ix.terms[groupTerm(ph.group)]
			if !ok {
				continue
			}
			for k := i; k < i+len(ph.stems); k++ {
				for c := spans[k][0]; c < spans[k][1]; c++ {
					p.clauses[c].add(id, wSynonym)
				}
			}
		}
	}
}

// addJoins lets two or three neighbouring words written apart match the
// compound the documents write in one ("Taxi Konzession" ->
// "taxikonzession", "außer Betrieb setzen" -> "Außerbetriebsetzung").
func (ix *Index) addJoins(p *plan, words []token, spans [][2]int) {
	for i := range words {
		joined := words[i].folded
		for k := i + 1; k < len(words) && k < i+3; k++ {
			joined += words[k].folded
			id, ok := ix.terms[stem(joined)]
			if !ok {
				continue
			}
			for c := spans[i][0]; c < spans[k][1]; c++ {
				p.clauses[c].add(id, wJoin)
			}
		}
	}
}
