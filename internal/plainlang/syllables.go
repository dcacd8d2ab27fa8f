package plainlang

import "strings"

// isVowel reports whether r is a German vowel letter.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'y', 'à', 'á', 'â', 'é', 'è', 'ê', 'í', 'ó', 'ô', 'ú':
		return true
	}
	return false
}

// nuclei are vowel pairs spoken as one syllable nucleus.
var nuclei = set("ei", "ie", "ai", "au", "eu", "äu", "ey", "ay", "ou", "aa", "ee", "oo")

// loans are frequent English loans with a silent "e", and their
// syllables, as a word or a hyphenated part ("Online-Dienst"); inside a
// compound ("Servicestelle") the vowel rule counts one too many.
var loans = map[string]int{"online": 2, "offline": 2, "service": 2, "homepage": 2, "website": 2, "hotline": 2,
	"software": 2, "hardware": 2, "update": 2, "upload": 2, "download": 2, "live": 1, "code": 1, "date": 1}

// wordSyllables counts the syllables of a lowercase word (rules in
// doc.go); at least one. Each part of a hyphenated word counts alone.
func wordSyllables(w string) int {
	if !strings.ContainsAny(w, "-·") {
		return partSyllables(w)
	}
	n := 0
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '·' }) {
		n += partSyllables(p)
	}
	return n
}

func partSyllables(w string) int {
	if n, ok := loans[w]; ok {
		return n
	}
	rs := []rune(w)
	n := 0
	for i := 0; i < len(rs); i++ {
		if !isVowel(rs[i]) || rs[i] == 'u' && i > 0 && rs[i-1] == 'q' {
			continue
		}
		n++
		if i+2 < len(rs) && rs[i] == 'e' && rs[i+1] == 'a' && rs[i+2] == 'u' {
			i += 2 // "eau": Niveau, Büro-Plateau
			continue
		}
		if i+1 < len(rs) && nuclei[string(rs[i:i+2])] {
			i++
		}
	}
	return max(n, 1)
}
