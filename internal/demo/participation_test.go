package demo_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/participation"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// TestSeedParticipation: the demo's ideas space shows ideas in every
// status, answered in time, late and overdue, with hidden comments, a
// merged duplicate and work in the moderation queue; the process is in
// its prioritising phase with votes; nothing lies in the future; a second
// start adds nothing; both engines hold the same figures.
func TestSeedParticipation(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	prints := map[string]string{}
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			clock := func() time.Time { return now }
			orgs := &org.Service{Store: db, Audit: db, Now: clock}
			if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: clock}, orgs); err != nil {
				t.Fatal(err)
			}
			svc := &participation.Service{Store: db, Accounts: db, Orgs: orgs, Audit: db, T: tr, Now: clock}
			start := time.Now()
			n, err := demo.SeedParticipation(ctx, svc, db, now)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: seeded %d ideas in %v", name, n, took.Round(time.Millisecond))
			if n < 60 {
				t.Errorf("ideas = %d, want at least 60", n)
			}
			checkIdeasSpace(t, svc, db, now)
			checkProcess(t, svc, db, now)
			prints[name] = fingerprint(t, db)
			if again, err := demo.SeedParticipation(ctx, svc, db, now); err != nil || again != 0 {
				t.Errorf("second seed = %d, %v; want 0, nil", again, err)
			}
			if fp := fingerprint(t, db); fp != prints[name] {
				t.Errorf("second seed changed the data:\n%s\n%s", prints[name], fp)
			}
		})
	}
	if len(prints) == 2 && prints["sqlite"] != prints["postgres"] {
		t.Errorf("engines differ:\nsqlite   %s\npostgres %s", prints["sqlite"], prints["postgres"])
	}
}

func actor(t *testing.T, db *sqlstore.DB, email string) org.Actor {
	t.Helper()
	u, err := db.FindUserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return org.Actor{UserID: u.ID}
}

func checkIdeasSpace(t *testing.T, svc *participation.Service, db *sqlstore.DB, now time.Time) {
	t.Helper()
	ctx := context.Background()
	sp, err := svc.Space(ctx, demo.IdeasSlug)
	if err != nil {
		t.Fatal(err)
	}
	if sp.SupportThreshold != 25 || sp.AnswerDays != 30 || sp.Moderation != participation.PostModeration {
		t.Errorf("space: threshold %d, days %d, moderation %s", sp.SupportThreshold, sp.AnswerDays, sp.Moderation)
	}
	mod, worker := actor(t, db, demo.Accounts[4].Email), actor(t, db, demo.Accounts[2].Email)
	if !svc.MayModerate(ctx, mod, sp) || !svc.MayAnswer(ctx, worker, sp) {
		t.Errorf("the demo moderator moderates: %v; the demo case worker answers: %v", svc.MayModerate(ctx, mod, sp), svc.MayAnswer(ctx, worker, sp))
	}
	all, total, err := db.FindIdeas(ctx, participation.IdeaFilter{SpaceID: sp.ID, Limit: 500,
		Moderation: []string{participation.Published, participation.Pending, participation.Hidden, participation.Merged}})
	if err != nil || total != len(all) {
		t.Fatalf("ideas: %d of %d, %v", len(all), total, err)
	}
	byState := map[string]int{}
	statuses := map[string]int{}
	withAnswer := 0
	for _, i := range all {
		byState[i.Moderation]++
		if i.Moderation == participation.Published {
			statuses[i.Status]++
			if i.Answer != "" {
				withAnswer++
			}
		}
		for what, at := range map[string]*time.Time{"created": &i.CreatedAt, "threshold": i.ThresholdAt, "answered": i.AnsweredAt, "updated": &i.UpdatedAt} {
			if at != nil && !at.Before(now) {
				t.Errorf("idea %q: %s at %v, not before now", i.Title, what, at)
			}
		}
		if i.CreatedAt.Before(now.AddDate(0, -7, 0)) {
			t.Errorf("idea %q: created %v, more than six months ago", i.Title, i.CreatedAt)
		}
	}
	for _, st := range participation.Statuses {
		if statuses[st] == 0 {
			t.Errorf("no published idea in status %s: %v", st, statuses)
		}
	}
	if byState[participation.Merged] != 1 || byState[participation.Pending] != 1 || byState[participation.Hidden] != 1 {
		t.Errorf("moderation states = %v, want one merged, one pending, one hidden", byState)
	}
	st, err := svc.Stats(ctx, sp.ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats: %d ideas, %d supports, %d comments, due %d, in time %d, late %d, overdue %d, median %.1f days, %v",
		st.Ideas, st.Supports, st.Comments, st.Due, st.AnsweredInTime, st.AnsweredLate, st.Overdue, st.MedianAnswerDays, st.ByStatus)
	if st.Due != 10 || st.AnsweredInTime != 6 || st.AnsweredLate != 2 || st.Overdue != 1 || st.MedianAnswerDays <= 0 {
		t.Errorf("stats: due %d, in time %d, late %d, overdue %d, median %.1f; want 10, 6, 2, 1, > 0",
			st.Due, st.AnsweredInTime, st.AnsweredLate, st.Overdue, st.MedianAnswerDays)
	}
	if st.Supports < 700 || st.Comments < 150 || withAnswer < 15 {
		t.Errorf("supports %d, comments %d, answered ideas %d: too quiet", st.Supports, st.Comments, withAnswer)
	}
	checkComments(t, db, all, now)
	reports, pending, err := svc.Queue(ctx, mod, sp.ID)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, r := range reports {
		reasons = append(reasons, r.Reason)
	}
	slices.Sort(reasons)
	if len(pending) != 1 || !slices.Equal(reasons, []string{"auto:links", "off_topic", "offensive"}) {
		t.Errorf("queue: %d pending, reports %v; want 1 and [auto:links off_topic offensive]", len(pending), reasons)
	}
	erika := actor(t, db, demo.Accounts[0].Email).UserID
	mine, _, err := svc.Ideas(ctx, participation.IdeaFilter{SpaceID: sp.ID, AuthorID: &erika})
	if err != nil || len(mine) != 1 || mine[0].Answer == "" {
		t.Errorf("the demo citizen's ideas: %d, %v; want one with an answer", len(mine), err)
	}
}

