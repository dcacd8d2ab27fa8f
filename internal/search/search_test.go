package search

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// smallDocs is a hand-made catalogue for behaviour tests.
func smallDocs() []Doc {
	return []Doc{
		{ID: 1, Name: "Personalausweis", Keywords: []string{"Perso", "Ausweis"}, Text: "Den Personalausweis beantragen Sie im Bürgerbüro.",
			Facets: map[string][]string{"life_situation": {"ausweise"}}},
		{ID: 2, Name: "Verlust oder Diebstahl Personalausweis", Text: "Melden Sie den Verlust sofort.",
			Facets: map[string][]string{"life_situation": {"ausweise"}}},
		{ID: 3, Name: "Bewohnerparkausweis", Text: "Für Anwohnerinnen und Anwohner in Parklizenzgebieten."},
		{ID: 4, Name: "Parkausweis – Altstadt", Text: "Parken in der Altstadt."},
		{ID: 5, Name: "Wohnsitzanmeldung", Summary: "Nach dem Einzug in eine Wohnung melden Sie sich an.",
			Text: "Bringen Sie die Wohnungsgeberbestätigung mit.", Facets: map[string][]string{"life_situation": {"umzug"}, "online": {"1"}}},
		{ID: 6, Name: "Hundesteuer", Text: "Wer einen Hund hält, zahlt Steuer.", Facets: map[string][]string{"life_situation": {"haustier"}}},
		{ID: 7, Name: "Führerschein umschreiben", Text: "Ausländische Fahrerlaubnis umschreiben."},
		{ID: 8, Name: "Gewerbe-Anmeldung", Text: "Gewerbe anzeigen.", Facets: map[string][]string{"online": {"1"}}},
		{ID: 9, Name: "Eheschließung anmelden", Text: "Beim Standesamt."},
		{ID: 10, Name: "Platz in einer Kindertagesstätte", Text: "Betreuung für Kinder."},
	}
}

