package storetest

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/participation"
	"rathaus/internal/processlog"
)

// partStore is the participation part of a store; Stores implementations
// provide it.
func partStore(t testing.TB, s Stores) participation.Store {
	t.Helper()
	ps, ok := s.(participation.Store)
	if !ok {
		t.Fatalf("%T is no participation.Store", s)
	}
	return ps
}

// testParticipation runs the participation store's tests on one database;
// each uses its own spaces and accounts.
func testParticipation(t *testing.T, s Stores) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, Stores)
	}{
		{"Spaces", testPartSpaces},
		{"Ideas", testPartIdeas},
		{"FindIdeas", testPartFindIdeas},
		{"Support", testPartSupport},
		{"Threshold", testPartThreshold},
		{"SupportRace", func(t *testing.T, s Stores) { RaceSupports(t, 50, 20, s) }},
		{"Votes", testPartVotes},
		{"VoteRace", func(t *testing.T, s Stores) { RaceVotes(t, 3, 12, s) }},
		{"CommentRace", func(t *testing.T, s Stores) { RaceComments(t, 30, s) }},
		{"Status", testPartStatus},
		{"Comments", testPartComments},
		{"Reports", testPartReports},
		{"Merge", testPartMerge},
		{"Follow", testPartFollow},
		{"Profiles", testPartProfiles},
		{"DeleteAccount", testPartDeleteAccount},
		{"CountRecent", testPartCountRecent},
		{"Stats", testPartStats},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, s) })
	}
}

var partSeq atomic.Int64

// partUser creates an account with a unique address.
func partUser(t testing.TB, s Stores, name string) *account.User {
	t.Helper()
	u := &account.User{Email: fmt.Sprintf("%s%d@example.org", name, partSeq.Add(1)), DisplayName: name, PasswordHash: "x", Locale: "de", CreatedAt: t0}
	if err := s.CreateUser(ctx, u, nil, nil); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	return u
}

// partSpace creates a post-moderated space with a threshold of 3
// supports and 14 days to answer, and 2 votes per person.
func partSpace(t testing.TB, s Stores, slug string) *participation.Space {
	t.Helper()
	sp := &participation.Space{Slug: slug, Title: "Ideen " + slug, TitleEN: "Ideas", Description: "Was sollen wir verbessern?",
		Moderation: participation.PostModeration, SupportThreshold: 3, AnswerDays: 14, VotesPerPerson: 2,
		Categories: []string{"Verkehr", "Digitales"}, CreatedAt: t0}
	if err := partStore(t, s).CreateSpace(ctx, sp); err != nil {
		t.Fatalf("CreateSpace: %v", err)
	}
	return sp
}

// partIdea creates a published idea by author (nil: none) at t0+offset.
func partIdea(t testing.TB, s Stores, sp *participation.Space, author *account.User, title string, offset time.Duration) *participation.Idea {
	t.Helper()
	i := &participation.Idea{SpaceID: sp.ID, Title: title, Body: "Beschreibung von " + title, Category: "Verkehr",
		Status: participation.StatusReceived, Moderation: participation.Published, Version: 1,
		CreatedAt: t0.Add(offset), UpdatedAt: t0.Add(offset)}
	if author != nil {
		i.AuthorID, i.AuthorName = &author.ID, "Pseudonym "+author.DisplayName
	}
	if err := partStore(t, s).CreateIdea(ctx, i, participation.Effects{}); err != nil {
		t.Fatalf("CreateIdea: %v", err)
	}
	return i
}

func findIdea(t testing.TB, s Stores, id int64) *participation.Idea {
	t.Helper()
	i, err := partStore(t, s).FindIdea(ctx, id)
	if err != nil {
		t.Fatalf("FindIdea %d: %v", id, err)
	}
	return i
}

// ideaEvents lists the events recorded for an idea under process "participation".
func ideaEvents(t testing.TB, s Stores, id int64) []string {
	t.Helper()
	evs, err := s.FindEvents(ctx, processlog.Filter{Process: "participation", CaseID: fmt.Sprint(id)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Activity)
	}
	return out
}

func ideaEvent(id int64, activity string, at time.Time) processlog.Event {
	return processlog.Event{Process: "participation", CaseID: fmt.Sprint(id), Activity: activity, At: at, Resource: "test"}
}

func wantKey(t *testing.T, what string, err error, kind fault.Kind, key string) {
	t.Helper()
	f := fault.As(err)
	if f == nil || f.Kind != kind || (key != "" && f.Key != key) {
		t.Errorf("%s = %v, want %v %q", what, err, kind, key)
	}
}