// checkComments: threads, official comments, hidden ones with reasons,
// all written in the past.
func checkComments(t *testing.T, db *sqlstore.DB, ideas []*participation.Idea, now time.Time) {
	t.Helper()
	var replies, official, hidden int
	for _, i := range ideas {
		cs, err := db.FindComments(context.Background(), i.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		written := map[int64]time.Time{}
		for _, c := range cs {
			written[c.ID] = c.CreatedAt
			if c.ParentID != nil {
				replies++
				if at, ok := written[*c.ParentID]; !ok || !c.CreatedAt.After(at) {
					t.Errorf("idea %q: reply %d before the comment it answers", i.Title, c.ID)
				}
			}
			if c.Official {
				official++
			}
			if c.Moderation == participation.Hidden {
				hidden++
				if c.HiddenReason == "" {
					t.Errorf("hidden comment %d without a reason", c.ID)
				}
			}
			if !c.CreatedAt.Before(now) {
				t.Errorf("comment %d at %v, not before now", c.ID, c.CreatedAt)
			}
		}
	}
	if replies < 20 || official < 3 || hidden != 3 {
		t.Errorf("comments: %d replies, %d official, %d hidden; want >= 20, >= 3, 3", replies, official, hidden)
	}
}

func checkProcess(t *testing.T, svc *participation.Service, db *sqlstore.DB, now time.Time) {
	t.Helper()
	ctx := context.Background()
	sp, err := svc.Space(ctx, demo.ProcessSlug)
	if err != nil {
		t.Fatal(err)
	}
	if participation.CurrentPhase(sp, now) != participation.PhasePrioritising || sp.VotesPerPerson != 3 {
		t.Fatalf("process: phase %q, %d votes per person", participation.CurrentPhase(sp, now), sp.VotesPerPerson)
	}
	for _, p := range sp.Phases {
		if p.Kind == participation.PhasePrioritising {
			if left := p.To.Sub(now); left < 9*24*time.Hour || left > 12*24*time.Hour {
				t.Errorf("prioritising ends in %v, want about ten days", left)
			}
		}
	}
	ideas, _, err := svc.Ideas(ctx, participation.IdeaFilter{SpaceID: sp.ID, Sort: participation.SortVotes, Limit: 50})
	if err != nil || len(ideas) != 12 {
		t.Fatalf("process ideas = %d, %v; want 12", len(ideas), err)
	}
	votes := 0
	for _, i := range ideas {
		votes += i.Votes
	}
	if votes < 100 || ideas[0].Votes <= ideas[len(ideas)-1].Votes {
		t.Errorf("votes: %d in all, most %d, least %d", votes, ideas[0].Votes, ideas[len(ideas)-1].Votes)
	}
	erika := actor(t, db, demo.Accounts[0].Email).UserID
	if mine, err := db.VotesOf(ctx, sp.ID, erika); err != nil || len(mine) != 0 {
		t.Errorf("the demo citizen's votes = %v, %v; want none left used", mine, err)
	}
	mod := actor(t, db, demo.Accounts[4].Email)
	if !svc.MayModerate(ctx, mod, sp) || !svc.MayAnswer(ctx, actor(t, db, demo.Accounts[3].Email), sp) {
		t.Error("the demo moderator must moderate and the service owner answer the process")
	}
}

// fingerprint sums up the seeded data: per space the ideas' titles with
// supports, comments, votes and status.
func fingerprint(t *testing.T, db *sqlstore.DB) string {
	t.Helper()
	ctx := context.Background()
	spaces, err := db.FindSpaces(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := fmt.Sprint(len(spaces), " spaces")
	for _, sp := range spaces {
		ideas, _, err := db.FindIdeas(ctx, participation.IdeaFilter{SpaceID: sp.ID, Limit: 500, Sort: participation.SortSupports,
			Moderation: []string{participation.Published, participation.Pending, participation.Hidden, participation.Merged}})
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range ideas {
			out += fmt.Sprintf("; %s %d/%d/%d %s", i.Title, i.Supports, i.Comments, i.Votes, i.Status)
		}
	}
	return out
}
