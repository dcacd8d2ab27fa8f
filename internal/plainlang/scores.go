package plainlang

import "math"

// Counts are what the scores are computed from.
type Counts struct {
	Sentences     int `json:"sentences"`
	Words         int `json:"words"`
	Syllables     int `json:"syllables"`
	Polysyllables int `json:"polysyllables"` // words with three or more syllables
	LongWords     int `json:"long_words"`    // words with more than six letters
	Monosyllables int `json:"monosyllables"` // words with one syllable
	Letters       int `json:"letters"`
}

// Scores are the readability figures of a text.
type Scores struct {
	// Flesch is Amstad's reading ease for German, 180 − ASL − 58.5 × ASW,
	// clamped to 0…100; higher is easier.
	Flesch float64 `json:"flesch"`
	// FleschBand names the band of Flesch, see Band.
	FleschBand Band `json:"flesch_band"`
	// WSTF is the first Wiener Sachtextformel, a school grade (4…15).
	WSTF float64 `json:"wstf"`
	// Grade is WSTF rounded and clamped to 4…15.
	Grade int `json:"grade"`
	// WordsPerSentence is ASL, SyllablesPerWord ASW.
	WordsPerSentence float64 `json:"words_per_sentence"`
	SyllablesPerWord float64 `json:"syllables_per_word"`
}

// Band is a Flesch band after Amstad, from very easy to very hard.
type Band string

// The Flesch bands, easiest first.
const (
	BandVeryEasy   Band = "very_easy"   // 90–100
	BandEasy       Band = "easy"        // 80–90
	BandFairlyEasy Band = "fairly_easy" // 70–80
	BandMedium     Band = "medium"      // 60–70
	BandFairlyHard Band = "fairly_hard" // 50–60
	BandHard       Band = "hard"        // 30–50
	BandVeryHard   Band = "very_hard"   // 0–30
)

// BandOf returns the band of a Flesch value.
func BandOf(flesch float64) Band {
	switch {
	case flesch >= 90:
		return BandVeryEasy
	case flesch >= 80:
		return BandEasy
	case flesch >= 70:
		return BandFairlyEasy
	case flesch >= 60:
		return BandMedium
	case flesch >= 50:
		return BandFairlyHard
	case flesch >= 30:
		return BandHard
	}
	return BandVeryHard
}

// Amstad is Amstad's Flesch for German from words per sentence (asl) and
// syllables per word (asw), unclamped.
func Amstad(asl, asw float64) float64 { return 180 - asl - 58.5*asw }

// WienerSachtext is the first Wiener Sachtextformel from ms (% words with
// ≥ 3 syllables), sl (words per sentence), iw (% words with > 6 letters)
// and es (% one-syllable words).
func WienerSachtext(ms, sl, iw, es float64) float64 {
	return 0.1935*ms + 0.1672*sl + 0.1297*iw - 0.0327*es - 0.875
}

// ScoresOf computes the scores from counts; a text without words gets
// zero scores.
func ScoresOf(c Counts) Scores {
	if c.Words == 0 || c.Sentences == 0 {
		return Scores{FleschBand: BandVeryEasy}
	}
	w := float64(c.Words)
	asl, asw := w/float64(c.Sentences), float64(c.Syllables)/w
	pct := func(n int) float64 { return 100 * float64(n) / w }
	s := Scores{WordsPerSentence: round2(asl), SyllablesPerWord: round2(asw)}
	f := Amstad(asl, asw)
	s.Flesch = round2(math.Max(0, math.Min(100, f)))
	s.FleschBand = BandOf(s.Flesch)
	s.WSTF = round2(WienerSachtext(pct(c.Polysyllables), asl, pct(c.LongWords), pct(c.Monosyllables)))
	s.Grade = int(math.Max(4, math.Min(15, math.Round(s.WSTF))))
	return s
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
