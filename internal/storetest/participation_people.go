package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/participation"
)

func testPartFollow(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "follow")
	u, v := partUser(t, s, "folgt"), partUser(t, s, "folgtauch")
	i := partIdea(t, s, sp, nil, "Folgen", 0)
	for range 2 {
		must(t, ps.Follow(ctx, i.ID, u.ID, true))
	}
	must(t, ps.Follow(ctx, i.ID, v.ID, true))
	if ok, err := ps.Following(ctx, i.ID, u.ID); !ok || err != nil {
		t.Errorf("Following = %v, %v", ok, err)
	}
	if ids, err := ps.Followers(ctx, i.ID); err != nil || !equalIDs(ids, []int64{u.ID, v.ID}) {
		t.Errorf("Followers = %v, %v", ids, err)
	}
	for range 2 {
		must(t, ps.Follow(ctx, i.ID, u.ID, false))
	}
	if ok, err := ps.Following(ctx, i.ID, u.ID); ok || err != nil {
		t.Errorf("Following after ending = %v, %v", ok, err)
	}
	if ids, _ := ps.Followers(ctx, i.ID); !equalIDs(ids, []int64{v.ID}) {
		t.Errorf("Followers after ending = %v", ids)
	}
	wantKey(t, "following a missing idea", ps.Follow(ctx, 99999, u.ID, true), fault.NotFound, "error.not_found")
}

func testPartProfiles(t *testing.T, s Stores) {
	ps := partStore(t, s)
	u, v := partUser(t, s, "profil"), partUser(t, s, "profil2")
	if _, err := ps.FindProfile(ctx, u.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindProfile without one = %v, want NotFound", err)
	}
	p := &participation.Profile{UserID: u.ID, Pseudonym: "Saalenixe", UpdatedAt: t0}
	must(t, ps.SaveProfile(ctx, p))
	got, err := ps.FindProfile(ctx, u.ID)
	must(t, err)
	if d := cmp.Diff(&participation.Profile{UserID: u.ID, Pseudonym: "Saalenixe", UpdatedAt: t0.Truncate(time.Microsecond)}, got); d != "" {
		t.Errorf("profile (-want +got):\n%s", d)
	}
	for _, name := range []string{"saalenixe", "SAALENIXE", "SaaleNixe"} {
		if taken, err := ps.PseudonymTaken(ctx, name, v.ID); !taken || err != nil {
			t.Errorf("PseudonymTaken(%q) for another = %v, %v", name, taken, err)
		}
	}
	if taken, err := ps.PseudonymTaken(ctx, "SAALENIXE", u.ID); taken || err != nil {
		t.Errorf("own pseudonym in another case counts as taken: %v, %v", taken, err)
	}
	err = ps.SaveProfile(ctx, &participation.Profile{UserID: v.ID, Pseudonym: "SAALENIXE", UpdatedAt: t0})
	f := fault.As(err)
	if f == nil || f.Kind != fault.Invalid || len(f.Fields) != 1 || f.Fields[0].Key != "error.participation.pseudonym_taken" {
		t.Errorf("SaveProfile with a taken name in another case = %v", err)
	}
	if taken, _ := ps.PseudonymTaken(ctx, "Ölmühle", v.ID); taken {
		t.Error("a free name is taken")
	}
	must(t, ps.SaveProfile(ctx, &participation.Profile{UserID: v.ID, Pseudonym: "Ölmühle", UpdatedAt: t0}))
	if taken, _ := ps.PseudonymTaken(ctx, "ÖLMÜHLE", u.ID); !taken {
		t.Error("umlauts are not compared case-insensitively")
	}
	// Renaming frees the old name.
	must(t, ps.SaveProfile(ctx, &participation.Profile{UserID: u.ID, Pseudonym: "saalenixe2", UpdatedAt: t0.Add(time.Hour)}))
	if got, _ := ps.FindProfile(ctx, u.ID); got.Pseudonym != "saalenixe2" {
		t.Errorf("renamed profile = %+v", got)
	}
	if taken, _ := ps.PseudonymTaken(ctx, "Saalenixe", v.ID); taken {
		t.Error("old name still taken after renaming")
	}
}

