package plainlang

import (
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{
		"die": 1, "Antrag": 2, "Beantragung": 4, "Situation": 5, "Quittung": 2, "Bayern": 2,
		"Eheschließung": 4, "Information": 5, "Gebäude": 3, "Äußerung": 3, "Niveau": 2,
		"Online-Anmeldung": 5, "km": 1, "Nr": 1, "Staatsangehörigkeitsrechts": 7, "Bundes·tag": 3,
		"geeignet": 3, "Theater": 3, "beobachten": 4, "Service": 2, "Personalausweis": 5,
	} {
		if got := wordSyllables(strings.ToLower(w)); got != want {
			t.Errorf("%s: got %d syllables, want %d", w, got, want)
		}
	}
}

func sentencesOf(s string) []string {
	rs := []rune(s)
	var out []string
	for _, se := range splitSentences(rs, tokenize(rs)) {
		out = append(out, string(rs[se.start:se.end]))
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Bringen Sie z. B. Ihren Ausweis mit. Das kostet ca. 10 Euro.", 2},
		{"Bringen Sie u. a. den Pass mit, d. h. das Original. Danach zahlen Sie.", 2},
		{"Die Frist endet am 1. Januar 2027. Danach geht es nicht mehr.", 2},
		{"Das kostet 12.50 Euro bzw. 3,5 % mehr. Gut.", 2},
		{"Nach § 3 Abs. 2 S. 1 BGB gilt das. Fragen Sie nach.", 2},
		{"Antrag Nr. 12 ist da. Etc. usw. kommen später.", 2},
		{"Die Gebühr beträgt 50. Sie ist sofort fällig.", 2},
		{"1. Antrag stellen\n2. Unterlagen hochladen\n3. Online zahlen", 3},
		{"Infos unter www.muenchen.de. Oder rufen Sie an!", 2},
		{"Ist das alles? Ja! Gut…", 3},
		{"Sie brauchen ggf. eine Vollmacht. Die ist ggf. beglaubigt.", 2},
		{"Die Zulassungsbescheinigung Teil I. Sie liegt bei.", 2},
	} {
		if got := sentencesOf(tc.text); len(got) != tc.want {
			t.Errorf("%q: got %d sentences %q, want %d", tc.text, len(got), got, tc.want)
		}
	}
}

// kinds returns the excerpts of the findings of kind k.
func kinds(r Report, k Kind) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Kind == k {
			out = append(out, f.Excerpt)
		}
	}
	return out
}