func ids(r Result) []int64 {
	var out []int64
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

// TestSearchTop checks the first hit for real queries: umlauts, stems,
// compounds, synonyms, colloquial words, typos and prefixes.
func TestSearchTop(t *testing.T) {
	ix := NewIndex(smallDocs())
	tests := []struct {
		query string
		want  int64
	}{
		{"führerschein", 7},
		{"Fuehrerschein", 7},
		{"FÜHRERSCHEIN", 7},
		{"Fuhrerschein", 7},
		{"Führerscheins", 7},            // stemming
		{"Fahrerlaubnis", 7},            // in the text
		{"Lappen umschreiben", 7},       // colloquial synonym
		{"Perso weg", 2},                // keyword + "weg" ~ Verlust
		{"Ausweis gestohlen", 2},        // synonym of Verlust
		{"ich bin umgezogen", 5},        // inflected synonym, stop words
		{"Wohnsitz anmelden", 5},        // compound written apart
		{"Wohnungsgeberbestätigung", 5}, // compound in the text
		{"Hund", 6},                     // part of a compound
		{"heiraten", 9},                 // synonym group
		{"Kita", 10},                    // abbreviation
		{"Gewerbeanmeldung", 8},         // hyphenated in the name
		{"Gewerbe anmelden", 8},
		{"Anwohnerparkausweis", 3}, // unknown compound, split; anwohner ~ bewohner
		{"Persona", 1},             // prefix of the last word
		{"Fuhrerschien", 7},        // typo, distance 1
		{"Personalausweiss", 1},    // typo, distance 1
		{"Wohnsitzanmeldnug", 5},   // transposition
	}
	for _, tt := range tests {
		got := ix.Search(Query{Text: tt.query})
		if len(got.Hits) == 0 || got.Hits[0].ID != tt.want {
			t.Errorf("Search(%q) = %v, want %d first", tt.query, ids(got), tt.want)
		}
	}
}

func TestSearchCompoundsBothWays(t *testing.T) {
	ix := NewIndex(smallDocs())
	for _, q := range []string{"Parkausweis", "Bewohnerparkausweis"} {
		got := ids(ix.Search(Query{Text: q}))
		if !contains(got, 3) || !contains(got, 4) {
			t.Errorf("Search(%q) = %v, want both 3 and 4", q, got)
		}
	}
}

func TestSearchCorrected(t *testing.T) {
	ix := NewIndex(smallDocs())
	tests := []struct{ query, want string }{
		{"Fuhrerschien umschreiben", "führerschein umschreiben"},
		{"ich will den Fuhrerschien umschreiben", "ich will den führerschein umschreiben"},
		{"Führerschein", ""},
		{"Persona", ""}, // a prefix is no typo
	}
	for _, tt := range tests {
		if got := ix.Search(Query{Text: tt.query}).Corrected; got != tt.want {
			t.Errorf("Search(%q).Corrected = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	ix := NewIndex(smallDocs())
	tests := []struct {
		name string
		q    Query
		want []int64
	}{
		{"text and facet", Query{Text: "anmelden", Filters: map[string]string{"online": "1"}}, []int64{8, 5}},
		{"two facets", Query{Filters: map[string]string{"online": "1", "life_situation": "umzug"}}, []int64{5}},
		{"unknown value", Query{Text: "Personalausweis", Filters: map[string]string{"online": "9"}}, nil},
		{"listing by name", Query{Filters: map[string]string{"life_situation": "ausweise"}}, []int64{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(tt.q)
			if diff := cmp.Diff(tt.want, ids(got)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSearchEmptyListsByName(t *testing.T) {
	ix := NewIndex(smallDocs())
	got := ix.Search(Query{Limit: 4, Offset: 1})
	// folded names: bewohnerparkausweis, eheschliessung..., fuhrerschein...,
	// gewerbe-anmeldung, hundesteuer, parkausweis..., personalausweis, ...
	want := []int64{9, 7, 8, 6}
	if diff := cmp.Diff(want, ids(got)); diff != "" {
		t.Errorf("listing (-want +got):\n%s", diff)
	}
	if got.Total != 10 || ix.Len() != 10 {
		t.Errorf("Total = %d, Len = %d, want 10", got.Total, ix.Len())
	}
}

func TestSearchStopWordsOnly(t *testing.T) {
	ix := NewIndex(smallDocs())
	if got := ix.Search(Query{Text: "ich bin der "}); got.Total != 0 {
		t.Errorf("stop words only: Total = %d, want 0", got.Total)
	}
}

func TestSearchDeterministic(t *testing.T) {
	docs := smallDocs()
	twin := docs[0]
	twin.ID = 0 // same text, lower ID: must come first on equal score
	ix := NewIndex(append(docs, twin))
	first := ix.Search(Query{Text: "Personalausweis"})
	if first.Hits[0].ID != 0 || first.Hits[1].ID != 1 || first.Hits[0].Score != first.Hits[1].Score {
		t.Errorf("twins = %v, want 0 then 1 with equal scores", first.Hits[:2])
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if again := ix.Search(Query{Text: "Personalausweis"}); !cmp.Equal(first, again) {
					t.Errorf("results differ between runs: %v vs %v", first, again)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSuggest(t *testing.T) {
	ix := NewIndex(smallDocs())
	tests := []struct {
		prefix string
		n      int
		want   []string
	}{
		{"Pers", 2, []string{"Personalausweis", "perso"}},
		{"füh", 1, []string{"Führerschein umschreiben"}},
		{"fueh", 1, []string{"Führerschein umschreiben"}},
		{"park", 3, []string{"Parkausweis – Altstadt", "parkausweis", "parken"}},
		{"", 3, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ix.Suggest(tt.prefix, tt.n)); diff != "" {
			t.Errorf("Suggest(%q) (-want +got):\n%s", tt.prefix, diff)
		}
	}
}

func contains(xs []int64, x int64) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestSearchRareWordTypo(t *testing.T) {
	docs := smallDocs()
	for i := range docs {
		docs[i].Text += " Personalausweis"
	}
	docs[9].Text += " Personalausweiss" // a typo in one text
	ix := NewIndex(docs)
	got := ids(ix.Search(Query{Text: "Personalausweiss "}))
	// the one exact match first, then the services named by the neighbour
	if len(got) < 2 || got[0] != 10 || got[1] != 1 {
		t.Errorf("Search(Personalausweiss) = %v, want 10 then 1: a word found once also reads as its frequent neighbour", got)
	}
}

func TestSynonymsListsOtherMembers(t *testing.T) {
	got := Synonyms("Personalausweises")
	want := map[string]bool{"perso": false, "ausweis": false}
	for _, g := range got {
		if _, ok := want[g]; ok {
			want[g] = true
		}
		if g == "personalausweis" {
			t.Errorf("Synonyms returned the word itself: %q", got)
		}
	}
	for w, ok := range want {
		if !ok {
			t.Errorf("Synonyms(Personalausweises) = %q, want it to include %q", got, w)
		}
	}
	if got := Synonyms("Xylophonbau"); len(got) != 0 {
		t.Errorf("Synonyms of an unknown word = %q, want none", got)
	}
}
