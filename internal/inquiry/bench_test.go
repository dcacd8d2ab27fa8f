package inquiry_test

import (
	"fmt"
	"testing"

	"rathaus/internal/inquiry"
	"rathaus/internal/storetest"
)

// BenchmarkRetrainAfterCorrection is what the first suggestion after a
// correction costs: reading the demo catalogue and 200 corrections and
// training both models (SQLite).
func BenchmarkRetrainAfterCorrection(b *testing.B) {
	e := newEnv(b, storetest.OpenSQLite)
	for i := range 200 {
		q, err := e.svc.Submit(ctx, inquiry.Submission{Body: fmt.Sprintf("Laterne Nummer %d in der Camburger Straße ist kaputt.", i)})
		must(b, err)
		admin := e.worker
		admin.PlatformAdmin = true
		_, err = e.svc.Assign(ctx, admin, inquiry.Assignment{ID: q.ID, Version: q.Version, OrgID: e.ids["kommunalservice-jena"], Category: "abfall"})
		must(b, err)
	}
	b.ResetTimer()
	for range b.N {
		r := &inquiry.Router{Catalog: e.db, Store: e.db} // a fresh router trains on its first suggestion
		if _, err := r.Suggest(ctx, lampText2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSuggest is one suggestion with trained models.
func BenchmarkSuggest(b *testing.B) {
	e := newEnv(b, storetest.OpenSQLite)
	e.svc.Router.Freshness = 1 << 62
	if _, err := e.svc.Router.Suggest(ctx, dogText); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := e.svc.Router.Suggest(ctx, dogText); err != nil {
			b.Fatal(err)
		}
	}
}