func TestFindings(t *testing.T) {
	long := strings.Repeat("Wir prüfen den Antrag und ", 5) + "schreiben Ihnen."
	for _, tc := range []struct {
		name string
		text string
		easy bool
		kind Kind
		want string // an excerpt that must be flagged; "" means: no finding of kind
	}{
		{"long", long, false, KindLongSentence, "Wir prüfen den Antrag und Wir prüfen de … prüfen den Antrag und schreiben Ihnen."},
		{"short", "Wir prüfen den Antrag.", false, KindLongSentence, ""},
		{"nominal", "Die Beantragung der Genehmigung zur Nutzung erfordert die Zustimmung.", false, KindNominalStyle, "Die Beantragung der Genehmigung zur Nutzung erfordert die Zustimmung."},
		{"nominal none", "Sie beantragen die Genehmigung.", false, KindNominalStyle, ""},
		{"chain", "Wir bitten zur Durchführung der Beantragung um Geduld.", false, KindNounChain, "zur Durchführung der Beantragung"},
		{"chain adjective", "Die Erteilung einer neuen Genehmigung dauert.", false, KindNounChain, "Erteilung einer neuen Genehmigung"},
		{"chain none", "Die Genehmigung kommt per Post.", false, KindNounChain, ""},
		{"passive", "Ihr Antrag wird innerhalb von drei Wochen bearbeitet.", false, KindPassive, "wird innerhalb von drei Wochen bearbeitet"},
		{"passive worden", "Der Pass ist ausgestellt worden.", false, KindPassive, "ausgestellt worden"},
		{"passive relative", "Die Unterlagen, die eingereicht wurden, sind vollständig.", false, KindPassive, "eingereicht wurden"},
		{"passive zu", "Die Gebühr ist vorab zu zahlen.", false, KindPassive, "ist vorab zu zahlen"},
		{"passive einzureichen", "Der Antrag ist bis Mai einzureichen.", false, KindPassive, "ist bis Mai einzureichen"},
		{"active", "Wir bearbeiten Ihren Antrag in drei Wochen.", false, KindPassive, ""},
		{"passive werden werden", "Sie werden gegen zehn Uhr aufgerufen werden.", false, KindPassive, "werden gegen zehn Uhr aufgerufen"},
		{"zu preposition", "Das ist zu den Öffnungszeiten möglich.", false, KindPassive, ""},
		{"officialese", "Seitens der Behörde ist eine Antragstellung fernmündlich möglich.", false, KindOfficialese, "Antragstellung"},
		{"officialese multi", "Sie können die Beratung in Anspruch nehmen.", false, KindOfficialese, "in Anspruch nehmen"},
		{"officialese compound", "Bringen Sie ein Passlichtbild mit.", false, KindOfficialese, "Passlichtbild"},
		{"officialese inflected", "Legen Sie zwei Lichtbilder bei.", false, KindOfficialese, "Lichtbilder"},
		{"officialese none", "Bringen Sie ein Foto mit.", false, KindOfficialese, ""},
		{"easy off", "Der Antrag wird nicht sofort bearbeitet.", false, KindEasyNegation, ""},
		{"easy sentence", "Sie können den Antrag bei uns im Amt oder online auf unserer Seite stellen.", true, KindEasySentence, "Sie können den Antrag bei uns im Amt oder online auf unserer Seite stellen."},
		{"easy sentence short", "Sie stellen den Antrag.", true, KindEasySentence, ""},
		{"easy clause", "Sie zahlen, wenn der Antrag fertig ist.", true, KindEasyClause, "Sie zahlen, wenn der Antrag fertig ist."},
		{"easy negation", "Sie brauchen keinen Termin.", true, KindEasyNegation, "keinen"},
		{"easy genitive", "Das ist der Antrag des Vaters.", true, KindEasyGenitive, "des Vaters"},
		{"easy genitive der", "Sie brauchen die Unterschrift der Mutter.", true, KindEasyGenitive, "der Mutter"},
		{"easy dative", "Sie kommen mit der Mutter.", true, KindEasyGenitive, ""},
		{"easy subjunctive", "Sie könnten auch anrufen.", true, KindEasySubjunct, "könnten"},
		{"easy abbreviation", "Bringen Sie z. B. den Pass mit.", true, KindEasyAbbrev, "z. B."},
		{"easy acronym", "Das steht im BGB.", true, KindEasyAbbrev, "BGB"},
		{"easy number", "Sie brauchen zwei Fotos.", true, KindEasyNumber, "zwei"},
		{"easy digits", "Sie brauchen 2 Fotos.", true, KindEasyNumber, ""},
		{"easy compound", "Das ist die Personalausweisbehörde.", true, KindEasyCompound, "Personalausweisbehörde"},
		{"easy compound split", "Das ist die Personal·ausweis·behörde.", true, KindEasyCompound, ""},
		{"easy foreign", "Das Ticket kostet 3 Euro.", true, KindEasyForeign, "Ticket"},
		{"easy special", "Das kostet 10 % mehr.", true, KindEasySpecial, "%"},
		{"easy one statement", "Sie zahlen am Ende.", true, KindEasyClause, ""},
		{"easy affirmative", "Sie brauchen einen Termin.", true, KindEasyNegation, ""},
		{"easy indicative", "Sie können auch anrufen.", true, KindEasySubjunct, ""},
		{"easy written out", "Bringen Sie zum Beispiel den Pass mit.", true, KindEasyAbbrev, ""},
		{"easy German word", "Die Fahr-Karte kostet 3 Euro.", true, KindEasyForeign, ""},
		{"easy no special", "Das kostet 10 Euro mehr.", true, KindEasySpecial, ""},
		{"easy date digits", "Am 1. Mai ist das Amt zu.", true, KindEasySpecial, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := kinds(Check(tc.text, Options{Easy: tc.easy}), tc.kind)
			if tc.want == "" {
				if len(got) > 0 {
					t.Errorf("got %s findings %q, want none", tc.kind, got)
				}
				return
			}
			for _, g := range got {
				if g == tc.want {
					return
				}
			}
			t.Errorf("got %s findings %q, want %q", tc.kind, got, tc.want)
		})
	}
}

// TestOffsetsAreRunes checks Start and End count code points, so that
// umlauts before a finding do not shift it.
func TestOffsetsAreRunes(t *testing.T) {
	text := "Für Änderungen über Öffnungszeiten gilt: Bringen Sie ein Lichtbild mit."
	r := Check(text, Options{})
	fs := kinds(r, KindOfficialese)
	if len(fs) != 1 {
		t.Fatalf("got officialese %q, want one", fs)
	}
	for _, f := range r.Findings {
		if f.Kind != KindOfficialese {
			continue
		}
		if got := string([]rune(text)[f.Start:f.End]); got != "Lichtbild" {
			t.Errorf("runes [%d,%d): got %q, want %q", f.Start, f.End, got, "Lichtbild")
		}
		if f.Start != 57 || f.End != 66 {
			t.Errorf("offsets: got [%d,%d), want [57,66)", f.Start, f.End)
		}
		if f.Alternative != "Foto" {
			t.Errorf("alternative: got %q, want Foto", f.Alternative)
		}
	}
}

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Verdict
	}{
		{"", VerdictEmpty},
		{"Wir helfen Ihnen gern. Rufen Sie uns an. Wir sind für Sie da.", VerdictGood},
		{"Die Inanspruchnahme der Dienstleistungen der Ausländerbehörde setzt grundsätzlich eine vorherige elektronische Terminvereinbarung voraus.", VerdictHard},
		{"Your application will be processed within three weeks. You can pay online.", VerdictNotGerman},
	} {
		if got := Check(tc.text, Options{}).Verdict; got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestWordLists(t *testing.T) {
	if n := officialeseList.Len(); n < 80 {
		t.Errorf("amtsdeutsch.tsv has %d terms, want at least 80", n)
	}
	if n := foreignList.Len(); n < 10 {
		t.Errorf("foreign.tsv has %d terms, want at least 10", n)
	}
}

func TestEnglishOnlyLongSentences(t *testing.T) {
	r := Check("The application is processed by the office. It is checked and it will be sent to you.", Options{Easy: true})
	if r.Language != "en" {
		t.Fatalf("language: got %s, want en", r.Language)
	}
	for _, f := range r.Findings {
		if f.Kind != KindLongSentence {
			t.Errorf("got a %s finding on English text", f.Kind)
		}
	}
}
