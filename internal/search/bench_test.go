package search

import "testing"

// BenchmarkSearch runs the labelled questions in turn over about 1,000 real
// services (Munich with texts, Berlin names, suffixed copies).
func BenchmarkSearch(b *testing.B) {
	ix := NewIndex(thousandDocs(b))
	set := readLabelled(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ix.Search(Query{Text: set[i%len(set)].query})
	}
}

func BenchmarkNewIndex(b *testing.B) {
	docs := thousandDocs(b)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(docs)
	}
}

func BenchmarkSuggest(b *testing.B) {
	ix := NewIndex(thousandDocs(b))
	prefixes := []string{"p", "pe", "pers", "fuhr", "ummel", "gewerbe", "aufenthaltser"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Suggest(prefixes[i%len(prefixes)], 8)
	}
}

// TestThousandDocs checks the benchmark catalogue is what it claims.
func TestThousandDocs(t *testing.T) {
	docs := thousandDocs(t)
	if len(docs) != 1000 {
		t.Fatalf("got %d docs, want 1000", len(docs))
	}
	seen := make(map[int64]bool)
	for _, d := range docs {
		if seen[d.ID] {
			t.Fatalf("duplicate id %d", d.ID)
		}
		seen[d.ID] = true
	}
}
