package search

// The word analysis of the search, exported for other text tools (the
// routing classifier in internal/route) so that every part of rathaus reads
// German the same way.

// Fold returns word in the spelling all comparisons use: lower case, ß as
// ss, accents stripped and umlauts merged with their ae/oe/ue spellings and
// their base vowel ("Führerschein" and "Fuehrerschein" give "fuhrerschein").
func Fold(word string) string { return fold(word) }

// Stem returns the Snowball German stem of a word folded by Fold.
func Stem(folded string) string { return stem(folded) }

// IsStopWord reports whether a folded word is one the search ignores
// (articles, pronouns, question words, a few English ones).
func IsStopWord(folded string) bool { return stopWords[folded] }

// SynonymGroups returns the numbers of the curated synonym groups that have
// the stem as a one-word member; numbers are stable for one build.
func SynonymGroups(stem string) []int {
	gs := curatedSynonyms.single[stem]
	out := make([]int, len(gs))
	for i, g := range gs {
		out[i] = int(g)
	}
	return out
}

// Compounds splits German compounds against a vocabulary, as the search
// does for its index. It is read-only once built and safe for concurrent
// use.
type Compounds struct{ sp *splitter }

// NewCompounds returns a splitter that knows the folded words (those of at
// least four letters that are no stop words) and the search's curated word
// parts.
func NewCompounds(folded []string) *Compounds {
	vocab := make(map[string]bool, len(folded))
	for _, w := range folded {
		vocab[w] = true
	}
	return &Compounds{sp: newSplitter(vocab)}
}

// Split returns the smallest known parts of a folded word, with linking
// elements dropped ("hundesteuer" gives "hund", "steuer"), or nil when the
// word is no compound.
func (c *Compounds) Split(folded string) []string {
	leaves := c.sp.leaves(folded)
	if leaves == nil {
		return nil
	}
	out := make([]string, len(leaves))
	for i, l := range leaves {
		out[i] = folded[l.start:l.end]
	}
	return out
}
