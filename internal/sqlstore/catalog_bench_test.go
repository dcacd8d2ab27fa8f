package sqlstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/storetest"
)

// BenchmarkCatalogImport measures an import of 300 published services,
// each with its first revision and two offices, one transaction per
// service as an importer writes them.
func BenchmarkCatalogImport(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			db := open(b)
			now := time.Now()
			var offices []int64
			for i := range 2 {
				o := &catalog.Office{Name: fmt.Sprint("Amt ", i), CreatedAt: now}
				if err := db.CreateOffice(ctx, o); err != nil {
					b.Fatal(err)
				}
				offices = append(offices, o.ID)
			}
			run := 0
			for b.Loop() {
				run++
				for i := range 300 {
					c := catalog.Content{Name: fmt.Sprint("Leistung ", i), Summary: "Kurz", Description: "Lang und länger",
						Keywords: []string{"a", "b"}, OfficeIDs: offices, Fees: []catalog.Fee{{Label: "Gebühr", Cents: 1000}}}
					s := &catalog.Service{Source: "bench", ExternalID: fmt.Sprint(run, "-", i), CreatedAt: now}
					rev := &catalog.Revision{Content: c, Origin: "import", State: catalog.RevisionPublished, CreatedAt: now}
					if err := db.CreateService(ctx, s, rev); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
