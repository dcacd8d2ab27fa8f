package search

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Führerschein", "fuhrerschein"},
		{"Fuehrerschein", "fuhrerschein"},
		{"FÜHRERSCHEIN", "fuhrerschein"},
		{"Fuhrerschein", "fuhrerschein"},
		{"Straße", "strasse"},
		{"Strasse", "strasse"},
		{"Bußgeld", "bussgeld"},
		{"Café", "cafe"},
		{"Ångström", "angstrom"},
		{"Steuer", "steuer"},         // u between vowels is no umlaut
		{"Quelle", "quelle"},         // neither is qu-e
		{"Gebühr", "gebuhr"},         //
		{"Anträge", "antrage"},       //
		{"Bürgerbüro", "burgerburo"}, //
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	got := tokenize("Gewerbe-Anmeldung: 50 € (Online)")
	want := []token{
		{raw: "gewerbe", folded: "gewerbe"},
		{raw: "anmeldung", folded: "anmeldung", joined: true},
		{raw: "50", folded: "50"},
		{raw: "online", folded: "online"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(token{})); diff != "" {
		t.Errorf("tokenize (-want +got):\n%s", diff)
	}
}

// TestStem checks pairs from the Snowball German vocabulary and output
// lists, and that spellings of one word meet in one stem.
func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aufeinanderfolgenden", "aufeinanderfolg"},
		{"aufeinanderfolgt", "aufeinanderfolgt"},
		{"aufeinanderbiss", "aufeinanderbiss"},
		{"käufer", "kauf"},
		{"häuser", "haus"},
		{"kategorie", "kategori"},
		{"möglichkeiten", "moglich"},
		{"bedürfnissen", "bedurfnis"},
		{"abendessen", "abendess"},
		{"ackers", "ack"},
		{"anmeldung", "anmeld"},
		{"anmelden", "anmeld"},
		{"Führerscheins", "fuhrerschein"},
		{"Fuehrerscheine", "fuhrerschein"},
	}
	for _, tt := range tests {
		if got := stem(fold(tt.in)); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompoundSplit(t *testing.T) {
	vocab := map[string]bool{"personalausweis": true, "aufenthalt": true, "erlaubnis": true, "anmeldung": true}
	sp := newSplitter(vocab)
	tests := []struct {
		word string
		want []string
	}{
		{"Anwohnerparkausweis", []string{"anwohner", "park", "ausweis"}},
		{"Personalausweisbeantragung", []string{"personal", "ausweis", "beantragung"}},
		{"Hundesteuer", []string{"hund", "steuer"}},
		{"Wohnsitzanmeldung", []string{"wohnsitz", "anmeldung"}},
		{"Aufenthaltserlaubnis", []string{"aufenthalt", "erlaubnis"}}, // Fugen-s
		{"Wohnungsgeberbestätigung", []string{"wohnung", "geber", "bestatigung"}},
		{"Verlust", nil},       // too short to split
		{"Eheschließung", nil}, // "schliessung" is no known part
	}
	for _, tt := range tests {
		w := fold(tt.word)
		var got []string
		for _, l := range sp.leaves(w) {
			got = append(got, w[l.start:l.end])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("split %q (-want +got):\n%s", tt.word, diff)
		}
	}
}

func TestCompoundTerms(t *testing.T) {
	sp := newSplitter(map[string]bool{"parkausweis": true})
	var got []string
	for _, d := range compoundTerms(sp, "bewohnerparkausweis") {
		got = append(got, d.stem)
	}
	want := []string{"parkausweis", "ausweis", "bewohn", "park"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("compound terms of Bewohnerparkausweis (-want +got):\n%s", diff)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want int
	}{
		{"fuhrerschein", "fuhrerschien", 2, 1}, // transposition
		{"reisepas", "reisepass", 2, 1},
		{"einburgerrung", "einburgerung", 2, 1},
		{"persoanlausweis", "personalausweis", 2, 1},
		{"meldebeschinigung", "meldebescheinigung", 2, 1},
		{"gewerbeamneldung", "gewerbeanmeldung", 2, 1},
		{"kirchenaustrit", "kirchenaustritt", 1, 1},
		{"hund", "mund", 1, 1},
		{"abcdef", "badcfe", 2, 3}, // three transpositions: over the bound
	}
	r := newOSARows(32)
	for _, tt := range tests {
		if got := r.distance(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}
