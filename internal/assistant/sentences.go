package assistant

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that ends no sentence.
var abbreviations = wordSet(`z b bzw ca usw vgl ggf evtl inkl zzgl nr str abs art bzw etc d h u a o ä s sog
max min std tel dr prof hr fr jan feb mär apr jun jul aug sep sept okt nov dez mo di mi do fr sa so`)

// splitSentences cuts a plain text into sentences: at paragraph and line
// breaks, and after ".", "!" or "?" followed by a space and an upper-case
// letter, a digit or a quote, unless the stop ends an abbreviation or an
// ordinal number ("1. Januar").
func splitSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if line == "" {
			continue
		}
		out = append(out, splitLine(line)...)
	}
	return out
}

func splitLine(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		next := i + 1
		if next >= len(line) || line[next] != ' ' {
			continue
		}
		after, _ := utf8.DecodeRuneInString(line[next+1:])
		if !unicode.IsUpper(after) && !unicode.IsDigit(after) && after != '„' && after != '"' {
			continue
		}
		if r == '.' && endsAbbreviation(line[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(line[start:next]))
		start = next + 1
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// endsAbbreviation reports whether s ends with an abbreviation or a
// number, whose full stop continues the sentence.
func endsAbbreviation(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	last := s[i+1:]
	if last == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(last); unicode.IsDigit(r) {
		return true
	}
	return abbreviations[strings.ToLower(last)]
}

// Cues of description sentences per aspect.
var sentenceCues = map[string]*regexp.Regexp{
	AspectDocuments:   regexp.MustCompile(`(?i)unterlagen|mitbringen|mitzubringen|vorlegen|vorzulegen|nachweis|bescheinigung|dokument|ausweis|pass\b|lichtbild|foto|urkunde|formular|antrag`),
	AspectFees:        regexp.MustCompile(`(?i)euro|€|gebühr|kosten|kostenlos|kostenfrei|gebührenfrei|bezahl|zahlung|aufpreis`),
	AspectWhere:       regexp.MustCompile(`(?i)bürgerbüro|büro|standort|adresse|persönlich|vorsprechen|vor ort|dienststelle|zuständig|stelle|abteilung|straße|platz`),
	AspectDuration:    regexp.MustCompile(`(?i)bearbeitungszeit|bearbeitung|dauer|dauert|woche|monat|arbeitstag|werktag|tage\b|stunden|sofort`),
	AspectDeadlines:   regexp.MustCompile(`(?i)frist|innerhalb|spätestens|binnen|bis zum|rechtzeitig|vor ablauf`),
	AspectOnline:      regexp.MustCompile(`(?i)online|internet|elektronisch|digital|e-mail|kontaktformular`),
	AspectAppointment: regexp.MustCompile(`(?i)termin`),
}

// rankSentences returns up to n sentences by relevance: those matching
// cue first (when cue is not nil), then by how many of the question's
// words they share; ties keep the text's order. The result is in text
// order, so quotes read as written.
func rankSentences(sentences []string, cue *regexp.Regexp, words []string, n int) []string {
	type scored struct {
		i     int
		score float64
	}
	var list []scored
	for i, s := range sentences {
		sc := overlap(s, words)
		if cue != nil {
			if !cue.MatchString(s) {
				continue
			}
			sc++
		}
		if cue == nil && sc == 0 && i > 0 {
			continue
		}
		list = append(list, scored{i, sc - float64(i)*0.001})
	}
	sortBy(list, func(a, b scored) bool { return a.score > b.score })
	if len(list) > n {
		list = list[:n]
	}
	sortBy(list, func(a, b scored) bool { return a.i < b.i })
	out := make([]string, len(list))
	for k, s := range list {
		out[k] = sentences[s.i]
	}
	return out
}

// overlap is the share of words (folded prefixes) found in s.
func overlap(s string, words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	f := fold(s)
	n := 0
	for _, w := range words {
		if strings.Contains(f, stemPrefix(w)) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

var folder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "Ä", "a", "Ö", "o", "Ü", "u")

// fold lower-cases and removes umlauts, for loose matching.
func fold(s string) string { return folder.Replace(strings.ToLower(s)) }

// stemPrefix is a crude stem for substring matching: the folded word cut
// to 6 letters ("verloren" -> "verlor", "ausweises" -> "auswei"), a long
// word only by its last 3, so that a compound is not taken for its first
// part ("wohnungsgeberbestatigung" is no "wohnun").
func stemPrefix(w string) string {
	f := []rune(fold(w))
	switch n := len(f); {
	case n > 9:
		f = f[:n-3]
	case n > 6:
		f = f[:6]
	}
	return string(f)
}
