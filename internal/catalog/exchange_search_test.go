package catalog_test

import (
	"context"
	"strings"
	"testing"

	"rathaus/internal/catalog"
	"rathaus/internal/search"
	"rathaus/internal/storetest"
)

// TestImportedMunichFindable imports the real Munich catalogue and finds
// every service by its name among the first 10 hits and by at least one
// synonym: one of the source's keywords among the first 30 hits (two
// services have a single keyword that many share: "Rente",
// "Aufenthaltserlaubnis"), or its name with one word replaced by a curated
// synonym ("Personalausweis beantragen" -> "perso beantragen") among the
// first 10, on both engines.
func TestImportedMunichFindable(t *testing.T) {
	b := munich(t)
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			c := newCatalog(open(t))
			if _, err := c.Import(ctx, b); err != nil {
				t.Fatal(err)
			}
			found := func(q string, key string, limit int) bool {
				res, err := c.Search(ctx, catalog.SearchQuery{Text: q, Limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range res.Items {
					if it.Service.ExternalID == key {
						return true
					}
				}
				return false
			}
			var byName, byKeyword, byNameSynonym int
			for _, s := range b.Services {
				if found(s.Name, s.Key, 10) {
					byName++
				} else {
					t.Errorf("service %s %q not among the first 10 hits for its name", s.Key, s.Name)
				}
				if q := findingKeyword(s.Keywords, func(k string) bool { return found(k, s.Key, 30) }); q != "" {
					byKeyword++
					continue
				}
				if q := findingSynonymName(s.Name, func(v string) bool { return found(v, s.Key, 10) }); q != "" {
					byNameSynonym++
					continue
				}
				t.Errorf("service %s %q found by none of its keywords %q nor by its name with a synonym", s.Key, s.Name, s.Keywords)
			}
			t.Logf("%d services: %d found by name; by a synonym: %d by a source keyword, %d by the name with a curated synonym",
				len(b.Services), byName, byKeyword, byNameSynonym)
		})
	}
}

func findingKeyword(keywords []string, finds func(string) bool) string {
	for _, k := range keywords {
		if finds(k) {
			return k
		}
	}
	return ""
}

// findingSynonymName returns the first variant of name with one word
// replaced by one of its curated synonyms that finds the service.
func findingSynonymName(name string, finds func(string) bool) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return strings.ContainsRune(" -–/:,.()*§", r) })
	for i, w := range words {
		for _, syn := range search.Synonyms(w) {
			v := append(append(append([]string{}, words[:i]...), syn), words[i+1:]...)
			if q := strings.Join(v, " "); finds(q) {
				return q
			}
		}
	}
	return ""
}
