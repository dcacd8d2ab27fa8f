package route

import (
	"strconv"
	"unicode"

	"rathaus/internal/search"
)

// Feature blocks: each is weighted and normalised on its own, so the many
// character n-grams of a word do not drown its stem.
const (
	blockWords = iota // stems, compound parts, synonym groups, stem bigrams
	blockChars        // character n-grams inside words
	numBlocks
)

// word is one word of a text as the citizen wrote it.
type word struct {
	raw    string // as written, for explanations
	folded string
}

// occurrence is one feature a text produced, with the words it came from
// (b is -1 for a feature of one word).
type occurrence struct {
	key   string
	block uint8
	w     float32
	a, b  int32
}

// splitWords returns the runs of letters and digits of s, as written and
// folded the way the catalogue search folds them.
func splitWords(s string) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start >= 0 {
			raw := s[start:end]
			out = append(out, word{raw: raw, folded: search.Fold(raw)})
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// wordFeature is a feature of a folded word alone, cached per word.
type wordFeature struct {
	key   string
	block uint8
	w     float32
}

// analyzer turns texts into feature occurrences.
type analyzer struct {
	opt      Options
	compound *search.Compounds
}

// partWeight is the weight of a compound's part relative to the whole
// word: "Hundesteuer" is mostly itself, partly "Hund" and "Steuer".
const partWeight = 0.5

// features returns the features a folded word produces on its own, or nil
// for a stop word.
func (an *analyzer) features(folded string) []wordFeature {
	if len(folded) < 2 || search.IsStopWord(folded) {
		return nil
	}
	st := search.Stem(folded)
	fs := []wordFeature{{"w" + st, blockWords, 1}}
	fs = appendSynonyms(fs, st, 1)
	if an.compound != nil {
		for _, p := range an.compound.Split(folded) {
			ps := search.Stem(p)
			if ps == st {
				continue
			}
			fs = append(fs, wordFeature{"w" + ps, blockWords, partWeight})
			fs = appendSynonyms(fs, ps, partWeight)
		}
	}
	return an.appendGrams(fs, folded)
}

func appendSynonyms(fs []wordFeature, st string, w float32) []wordFeature {
	for _, g := range search.SynonymGroups(st) {
		fs = append(fs, wordFeature{"s" + strconv.Itoa(g), blockWords, w})
	}
	return fs
}

// appendGrams adds the character n-grams of "<folded>", the angle brackets
// marking the word's start and end.
func (an *analyzer) appendGrams(fs []wordFeature, folded string) []wordFeature {
	rs := []rune("<" + folded + ">")
	for n := an.opt.MinGram; n <= an.opt.MaxGram; n++ {
		for i := 0; i+n <= len(rs); i++ {
			fs = append(fs, wordFeature{"g" + string(rs[i:i+n]), blockChars, 1})
		}
	}
	return fs
}

// analyze returns a text's words and feature occurrences. cache, when not
// nil, remembers the features of each folded word (training only: it is
// not safe for concurrent use).
func (an *analyzer) analyze(text string, cache map[string][]wordFeature) ([]word, []occurrence) {
	words := splitWords(text)
	var occ []occurrence
	prev, prevIdx := "", -1
	for i, w := range words {
		fs, ok := cache[w.folded]
		if !ok {
			fs = an.features(w.folded)
			if cache != nil {
				cache[w.folded] = fs
			}
		}
		if len(fs) == 0 {
			continue // stop word: bigrams skip it, as in "Steuer für Hunde"
		}
		for _, f := range fs {
			occ = append(occ, occurrence{f.key, f.block, f.w, int32(i), -1})
		}
		st := fs[0].key[1:]
		if !an.opt.NoBigrams && prevIdx >= 0 {
			occ = append(occ, occurrence{"b" + prev + " " + st, blockWords, 1, int32(prevIdx), int32(i)})
		}
		prev, prevIdx = st, i
	}
	return words, occ
}

// vocabulary returns the folded words of the texts for the compound
// splitter, in order of first appearance.
func vocabulary(texts []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, w := range splitWords(t) {
			if !seen[w.folded] {
				seen[w.folded] = true
				out = append(out, w.folded)
			}
		}
	}
	return out
}
