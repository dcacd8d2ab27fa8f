package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/participation"
)

// parallel runs fn(i) for i < n at once, spread over stores, and returns
// the errors.
func parallel(n int, stores []Stores, fn func(i int, s participation.Store) error) []error {
	errs := make([]error, n)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := stores[i%len(stores)].(participation.Store)
			<-ready
			errs[i] = fn(i, ps)
		}()
	}
	close(ready)
	wg.Wait()
	return errs
}

// RaceSupports has distinct accounts support one idea at once, and one
// account support another idea same times at once, spread over stores
// (several handles on one database stand for several instances): the
// first idea counts distinct supports and reaches its threshold (half of
// them) exactly once, with its effects written once; the second counts 1.
func RaceSupports(t *testing.T, distinct, same int, stores ...Stores) {
	t.Helper()
	s := stores[0]
	ps := partStore(t, s)
	sp := partSpace(t, s, "race-supports")
	sp.SupportThreshold = distinct / 2
	must(t, ps.UpdateSpace(ctx, sp))
	popular, single := partIdea(t, s, sp, nil, "Beliebt", 0), partIdea(t, s, sp, nil, "Doppelklick", time.Minute)
	users := make([]int64, distinct)
	for i := range users {
		users[i] = partUser(t, s, "supporter").ID
	}
	news := make([]bool, distinct)
	errs := parallel(distinct, stores, func(i int, ps participation.Store) error {
		at := t0.Add(time.Duration(i) * time.Second)
		_, added, err := ps.Support(ctx, popular.ID, users[i], at, thresholdFx(at, "race@example.org"))
		news[i] = added
		return err
	})
	for i, err := range errs {
		if err != nil {
			t.Errorf("support %d: %v", i, err)
		}
		if !news[i] {
			t.Errorf("support %d was not new", i)
		}
	}
	got := findIdea(t, s, popular.ID)
	if got.Supports != distinct || got.ThresholdAt == nil {
		t.Errorf("popular idea: %d supports, threshold %v; want %d and reached", got.Supports, got.ThresholdAt, distinct)
	}
	if evs := ideaEvents(t, s, popular.ID); len(evs) != 1 {
		t.Errorf("threshold events = %v, want exactly one", evs)
	}
	if msgs, err := s.FindMessages(ctx, mail.Filter{To: "race@example.org"}); err != nil || len(msgs) != 1 {
		t.Errorf("threshold mails = %d, %v, want 1", len(msgs), err)
	}

	one := users[0]
	var mu sync.Mutex
	newCount := 0
	errs = parallel(same, stores, func(i int, ps participation.Store) error {
		_, added, err := ps.Support(ctx, single.ID, one, t0, nil)
		if added {
			mu.Lock()
			newCount++
			mu.Unlock()
		}
		return err
	})
	for i, err := range errs {
		if err != nil {
			t.Errorf("double click %d: %v", i, err)
		}
	}
	if got := findIdea(t, s, single.ID); got.Supports != 1 || newCount != 1 {
		t.Errorf("one account's %d supports: %d counted, %d new; want 1, 1", same, got.Supports, newCount)
	}
}

// RaceVotes has one account give votes to attempts ideas of a space at
// once, spread over stores: exactly limit count, the rest are refused with
// "error.participation.votes_used".
func RaceVotes(t *testing.T, limit, attempts int, stores ...Stores) {
	t.Helper()
	s := stores[0]
	sp := partSpace(t, s, "race-votes")
	voter := partUser(t, s, "voter")
	ideas := make([]*participation.Idea, attempts)
	for i := range ideas {
		ideas[i] = partIdea(t, s, sp, nil, fmt.Sprintf("Vorschlag %d", i), time.Duration(i)*time.Minute)
	}
	var mu sync.Mutex
	given := 0
	errs := parallel(attempts, stores, func(i int, ps participation.Store) error {
		ok, err := ps.Vote(ctx, sp.ID, ideas[i].ID, voter.ID, limit, t0)
		if ok {
			mu.Lock()
			given++
			mu.Unlock()
		}
		return err
	})
	refused := 0
	for i, err := range errs {
		switch {
		case err == nil:
		case fault.As(err) != nil && fault.As(err).Key == "error.participation.votes_used":
			refused++
		default:
			t.Errorf("vote %d: %v", i, err)
		}
	}
	total := 0
	for _, i := range ideas {
		total += findIdea(t, s, i.ID).Votes
	}
	votes, err := partStore(t, s).VotesOf(ctx, sp.ID, voter.ID)
	must(t, err)
	if given != limit || refused != attempts-limit || total != limit || len(votes) != limit {
		t.Errorf("given %d, refused %d, counted %d, stored %d; want %d given, %d refused", given, refused, total, len(votes), limit, attempts-limit)
	}
}

// RaceComments has n people comment on one idea at once, a third of the
// comments held for moderation, spread over stores: the idea counts the
// published ones exactly.
func RaceComments(t *testing.T, n int, stores ...Stores) {
	t.Helper()
	s := stores[0]
	sp := partSpace(t, s, "race-comments")
	i := partIdea(t, s, sp, nil, "Viel diskutiert", 0)
	errs := parallel(n, stores, func(k int, ps participation.Store) error {
		state := participation.Published
		if k%3 == 0 {
			state = participation.Pending
		}
		return ps.AddComment(ctx, &participation.Comment{IdeaID: i.ID, AuthorName: "x", Body: "Kommentar", Moderation: state,
			CreatedAt: t0.Add(time.Duration(k) * time.Second)}, participation.Effects{})
	})
	for k, err := range errs {
		if err != nil {
			t.Errorf("comment %d: %v", k, err)
		}
	}
	want := n - (n+2)/3
	if got := findIdea(t, s, i.ID); got.Comments != want {
		t.Errorf("%d comments counted, want %d published", got.Comments, want)
	}
}
