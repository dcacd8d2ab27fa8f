package search

import "strings"

// Compound splitting: a word is cut into the fewest known parts, preferring
// long parts, with the linking elements German puts between them. Known
// parts are the index's own vocabulary (words of at least minPart letters)
// and a short curated list; a part may also be the stem of a known word, so
// "Hundesteuer" splits at "hund" and "Schulweg" at "schul". Parts are split
// again, so the result is a flat list of the smallest parts.

const (
	minPart     = 4 // shortest vocabulary word used as a part
	minCompound = 7 // shortest word worth splitting
)

// fugen are the linking elements tried between two parts.
var fugen = []string{"", "s", "es", "n", "en", "e"}

// curatedParts are word parts citizens compound with that the catalogue may
// only use inside compounds.
var curatedParts = strings.Fields(`
amt anwohner antrag arzt auto ausweis bau baum beantragung bescheinigung
bestätigung bewohner buch büro ehe eid fahrzeug führer führung geber
geburt geld gewerbe hund kfz kind kinder karte lohn meldung miete müll park
pass personal post rente reise schein schul sperr steuer tier titel urkunde
verlust wagen wohn wohnung wohnsitz zeugnis zulassung
`)

type span struct{ start, end int }

// splitter holds the dictionaries a split consults; it is read-only once
// built.
type splitter struct {
	words map[string]bool // folded vocabulary words and curated parts
	stems map[string]bool // their stems
}

func newSplitter(vocab map[string]bool) *splitter {
	sp := &splitter{words: make(map[string]bool), stems: make(map[string]bool)}
	add := func(w string) {
		sp.words[w] = true
		sp.stems[stem(w)] = true
	}
	for w := range vocab {
		if len(w) >= minPart && !stopWords[w] {
			add(w)
		}
	}
	for _, w := range curatedParts {
		add(fold(w))
	}
	return sp
}

func (sp *splitter) known(s string) bool {
	if len(s) < 3 {
		return false
	}
	if len(s) < minPart {
		return sp.words[s] // curated short parts such as "kfz", "amt"
	}
	return sp.words[s] || sp.stems[s]
}

// leaves returns the smallest parts of w, or nil when w is no compound.
func (sp *splitter) leaves(w string) []span {
	segs := sp.segment(w)
	if segs == nil {
		return nil
	}
	var out []span
	for _, s := range segs {
		sub := sp.leaves(w[s.start:s.end])
		if sub == nil {
			out = append(out, s)
			continue
		}
		for _, x := range sub {
			out = append(out, span{s.start + x.start, s.start + x.end})
		}
	}
	return out
}

// cell is the best split of a word's tail starting at some position.
type cell struct {
	parts, score int // number of parts; sum of squared part lengths
	end, next    int // first part is w[i:end], the rest starts at next
}

func (c cell) better(o cell) bool {
	if o.parts <= 0 {
		return true
	}
	if c.parts != o.parts {
		return c.parts < o.parts
	}
	return c.score > o.score
}

// segment splits w into at least two known parts, fewest first.
func (sp *splitter) segment(w string) []span {
	n := len(w)
	if n < minCompound {
		return nil
	}
	best := make([]cell, n+1)
	for i := n - 3; i >= 0; i-- {
		for end := i + 3; end <= n; end++ {
			if (i == 0 && end == n) || !sp.known(w[i:end]) {
				continue
			}
			sq := (end - i) * (end - i)
			if end == n {
				if c := (cell{1, sq, end, n}); c.better(best[i]) {
					best[i] = c
				}
				continue
			}
			for _, f := range fugen {
				next := end + len(f)
				if next >= n || w[end:next] != f || best[next].parts == 0 {
					continue
				}
				c := cell{1 + best[next].parts, sq + best[next].score, end, next}
				if c.better(best[i]) {
					best[i] = c
				}
			}
		}
	}
	if best[0].parts < 2 {
		return nil
	}
	var segs []span
	for i := 0; i < n; i = best[i].next {
		segs = append(segs, span{i, best[i].end})
	}
	return segs
}
