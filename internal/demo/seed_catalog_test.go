package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

// TestSeedCatalog imports the demo catalogue into a freshly seeded city on
// both engines, twice: the second start must change nothing, and a
// citizen's everyday words must find the services.
func TestSeedCatalog(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			tr, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			now := func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }
			orgs := &org.Service{Store: db, Audit: db, Now: now}
			accounts := &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: now}
			if _, err := demo.Seed(ctx, accounts, orgs); err != nil {
				t.Fatal(err)
			}
			cat := &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: now}
			for range 2 {
				if err := demo.SeedCatalog(ctx, cat); err != nil {
					t.Fatal(err)
				}
			}
			revs, err := db.FindRevisions(ctx, catalog.RevisionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := demo.Catalog()
			if len(revs) != len(b.Services) {
				t.Errorf("%d revisions after two seeds of %d services, want one each", len(revs), len(b.Services))
			}
			for q, want := range map[string]string{
				"Perso verloren": "Personalausweis", "umgezogen": "Wohnsitz", "Hund": "Hund",
				"Sperrmüll": "Sperrmüll", "heiraten": "Ehe",
			} {
				res, err := cat.Search(ctx, catalog.SearchQuery{Text: q, Limit: 3})
				if err != nil {
					t.Fatal(err)
				}
				if !anyNameContains(res, want) {
					t.Errorf("search %q: no service named like %q in the top 3: %v", q, want, names(res))
				}
			}
		})
	}
}

func anyNameContains(res *catalog.SearchResult, part string) bool {
	for _, it := range res.Items {
		if strings.Contains(it.Service.Name, part) {
			return true
		}
	}
	return false
}

func names(res *catalog.SearchResult) []string {
	var out []string
	for _, it := range res.Items {
		out = append(out, it.Service.Name)
	}
	return out
}
