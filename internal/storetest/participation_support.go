package storetest

import (
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/participation"
	"rathaus/internal/processlog"
)

func testPartSupport(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "support")
	u, v := partUser(t, s, "ulla"), partUser(t, s, "veit")
	i := partIdea(t, s, sp, nil, "Sitzbänke", 0)
	sp.SupportThreshold = 1
	must(t, ps.UpdateSpace(ctx, sp))
	calls := 0
	fx := func(*participation.Idea) participation.Effects { calls++; return participation.Effects{} }

	after, added, err := ps.Support(ctx, i.ID, u.ID, t0, fx)
	if err != nil || !added || after.Supports != 1 || calls != 1 {
		t.Fatalf("first Support = %+v, %v, %v (fx calls %d)", after, added, err, calls)
	}
	after, added, err = ps.Support(ctx, i.ID, u.ID, t0.Add(time.Minute), fx)
	if err != nil || added || after.Supports != 1 || calls != 1 {
		t.Errorf("repeated Support = %d supports, added %v, %v (fx calls %d), want 1, false, fx not called", after.Supports, added, err, calls)
	}
	if ok, err := ps.Supported(ctx, i.ID, u.ID); !ok || err != nil {
		t.Errorf("Supported = %v, %v", ok, err)
	}
	if ok, err := ps.Supported(ctx, i.ID, v.ID); ok || err != nil {
		t.Errorf("Supported by another = %v, %v", ok, err)
	}
	after, removed, err := ps.Unsupport(ctx, i.ID, u.ID)
	if err != nil || !removed || after.Supports != 0 {
		t.Errorf("Unsupport = %d supports, %v, %v", after.Supports, removed, err)
	}
	after, removed, err = ps.Unsupport(ctx, i.ID, u.ID)
	if err != nil || removed || after.Supports != 0 {
		t.Errorf("second Unsupport = %d supports, %v, %v", after.Supports, removed, err)
	}
	if got := findIdea(t, s, i.ID); got.Supports != 0 {
		t.Errorf("stored supports = %d", got.Supports)
	}
	if _, added, _ := ps.Support(ctx, i.ID, v.ID, t0, fx); !added || calls != 1 {
		t.Errorf("support after the threshold was reached once: new %v, fx calls %d; want true, 1", added, calls)
	}
	if _, _, err := ps.Support(ctx, 99999, u.ID, t0, fx); !fault.Is(err, fault.NotFound) {
		t.Errorf("Support of a missing idea = %v", err)
	}
	if _, _, err := ps.Unsupport(ctx, 99999, u.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("Unsupport of a missing idea = %v", err)
	}
}

// thresholdFx is the effects the service writes when an idea reaches the
// threshold: an event and a mail, only at that support.
func thresholdFx(at time.Time, to string) func(*participation.Idea) participation.Effects {
	return func(i *participation.Idea) participation.Effects {
		if i.ThresholdAt == nil || !i.ThresholdAt.Equal(at) {
			return participation.Effects{}
		}
		return participation.Effects{
			Events: []processlog.Event{ideaEvent(i.ID, "threshold_reached", at)},
			Mails:  []mail.Message{{To: to, Subject: "Antwort fällig", Text: "Es gibt Neuigkeiten.", CreatedAt: at}},
		}
	}
}

