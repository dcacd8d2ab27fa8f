// Package plainlang checks German administrative text for plain language:
// readability scores, and findings with character offsets that a writer
// can act on. It is pure Go without HTTP or SQL; internal/web offers it as
// POST /api/v1/plain-language/check, as the staff page /amt/sprache and
// live under the text fields of the catalogue editor and reply forms.
//
// # Counting
//
// The text is cut into tokens: words (letters, with inner hyphens and
// apostrophes: "Online-Anmeldung" is one word), numbers (digits with inner
// "." "," ":" "/", so "1.000,50" and "10:30" are one number), web and mail
// addresses, and other characters. Addresses are not counted. A number
// counts as one word of one syllable and no letters: readers take digits
// in at a glance, which is also why Leichte Sprache asks for digits.
// Symbols such as "§", "%" and "€" are no words; a unit ("km", "kg") is a
// word like any other.
//
// Syllables are counted per word as vowel nuclei (a e i o u ä ö ü y). The
// diphthongs and long vowels ei, ie, ai, au, eu, äu, ey, ay, ou, aa, ee,
// oo and the trigraph eau are one nucleus each; any other two adjacent
// vowels are two ("Si-tu-a-ti-on", "Be-an-tra-gung"); a "u" after "q" is
// no vowel ("Quit-tung"). Every word has at least one syllable, so "z",
// "Nr" and "km" have one. Hyphenated words are the sum of their parts.
// Known misses: "-ie" read as two vowels in loans ("Fa-mi-li-e" counts 3)
// and "eu" inside loans ("Mu-se-um" counts 2).
//
// Abbreviations count as written: "z. B." is two words of one syllable.
//
// # Sentences
//
// A sentence ends at "!" or "?", at a "." followed by a space, a closing
// quote or bracket, or the end, and at a line break. A "." does not end a
// sentence after a known abbreviation (z. B., u. a., Nr., bzw., ggf.,
// d. h., Abs., ca., etc., usw. and more, see abbreviations.go) or any
// single letter, after a number when the next word is lowercase, a month
// ("1. Januar") or another number, after a number that opens a sentence
// (an enumeration "1. Antrag stellen"), and when the next word starts in
// lowercase. Points inside numbers ("3.5", "1.000") and addresses never
// end one.
//
// # Scores
//
// Flesch reading ease after Amstad (1978) for German:
//
//	FRE = 180 − ASL − 58.5 × ASW
//
// with ASL words per sentence and ASW syllables per word; bands 0–30 very
// hard (academic), 30–50 hard, 50–60 fairly hard, 60–70 medium, 70–80
// fairly easy, 80–90 easy, 90–100 very easy. The first Wiener
// Sachtextformel (Bamberger and Vanecek 1984):
//
//	WSTF = 0.1935 × MS + 0.1672 × SL + 0.1297 × IW − 0.0327 × ES − 0.875
//
// with MS the percentage of words with three or more syllables, SL the
// mean sentence length in words, IW the percentage of words with more than
// six letters and ES the percentage of one-syllable words; the result is
// a school grade (4 easy … 15 very hard).
//
// # Findings
//
// Each Finding has a Kind, a Severity, rune offsets Start and End into the
// text (Unicode code points, not bytes and not UTF-16 units; they equal
// UTF-16 offsets for every character of the Basic Multilingual Plane, so
// JavaScript can slice with Array.from(text)), a message key with
// arguments for internal/i18n and, where there is one, a plain
// alternative. Kinds: long sentences, nominal style and noun chains,
// passive voice (werden + participle, "ist zu beantragen"), officialese
// with alternatives from the curated list amtsdeutsch.tsv, and with
// Options.Easy the rules of Leichte Sprache after the Netzwerk Leichte
// Sprache ("Die Regeln für Leichte Sprache", 2013/2022) and DIN SPEC 33429
// (2023, "Empfehlungen für Deutsche Leichte Sprache"): short sentences
// with one statement, no negation where avoidable, no passive, no
// genitive, no subjunctive, no abbreviations, numbers as digits, long
// compound words split with a hyphen or a middle dot (Mediopunkt), no
// foreign words, no special characters such as % § & ;.
//
// The findings are heuristics for a writer to weigh, not rules that are
// always right: German grammar is not parsed.
//
// # Language
//
// The check is for German. A text that looks English (by its function
// words) still gets its counts and scores, but Report.Language is "en",
// the verdict is VerdictNotGerman and only long sentences are flagged:
// the German formulas and word lists say nothing sound about English.
package plainlang