func testPartDeleteAccount(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "delete") // threshold 3
	gone, stays, third := partUser(t, s, "geht"), partUser(t, s, "bleibt"), partUser(t, s, "dritte")
	must(t, ps.SaveProfile(ctx, &participation.Profile{UserID: gone.ID, Pseudonym: "Weggeher", UpdatedAt: t0}))
	own := partIdea(t, s, sp, gone, "Meine Idee", 0)
	other := partIdea(t, s, sp, stays, "Andere Idee", time.Minute)
	for _, u := range []int64{gone.ID, stays.ID, third.ID} {
		_, _, err := ps.Support(ctx, other.ID, u, t0, nil)
		must(t, err)
	}
	_, _, err := ps.Support(ctx, own.ID, stays.ID, t0, nil)
	must(t, err)
	_, err = ps.Vote(ctx, sp.ID, other.ID, gone.ID, 2, t0)
	must(t, err)
	must(t, ps.Follow(ctx, other.ID, gone.ID, true))
	c := &participation.Comment{IdeaID: other.ID, AuthorID: &gone.ID, AuthorName: "Weggeher", Body: "Dafür!", CreatedAt: t0}
	must(t, ps.AddComment(ctx, c, participation.Effects{}))
	must(t, ps.AddReport(ctx, &participation.Report{Target: participation.TargetIdea, TargetID: other.ID, ReporterID: &gone.ID, Reason: "spam", At: t0}))

	must(t, s.DeleteUser(ctx, gone.ID))

	g := findIdea(t, s, own.ID)
	if g.AuthorID != nil || g.AuthorName != own.AuthorName || g.Supports != 1 {
		t.Errorf("the deleted account's idea: author %v %q, %d supports; want nil, %q, 1", g.AuthorID, g.AuthorName, g.Supports, own.AuthorName)
	}
	o := findIdea(t, s, other.ID)
	if o.Supports != 2 || o.Votes != 0 || o.Comments != 1 || o.ThresholdAt == nil {
		t.Errorf("other idea: %d supports, %d votes, %d comments, threshold %v; want 2, 0, 1, still reached", o.Supports, o.Votes, o.Comments, o.ThresholdAt)
	}
	if ok, _ := ps.Supported(ctx, other.ID, gone.ID); ok {
		t.Error("the deleted account's support stays")
	}
	if ids, _ := ps.Followers(ctx, other.ID); len(ids) != 0 {
		t.Errorf("followers = %v, want none", ids)
	}
	cm, err := ps.FindComment(ctx, c.ID)
	if err != nil || cm.AuthorID != nil || cm.AuthorName != "Weggeher" {
		t.Errorf("the deleted account's comment = %+v, %v", cm, err)
	}
	if _, err := ps.FindProfile(ctx, gone.ID); !fault.Is(err, fault.NotFound) {
		t.Errorf("profile after deletion = %v, want NotFound", err)
	}
	if taken, _ := ps.PseudonymTaken(ctx, "Weggeher", stays.ID); taken {
		t.Error("the deleted account's pseudonym is still taken")
	}
	rs, err := ps.FindReports(ctx, participation.ReportFilter{SpaceID: sp.ID})
	if err != nil || len(rs) != 1 || rs[0].ReporterID != nil {
		t.Errorf("reports = %+v, %v; want one without reporter", rs, err)
	}
	// The counts stay exact afterwards.
	after, added, err := ps.Support(ctx, other.ID, partUser(t, s, "neu").ID, t0, nil)
	if err != nil || !added || after.Supports != 3 {
		t.Errorf("support after deletion = %d supports, %v, %v; want 3", after.Supports, added, err)
	}
}