func testPartThreshold(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "threshold") // 3 supports, 14 days
	i := partIdea(t, s, sp, nil, "Mehr Licht", 0)
	var users []int64
	for range 5 {
		users = append(users, partUser(t, s, "fan").ID)
	}
	for n, u := range users[:2] {
		at := t0.Add(time.Duration(n) * time.Hour)
		after, _, err := ps.Support(ctx, i.ID, u, at, thresholdFx(at, "threshold@example.org"))
		must(t, err)
		if after.ThresholdAt != nil || after.AnswerDue != nil {
			t.Errorf("after %d supports: threshold %v, due %v", n+1, after.ThresholdAt, after.AnswerDue)
		}
	}
	at := t0.Add(5 * time.Hour)
	after, _, err := ps.Support(ctx, i.ID, users[2], at, thresholdFx(at, "threshold@example.org"))
	must(t, err)
	// A fourth support at the same instant: fx is not called again.
	must(t, func() error {
		_, _, err := ps.Support(ctx, i.ID, users[3], at, func(*participation.Idea) participation.Effects {
			t.Error("fx called after the threshold was reached")
			return participation.Effects{}
		})
		return err
	}())
	due := at.AddDate(0, 0, 14)
	if after.Supports != 3 || after.ThresholdAt == nil || !after.ThresholdAt.Equal(at) || after.AnswerDue == nil || !after.AnswerDue.Equal(due) {
		t.Fatalf("third support: %d supports, threshold %v, due %v; want 3, %v, %v", after.Supports, after.ThresholdAt, after.AnswerDue, at, due)
	}
	// Falling below and reaching it again keeps the first promise.
	for _, u := range users[:2] {
		_, _, err = ps.Unsupport(ctx, i.ID, u)
		must(t, err)
	}
	for n, u := range users[4:] {
		later := at.Add(time.Duration(n+1) * time.Hour)
		_, _, err := ps.Support(ctx, i.ID, u, later, thresholdFx(later, "threshold@example.org"))
		must(t, err)
	}
	got := findIdea(t, s, i.ID)
	if got.Supports != 3 || !got.ThresholdAt.Equal(at.Truncate(time.Microsecond)) || !got.AnswerDue.Equal(due.Truncate(time.Microsecond)) {
		t.Errorf("stored: %d supports, threshold %v, due %v; want 3, %v, %v", got.Supports, got.ThresholdAt, got.AnswerDue, at, due)
	}
	if evs := ideaEvents(t, s, i.ID); len(evs) != 1 || evs[0] != "threshold_reached" {
		t.Errorf("events = %v, want one threshold_reached", evs)
	}
	if msgs, err := s.FindMessages(ctx, mail.Filter{To: "threshold@example.org"}); err != nil || len(msgs) != 1 {
		t.Errorf("mails = %d, %v, want 1", len(msgs), err)
	}

	none := partSpace(t, s, "no-threshold")
	none.SupportThreshold = 0
	must(t, ps.UpdateSpace(ctx, none))
	j := partIdea(t, s, none, nil, "Ohne Schwelle", 0)
	for _, u := range users {
		after, _, err = ps.Support(ctx, j.ID, u, at, thresholdFx(at, "threshold@example.org"))
		must(t, err)
	}
	if after.Supports != 5 || after.ThresholdAt != nil {
		t.Errorf("without threshold: %d supports, threshold %v", after.Supports, after.ThresholdAt)
	}
}

func testPartVotes(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp, other := partSpace(t, s, "votes"), partSpace(t, s, "votes-other")
	u, v := partUser(t, s, "wähler"), partUser(t, s, "wählerin")
	a, b, c := partIdea(t, s, sp, nil, "A", 0), partIdea(t, s, sp, nil, "B", time.Minute), partIdea(t, s, sp, nil, "C", 2*time.Minute)
	x := partIdea(t, s, other, nil, "X", 0)
	vote := func(space, idea, user int64) (bool, error) { return ps.Vote(ctx, space, idea, user, 2, t0) }

	if ok, err := vote(sp.ID, a.ID, u.ID); !ok || err != nil {
		t.Fatalf("first vote = %v, %v", ok, err)
	}
	if ok, err := vote(sp.ID, a.ID, u.ID); ok || err != nil {
		t.Errorf("same vote again = %v, %v, want false, nil", ok, err)
	}
	if ok, err := vote(sp.ID, b.ID, u.ID); !ok || err != nil {
		t.Errorf("second vote = %v, %v", ok, err)
	}
	_, err := vote(sp.ID, c.ID, u.ID)
	wantKey(t, "third vote with two", err, fault.Conflict, "error.participation.votes_used")
	if ok, err := vote(sp.ID, a.ID, u.ID); ok || err != nil {
		t.Errorf("repeated vote at the limit = %v, %v, want false, nil", ok, err)
	}
	if ok, err := vote(other.ID, x.ID, u.ID); !ok || err != nil {
		t.Errorf("vote in another space = %v, %v", ok, err)
	}
	_, err = vote(sp.ID, x.ID, u.ID)
	wantKey(t, "vote for another space's idea", err, fault.NotFound, "error.not_found")
	if ok, err := vote(sp.ID, c.ID, v.ID); !ok || err != nil {
		t.Errorf("another person's vote = %v, %v", ok, err)
	}
	ids, err := ps.VotesOf(ctx, sp.ID, u.ID)
	if err != nil || !equalIDs(ids, []int64{a.ID, b.ID}) {
		t.Errorf("VotesOf = %v, %v", ids, err)
	}
	if ok, err := ps.Unvote(ctx, sp.ID, a.ID, u.ID); !ok || err != nil {
		t.Errorf("Unvote = %v, %v", ok, err)
	}
	if ok, err := ps.Unvote(ctx, sp.ID, a.ID, u.ID); ok || err != nil {
		t.Errorf("second Unvote = %v, %v", ok, err)
	}
	if ok, err := vote(sp.ID, c.ID, u.ID); !ok || err != nil {
		t.Errorf("vote after taking one back = %v, %v", ok, err)
	}
	for _, w := range []struct {
		id    int64
		votes int
	}{{a.ID, 0}, {b.ID, 1}, {c.ID, 2}, {x.ID, 1}} {
		if got := findIdea(t, s, w.id); got.Votes != w.votes {
			t.Errorf("idea %d: %d votes, want %d", w.id, got.Votes, w.votes)
		}
	}
}
