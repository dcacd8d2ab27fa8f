package catalog_test

import (
	"context"
	"testing"

	"rathaus/internal/catalog"
	"rathaus/internal/storetest"
)

// TestImportedMunichFindable imports the real Munich catalogue and finds
// every service by its name among the first 10 hits and, where the source
// gives keywords, by at least one of them among the first 30 (two services
// have a single keyword that many share: "Rente", "Aufenthaltserlaubnis"),
// on both engines.
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
			var byName, byKeyword, withKeywords int
			for _, s := range b.Services {
				if found(s.Name, s.Key, 10) {
					byName++
				} else {
					t.Errorf("service %s %q not among the first 10 hits for its name", s.Key, s.Name)
				}
				if len(s.Keywords) == 0 {
					continue
				}
				withKeywords++
				ok := false
				for _, k := range s.Keywords {
					if ok = found(k, s.Key, 30); ok {
						break
					}
				}
				if ok {
					byKeyword++
				} else {
					t.Errorf("service %s %q found by none of its keywords %q", s.Key, s.Name, s.Keywords)
				}
			}
			t.Logf("found %d/%d services by name, %d/%d with keywords by a keyword", byName, len(b.Services), byKeyword, withKeywords)
		})
	}
}
