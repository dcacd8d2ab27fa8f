package web

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// The participation fixture, shared by the citizen pages
// (participation_citizen*_test.go), the staff pages
// (participation_staff*_test.go) and the API tests:
//
//	e := newParticipationEnv(t)
//	e.login(e.erika)               // citizen with the pseudonym "Saalenixe"
//	e.login(e.max)                 // citizen "Kernberg42"
//	e.login(e.noname)              // citizen without a pseudonym yet
//	e.login(e.moderator)           // moderator of unit "buergerbeteiligung"
//	e.login(e.answerer)            // case worker of that unit: answers, does not moderate
//	e.login(e.outsider)            // case worker of another unit
//	e.ideas["radweg"]              // ids of the seeded ideas
//
// It is newEnv (clock at testNow, movable as e.clock) with orgs and a
// participation.Service (e.part) on the same SQLite database. Spaces:
//
//   - "ideen": post-moderation, categories Verkehr, Digitales, Umwelt;
//     3 supports make the city promise an answer within 14 days. Ideas
//     "radweg" (Verkehr, by erika, 2 supports: max and moderator),
//     "formulare" (Digitales, by max), "baeume" (Umwelt, by erika,
//     answered "planned").
//   - "vorab": pre-moderation; no ideas.
//   - "naechste-leistung": a process "Welche Leistung soll als nächstes
//     online gehen?" in its prioritising phase (since testNow-1 day, for
//     14 days), 3 votes per person, ideas "wohngeld", "kita", "sperrmuell"
//     (written directly, as they were collected in the phase before).
type participationEnv struct {
	*testEnv
	clock                         *testClock
	part                          *participation.Service
	unit, other                   *org.Org
	erika, max, noname            *account.User
	moderator, answerer, outsider *account.User
	space, pre, process           *participation.Space
	ideas                         map[string]int64
}

// withParticipation gives the server a participation service on its
// database, on clock. Run it after withOrgs.
func withParticipation(clock *testClock) func(*Options) {
	return func(o *Options) {
		o.Now = clock.Now
		db := o.Audit
		o.Participation = &participation.Service{Store: any(db).(participation.Store), Accounts: any(db).(participation.Accounts),
			Orgs: o.Orgs, Audit: db, T: o.Catalog, Now: clock.Now, BaseURL: "http://rathaus.test"}
	}
}