func testPartCountRecent(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "recent")
	u, v := partUser(t, s, "viel"), partUser(t, s, "wenig")
	partIdea(t, s, sp, u, "Eins", 0)
	later := partIdea(t, s, sp, u, "Zwei", time.Hour)
	partIdea(t, s, sp, v, "Fremd", time.Hour)
	for _, at := range []time.Duration{30 * time.Minute, 2 * time.Hour} {
		must(t, ps.AddComment(ctx, &participation.Comment{IdeaID: later.ID, AuthorID: &u.ID, AuthorName: "Viel", Body: "x",
			Moderation: participation.Pending, CreatedAt: t0.Add(at)}, participation.Effects{}))
	}
	for _, tc := range []struct {
		since           time.Time
		ideas, comments int
	}{{t0, 2, 2}, {t0.Add(time.Hour), 1, 1}, {t0.Add(3 * time.Hour), 0, 0}} {
		ideas, comments, err := ps.CountRecent(ctx, u.ID, tc.since)
		if err != nil || ideas != tc.ideas || comments != tc.comments {
			t.Errorf("CountRecent since %v = %d, %d, %v; want %d, %d", tc.since, ideas, comments, err, tc.ideas, tc.comments)
		}
	}
}

func testPartStats(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "stats")
	day := 24 * time.Hour
	mk := func(status, moderation string, threshold, answered *time.Time) *participation.Idea {
		i := &participation.Idea{SpaceID: sp.ID, Title: "Idee", Body: "Text", Status: status, Moderation: moderation, CreatedAt: t0,
			ThresholdAt: threshold, AnsweredAt: answered}
		if threshold != nil {
			i.AnswerDue = ptr(threshold.Add(14 * day))
		}
		must(t, ps.CreateIdea(ctx, i, participation.Effects{}))
		return i
	}
	plain := mk(participation.StatusReceived, participation.Published, nil, nil)
	mk(participation.StatusPlanned, participation.Published, ptr(t0), ptr(t0.Add(2*day))) // in time, 2 days
	mk(participation.StatusReview, participation.Published, ptr(t0), ptr(t0.Add(5*day)))  // in time, 5 days
	mk(participation.StatusDone, participation.Published, ptr(t0), ptr(t0.Add(20*day)))   // late, 20 days
	mk(participation.StatusReceived, participation.Published, ptr(t0), nil)               // overdue
	mk(participation.StatusReceived, participation.Published, ptr(t0.Add(25*day)), nil)   // due, not yet overdue
	mk(participation.StatusReceived, participation.Hidden, ptr(t0), nil)                  // not counted
	mk(participation.StatusReceived, participation.Pending, nil, nil)                     // not counted
	for range 2 {
		_, _, err := ps.Support(ctx, plain.ID, partUser(t, s, "stat").ID, t0, nil)
		must(t, err)
	}
	must(t, ps.AddComment(ctx, &participation.Comment{IdeaID: plain.ID, AuthorName: "x", Body: "x", CreatedAt: t0}, participation.Effects{}))
	must(t, ps.AddComment(ctx, &participation.Comment{IdeaID: plain.ID, AuthorName: "x", Body: "x", Moderation: participation.Pending, CreatedAt: t0}, participation.Effects{}))

	got, err := ps.SpaceStats(ctx, sp.ID, t0.Add(30*day))
	must(t, err)
	want := &participation.Stats{Ideas: 6, ByStatus: map[string]int{participation.StatusReceived: 3, participation.StatusPlanned: 1,
		participation.StatusReview: 1, participation.StatusDone: 1}, Supports: 2, Comments: 1, Due: 5, AnsweredInTime: 2,
		AnsweredLate: 1, Overdue: 1, MedianAnswerDays: 5}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("stats (-want +got):\n%s", d)
	}
	empty := partSpace(t, s, "stats-empty")
	got, err = ps.SpaceStats(ctx, empty.ID, t0)
	if err != nil || got.Ideas != 0 || got.MedianAnswerDays != 0 {
		t.Errorf("empty stats = %+v, %v", got, err)
	}
	if _, err := ps.SpaceStats(ctx, 99999, t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("stats of a missing space = %v", err)
	}
}
