package plainlang

// Kind names what a finding is about.
type Kind string

// The kinds of findings.
const (
	KindLongSentence Kind = "long_sentence"    // more words than the reader can hold
	KindNominalStyle Kind = "nominal_style"    // many nominalised nouns in a sentence
	KindNounChain    Kind = "noun_chain"       // "zur Durchführung der Beantragung"
	KindPassive      Kind = "passive"          // werden + participle, "ist zu beantragen"
	KindOfficialese  Kind = "officialese"      // Amtsdeutsch with a plain alternative
	KindEasySentence Kind = "easy_sentence"    // Leichte Sprache: a long sentence
	KindEasyClause   Kind = "easy_clause"      // Leichte Sprache: a subordinate clause
	KindEasyNegation Kind = "easy_negation"    // Leichte Sprache: nicht, kein …
	KindEasyGenitive Kind = "easy_genitive"    // Leichte Sprache: des, der + noun
	KindEasySubjunct Kind = "easy_subjunctive" // Leichte Sprache: würde, hätte …
	KindEasyAbbrev   Kind = "easy_abbreviation"
	KindEasyNumber   Kind = "easy_number"   // a number in words
	KindEasyCompound Kind = "easy_compound" // a long word without a hyphen or middle dot
	KindEasyForeign  Kind = "easy_foreign"  // a foreign word
	KindEasySpecial  Kind = "easy_special"  // % § & ; / ( )
)

// Kinds lists every kind, for translations and documentation.
var Kinds = []Kind{KindLongSentence, KindNominalStyle, KindNounChain, KindPassive, KindOfficialese,
	KindEasySentence, KindEasyClause, KindEasyNegation, KindEasyGenitive, KindEasySubjunct,
	KindEasyAbbrev, KindEasyNumber, KindEasyCompound, KindEasyForeign, KindEasySpecial}

// Severity ranks findings.
type Severity string

// The severities, mildest first.
const (
	SeverityInfo    Severity = "info"
	SeverityWarning Severity = "warning"
	SeverityStrong  Severity = "strong"
)

// Finding is one place in the text worth a second look.
type Finding struct {
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	// Start and End are rune offsets (Unicode code points) into the text.
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Excerpt string `json:"excerpt"`
	// Key and Args are the message for internal/i18n.
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
	// Hint is the translation key of the advice for this kind.
	Hint string `json:"hint"`
	// Alternative is a plain German wording, when the rule knows one.
	Alternative string `json:"alternative,omitempty"`
}

// newFinding builds a finding over [start, end) with the message and
// hint keys of its kind ("plainlang.finding.<kind>",
// "plainlang.hint.<kind>").
func (t *text) newFinding(k Kind, sev Severity, start, end int, args ...any) Finding {
	return Finding{Kind: k, Severity: sev, Start: start, End: end, Excerpt: t.excerpt(start, end),
		Key: "plainlang.finding." + string(k), Args: args, Hint: "plainlang.hint." + string(k)}
}
