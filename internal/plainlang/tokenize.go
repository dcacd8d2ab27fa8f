package plainlang

import (
	"strings"
	"unicode"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tWord   tokKind = iota // letters, inner hyphens and apostrophes
	tNumber                // digits with inner . , : /
	tURL                   // a web or mail address, not counted
	tPunct                 // any other character but space
)

// token is a piece of the text with its rune offsets [start, end).
type token struct {
	kind       tokKind
	start, end int
	text       string
	lower      string
	abbrev     bool // a word followed by "." that abbreviates
	newline    bool // a line break follows before the next token
	upper      bool // starts with a capital
	lowerFirst bool // starts with a lowercase letter
	syllables  int
	letters    int
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// tokenize cuts text into tokens with rune offsets.
func tokenize(rs []rune) []token {
	var toks []token
	i := 0
	for i < len(rs) {
		r := rs[i]
		switch {
		case r == '\n':
			if len(toks) > 0 {
				toks[len(toks)-1].newline = true
			}
			i++
		case unicode.IsSpace(r):
			i++
		case isURLStart(rs, i):
			j := chunkEnd(rs, i)
			toks = append(toks, token{kind: tURL, start: i, end: j, text: string(rs[i:j])})
			i = j
		case isWordRune(r):
			j := wordEnd(rs, i)
			toks = append(toks, newWord(rs, i, j))
			i = j
		case unicode.IsDigit(r):
			j := numberEnd(rs, i)
			toks = append(toks, token{kind: tNumber, start: i, end: j, text: string(rs[i:j]), syllables: 1})
			i = j
		default:
			toks = append(toks, token{kind: tPunct, start: i, end: i + 1, text: string(r)})
			i++
		}
	}
	for i := range toks {
		toks[i].upper, toks[i].lowerFirst = unicode.IsUpper(rs[toks[i].start]), unicode.IsLower(rs[toks[i].start])
	}
	markAbbreviations(rs, toks)
	return toks
}

func newWord(rs []rune, i, j int) token {
	text := string(rs[i:j])
	t := token{kind: tWord, start: i, end: j, text: text, lower: strings.ToLower(text)}
	t.syllables = wordSyllables(t.lower)
	for _, r := range rs[i:j] {
		if unicode.IsLetter(r) {
			t.letters++
		}
	}
	return t
}

// wordEnd returns the end of the word starting at i: letters and digits,
// with a hyphen or apostrophe inside when a letter or digit follows it.
func wordEnd(rs []rune, i int) int {
	j := i
	for j < len(rs) {
		r := rs[j]
		if isWordRune(r) || unicode.IsDigit(r) {
			j++
			continue
		}
		if (r == '-' || r == '\'' || r == '’' || r == '·') && j+1 < len(rs) && (isWordRune(rs[j+1]) || unicode.IsDigit(rs[j+1])) {
			j++
			continue
		}
		break
	}
	return j
}

// numberEnd returns the end of the number starting at i; a separator
// belongs to it only between digits.
func numberEnd(rs []rune, i int) int {
	j := i
	for j < len(rs) {
		r := rs[j]
		if unicode.IsDigit(r) {
			j++
			continue
		}
		if (r == '.' || r == ',' || r == ':' || r == '/') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

// isURLStart reports whether a web or mail address starts at i: the
// chunk up to the next space starts with http(s):// or www., or holds an
// "@" between letters.
func isURLStart(rs []rune, i int) bool {
	if i > 0 && !unicode.IsSpace(rs[i-1]) && rs[i-1] != '(' && rs[i-1] != '<' {
		return false
	}
	chunk := strings.ToLower(string(rs[i:chunkEnd(rs, i)]))
	if strings.HasPrefix(chunk, "http://") || strings.HasPrefix(chunk, "https://") || strings.HasPrefix(chunk, "www.") {
		return true
	}
	at := strings.IndexByte(chunk, '@')
	return at > 0 && strings.Contains(chunk[at:], ".")
}

// chunkEnd is the end of the run of non-space runes at i, without a
// trailing punctuation mark that ends the sentence or clause.
func chunkEnd(rs []rune, i int) int {
	j := i
	for j < len(rs) && !unicode.IsSpace(rs[j]) {
		j++
	}
	for j > i+1 && strings.ContainsRune(".,;:!?)>»“\"'", rs[j-1]) {
		j--
	}
	return j
}
