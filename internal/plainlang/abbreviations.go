package plainlang

// abbreviations are words that, followed by ".", abbreviate; lowercase.
// A single lowercase letter counts as well, and a capital one after
// another single letter or before a lowercase word or number.
var abbreviations = set(
	"abs", "abt", "allg", "anm", "art", "bd", "bzgl", "bzw", "bspw", "ca", "dgl", "dr", "ebd",
	"einschl", "etc", "evtl", "exkl", "ff", "geb", "gem", "ges", "ggf", "ggfs", "hr", "frau", "hrsg",
	"inkl", "jh", "jr", "kap", "lfd", "lt", "max", "mind", "min", "mio", "mrd", "mtl", "nr", "nrn",
	"od", "o.ä", "pkt", "prof", "rd", "sog", "spez", "std", "str", "tel", "tsd", "usw", "vgl",
	"vs", "zzgl", "ziff", "zt", "zb", "abh", "bzgl", "gebr", "jährl", "lit", "wg", "u.a", "rz",
	"jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
	"mo", "di", "mi", "do", "fr", "sa", "so", "insb", "insbes", "sr", "nachf", "ehem", "verh",
)

// months are the month names that follow an ordinal ("1. Januar").
var months = set("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
	"september", "oktober", "november", "dezember")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// markAbbreviations marks words directly followed by "." that abbreviate.
// "so" and "do" are abbreviations only before a point that has a letter
// or digit after it within the line ("Mo.–Fr.", "So. 10 Uhr"); as plain
// words ending a sentence they are words.
func markAbbreviations(rs []rune, toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || t.end >= len(rs) || rs[t.end] != '.' {
			continue
		}
		if t.end-t.start == 1 {
			// "z. B.", "d. h.", "S. 1"; but "Teil I." ends a sentence.
			t.abbrev = t.lowerFirst || i > 1 && toks[i-1].text == "." && toks[i-2].abbrev || followedByLower(toks, i)
			continue
		}
		if !abbreviations[t.lower] {
			continue
		}
		if (t.lower == "so" || t.lower == "do" || t.lower == "frau") && !followedByLower(toks, i) {
			continue
		}
		t.abbrev = true
	}
}

// followedByLower reports whether the word after toks[i] and its point
// starts in lowercase or is a number.
func followedByLower(toks []token, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].kind == tPunct {
			continue
		}
		return toks[j].lowerFirst || toks[j].kind == tNumber
	}
	return false
}
