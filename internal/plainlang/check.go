package plainlang

import (
	"slices"
	"strings"
)

// Options tune a check; the zero value uses the defaults.
type Options struct {
	// Easy adds the rules of Leichte Sprache (the catalogue's
	// easy-language field).
	Easy bool
	// LongSentence and VeryLongSentence are the word counts above which a
	// sentence is long (a warning) or very long (strong); 20 and 30.
	LongSentence, VeryLongSentence int
	// EasySentence is the most words of a sentence in Leichte Sprache; 12.
	EasySentence int
	// NominalNouns is how many nominalised nouns (-ung, -heit, -keit,
	// -ion, -ität, -nis) make a sentence nominal in style; 3.
	NominalNouns int
	// LongCompound is the most letters of an unsplit word in Leichte
	// Sprache; 12.
	LongCompound int
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.LongSentence, 20)
	def(&o.VeryLongSentence, 30)
	def(&o.EasySentence, 12)
	def(&o.NominalNouns, 3)
	def(&o.LongCompound, 12)
	return o
}

// Verdict sums a report up for the writer.
type Verdict string

// The verdicts.
const (
	VerdictGood      Verdict = "good"       // plain enough
	VerdictClearer   Verdict = "clearer"    // could be clearer
	VerdictHard      Verdict = "hard"       // hard to read
	VerdictEmpty     Verdict = "empty"      // no words to judge
	VerdictNotGerman Verdict = "not_german" // the check is for German
)

// Report is the result of a check.
type Report struct {
	Language string    `json:"language"` // "de", or "en" when the text looks English
	Counts   Counts    `json:"counts"`
	Scores   Scores    `json:"scores"`
	Verdict  Verdict   `json:"verdict"`
	Findings []Finding `json:"findings"`
}

// text is a text being checked: its runes, tokens and sentences.
type text struct {
	rs        []rune
	toks      []token
	sentences []sentence
}

// Check reads text and reports its scores and findings.
func Check(s string, opts Options) Report {
	opts = opts.withDefaults()
	t := &text{rs: []rune(s)}
	t.toks = tokenize(t.rs)
	t.sentences = splitSentences(t.rs, t.toks)
	rep := Report{Language: "de", Counts: t.counts(), Findings: []Finding{}}
	rep.Scores = ScoresOf(rep.Counts)
	if looksEnglish(t.toks) {
		rep.Language = "en"
	}
	rep.Findings = t.findings(opts, rep.Language == "de")
	rep.Verdict = verdict(rep, opts)
	return rep
}

// counts counts words, syllables and sentences.
func (t *text) counts() Counts {
	c := Counts{Sentences: len(t.sentences)}
	for _, tk := range t.toks {
		if tk.kind != tWord && tk.kind != tNumber {
			continue
		}
		c.Words++
		c.Syllables += tk.syllables
		c.Letters += tk.letters
		switch {
		case tk.syllables >= 3:
			c.Polysyllables++
		case tk.syllables == 1:
			c.Monosyllables++
		}
		if tk.letters > 6 {
			c.LongWords++
		}
	}
	return c
}

// findings runs every rule and sorts the findings by position.
func (t *text) findings(o Options, german bool) []Finding {
	fs := t.longSentences(o)
	if german {
		fs = append(fs, t.nominalStyle(o)...)
		fs = append(fs, t.passive()...)
		fs = append(fs, t.officialese()...)
		if o.Easy {
			fs = append(fs, t.easyRules(o)...)
		}
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	if fs == nil {
		fs = []Finding{}
	}
	return fs
}

// englishWords and germanWords are frequent function words.
var (
	englishWords = set("the", "and", "of", "to", "is", "you", "your", "for", "with", "are", "be", "this", "that", "it", "can", "will", "on", "or", "if", "have", "not", "we", "our")
	germanWords  = set("der", "die", "das", "und", "ist", "sie", "ihr", "ihre", "für", "mit", "sind", "ein", "eine", "den", "dem", "des", "nicht", "zu", "im", "auf", "oder", "wenn", "wir", "können", "werden")
)

// looksEnglish reports whether the text has clearly more English than
// German function words.
func looksEnglish(toks []token) bool {
	en, de := 0, 0
	for _, tk := range toks {
		if tk.kind != tWord {
			continue
		}
		if englishWords[tk.lower] {
			en++
		}
		if germanWords[tk.lower] {
			de++
		}
	}
	return en >= 2 && en > 2*de
}

// verdict judges a report: hard when Flesch is below 30 or strong
// findings are many, good when Flesch is at least 60 with few warnings
// and no strong finding (in Leichte Sprache: no warning at all), else
// could be clearer.
func verdict(r Report, o Options) Verdict {
	if r.Counts.Words == 0 {
		return VerdictEmpty
	}
	if r.Language != "de" {
		return VerdictNotGerman
	}
	strong, warn := 0, 0
	for _, f := range r.Findings {
		switch f.Severity {
		case SeverityStrong:
			strong++
		case SeverityWarning:
			warn++
		}
	}
	n := r.Counts.Sentences
	switch {
	case r.Scores.Flesch < 30 || strong*3 > n:
		return VerdictHard
	case r.Scores.Flesch >= 60 && strong == 0 && (warn*4 <= n && !o.Easy || o.Easy && warn == 0):
		return VerdictGood
	}
	return VerdictClearer
}

// excerpt returns the text of [start, end), shortened in the middle when
// long.
func (t *text) excerpt(start, end int) string {
	const most = 80
	if end-start <= most {
		return string(t.rs[start:end])
	}
	return strings.TrimSpace(string(t.rs[start:start+most/2-1])) + " … " + strings.TrimSpace(string(t.rs[end-most/2+2:end]))
}
