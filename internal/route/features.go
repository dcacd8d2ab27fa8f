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

// partWeight is the weight of a compound's part relative to the whole
// word: "Hundesteuer" is mostly itself, partly "Hund" and "Steuer".
const partWeight = 0.5

// word is one word of a text as the citizen wrote it.
type word struct {
	raw    string // as written, for explanations
	folded string
}

// splitWords returns the runs of letters and digits of s, as written and
// folded the way the catalogue search folds them.
func splitWords(s string) []word {
	out := make([]word, 0, len(s)/7+1) // German words average some 6 letters and a space
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

// feature is a feature key with its block and weight, before it has an id.
type feature struct {
	key   string
	block uint8
	w     float32
}

// analyzer turns texts into feature occurrences.
type analyzer struct {
	minGram, maxGram int
	bigrams          bool
	compound         *search.Compounds // parts known from the training texts
}

// features returns the stem of a folded word and the features it produces
// on its own; a stop word gives "" and none.
func (an *analyzer) features(folded string) (string, []feature) {
	if len(folded) < 2 || search.IsStopWord(folded) {
		return "", nil
	}
	st := search.Stem(folded)
	fs := []feature{{"w" + st, blockWords, 1}}
	fs = appendSynonyms(fs, st, 1)
	for _, p := range an.compound.Split(folded) {
		if ps := search.Stem(p); ps != st {
			fs = append(fs, feature{"w" + ps, blockWords, partWeight})
			fs = appendSynonyms(fs, ps, partWeight)
		}
	}
	return st, an.appendGrams(fs, folded)
}

func appendSynonyms(fs []feature, st string, w float32) []feature {
	for _, g := range search.SynonymGroups(st) {
		fs = append(fs, feature{"s" + strconv.Itoa(g), blockWords, w})
	}
	return fs
}

// appendGrams adds the character n-grams of "<folded>", the angle brackets
// marking the word's start and end.
func (an *analyzer) appendGrams(fs []feature, folded string) []feature {
	rs := []rune("<" + folded + ">")
	for n := an.minGram; n <= an.maxGram; n++ {
		for i := 0; i+n <= len(rs); i++ {
			fs = append(fs, feature{"g" + string(rs[i:i+n]), blockChars, 1})
		}
	}
	return fs
}

// occurrence is one feature a text produced, by id, with the words it came
// from (b is -1 for a feature of one word).
type occurrence struct {
	id   int32
	w    float32
	a, b int32
}

// resolver gives a feature its id, or -1 when it is unknown; a pair of
// neighbouring stems is known by their two stem features' ids.
type resolver interface {
	id(f feature) int32
	pair(prev, next int32) int32
}

// analyzed is a folded word's features' ids and weights; stem is the id of
// its stem feature, -1 for a stop word or an unknown stem.
type analyzed struct {
	stop bool
	stem int32
	ids  []int32
	ws   []float32
}

func (an *analyzer) analyzeWord(folded string, r resolver) analyzed {
	st, fs := an.features(folded)
	a := analyzed{stop: st == "", stem: -1}
	for i, f := range fs {
		id := r.id(f)
		if i == 0 {
			a.stem = id // the first feature is the stem
		}
		if id >= 0 {
			a.ids = append(a.ids, id)
			a.ws = append(a.ws, f.w)
		}
	}
	return a
}

// occurrences appends the features of a text's words to occ and returns
// it. cache, when not nil, remembers each folded word's analysis (training
// only: it is not safe for concurrent use).
func (an *analyzer) occurrences(words []word, r resolver, cache map[string]analyzed, occ []occurrence) []occurrence {
	prev, prevIdx := int32(-1), int32(-1)
	for i, w := range words {
		a, ok := cache[w.folded]
		if !ok {
			a = an.analyzeWord(w.folded, r)
			if cache != nil {
				cache[w.folded] = a
			}
		}
		if a.stop {
			continue // bigrams skip stop words, as in "Steuer für Hunde"
		}
		for k, id := range a.ids {
			occ = append(occ, occurrence{id, a.ws[k], int32(i), -1})
		}
		if an.bigrams && prev >= 0 && a.stem >= 0 {
			if id := r.pair(prev, a.stem); id >= 0 {
				occ = append(occ, occurrence{id, 1, prevIdx, int32(i)})
			}
		}
		prev, prevIdx = a.stem, int32(i)
	}
	return occ
}

// vocabulary returns the distinct folded words of the texts for the
// compound splitter.
func vocabulary(texts [][]word) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, w := range t {
			if !seen[w.folded] {
				seen[w.folded] = true
				out = append(out, w.folded)
			}
		}
	}
	return out
}
