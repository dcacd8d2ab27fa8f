package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/participation"
	"rathaus/internal/processlog"
)

func testPartStatus(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "status")
	staff := partUser(t, s, "staff")
	i := partIdea(t, s, sp, nil, "Spielplatz", 0)
	answer := func(i participation.Idea, status, text string, at time.Time) (*participation.Idea, error) {
		ch := &participation.StatusChange{From: i.Status, To: status, Answer: text, ActorID: &staff.ID, At: at}
		i.Status, i.Answer, i.Version, i.UpdatedAt, i.AnsweredAt = status, text, i.Version+1, at, &at
		fx := participation.Effects{Events: []processlog.Event{ideaEvent(i.ID, "answered", at)},
			Mails: []mail.Message{{To: "follower@example.org", Subject: "Neuigkeiten", Text: "Es gibt Neuigkeiten.", CreatedAt: at}}}
		return &i, ps.UpdateIdeaStatus(ctx, &i, ch, fx)
	}
	stale := *i
	first, err := answer(*i, participation.StatusReview, "Wir prüfen das.", t0.Add(time.Hour))
	must(t, err)
	_, err = answer(stale, participation.StatusRejected, "Geht nicht.", t0.Add(2*time.Hour))
	wantKey(t, "answer on a stale version", err, fault.Conflict, "error.participation.stale")
	_, err = answer(*first, participation.StatusPlanned, "Kommt im Frühjahr.", t0.Add(3*time.Hour))
	must(t, err)
	got := findIdea(t, s, i.ID)
	if got.Status != participation.StatusPlanned || got.Answer != "Kommt im Frühjahr." || got.Version != 3 ||
		got.AnsweredAt == nil || !got.UpdatedAt.Equal(t0.Add(3*time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("after two answers: %+v", got)
	}
	tl, err := ps.Timeline(ctx, i.ID)
	must(t, err)
	var steps []string
	for _, c := range tl {
		steps = append(steps, c.From+">"+c.To+":"+c.Answer)
		if c.ID == 0 || c.ActorID == nil || *c.ActorID != staff.ID {
			t.Errorf("timeline entry %+v", c)
		}
	}
	want := []string{"received>review:Wir prüfen das.", "review>planned:Kommt im Frühjahr."}
	if d := cmp.Diff(want, steps); d != "" {
		t.Errorf("timeline (-want +got):\n%s", d)
	}
	if evs := ideaEvents(t, s, i.ID); len(evs) != 2 {
		t.Errorf("events = %v, want two answers (the stale one wrote nothing)", evs)
	}
	if msgs, _ := s.FindMessages(ctx, mail.Filter{To: "follower@example.org"}); len(msgs) != 2 {
		t.Errorf("mails = %d, want 2", len(msgs))
	}
	missing := *i
	missing.ID = 99999
	_, err = answer(missing, participation.StatusReview, "x", t0)
	wantKey(t, "answer to a missing idea", err, fault.NotFound, "error.not_found")
}

func testPartComments(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "comments")
	u, mod := partUser(t, s, "kommentar"), partUser(t, s, "moderator")
	i := partIdea(t, s, sp, nil, "Wochenmarkt", 0)
	add := func(body, state string, parent *int64, at time.Duration) *participation.Comment {
		c := &participation.Comment{IdeaID: i.ID, ParentID: parent, AuthorID: &u.ID, AuthorName: "Kommentator", Body: body,
			Moderation: state, CreatedAt: t0.Add(at)}
		must(t, ps.AddComment(ctx, c, participation.Effects{}))
		return c
	}
	c1 := add("Gute Idee", participation.Published, nil, time.Minute)
	c2 := add("Finde ich auch", participation.Published, &c1.ID, 2*time.Minute)
	c3 := add("Wartet auf Freigabe", participation.Pending, nil, 3*time.Minute)
	official := &participation.Comment{IdeaID: i.ID, AuthorID: &mod.ID, AuthorName: "Stadt Jena", Official: true, Body: "Wir prüfen.",
		CreatedAt: t0.Add(4 * time.Minute)}
	must(t, ps.AddComment(ctx, official, participation.Effects{Events: []processlog.Event{ideaEvent(i.ID, "official_comment", t0)}}))
	if official.Moderation != participation.Published {
		t.Errorf("comment without state stored as %q", official.Moderation)
	}
	comments := func() int { return findIdea(t, s, i.ID).Comments }
	if n := comments(); n != 3 {
		t.Errorf("comments = %d, want 3 published", n)
	}
	got, err := ps.FindComment(ctx, c2.ID)
	must(t, err)
	want := *c2
	want.CreatedAt = want.CreatedAt.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindComment (-want +got):\n%s", d)
	}
	list := func(all bool) []int64 {
		cs, err := ps.FindComments(ctx, i.ID, all)
		must(t, err)
		var ids []int64
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		return ids
	}
	if ids := list(false); !equalIDs(ids, []int64{c1.ID, c2.ID, official.ID}) {
		t.Errorf("public comments = %v", ids)
	}
	if ids := list(true); !equalIDs(ids, []int64{c1.ID, c2.ID, c3.ID, official.ID}) {
		t.Errorf("all comments = %v", ids)
	}

	moderate := func(id int64, state, reason, outcome string) {
		t.Helper()
		must(t, ps.Moderate(ctx, participation.TargetComment, id, state, reason, &mod.ID, outcome, t0.Add(time.Hour), participation.Effects{}))
	}
	moderate(c3.ID, participation.Published, "", "kept")
	if n := comments(); n != 4 {
		t.Errorf("after approving: %d comments, want 4", n)
	}
	moderate(c1.ID, participation.Hidden, "Beleidigend", "hidden")
	if n := comments(); n != 3 {
		t.Errorf("after hiding: %d comments, want 3", n)
	}
	moderate(c1.ID, participation.Hidden, "Beleidigend", "hidden")
	if n := comments(); n != 3 {
		t.Errorf("after hiding twice: %d comments, want 3", n)
	}
	if c, _ := ps.FindComment(ctx, c1.ID); c.Moderation != participation.Hidden || c.HiddenReason != "Beleidigend" {
		t.Errorf("hidden comment = %+v", c)
	}
	if _, err := ps.FindComment(ctx, 99999); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindComment missing = %v", err)
	}
	err = ps.AddComment(ctx, &participation.Comment{IdeaID: 99999, Body: "x", CreatedAt: t0}, participation.Effects{})
	wantKey(t, "comment on a missing idea", err, fault.NotFound, "error.not_found")
	err = ps.Moderate(ctx, participation.TargetComment, 99999, participation.Hidden, "x", &mod.ID, "hidden", t0, participation.Effects{})
	wantKey(t, "moderating a missing comment", err, fault.NotFound, "error.not_found")
}

