package search

// stem is the Snowball German stemmer
// (https://snowballstem.org/algorithms/german/stemmer.html) over a word
// already folded by fold: ß, umlauts and their ae/oe/ue spellings are
// resolved there, which is what the algorithm's prelude (german2 variant)
// and its final umlaut removal do. Letters are ASCII after folding except
// for non-Latin scripts, which pass through.
func stem(w string) string {
	if len(w) < 3 {
		return w
	}
	b := []byte(w)
	markVowelUY(b)
	p1, p2 := regions(b)
	b = step1(b, p1)
	b = step2(b, p1)
	b = step3(b, p1, p2)
	for i, c := range b {
		switch c {
		case 'U':
			b[i] = 'u'
		case 'Y':
			b[i] = 'y'
		}
	}
	return string(b)
}

// markVowelUY upper-cases u and y between vowels so they count as
// consonants, scanning left to right as Snowball does.
func markVowelUY(b []byte) {
	for i := 1; i+1 < len(b); i++ {
		if !isVowel(b[i-1]) || !isVowel(b[i+1]) {
			continue
		}
		switch b[i] {
		case 'u':
			b[i] = 'U'
		case 'y':
			b[i] = 'Y'
		}
	}
}

// regions returns the starts of R1 and R2: the position after the first
// non-vowel following a vowel, R1 adjusted to leave at least 3 letters
// before it.
func regions(b []byte) (p1, p2 int) {
	after := func(from int) int {
		for i := from + 1; i < len(b); i++ {
			if !isVowel(b[i]) && isVowel(b[i-1]) {
				return i + 1
			}
		}
		return len(b)
	}
	p1 = after(0)
	p2 = after(p1)
	if p1 < 3 {
		p1 = 3
	}
	return p1, p2
}

// longestSuffix returns the longest of suffixes that b ends with, or "".
func longestSuffix(b []byte, suffixes ...string) string {
	best := ""
	for _, s := range suffixes {
		if len(s) > len(best) && hasSuffix(b, s) {
			best = s
		}
	}
	return best
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

func isSEnding(c byte) bool {
	switch c {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

func step1(b []byte, p1 int) []byte {
	suf := longestSuffix(b, "em", "ern", "er", "e", "en", "es", "s")
	start := len(b) - len(suf)
	if suf == "" || start < p1 {
		return b
	}
	switch suf {
	case "s":
		if start == 0 || !isSEnding(b[start-1]) {
			return b
		}
		return b[:start]
	case "e", "en", "es":
		b = b[:start]
		if hasSuffix(b, "niss") {
			b = b[:len(b)-1]
		}
		return b
	}
	return b[:start]
}

func step2(b []byte, p1 int) []byte {
	suf := longestSuffix(b, "en", "er", "est", "st")
	start := len(b) - len(suf)
	if suf == "" || start < p1 {
		return b
	}
	if suf == "st" {
		// a valid st-ending (an s-ending but r), itself after 3 letters
		if start < 4 || b[start-1] == 'r' || !isSEnding(b[start-1]) {
			return b
		}
	}
	return b[:start]
}

func step3(b []byte, p1, p2 int) []byte {
	suf := longestSuffix(b, "end", "ung", "ig", "ik", "isch", "lich", "heit", "keit")
	start := len(b) - len(suf)
	if suf == "" || start < p2 {
		return b
	}
	switch suf {
	case "end", "ung":
		b = b[:start]
		if hasSuffix(b, "ig") && len(b)-2 >= p2 && !hasSuffix(b, "eig") {
			b = b[:len(b)-2]
		}
	case "ig", "ik", "isch":
		if start > 0 && b[start-1] == 'e' {
			return b
		}
		b = b[:start]
	case "lich", "heit":
		b = b[:start]
		if (hasSuffix(b, "er") || hasSuffix(b, "en")) && len(b)-2 >= p1 {
			b = b[:len(b)-2]
		}
	case "keit":
		b = b[:start]
		if hasSuffix(b, "lich") && len(b)-4 >= p2 {
			b = b[:len(b)-4]
		} else if hasSuffix(b, "ig") && len(b)-2 >= p2 {
			b = b[:len(b)-2]
		}
	}
	return b
}
