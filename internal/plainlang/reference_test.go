package plainlang

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"testing"
)

// corpusPath is the Munich service texts (one JSON object a line).
const corpusPath = "../../../shared/data/services/muenchen_services_plain.jsonl"

// munichTexts reads the corpus by service ID; it skips the test when the
// data is absent.
func munichTexts(tb testing.TB) map[string]string {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if os.IsNotExist(err) {
		tb.Skipf("Munich service texts not found at %s (../shared/data/services); skipping", corpusPath)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		out[rec.ID] = rec.Text
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestMunichReference compares the check with counts made by hand on
// short Munich service texts. Syllables are counted by ear, a number is
// one word of one syllable (doc.go), "> 6 letters" counts letters only.
//
//	FRE  = 180 − W/S − 58.5 × Syl/W
//	WSTF = 0.1935 × MS + 0.1672 × W/S + 0.1297 × IW − 0.0327 × ES − 0.875
//	       (MS, IW, ES in percent of W)
func TestMunichReference(t *testing.T) {
	texts := munichTexts(t)
	for _, tc := range []struct {
		id, name     string
		want         Counts
		flesch, wstf float64
		band         Band
	}{
		// "Die(1) Vor-spra-che(3) im(1) Stan-des-amt(3) ist(1) nur(1) mit(1)
		// Ter-min(2) mög-lich(2)." W=9 Syl=15 S=1; ≥3: Vorsprache,
		// Standesamt; >6 letters: Vorsprache, Standesamt, möglich; one
		// syllable: Die im ist nur mit.
		// FRE = 180 − 9 − 58.5 × 15/9 = 180 − 9 − 97.5 = 73.5
		// WSTF = 0.1935×22.222 + 0.1672×9 + 0.1297×33.333 − 0.0327×55.556 − 0.875
		//      = 4.300 + 1.505 + 4.323 − 1.817 − 0.875 = 7.44
		{"1063731", "Kirchenaustritt", Counts{Sentences: 1, Words: 9, Syllables: 15, Polysyllables: 2, LongWords: 3, Monosyllables: 5},
			73.5, 7.44, BandFairlyEasy},
		// "Ih-re(2) Na-mens-än-de-rung(5) müs-sen(2) Sie(1) vor(1) Ort(1)
		// be-an-tra-gen(4). On-line(2) ist(1) dies(1) noch(1) nicht(1)
		// mög-lich(2)." W=13 Syl=24 S=2; ≥3: Namensänderung, beantragen;
		// >6: Namensänderung, beantragen, möglich; one syllable: Sie vor
		// Ort ist dies noch nicht.
		// FRE = 180 − 6.5 − 58.5 × 24/13 = 180 − 6.5 − 108 = 65.5
		// WSTF = 0.1935×15.385 + 0.1672×6.5 + 0.1297×23.077 − 0.0327×53.846 − 0.875
		//      = 2.977 + 1.087 + 2.993 − 1.761 − 0.875 = 4.42
		{"1064130", "Namensänderung in den Fahrzeugpapieren", Counts{Sentences: 2, Words: 13, Syllables: 24, Polysyllables: 2, LongWords: 3, Monosyllables: 7},
			65.5, 4.42, BandMedium},
		// "Am(1) 27(1). Ju-ni(2) 2024(1) ist(1) das(1) Ge-setz(2) zur(1)
		// Mo-der-ni-sie-rung(5) des(1) Staats-an-ge-hö-rig-keits-rechts(7)
		// in(1) Kraft(1) ge-tre-ten(3). Mit(1) der(1) Ge-set-zes-än-de-rung(6)
		// wird(1) die(1) ge-ne-rel-le(4) Hin-nah-me(3) von(1)
		// Mehr-staa-tig-keit(4) er-mög-licht(3) und(1) die(1)
		// Auf-ent-halts-zeit(4) auf(1) fünf(1) Jah-re(2) ver-kürzt(2)."
		// "27." is an ordinal (a month follows): S=2 (14 + 17 words),
		// W=31, Syl=28+37=65; ≥3: 9; >6 letters: 10; one syllable: 18
		// (with the two numbers).
		// FRE = 180 − 15.5 − 58.5 × 65/31 = 180 − 15.5 − 122.661 = 41.84
		// WSTF = 0.1935×29.032 + 0.1672×15.5 + 0.1297×32.258 − 0.0327×58.065 − 0.875
		//      = 5.618 + 2.592 + 4.184 − 1.899 − 0.875 = 9.62
		{"1071907", "Einbürgerung", Counts{Sentences: 2, Words: 31, Syllables: 65, Polysyllables: 9, LongWords: 10, Monosyllables: 18},
			41.84, 9.62, BandHard},
		// "Soll-ten(2) Sie(1) Ih-ren(2) Per-so-nen-be-för-de-rungs-schein(8)
		// nicht(1) in-ner-halb(3) ei-nes(2) Jah-res(2) ab-ho-len(3), wird(1)
		// der(1) An-trag(2) ein-ge-stellt(3). Ei-ne(2) er-neu-te(3)
		// An-trag-stel-lung(4) ist(1) kos-ten-pflich-tig(4)."
		// W=18 Syl=31+14=45 S=2; ≥3: 7; >6 letters: Sollten,
		// Personenbeförderungsschein, innerhalb, abholen, eingestellt,
		// erneute, Antragstellung, kostenpflichtig = 8; one syllable: 5.
		// FRE = 180 − 9 − 58.5 × 2.5 = 24.75
		// WSTF = 0.1935×38.889 + 0.1672×9 + 0.1297×44.444 − 0.0327×27.778 − 0.875
		//      = 7.525 + 1.505 + 5.764 − 0.908 − 0.875 = 13.01
		{"10388718", "Abholung von Personenbeförderungsscheinen", Counts{Sentences: 2, Words: 18, Syllables: 45, Polysyllables: 7, LongWords: 8, Monosyllables: 5},
			24.75, 13.01, BandVeryHard},
		// "Mit(1) ei-ner(2) Vor-ab-zu-tei-lung(5) sind(1) nur(1) Fahr-ten(2)
		// zum(1) Zwe-cke(2) des(1) Zu-las-sungs-ver-fah-rens(6) in-ner-halb(3)
		// Mün-chens(2) und(1) ei-nes(2) an-gren-zen-den(4)
		// Zu-las-sungs-be-zirks(5) (DAH(1), FFB(1), Land-kreis(2)
		// Mün-chen(2)) ge-stat-tet(3). Die(1) Vor-ab-zu-tei-lung(5) wird(1)
		// für(1) die(1) Dau-er(2) von(1) 3(1) Wo-chen(2) be-schei-nigt(3)."
		// W=21+10=31 Syl=48+18=66 S=2; ≥3: 8; >6 letters: 12; one
		// syllable: 14 (FFB has no vowel: one syllable).
		// FRE = 180 − 15.5 − 58.5 × 66/31 = 180 − 15.5 − 124.548 = 39.95
		// WSTF = 0.1935×25.806 + 0.1672×15.5 + 0.1297×38.710 − 0.0327×45.161 − 0.875
		//      = 4.994 + 2.592 + 5.021 − 1.477 − 0.875 = 10.25
		{"10391604", "Vorabzuteilung Kennzeichen", Counts{Sentences: 2, Words: 31, Syllables: 66, Polysyllables: 8, LongWords: 12, Monosyllables: 14},
			39.95, 10.25, BandHard},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, ok := texts[tc.id]
			if !ok {
				t.Fatalf("service %s is not in the corpus", tc.id)
			}
			r := Check(text, Options{})
			got := r.Counts
			got.Letters = 0
			if got != tc.want {
				t.Errorf("counts: got %+v, want %+v", got, tc.want)
			}
			if math.Abs(r.Scores.Flesch-tc.flesch) > 0.01 {
				t.Errorf("Flesch: got %.2f, want %.2f", r.Scores.Flesch, tc.flesch)
			}
			if math.Abs(r.Scores.WSTF-tc.wstf) > 0.01 {
				t.Errorf("WSTF: got %.2f, want %.2f", r.Scores.WSTF, tc.wstf)
			}
			if r.Scores.FleschBand != tc.band {
				t.Errorf("band: got %s, want %s", r.Scores.FleschBand, tc.band)
			}
		})
	}
}

// BenchmarkCheck checks every text of the Munich corpus per iteration;
// ns/text is the mean time per text.
func BenchmarkCheck(b *testing.B) {
	texts := munichTexts(b)
	var all []string
	for _, t := range texts {
		all = append(all, t)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range all {
			Check(t, Options{Easy: true})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(all)), "ns/text")
}
