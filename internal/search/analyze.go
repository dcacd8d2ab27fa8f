package search

import (
	"strings"
	"unicode"
)

// token is one word of a text as it was written and as it is compared.
type token struct {
	raw    string // lower case, umlauts kept: for display ("führerschein")
	folded string // see fold
	joined bool   // joined to the previous token by a hyphen
}

// tokenize splits s into words: runs of letters and digits. A hyphen
// between two words marks the second as joined, so compounds written with a
// hyphen can be indexed as one word too.
func tokenize(s string) []token {
	var toks []token
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		wasWord := b.Len() > 0
		if wasWord {
			toks = appendToken(toks, b.String(), hyphen)
			b.Reset()
		}
		hyphen = wasWord && (r == '-' || r == '‐')
	}
	if b.Len() > 0 {
		toks = appendToken(toks, b.String(), hyphen)
	}
	return toks
}

func appendToken(toks []token, raw string, joined bool) []token {
	return append(toks, token{raw: raw, folded: fold(raw), joined: joined})
}

// fold maps a lower-case word to the form all comparisons use: ß -> ss,
// accents stripped, and ae/oe/ue read as umlauts (except "qu-e" and a u
// between vowels, as in "Steuer"), then umlauts reduced to their base
// vowel. This is the Snowball "german2" preprocessing followed by its
// final umlaut removal, done up front so that stemming, compound splitting,
// typo correction and prefixes all see one spelling.
func fold(w string) string {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		b = appendFoldedRune(b, unicode.ToLower(r))
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if i+1 < len(b) && b[i+1] == 'e' && umlautBase(b, i) {
			out = append(out, c)
			i++ // drop the e of ae/oe/ue
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// umlautBase reports whether b[i], followed by 'e', spells an umlaut.
func umlautBase(b []byte, i int) bool {
	switch b[i] {
	case 'a', 'o':
		return true
	case 'u':
		if i > 0 && (b[i-1] == 'q' || isVowel(b[i-1])) {
			return false
		}
		return true
	}
	return false
}

// appendFoldedRune appends r without diacritics; letters outside Latin are
// kept as they are.
func appendFoldedRune(b []byte, r rune) []byte {
	if r < 0x80 {
		return append(b, byte(r))
	}
	if s, ok := foldTable[r]; ok {
		return append(b, s...)
	}
	return append(b, string(r)...)
}

var foldTable = buildFoldTable()

func buildFoldTable() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăą",
		"c":  "çćĉċč",
		"d":  "ďđð",
		"e":  "èéêëēĕėęě",
		"g":  "ĝğġģ",
		"i":  "ìíîïĩīĭįı",
		"l":  "ĺļľŀł",
		"n":  "ñńņňŉ",
		"o":  "òóôõöøōŏő",
		"r":  "ŕŗř",
		"s":  "śŝşšș",
		"ss": "ß",
		"t":  "ţťŧț",
		"u":  "ùúûüũūŭůűų",
		"y":  "ýÿŷ",
		"z":  "źżž",
		"ae": "æ",
		"oe": "œ",
	}
	t := make(map[rune]string)
	for base, runes := range groups {
		for _, r := range runes {
			t[r] = base
		}
	}
	return t
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
