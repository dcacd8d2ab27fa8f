package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"rathaus/internal/cases"
)

// RaceCaseNumbers has n applicants submit at once, spread over stores
// (several handles on one database stand for several instances): every
// case must get its own number, and together the numbers 1 to n.
func RaceCaseNumbers(t *testing.T, n int, stores ...Stores) {
	t.Helper()
	refs := make([]string, n)
	errs := make([]error, n)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := submission(fmt.Sprintf("applicant%02d@example.org", i), t0)
			sub.IdempotencyKey = "same-key" // each applicant's own
			<-ready
			c, _, err := stores[i%len(stores)].CreateCase(ctx, sub)
			if err == nil {
				refs[i] = c.Reference
			}
			errs[i] = err
		}()
	}
	close(ready)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("applicant %d: %v", i, err)
		}
	}
	want := make([]string, n)
	for i := range n {
		want[i] = cases.Reference("JENA", 2026, i+1)
	}
	slices.Sort(refs)
	if !slices.Equal(refs, want) {
		t.Errorf("references = %v, want %v", refs, want)
	}
}

// testCaseIdempotencyRace has one applicant's double click arrive many
// times at once: one case, every call gets it.
func testCaseIdempotencyRace(t *testing.T, s Stores) {
	const n = 10
	ids := make([]int64, n)
	created := make([]bool, n)
	errs := make([]error, n)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := submission("Erika@example.org", t0)
			sub.IdempotencyKey = "double-click"
			<-ready
			c, ok, err := s.CreateCase(ctx, sub)
			if err == nil {
				ids[i], created[i] = c.ID, ok
			}
			errs[i] = err
		}()
	}
	close(ready)
	wg.Wait()
	news := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("call %d: %v", i, errs[i])
		}
		if created[i] {
			news++
		}
		if ids[i] != ids[0] {
			t.Errorf("call %d got case %d, call 0 case %d", i, ids[i], ids[0])
		}
	}
	if _, total, _ := s.FindCases(ctx, cases.Filter{}); news != 1 || total != 1 {
		t.Errorf("%d calls created a case, %d cases exist; want 1 and 1", news, total)
	}
}
