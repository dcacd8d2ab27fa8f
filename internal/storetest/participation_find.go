package storetest

import (
	"testing"
	"time"

	"rathaus/internal/participation"
)

// ideaIDs runs FindIdeas and returns the ids of the page and the total.
func ideaIDs(t *testing.T, s Stores, f participation.IdeaFilter) ([]int64, int) {
	t.Helper()
	ideas, total, err := partStore(t, s).FindIdeas(ctx, f)
	if err != nil {
		t.Fatalf("FindIdeas %+v: %v", f, err)
	}
	var ids []int64
	for _, i := range ideas {
		ids = append(ids, i.ID)
	}
	return ids, total
}

func testPartFindIdeas(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp, other := partSpace(t, s, "find"), partSpace(t, s, "find-other")
	a, b, c := partUser(t, s, "anna"), partUser(t, s, "bert"), partUser(t, s, "cora")
	day := 24 * time.Hour
	svc := int64(7)
	i1 := &participation.Idea{SpaceID: sp.ID, Title: "Radweg am Markt", Body: "Sicher fahren", Category: "Verkehr", AuthorID: &a.ID,
		AuthorName: "Anna", CreatedAt: t0, AnswerDue: ptr(t0.Add(2 * day))}
	i2 := &participation.Idea{SpaceID: sp.ID, Title: "Formulare ÜBERALL online", Body: "100% digital_", Category: "Digitales",
		ServiceID: &svc, AuthorID: &b.ID, AuthorName: "Bert", Status: participation.StatusPlanned, CreatedAt: t0.Add(time.Hour),
		AnswerDue: ptr(t0.Add(day)), AnsweredAt: ptr(t0.Add(12 * time.Hour))}
	i3 := &participation.Idea{SpaceID: sp.ID, Title: "Bäume pflanzen", Body: "Schatten", Moderation: participation.Pending, CreatedAt: t0.Add(2 * time.Hour)}
	i4 := &participation.Idea{SpaceID: sp.ID, Title: "Beleidigung", Body: "…", Moderation: participation.Hidden, HiddenReason: "Beleidigend",
		CreatedAt: t0.Add(3 * time.Hour)}
	i5 := &participation.Idea{SpaceID: other.ID, Title: "Radweg woanders", Body: "Anderswo", CreatedAt: t0.Add(4 * time.Hour)}
	for _, i := range []*participation.Idea{i1, i2, i3, i4, i5} {
		must(t, ps.CreateIdea(ctx, i, participation.Effects{}))
	}
	for _, u := range []int64{b.ID, c.ID} {
		_, _, err := ps.Support(ctx, i1.ID, u, t0, nil)
		must(t, err)
	}
	must(t, ps.AddComment(ctx, &participation.Comment{IdeaID: i2.ID, AuthorID: &c.ID, AuthorName: "Cora", Body: "Ja!", CreatedAt: t0}, participation.Effects{}))
	_, err := ps.Vote(ctx, sp.ID, i1.ID, c.ID, 2, t0)
	must(t, err)
	must(t, ps.Follow(ctx, i2.ID, a.ID, true))

	for _, tc := range []struct {
		name  string
		f     participation.IdeaFilter
		want  []int64
		total int
	}{
		{"published, newest first", participation.IdeaFilter{SpaceID: sp.ID}, []int64{i2.ID, i1.ID}, 2},
		{"all spaces", participation.IdeaFilter{Query: "radweg"}, []int64{i5.ID, i1.ID}, 2},
		{"most supported", participation.IdeaFilter{SpaceID: sp.ID, Sort: participation.SortSupports}, []int64{i1.ID, i2.ID}, 2},
		{"most discussed", participation.IdeaFilter{SpaceID: sp.ID, Sort: participation.SortComments}, []int64{i2.ID, i1.ID}, 2},
		{"most votes", participation.IdeaFilter{SpaceID: sp.ID, Sort: participation.SortVotes}, []int64{i1.ID, i2.ID}, 2},
		{"due soonest", participation.IdeaFilter{SpaceID: sp.ID, Sort: participation.SortDue}, []int64{i2.ID, i1.ID}, 2},
		{"status", participation.IdeaFilter{SpaceID: sp.ID, Statuses: []string{participation.StatusPlanned, participation.StatusDone}}, []int64{i2.ID}, 1},
		{"category", participation.IdeaFilter{SpaceID: sp.ID, Category: "Digitales"}, []int64{i2.ID}, 1},
		{"service", participation.IdeaFilter{ServiceID: svc}, []int64{i2.ID}, 1},
		{"author", participation.IdeaFilter{AuthorID: &a.ID}, []int64{i1.ID}, 1},
		{"followed", participation.IdeaFilter{FollowerID: &a.ID}, []int64{i2.ID}, 1},
		{"moderation", participation.IdeaFilter{SpaceID: sp.ID, Moderation: []string{participation.Pending, participation.Hidden}}, []int64{i4.ID, i3.ID}, 2},
		{"query in any case", participation.IdeaFilter{SpaceID: sp.ID, Query: " überall "}, []int64{i2.ID}, 1},
		{"query in body", participation.IdeaFilter{SpaceID: sp.ID, Query: "SICHER"}, []int64{i1.ID}, 1},
		{"query wildcards literal", participation.IdeaFilter{SpaceID: sp.ID, Query: "0% digital_"}, []int64{i2.ID}, 1},
		{"query wildcard no match", participation.IdeaFilter{SpaceID: sp.ID, Query: "r_dweg"}, nil, 0},
		{"query pending", participation.IdeaFilter{SpaceID: sp.ID, Query: "bäume", Moderation: []string{participation.Pending}}, []int64{i3.ID}, 1},
		{"answer overdue", participation.IdeaFilter{SpaceID: sp.ID, AnswerOverdue: ptr(t0.Add(3 * day))}, []int64{i1.ID}, 1},
		{"answer not yet due", participation.IdeaFilter{SpaceID: sp.ID, AnswerOverdue: ptr(t0.Add(day))}, nil, 0},
		{"page", participation.IdeaFilter{SpaceID: sp.ID, Limit: 1, Offset: 1}, []int64{i1.ID}, 2},
	} {
		got, total := ideaIDs(t, s, tc.f)
		if !equalIDs(got, tc.want) || total != tc.total {
			t.Errorf("%s: ids %v total %d, want %v total %d", tc.name, got, total, tc.want, tc.total)
		}
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
