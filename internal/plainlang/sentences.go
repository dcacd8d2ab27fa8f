package plainlang

import (
	"strings"
	"unicode"
)

// sentence is a run of tokens [from, to) and its rune span.
type sentence struct {
	from, to   int
	start, end int
	words      int
}

// splitSentences groups tokens into sentences (rules in doc.go).
func splitSentences(rs []rune, toks []token) []sentence {
	var out []sentence
	from := 0
	flush := func(to int) {
		if to <= from {
			return
		}
		s := sentence{from: from, to: to, start: toks[from].start, end: toks[to-1].end}
		for _, t := range toks[from:to] {
			if t.kind == tWord || t.kind == tNumber {
				s.words++
			}
		}
		if s.words > 0 {
			out = append(out, s)
		} else if len(out) > 0 && to > from {
			// Stray marks (a lone quote or bracket) belong to the sentence before.
			out[len(out)-1].to, out[len(out)-1].end = to, toks[to-1].end
		}
		from = to
	}
	for i := 0; i < len(toks); i++ {
		if endsSentence(rs, toks, i, from) {
			j := i + 1
			for j < len(toks) && isCloser(toks[j]) && !toks[j-1].newline {
				j++ // closing quotes and brackets stay with the sentence
			}
			flush(j)
			i = j - 1
			continue
		}
		if toks[i].newline {
			flush(i + 1)
		}
	}
	flush(len(toks))
	return out
}

func isCloser(t token) bool {
	return t.kind == tPunct && strings.Contains(")]»“”\"'’", t.text)
}

// endsSentence reports whether toks[i] is a mark that ends the sentence
// that started at token from.
func endsSentence(rs []rune, toks []token, i, from int) bool {
	t := toks[i]
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case "!", "?":
		return spaceAfter(rs, t.end)
	case ".", "…":
	default:
		return false
	}
	if !spaceAfter(rs, t.end) {
		return false
	}
	if i == 0 || t.text == "…" {
		return true
	}
	prev := toks[i-1]
	if prev.end == t.start {
		if prev.kind == tWord && prev.abbrev {
			return false
		}
		if prev.kind == tNumber && ordinal(toks, i, from) {
			return false
		}
	}
	next := nextWord(toks, i)
	return next < 0 || !toks[next].lowerFirst
}

// ordinal reports whether the number before the point at toks[i] is an
// ordinal or an enumeration rather than the end of a sentence.
func ordinal(toks []token, i, from int) bool {
	if i-1 == from {
		return true // "1. Antrag stellen"
	}
	n := nextWord(toks, i)
	if n < 0 {
		return false
	}
	nt := toks[n]
	return nt.kind == tNumber || months[nt.lower] || nt.lowerFirst
}

// nextWord is the index of the first word or number after i, or -1.
func nextWord(toks []token, i int) int {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].kind == tWord || toks[j].kind == tNumber {
			return j
		}
		if toks[j].kind == tURL {
			return -1
		}
	}
	return -1
}

// spaceAfter reports whether position p is the end, a space, or a
// closing mark followed by one of those.
func spaceAfter(rs []rune, p int) bool {
	for p < len(rs) && strings.ContainsRune(")]»“”\"'’", rs[p]) {
		p++
	}
	return p >= len(rs) || unicode.IsSpace(rs[p])
}