func testPartReports(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp, other := partSpace(t, s, "reports"), partSpace(t, s, "reports-other")
	u, mod := partUser(t, s, "melder"), partUser(t, s, "moderatorin")
	i, j := partIdea(t, s, sp, nil, "Gemeldet", 0), partIdea(t, s, other, nil, "Anderswo", 0)
	c := &participation.Comment{IdeaID: i.ID, AuthorName: "x", Body: "Spam", CreatedAt: t0}
	must(t, ps.AddComment(ctx, c, participation.Effects{}))
	reports := []*participation.Report{
		{Target: participation.TargetIdea, TargetID: i.ID, ReporterID: &u.ID, Reason: "offensive", Note: "unfreundlich", At: t0},
		{Target: participation.TargetIdea, TargetID: i.ID, Reason: "auto:links", At: t0.Add(time.Minute)},
		{Target: participation.TargetComment, TargetID: c.ID, ReporterID: &u.ID, Reason: "spam", At: t0.Add(2 * time.Minute)},
		{Target: participation.TargetIdea, TargetID: j.ID, ReporterID: &u.ID, Reason: "other", At: t0.Add(3 * time.Minute)},
	}
	for _, r := range reports {
		must(t, ps.AddReport(ctx, r))
	}
	ids := func(f participation.ReportFilter) []int64 {
		rs, err := ps.FindReports(ctx, f)
		must(t, err)
		var out []int64
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	if got := ids(participation.ReportFilter{SpaceID: sp.ID, Open: true}); !equalIDs(got, []int64{reports[2].ID, reports[1].ID, reports[0].ID}) {
		t.Errorf("open reports of the space = %v", got)
	}
	fx := participation.Effects{Events: []processlog.Event{ideaEvent(i.ID, "moderated_hidden", t0)}}
	must(t, ps.Moderate(ctx, participation.TargetIdea, i.ID, participation.Hidden, "Beleidigend", &mod.ID, "hidden", t0.Add(time.Hour), fx))
	got := findIdea(t, s, i.ID)
	if got.Moderation != participation.Hidden || got.HiddenReason != "Beleidigend" || got.Version != 1 {
		t.Errorf("hidden idea = %+v", got)
	}
	if got := ids(participation.ReportFilter{SpaceID: sp.ID, Open: true}); !equalIDs(got, []int64{reports[2].ID}) {
		t.Errorf("open reports after hiding the idea = %v, want the comment's", got)
	}
	rs, err := ps.FindReports(ctx, participation.ReportFilter{SpaceID: sp.ID, Limit: 10})
	must(t, err)
	if len(rs) != 3 || rs[2].ResolvedAt == nil || rs[2].ResolvedBy == nil || *rs[2].ResolvedBy != mod.ID || rs[2].Outcome != "hidden" ||
		rs[2].Note != "unfreundlich" || rs[1].ReporterID != nil {
		t.Errorf("reports = %+v", rs)
	}
	if got := ids(participation.ReportFilter{Open: true, Limit: 1}); !equalIDs(got, []int64{reports[3].ID}) {
		t.Errorf("newest open report anywhere = %v", got)
	}
	if evs := ideaEvents(t, s, i.ID); len(evs) != 1 || evs[0] != "moderated_hidden" {
		t.Errorf("events = %v", evs)
	}
	err = ps.Moderate(ctx, participation.TargetIdea, 99999, participation.Hidden, "x", &mod.ID, "hidden", t0, participation.Effects{})
	wantKey(t, "moderating a missing idea", err, fault.NotFound, "error.not_found")
}

func testPartMerge(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "merge") // threshold 3
	a, b, c, d := partUser(t, s, "a"), partUser(t, s, "b"), partUser(t, s, "c"), partUser(t, s, "d")
	from, into := partIdea(t, s, sp, nil, "Duplikat", 0), partIdea(t, s, sp, nil, "Original", time.Minute)
	for _, u := range []int64{a.ID, b.ID} {
		_, _, err := ps.Support(ctx, from.ID, u, t0, nil)
		must(t, err)
	}
	_, _, err := ps.Support(ctx, into.ID, b.ID, t0, nil)
	must(t, err)
	for _, v := range []struct{ idea, user int64 }{{from.ID, c.ID}, {from.ID, d.ID}, {into.ID, d.ID}} {
		_, err := ps.Vote(ctx, sp.ID, v.idea, v.user, 2, t0)
		must(t, err)
	}
	must(t, ps.Follow(ctx, from.ID, a.ID, true))
	must(t, ps.Follow(ctx, from.ID, c.ID, true))
	must(t, ps.Follow(ctx, into.ID, c.ID, true))
	for n, state := range []string{participation.Published, participation.Hidden} {
		must(t, ps.AddComment(ctx, &participation.Comment{IdeaID: from.ID, AuthorName: "x", Body: "Kommentar", Moderation: state,
			CreatedAt: t0.Add(time.Duration(n) * time.Minute)}, participation.Effects{}))
	}
	must(t, ps.AddComment(ctx, &participation.Comment{IdeaID: into.ID, AuthorName: "y", Body: "Original-Kommentar", CreatedAt: t0}, participation.Effects{}))

	at := t0.Add(time.Hour)
	must(t, ps.MergeIdeas(ctx, from.ID, into.ID, at, participation.Effects{Events: []processlog.Event{ideaEvent(from.ID, "merged", at)}}))
	f, got := findIdea(t, s, from.ID), findIdea(t, s, into.ID)
	if f.Moderation != participation.Merged || f.MergedInto == nil || *f.MergedInto != into.ID || f.Supports != 0 || f.Comments != 0 || f.Votes != 0 {
		t.Errorf("merged idea = %+v", f)
	}
	if got.Supports != 2 || got.Votes != 2 || got.Comments != 2 {
		t.Errorf("into: %d supports, %d votes, %d comments; want 2 (a, b once), 2 (c, d once), 2 published", got.Supports, got.Votes, got.Comments)
	}
	if got.ThresholdAt != nil {
		t.Errorf("into reached the threshold with 2 of 3: %v", got.ThresholdAt)
	}
	for _, u := range []int64{a.ID, b.ID} {
		if ok, _ := ps.Supported(ctx, into.ID, u); !ok {
			t.Errorf("account %d does not support into", u)
		}
	}
	followers, err := ps.Followers(ctx, into.ID)
	must(t, err)
	if !equalIDs(followers, []int64{a.ID, c.ID}) {
		t.Errorf("followers of into = %v, want a and c", followers)
	}
	if votes, _ := ps.VotesOf(ctx, sp.ID, d.ID); !equalIDs(votes, []int64{into.ID}) {
		t.Errorf("d's votes = %v, want into once", votes)
	}
	cs, err := ps.FindComments(ctx, into.ID, true)
	if err != nil || len(cs) != 3 {
		t.Errorf("comments of into = %d, %v, want 3", len(cs), err)
	}
	if evs := ideaEvents(t, s, from.ID); len(evs) != 1 {
		t.Errorf("events = %v", evs)
	}

	// Merging the supports of a third idea carries into over the threshold.
	third := partIdea(t, s, sp, nil, "Noch ein Duplikat", 2*time.Minute)
	_, _, err = ps.Support(ctx, third.ID, c.ID, t0, nil)
	must(t, err)
	later := t0.Add(2 * time.Hour)
	must(t, ps.MergeIdeas(ctx, third.ID, into.ID, later, participation.Effects{}))
	if got := findIdea(t, s, into.ID); got.Supports != 3 || got.ThresholdAt == nil || !got.ThresholdAt.Equal(later.Truncate(time.Microsecond)) || got.AnswerDue == nil {
		t.Errorf("into after the second merge: %d supports, threshold %v, due %v", got.Supports, got.ThresholdAt, got.AnswerDue)
	}
	wantKey(t, "merging a missing idea", ps.MergeIdeas(ctx, 99999, into.ID, at, participation.Effects{}), fault.NotFound, "error.not_found")
}
