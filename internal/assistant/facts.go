package assistant

import (
	"regexp"
	"strconv"
	"strings"
)

// facts are the checkable statements of a text, normalised: amounts
// ("amount:2500"), dates ("date:3-1", "date:2026-3-1"), durations
// ("duration:6 arbeitstag") and bare numbers ("number:25").
type facts struct {
	list []string
	has  map[string]bool
}

func (f *facts) add(x string) {
	if f.has == nil {
		f.has = map[string]bool{}
	}
	if !f.has[x] {
		f.has[x] = true
		f.list = append(f.list, x)
	}
}

var numberWords = map[string]string{
	"zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
	"zehn": "10", "elf": "11", "zwölf": "12", "vierzehn": "14", "zwanzig": "20", "dreißig": "30",
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
	"ten": "10", "eleven": "11", "twelve": "12", "fourteen": "14", "twenty": "20", "thirty": "30",
}

var monthNumbers = map[string]int{
	"januar": 1, "january": 1, "februar": 2, "february": 2, "märz": 3, "maerz": 3, "march": 3, "april": 4,
	"mai": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "august": 8, "september": 9,
	"oktober": 10, "october": 10, "november": 11, "dezember": 12, "december": 12,
}

// units maps duration words to one unit per meaning, German and English.
var units = []struct{ re, unit string }{
	{`arbeitstag\p{L}*|working days?|business days?|werktag\p{L}*`, "arbeitstag"},
	{`tag\p{L}*|days?`, "tag"}, {`woche\p{L}*|weeks?`, "woche"}, {`monat\p{L}*|months?`, "monat"},
	{`jahr\p{L}*|years?`, "jahr"}, {`stunde\p{L}*|hours?`, "stunde"}, {`minute\p{L}*|minutes?|min\.?`, "minute"},
}

const num = `\d+(?:[.,]\d+)*`

var (
	reAmount1  = regexp.MustCompile(`(?i)(` + num + `)\s*(?:€|eur\b|euro\b)`)
	reAmount2  = regexp.MustCompile(`(?i)(?:€|\beur\b|\beuro\b)\s*(` + num + `)`)
	reDateNum  = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})\b)?`)
	reDateISO  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reDateDE   = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(` + months + `)(?:\s+(\d{4}))?`)
	reDateEN   = regexp.MustCompile(`(?i)\b(` + months + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`)
	reDuration = compileDurations()
	reNumber   = regexp.MustCompile(num)
	reWordNum  = compileNumberWords()
)

func compileDurations() *regexp.Regexp {
	alts := make([]string, len(units))
	for i, u := range units {
		alts[i] = u.re
	}
	return regexp.MustCompile(`(?i)\b(` + num + `)\s+(` + strings.Join(alts, "|") + `)\b`)
}

func compileNumberWords() *regexp.Regexp {
	var words []string
	for w := range numberWords {
		words = append(words, regexp.QuoteMeta(w))
	}
	return regexp.MustCompile(`(?i)\b(` + strings.Join(words, "|") + `)\b`)
}

// factsOf extracts the facts of a text. Whatever an amount, date or
// duration consumed is not counted again as a bare number.
func factsOf(text string) facts {
	var f facts
	text = urls.ReplaceAllString(text, " ")
	text = reWordNum.ReplaceAllStringFunc(text, func(m string) string { return numberWords[strings.ToLower(m)] })
	text = extract(text, reAmount1, func(s []string) { f.add("amount:" + cents(s[1])) })
	text = extract(text, reAmount2, func(s []string) { f.add("amount:" + cents(s[1])) })
	text = extract(text, reDateISO, func(s []string) { addDate(&f, atoi(s[3]), atoi(s[2]), s[1]) })
	text = extract(text, reDateDE, func(s []string) { addDate(&f, atoi(s[1]), monthNumbers[strings.ToLower(s[2])], s[3]) })
	text = extract(text, reDateEN, func(s []string) { addDate(&f, atoi(s[2]), monthNumbers[strings.ToLower(s[1])], s[3]) })
	text = extract(text, reDateNum, func(s []string) { addDate(&f, atoi(s[1]), atoi(s[2]), s[3]) })
	text = extract(text, reDuration, func(s []string) {
		f.add("duration:" + value(s[1]) + " " + unitOf(s[2]))
		f.add("number:" + value(s[1])) // "drei bis sechs Wochen": the 3 counts
	})
	for _, n := range reNumber.FindAllString(text, -1) {
		f.add("number:" + value(n))
	}
	return f
}

// extract calls fn for each match of re and blanks the match out.
func extract(text string, re *regexp.Regexp, fn func([]string)) string {
	return re.ReplaceAllStringFunc(text, func(m string) string {
		fn(re.FindStringSubmatch(m))
		return " ; "
	})
}

func addDate(f *facts, day, month int, year string) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return
	}
	dm := strconv.Itoa(month) + "-" + strconv.Itoa(day)
	if year != "" {
		y := atoi(year)
		if y < 100 {
			y += 2000
		}
		f.add("date:" + strconv.Itoa(y) + "-" + dm)
	}
	f.add("date:" + dm) // a date without year matches any year's
}

var unitRes = compileUnits()

func compileUnits() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(units))
	for i, u := range units {
		out[i] = regexp.MustCompile(`^(?:` + u.re + `)$`)
	}
	return out
}

func unitOf(word string) string {
	w := strings.ToLower(word)
	for i, re := range unitRes {
		if re.MatchString(w) {
			return units[i].unit
		}
	}
	return w
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// parseNumber reads "1.234,50" (German), "1,234.50" (English), "25",
// "25,00" and "25.00" as a float.
func parseNumber(s string) float64 {
	comma, dot := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case comma > dot: // German decimal comma
		s = strings.ReplaceAll(s[:comma], ".", "") + "." + s[comma+1:]
	case dot > comma && len(s)-dot-1 != 3: // English decimal point
		s = strings.ReplaceAll(s, ",", "")
	default: // thousands separators only
		s = strings.NewReplacer(".", "", ",", "").Replace(s)
	}
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

func cents(s string) string { return strconv.FormatInt(int64(parseNumber(s)*100+0.5), 10) }

func value(s string) string { return strconv.FormatFloat(parseNumber(s), 'f', -1, 64) }