func testPartSpaces(t *testing.T, s Stores) {
	ps := partStore(t, s)
	if _, err := ps.FindSpace(ctx, 99999); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindSpace missing = %v, want NotFound", err)
	}
	o := &org.Org{Kind: org.KindUnit, Slug: "beteiligung", Name: "Büro für Bürgerbeteiligung", CreatedAt: t0}
	must(t, s.CreateOrg(ctx, o))
	sp := partSpace(t, s, "spaces-a")
	sp.OrgID = &o.ID
	sp.Moderation = participation.PreModeration
	sp.Phases = []participation.Phase{
		{Kind: participation.PhaseCollecting, From: t0, To: t0.Add(48 * time.Hour), Note: "Ideen sammeln"},
		{Kind: participation.PhasePrioritising, From: t0.Add(48 * time.Hour).In(time.FixedZone("CET", 3600)), To: t0.Add(96 * time.Hour)},
	}
	must(t, ps.UpdateSpace(ctx, sp))
	got, err := ps.FindSpaceBySlug(ctx, "spaces-a")
	if err != nil {
		t.Fatal(err)
	}
	want := *sp
	want.CreatedAt = t0.Truncate(time.Microsecond)
	want.Phases = nil
	for _, p := range sp.Phases {
		p.From, p.To = p.From.Truncate(time.Microsecond), p.To.Truncate(time.Microsecond)
		want.Phases = append(want.Phases, p)
	}
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("space (-want +got):\n%s", d)
	}
	if got.Phases[1].From.Location() != time.UTC {
		t.Errorf("phase time in %v, want UTC", got.Phases[1].From.Location())
	}
	dup := &participation.Space{Slug: "spaces-a", Title: "Doppelt", Moderation: participation.PostModeration, CreatedAt: t0}
	wantKey(t, "CreateSpace with a taken slug", ps.CreateSpace(ctx, dup), fault.Invalid, "")
	other := partSpace(t, s, "spaces-b")
	if other.Categories == nil || got.ID == other.ID {
		t.Errorf("second space = %+v", other)
	}
	all, err := ps.FindSpaces(ctx)
	must(t, err)
	var slugs []string
	for _, x := range all {
		slugs = append(slugs, x.Slug)
	}
	if len(slugs) < 2 || !contains(slugs, "spaces-a") || !contains(slugs, "spaces-b") {
		t.Errorf("FindSpaces slugs = %v", slugs)
	}
	missing := *sp
	missing.ID = 99999
	wantKey(t, "UpdateSpace missing", ps.UpdateSpace(ctx, &missing), fault.NotFound, "error.not_found")
}

func contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func testPartIdeas(t *testing.T, s Stores) {
	ps := partStore(t, s)
	sp := partSpace(t, s, "ideas")
	u := partUser(t, s, "erika")
	lat, lon := 50.927, 11.586
	svc := int64(42)
	i := &participation.Idea{SpaceID: sp.ID, Title: "Radweg", Body: "Bitte durchgehend", Category: "Verkehr", ServiceID: &svc,
		Place: &participation.Place{Label: "Löbdergraben", Lat: &lat, Lon: &lon}, AuthorID: &u.ID, AuthorName: "Saalenixe",
		Moderation: participation.Pending, CreatedAt: t0, Supports: 7}
	fx := participation.Effects{
		Mails:  []mail.Message{{To: "mod@example.org", Subject: "Neue Idee", Text: "Es gibt Neuigkeiten.", CreatedAt: t0}},
		Events: []processlog.Event{ideaEvent(0, "proposed", t0)},
	}
	must(t, ps.CreateIdea(ctx, i, fx))
	if i.ID == 0 || i.Version != 1 || i.Status != participation.StatusReceived || i.Supports != 0 || !i.UpdatedAt.Equal(t0) {
		t.Errorf("created idea = %+v", i)
	}
	got := findIdea(t, s, i.ID)
	want := *i
	want.CreatedAt, want.UpdatedAt = t0.Truncate(time.Microsecond), t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindIdea (-want +got):\n%s", d)
	}
	msgs, err := s.FindMessages(ctx, mail.Filter{To: "mod@example.org"})
	if err != nil || len(msgs) != 1 || fx.Mails[0].ID == 0 || fx.Events[0].ID == 0 {
		t.Errorf("effects: mails %v, %v; ids %d %d", msgs, err, fx.Mails[0].ID, fx.Events[0].ID)
	}
	plain := partIdea(t, s, sp, nil, "Ohne Ort", time.Minute)
	if g := findIdea(t, s, plain.ID); g.Place != nil || g.AuthorID != nil || g.ServiceID != nil {
		t.Errorf("idea without place, author, service = %+v", g)
	}
	if _, err := ps.FindIdea(ctx, 99999); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindIdea missing = %v, want NotFound", err)
	}
}