func newParticipationEnv(t testing.TB, change ...func(*Options)) *participationEnv {
	t.Helper()
	clock := &testClock{t: testNow}
	te := newEnv(t, append(change, withOrgs, withParticipation(clock))...)
	e := &participationEnv{testEnv: te, clock: clock, part: te.srv.opts.Participation, ideas: map[string]int64{}}
	ctx := context.Background()
	orgs := te.srv.opts.Orgs
	group := &org.Org{Slug: "jena", Name: "Stadtverbund Jena", Kind: org.KindGroup}
	mustDo(t, orgs.Create(ctx, group))
	city := &org.Org{Slug: "stadt", Name: "Stadtverwaltung Jena", Kind: org.KindOrganisation, ParentID: &group.ID}
	mustDo(t, orgs.Create(ctx, city))
	e.unit = &org.Org{Slug: "buergerbeteiligung", Name: "Büro für Bürgerbeteiligung", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.unit))
	e.other = &org.Org{Slug: "standesamt", Name: "Team Standesamt", Kind: org.KindUnit, ParentID: &city.ID}
	mustDo(t, orgs.Create(ctx, e.other))

	e.erika, e.max, e.noname = e.user("erika@example.org", false), e.user("max@example.org", false), e.user("nora@example.org", false)
	e.moderator, e.answerer, e.outsider = e.user("mona@example.org", false), e.user("arne@example.org", false), e.user("olaf@example.org", false)
	for _, g := range []struct {
		u    *account.User
		role string
		o    *org.Org
	}{{e.moderator, org.RoleModerator, e.unit}, {e.answerer, org.RoleCaseWorker, e.unit}, {e.outsider, org.RoleCaseWorker, e.other}} {
		if _, err := orgs.Grant(ctx, nil, g.u.ID, g.role, g.o.ID); err != nil {
			t.Fatal(err)
		}
	}
	for u, name := range map[*account.User]string{e.erika: "Saalenixe", e.max: "Kernberg42", e.moderator: "Moderation Mona", e.answerer: "Stadt Jena - Arne"} {
		mustDo(t, e.part.SetPseudonym(ctx, u.ID, name))
	}

	admin := org.Actor{PlatformAdmin: true}
	e.space = &participation.Space{Slug: "ideen", Title: "Ideen und Wünsche", TitleEN: "Ideas and wishes",
		Description: "Was sollen wir verbessern, was digitalisieren?", OrgID: &e.unit.ID, Moderation: participation.PostModeration,
		SupportThreshold: 3, AnswerDays: 14, Categories: []string{"Verkehr", "Digitales", "Umwelt"}}
	mustDo(t, e.part.SaveSpace(ctx, admin, e.space))
	e.pre = &participation.Space{Slug: "vorab", Title: "Vorab moderiert", OrgID: &e.unit.ID, Moderation: participation.PreModeration}
	mustDo(t, e.part.SaveSpace(ctx, admin, e.pre))
	day := 24 * time.Hour
	e.process = &participation.Space{Slug: "naechste-leistung", Title: "Welche Leistung soll als nächstes online gehen?",
		TitleEN: "Which service should go online next?", OrgID: &e.unit.ID, Moderation: participation.PostModeration, VotesPerPerson: 3,
		Phases: []participation.Phase{
			{Kind: participation.PhaseInformation, From: testNow.Add(-30 * day), To: testNow.Add(-20 * day)},
			{Kind: participation.PhaseCollecting, From: testNow.Add(-20 * day), To: testNow.Add(-day)},
			{Kind: participation.PhasePrioritising, From: testNow.Add(-day), To: testNow.Add(13 * day)},
			{Kind: participation.PhaseResults, From: testNow.Add(13 * day), To: testNow.Add(60 * day)},
		}}
	mustDo(t, e.part.SaveSpace(ctx, admin, e.process))

	propose := func(key string, by *account.User, title, body, category string) {
		i := &participation.Idea{SpaceID: e.space.ID, Title: title, Body: body, Category: category}
		mustDo(t, e.part.Propose(ctx, by.ID, i))
		e.ideas[key] = i.ID
	}
	propose("radweg", e.erika, "Sicherer Radweg am Löbdergraben", "Der Radweg endet mitten im Verkehr. Bitte eine durchgehende, markierte Spur bis zum Holzmarkt.", "Verkehr")
	propose("formulare", e.max, "Alle Formulare auch online einreichen", "Viele Anträge muss man noch ausdrucken und unterschreiben. Bitte alles online anbieten.", "Digitales")
	propose("baeume", e.erika, "Mehr Bäume in der Innenstadt", "Im Sommer wird es auf dem Markt sehr heiß. Mehr Schatten durch Bäume würde helfen.", "Umwelt")
	for _, u := range []*account.User{e.max, e.moderator} {
		if _, _, err := e.part.Support(ctx, u.ID, e.ideas["radweg"]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.part.Answer(ctx, org.Actor{UserID: e.answerer.ID}, e.ideas["baeume"], 1, participation.StatusPlanned,
		"Im Frühjahr pflanzen wir zwölf Linden am Markt.", "de"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ key, title string }{
		{"wohngeld", "Wohngeld vollständig online beantragen"},
		{"kita", "Kita-Platz online suchen und anmelden"},
		{"sperrmuell", "Sperrmüll online bestellen"},
	} {
		author := e.erika.ID
		i := &participation.Idea{SpaceID: e.process.ID, Title: p.title, Body: p.title + ": bitte als nächstes digitalisieren.",
			AuthorID: &author, AuthorName: "Saalenixe", Status: participation.StatusReceived, Moderation: participation.Published,
			Version: 1, CreatedAt: testNow.Add(-10 * day), UpdatedAt: testNow.Add(-10 * day)}
		mustDo(t, e.part.Store.CreateIdea(ctx, i, participation.Effects{}))
		e.ideas[p.key] = i.ID
	}
	return e
}
